"""Benchmark of the page reader: decode + normalize + segment + stitch, in MB of page text per second.

Generates a synthetic issue set from real-looking lines (the sample issue's paragraphs re-wrapped at
random widths, column breaks, letter-spaced lines, bylines, datelines and jumps), then times reading
it on one core. Also times stitching alone for issues with growing numbers of jumps, to show how it
scales (goal: no faster than n log n). Run: ``make bench`` or ``python bench/reading.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import random
import time

from common import goal

from syndicate import normalize, pipeline, segment, stitch
from syndicate.config import SAMPLE_DIR
from syndicate.model import Issue, Page
from syndicate.sources.decode import decode_page

IND = "\u3000\u3000"
CN = "〇一二三四五六七八九"


def _corpus_paragraphs() -> list[str]:
    paras: list[str] = []
    for path in sorted((SAMPLE_DIR / "2023-10-24").glob("page-*.txt")):
        reading = pipeline.read(
            Issue(
                dt.date(2023, 10, 24),
                (Page(1, "s", path.read_text(encoding="utf-8"), str(path), "utf-8", "x"),),
            )
        )
        paras += [p for a in reading.articles for p in a.paragraphs]
    return paras


def _wrap(text: str, rng: random.Random) -> list[str]:
    width = rng.randint(12, 16)
    lines = []
    for k in range(0, len(text), width):
        piece = text[k : k + width]
        if rng.random() < 0.05:
            piece = " ".join(piece)  # a justified, letter-spaced line
        if k and rng.random() < 0.1:
            lines.append("")  # a column break
        lines.append((IND if k == 0 else "") + piece)
    return lines


def _label(n: int) -> str:
    return CN[n] if n < 10 else str(n)


def make_issue(rng: random.Random, pages: int, articles_per_page: int, paras: list[str]) -> Issue:
    """A synthetic issue: each page's last article jumps to the next page, whose first fragment continues it."""
    texts: list[list[str]] = [[] for _ in range(pages)]
    jumped = ""
    for p in range(pages):
        if p:
            texts[p] += [f"{IND}（上接第{_label(p)}版）"] + _wrap(jumped, rng)
        for a in range(articles_per_page):
            texts[p] += ["", f"新区第{p + 1}版第{a + 1}篇新闻标题示例", f"{IND}□记者 李涛 报道"]
            body = [rng.choice(paras) for _ in range(rng.randint(2, 5))]
            jumped = body[-1]  # the continuation goes on about the same thing
            body[0] = "本报10月24日讯 " + body[0]
            if a == articles_per_page - 1 and p < pages - 1:
                body[-1] = body[-1] + f"（下转第{_label(p + 2)}版）"
            for para in body:
                texts[p] += _wrap(para, rng)
    page_list = []
    for n, lines in enumerate(texts, 1):
        data = "\n".join(lines).encode("gb18030" if n % 2 else "utf-8")
        decoded = decode_page(data, f"page-{n:02d}.txt")
        page_list.append(
            Page(
                n,
                f"p{n}",
                decoded.text,
                f"page-{n:02d}.txt",
                decoded.encoding,
                hashlib.sha256(data).hexdigest(),
            )
        )
    return Issue(dt.date(2023, 10, 24), tuple(page_list))


def bench_throughput(issues: int, seed: int) -> None:
    rng = random.Random(seed)
    paras = _corpus_paragraphs()
    raw: list[list[tuple[bytes, str]]] = []
    for _ in range(issues):
        issue = make_issue(rng, pages=8, articles_per_page=6, paras=paras)
        raw.append([(p.text.encode("gb18030" if p.number % 2 else "utf-8"), p.source) for p in issue.pages])
    size = sum(len(d) for pages in raw for d, _ in pages)
    # Warm up on an issue left out of the figure: the reader's patterns compile on first use
    # (lazyre), a one-time cost that bench/startup.py measures, not a cost per MB.
    warm = make_issue(random.Random(seed + 1), pages=8, articles_per_page=6, paras=paras)
    pipeline.read(warm)
    start = time.process_time()
    articles = 0
    for pages in raw:
        decoded = [decode_page(d, name) for d, name in pages]
        issue = Issue(
            dt.date(2023, 10, 24),
            tuple(Page(n, f"p{n}", x.text, name, x.encoding, "") for n, (x, (_, name)) in enumerate(zip(decoded, pages, strict=True), 1)),
        )  # fmt: skip
        articles += len(pipeline.read(issue).articles)
    took = time.process_time() - start
    print(
        f"reading: {issues} issues, {size / 1e6:.1f} MB of page text, {articles} articles in {took:.2f} s CPU"
    )
    utf8 = sum(len(decode_page(d, n).text.encode()) for pages in raw for d, n in pages)
    print(
        f"reading: {size / 1e6 / took:.1f} MB/s as delivered (half UTF-8, half GB18030), "
        f"{utf8 / 1e6 / took:.1f} MB/s of UTF-8 text, one core (decode + normalize + segment + stitch)"
    )
    goal("reading: MB/s of page text (as UTF-8), one core", utf8 / 1e6 / took, ">=", 10, unit=" MB/s")


def bench_stitch_scaling(seed: int) -> None:
    rng = random.Random(seed)
    paras = _corpus_paragraphs()
    print("stitch scaling: jumps per issue -> stitch time (ms), time / (n log n)")
    base = None
    for pages in (4, 16, 64, 256):
        issue = make_issue(rng, pages=pages, articles_per_page=3, paras=paras)
        fragments, orphans = [], []
        for page in issue.pages:
            f, o = segment.split(page.number, normalize.blocks(page.text))
            fragments += f
            orphans += o
        sections = {p.number: p.section for p in issue.pages}
        start = time.perf_counter()
        for _ in range(3):
            reading = stitch.stitch(issue.date, fragments, orphans, sections)
        took = (time.perf_counter() - start) / 3 * 1000
        n = pages - 1
        ratio = took / (n * math.log2(n + 1))
        base = base or ratio
        linked = sum(len(a.parts) - 1 for a in reading.articles)
        print(
            f"  n={n:4d} jumps ({linked} stitched): {took:8.2f} ms   per n log n: {ratio / base:.2f}x of n=3"
        )


def bench_fan_in(seed: int) -> None:
    """All jumps of an issue land on one page: the worst case for matching."""
    rng = random.Random(seed)
    paras = _corpus_paragraphs()
    print("stitch fan-in: n articles of page 1 all jump to page 2, continuations shuffled")
    base = None
    for n in (4, 16, 64, 256):
        bodies = [rng.sample(paras, 2) for _ in range(n)]
        page1: list[str] = []
        for k, (a, _) in enumerate(bodies):
            page1 += ["", f"第{k + 1}篇新闻标题示例", *_wrap("本报讯 " + a + "（下转第二版）", rng)]
        page2: list[str] = []
        for k in rng.sample(range(n), n):
            page2 += [
                "",
                f"{IND}（上接第一版）",
                *_wrap(bodies[k][0][: len(bodies[k][0]) // 2] + bodies[k][1], rng),
            ]
        issue = Issue(
            dt.date(2023, 10, 24),
            tuple(Page(i, f"p{i}", "\n".join(t), "x", "utf-8", "") for i, t in ((1, page1), (2, page2))),
        )
        fragments = [f for p in issue.pages for f in segment.split(p.number, normalize.blocks(p.text))[0]]
        start = time.perf_counter()
        reading = stitch.stitch(issue.date, fragments, [], {1: "a", 2: "b"})
        took = (time.perf_counter() - start) * 1000
        ratio = took / (n * math.log2(n + 1))
        base = base or ratio
        linked = sum(len(a.parts) - 1 for a in reading.articles)
        print(
            f"  n={n:4d} jumps ({linked} stitched): {took:8.2f} ms   per n log n: {ratio / base:.2f}x of n=4"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--issues", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    bench_throughput(a.issues, a.seed)
    bench_stitch_scaling(a.seed)
    bench_fan_in(a.seed)


if __name__ == "__main__":
    main()
