"""Benchmark of the page reader on English pages (paragraphs not marked: read by line shape).

Synthetic issues in the image of OCR'd US dailies: headlines, bylines and staff lines, paragraphs
wrapped at 28-36 characters on word boundaries, a blank line at a column break every 10-13 lines,
a blank line between articles, and each page's last story jumping to the next page
(``See KEYWORD, page N`` / ``KEYWORD`` / ``From page N``). Run: ``make bench`` or
``python bench/reading_en.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from common import goal

from syndicate import pipeline
from syndicate.model import Issue, Page

_VOCABULARY = """the council board school city county state officials said would could plan vote budget
year week students members program report service road bridge water police court judge trial case
team game season coach players win loss night morning hearing meeting public money tax funds project
land housing families workers union contract hospital health center campus faculty department study
research agency federal new first last two three four more than after before during while because
since about against between into over under with from for and but not also"""
WORDS = tuple(_VOCABULARY.split())
NAMES = ("Maria Lopez", "Dan Ortiz", "Ann Lee", "Rod Santos", "Kim Foster", "Jay Garner", "Li Wei")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice((".", ".", ".", ",” he said."))


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return [*lines, cur]


def _page(rng: random.Random, n: int, pages: int, stories: int, jumped: str | None) -> str:
    out: list[str] = []
    if jumped:
        out += [jumped.upper(), f"From page {n - 1}"] + _wrap(_paragraph(rng), 32)
    for k in range(stories):
        if out:
            out.append("")
        out += [
            " ".join(rng.choice(WORDS) for _ in range(5)).title(),
            f"By {rng.choice(NAMES)}",
            "Staff Writer",
        ]
        width, since = rng.randint(28, 36), 0
        for _ in range(rng.randint(4, 9)):
            for line in _wrap(_paragraph(rng), width):
                since += 1
                if since > rng.randint(10, 13):
                    out.append("")
                    since = 0
                out.append(line)
        if k == stories - 1 and n < pages:
            out.append(f"See {rng.choice(WORDS).upper()}, page {n + 1}")
    return "\n".join(out) + "\n"


def bench_throughput(issues: int, seed: int) -> None:
    rng = random.Random(seed)
    made = []
    for _ in range(issues):
        texts, jumped = [], None
        for n in range(1, 9):
            texts.append(_page(rng, n, 8, 5, jumped))
            jumped = texts[-1].rsplit("See ", 1)[-1].split(",")[0] if n < 8 else None
        made.append(Issue(dt.date(1990, 1, 29), tuple(Page(n, f"p{n}", t, f"page-{n:02d}.txt", "utf-8", "")
                                                        for n, t in enumerate(texts, 1))))  # fmt: skip
    size = sum(len(p.text.encode()) for i in made[1:] for p in i.pages)
    # The first issue warms up and is left out of the figure: the reader's patterns compile on
    # first use (lazyre), a one-time cost that bench/startup.py measures, not a cost per MB.
    pipeline.read(made[0], "en")
    start = time.process_time()
    articles = sum(len(pipeline.read(issue, "en").articles) for issue in made[1:])
    took = time.process_time() - start
    print(
        f"reading English: {issues - 1} issues, {size / 1e6:.1f} MB, {articles} articles in {took:.2f} s CPU"
    )
    goal("reading English: MB/s of page text, one core", size / 1e6 / took, ">=", 10, unit=" MB/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--issues", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    bench_throughput(a.issues, a.seed)


if __name__ == "__main__":
    main()
