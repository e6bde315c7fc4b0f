"""A ``Reading`` as the JSON document of CONTRACT.md section 2, and its human-readable forms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .model import Article, BoundaryDecision, FragmentKind, JumpDecision, Reading


def article_json(a: Article) -> dict[str, Any]:
    """One article as ``syndicate articles --json`` prints it (not the stored form: ``store.codec``)."""
    return {
        "id": a.id,
        "section": a.section,
        "headline": a.headline,
        "headline_derived": a.headline_derived,
        "kicker": a.kicker,
        "subheadline": a.subheadline,
        "byline": list(a.byline),
        "dateline": a.dateline,
        "paragraphs": list(a.paragraphs),
        "parts": [
            {
                "page": p.page,
                "order": p.order,
                "lines": [p.first_line, p.last_line],
                "first": p.first,
                "last": p.last,
            }
            for p in a.parts
        ],
        "complete": a.complete,
        "unresolved_jump": (
            {"to_page": a.unresolved_jump.page, "marker": a.unresolved_jump.marker}
            if a.unresolved_jump
            else None
        ),
        "kind": a.kind.value,
        "byline_text": a.byline_text,
        "language": a.language,
    }


def reading_to_json(r: Reading, problems: Sequence[str] | None = None) -> dict[str, Any]:
    """The document of CONTRACT.md section 2; ``problems``: the issue's and the reading's (default:
    the reading's own)."""
    return {
        "date": r.date.isoformat(),
        "articles": [article_json(a) for a in r.articles],
        "orphans": [
            {"page": o.page, "order": o.order, "lines": [o.first_line, o.last_line], "text": o.text}
            for o in r.orphans
        ],
        "problems": list(r.problems if problems is None else problems),
    }


def _decision(d: JumpDecision) -> str:
    to = f"page {d.to_page} #{d.to_order}" if d.to_order else f"page {d.to_page}: unresolved"
    evidence = ", ".join(f"{k}={v:.3f}" for k, v in sorted(d.evidence.items()))
    return (
        f"jump page {d.from_page} #{d.from_order} -> {to}  score={d.score:.3f} {evidence} {d.note}".rstrip()
    )


def _boundary(b: BoundaryDecision) -> str:
    evidence = ", ".join(f"{k}={v:.3f}" for k, v in sorted(b.evidence.items()))
    verdict = "new article" if b.split else "same article"
    return f"boundary page {b.page} line {b.line}: {verdict} ({b.note}) {evidence}".rstrip()


def _opened_by(a: Article) -> str:
    """The printed marks that opened an article, as the reader found them."""
    marks = [
        name
        for name, present in (
            ("kicker", a.kicker),
            ("printed headline", not a.headline_derived),
            ("deck", a.subheadline),
            ("byline", a.byline),
            ("dateline", a.dateline),
        )
        if present
    ]
    if a.kind is not FragmentKind.STORY:
        marks.insert(0, a.kind.value)
    return ", ".join(marks) or "no headline, byline or dateline: derived headline"


def _start(a: Article) -> tuple[tuple[int, int, int], str]:
    first = a.parts[0]
    spans = " + ".join(f"p{p.page} l{p.first_line}-{p.last_line}" for p in a.parts)
    headline = a.headline if len(a.headline) <= 30 else a.headline[:29] + "…"
    line = f"article page {first.page} line {first.first_line}: {_opened_by(a)} [{spans}] {headline}"
    return (first.page, first.first_line, 1), line  # after the boundary that opened it


def explain(r: Reading) -> str:
    """Where each article starts and the printed marks that opened it, with the evidence of each
    boundary no headline marks (in page and line order); the scores behind each jump; then what
    each of the desk's fixes (issue.toml ``[[fix]]``) changed."""
    starts = [_start(a) for a in r.articles if a.parts]
    boundaries = [((b.page, b.line, 0), _boundary(b)) for b in r.boundaries]
    ordered = [text for _, text in sorted(starts + boundaries, key=lambda item: item[0])]
    jumps = "\n".join(_decision(d) for d in r.decisions) or "no jumps"
    return "\n".join([*ordered, jumps, *(f"fix {f}" for f in r.fixed)])


def summary(r: Reading) -> str:
    lines = [f"{r.date}: {len(r.articles)} articles, {len(r.orphans)} orphan headline blocks"]
    for a in r.articles:
        pages = "+".join(str(p) for p in a.pages)
        flag = (
            ""
            if a.complete
            else f"  [incomplete: jumps to page {a.unresolved_jump.page if a.unresolved_jump else '?'}]"
        )
        mark = "*" if a.headline_derived else " "
        lines.append(f" {mark} p{pages:<6} {a.headline}{flag}")
    return "\n".join(lines)
