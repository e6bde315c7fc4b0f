"""The one module that knows the stage order: source -> normalize -> segment -> stitch -> store -> publish."""

from __future__ import annotations

from . import normalize, segment, stitch
from .model import Issue, Reading


def read(issue: Issue) -> Reading:
    """Read every page of an issue and stitch its articles (pure: no store, no output)."""
    fragments = []
    orphans = []
    for page in sorted(issue.pages, key=lambda p: p.number):
        blocks = normalize.blocks(page.text)
        page_fragments, page_orphans = segment.split(page.number, blocks)
        fragments.extend(page_fragments)
        orphans.extend(page_orphans)
    sections = {p.number: p.section for p in issue.pages}
    return stitch.stitch(issue.date, fragments, orphans, sections, issue.problems)
