"""What one pass did (``PassReport``): the counts of its log line and every problem it met."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Problem


@dataclass
class PassReport:
    """What one pass did: counts for the log line, and every problem met (none of them fatal)."""

    issues_seen: int = 0
    issues_new: int = 0
    issues_updated: int = 0
    articles_published: int = 0  # article pages written (released, new or changed)
    articles_embargoed: int = 0  # stored and exported to partners, public after release
    unresolved_jumps: int = 0
    files_written: int = 0
    feeds_pinged: int = 0  # changed feeds announced to the WebSub hub
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # not problems: what a pass did, e.g. withdrawals

    def summary(self) -> str:
        """One log line."""
        return (
            f"pass: {self.issues_seen} issue(s) seen, {self.issues_new} new, {self.issues_updated} updated; "
            f"{self.articles_published} article(s) published, {self.articles_embargoed} under embargo; "
            f"{self.unresolved_jumps} unresolved jump(s); {self.files_written} file(s) written; "
            f"{len(self.problems)} problem(s); {self.seconds:.2f} s"
        )
