"""What the benchmarks share: synthetic drop folders, one pass with a pinned clock, goal lines.

Every goal of issue 13 is a ratio between two figures measured in the same run (the machine is
shared and noisy: absolute times mean little). ``goal`` prints one line that ``bench/run.py``
collects into the closing table::

    GOAL <name>: <figure> (goal <op> <target>) met|NOT MET
"""

from __future__ import annotations

import datetime as dt
import operator
import random
import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from syndicate.config import SAMPLE_DIR

IND = "\u3000\u3000"
CN = "〇一二三四五六七八九"
SECTIONS = ["要闻", "综合", "经济", "民生", "文化", "体育", "国际", "副刊"]
FIRST_DAY = dt.date(2023, 1, 1)
_OPS: dict[str, Callable[[float, float], bool]] = {"<=": operator.le, ">=": operator.ge}


def goal(name: str, value: float, op: str, target: float, unit: str = "x", detail: str = "") -> bool:
    """Print one goal line; return whether the goal is met."""
    met = _OPS[op](value, target)
    extra = f"; {detail}" if detail else ""
    print(
        f"GOAL {name}: {value:.2f}{unit} (goal {op} {target:.3g}{unit}) {'met' if met else 'NOT MET'}{extra}"
    )
    return met


def syncfs(folder: Path) -> None:
    """``syncfs(2)`` of the file system holding ``folder`` (through libc: Python has no binding)."""
    import ctypes
    import os

    fd = os.open(folder, os.O_RDONLY)
    try:
        if ctypes.CDLL(None, use_errno=True).syncfs(fd) != 0:
            raise OSError(ctypes.get_errno(), "syncfs failed")
    finally:
        os.close(fd)


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def sample_paragraphs() -> list[str]:
    """The sample issue's paragraphs (as the reader finds them), to build pages in their image."""
    from syndicate import pipeline
    from syndicate.model import Issue, Page

    paras: list[str] = []
    for path in sorted((SAMPLE_DIR / "2023-10-24").glob("page-*.txt")):
        page = Page(1, "s", path.read_text(encoding="utf-8"), str(path), "utf-8", "x")
        reading = pipeline.read(Issue(dt.date(2023, 10, 24), (page,)))
        paras += [p for a in reading.articles for p in a.paragraphs]
    return paras


def _wrap(text: str, rng: random.Random) -> list[str]:
    width = rng.randint(12, 16)
    lines = []
    for k in range(0, len(text), width):
        if k and rng.random() < 0.1:
            lines.append("")  # a column break
        lines.append((IND if k == 0 else "") + text[k : k + width])
    return lines


def _label(n: int) -> str:
    return CN[n] if n < 10 else str(n)


def page_texts(day: dt.date, pages: int, per_page: int, paras: list[str], rng: random.Random) -> list[str]:
    """One issue's pages: ``per_page`` articles each, the last one jumping to the next page."""
    texts: list[list[str]] = [[] for _ in range(pages)]
    jumped = ""
    for p in range(pages):
        if p:
            texts[p] += [f"{IND}（上接第{_label(p)}版）", *_wrap(jumped, rng)]
        for a in range(per_page):
            texts[p] += [
                "",
                f"{day.month}月{day.day}日第{p + 1}版第{a + 1}篇新闻标题",
                f"{IND}□记者 李涛 报道",
            ]
            body = [rng.choice(paras) for _ in range(rng.randint(2, 5))]
            jumped = body[-1]
            body[0] = f"本报{day.month}月{day.day}日讯 " + body[0]
            if a == per_page - 1 and p < pages - 1:
                body[-1] += f"（下转第{_label(p + 2)}版）"
            for para in body:
                texts[p] += _wrap(para, rng)
    return ["\n".join(lines) + "\n" for lines in texts]


def drop_folder(
    root: Path, days: Iterable[dt.date], pages: int = 8, per_page: int = 6, seed: int = 13
) -> Path:
    """``root/<date>/page-NN.txt`` for every date, each issue different (seeded, so reproducible)."""
    rng = random.Random(seed)
    paras = sample_paragraphs()
    for day in days:
        folder = root / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        for n, text in enumerate(page_texts(day, pages, per_page, paras, rng), 1):
            (folder / f"page-{n:02d}.txt").write_text(text, encoding="utf-8")
    return root


def dates(n: int, first: dt.date = FIRST_DAY) -> list[dt.date]:
    return [first + dt.timedelta(days=k) for k in range(n)]


def released_after(day: dt.date) -> dt.datetime:
    """A moment at which the issue of ``day`` (and every earlier one) is released."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(12), tzinfo=dt.UTC)


def settings_for(src: Path, out: Path) -> Any:
    from syndicate import config

    return config.defaults(out, src)


def run_pass(settings: Any, now: dt.datetime, day_list: list[dt.date] | None = None) -> Any:
    """One pass through whichever entry point the pipeline has (``run`` after issue 9, else ``run_pass``)."""
    from syndicate import pipeline

    entry = getattr(pipeline, "run", None) or pipeline.run_pass
    return entry(settings, dates=day_list, now=now)
