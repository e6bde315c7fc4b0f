"""Fragments of an issue -> whole articles: continuation jumps decided from evidence (pure).

Every jump-out (``（下转第二版）``) and jump-in (``（上接第一版）``) of an issue is scored pairwise
within its (source page, target page) bucket, and one assignment per bucket is solved
(``assignment.maximize``), so each fragment is used at most once. Evidence:
rare character bigrams shared by the two sides, a jump head repeating the headline, a part cut
mid-sentence continuing a fragment whose text runs straight on from its marker; order is only
the last tie-break. Papers that print only the jump-in are matched the same way against the
source page's articles that have no jump-out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from . import assignment, rules
from .lead import derive_headline
from .model import Article, Fragment, FragmentKind, Jump, JumpDecision, Orphan, Part, Reading
from .text import bigrams, join

MIN_SCORE = 0.08  # below this a pair is no evidence of a continuation at all
MIN_SCORE_NO_OUT = 0.25  # stricter when the source page printed no jump-out
DENSE_LIMIT = 1024  # pairs in one bucket solved exactly; beyond, candidates by rare bigrams
CANDIDATES = 8  # candidates per jump-out in a large bucket
RARE = 24  # rarest bigrams of a fragment used to find candidates
Key = tuple[int, int]  # (page, order)


def _key(f: Fragment) -> Key:
    return (f.page, f.order)


class _Evidence:
    """Bigram weights: a bigram found in few of the issue's jump fragments is strong evidence.

    Document frequencies come from the fragments that carry a jump marker; other fragments (the
    candidates of a jump-in printed without a jump-out) get their bigrams only when asked.
    """

    def __init__(self, fragments: list[Fragment]) -> None:
        self.by_key = {_key(f): f for f in fragments}
        self._grams: dict[Key, set[str]] = {}
        base = [f for f in fragments if f.jump_out or f.jump_in]
        df: Counter[str] = Counter()
        for f in base:
            df.update(self.grams(_key(f)))
        self.n = max(len(base), 2)
        # 1 + log: never 0, so a tiny issue whose two fragments share everything still has evidence.
        self.idf = {g: 1.0 + math.log(self.n / c) for g, c in df.items()}

    def grams(self, key: Key) -> set[str]:
        if key not in self._grams:
            self._grams[key] = bigrams("".join(self.by_key[key].paragraphs))
        return self._grams[key]

    def weight(self, g: str) -> float:
        return self.idf.get(g) or 1.0 + math.log(self.n)

    def rarest(self, key: Key) -> list[str]:
        return sorted(self.grams(key), key=lambda g: (-self.weight(g), g))[:RARE]

    def shared(self, a: Key, b: Key) -> float:
        ga, gb = self.grams(a), self.grams(b)
        if not ga or not gb:
            return 0.0
        w = self.weight
        common = sum(w(g) for g in ga & gb)
        smaller = min(sum(w(g) for g in ga), sum(w(g) for g in gb)) or 1.0
        return common / smaller


def _unfinished(text: str) -> bool:
    """Cut mid-sentence: the text does not end with a sentence end."""
    return not rules.SENTENCE_END.search(text)


def _score(out: Fragment, into: Fragment, ev: _Evidence, head: str | None) -> dict[str, float]:
    evidence = {"text": ev.shared(_key(out), _key(into))}
    if into.headline and head:
        a, b = bigrams(into.headline), bigrams(head)
        evidence["jump_head"] = len(a & b) / max(1, min(len(a), len(b)))
    if out.paragraphs and _unfinished(out.paragraphs[-1]) and into.run_in:
        evidence["mid_sentence"] = 0.15
    return evidence


def _assign(
    outs: list[Fragment], ins: list[Fragment], ev: _Evidence, heads: Mapping[Key, str | None], floor: float
) -> list[tuple[Fragment, Fragment | None, dict[str, float]]]:
    """Solve one bucket: each jump-out gets at most one jump-in, each jump-in at most one source."""
    if len(outs) * len(ins) > DENSE_LIMIT:
        return _assign_sparse(outs, ins, ev, heads, floor)
    table = [[_score(o, i, ev, heads.get(_key(o))) for i in ins] for o in outs]
    # Order as the last tie-break: the k-th jump prefers the k-th continuation, by a hair.
    scores = [[sum(e.values()) - 1e-6 * abs(r - c) for c, e in enumerate(row)] for r, row in enumerate(table)]
    chosen = {r: c for r, c in assignment.maximize(scores) if scores[r][c] >= floor}
    return [(o, ins[chosen[r]] if r in chosen else None, table[r][chosen[r]] if r in chosen else {})
            for r, o in enumerate(outs)]  # fmt: skip


def _assign_sparse(
    outs: list[Fragment], ins: list[Fragment], ev: _Evidence, heads: Mapping[Key, str | None], floor: float
) -> list[tuple[Fragment, Fragment | None, dict[str, float]]]:
    """Large buckets: score only candidates sharing rare bigrams, then take pairs best-first.

    Keeps stitching near n log n when hundreds of jumps land on one page; the exact assignment
    is kept for the sizes real issues have.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for c, f in enumerate(ins):
        for g in ev.rarest(_key(f)):
            index[g].append(c)
    pairs: list[tuple[float, int, int, dict[str, float]]] = []
    for r, o in enumerate(outs):
        votes: Counter[int] = Counter(c for g in ev.rarest(_key(o)) for c in index.get(g, ()))
        for c, _ in votes.most_common(CANDIDATES):
            evidence = _score(o, ins[c], ev, heads.get(_key(o)))
            if sum(evidence.values()) >= floor:
                pairs.append((sum(evidence.values()), r, c, evidence))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    chosen: dict[int, tuple[int, dict[str, float]]] = {}
    taken: set[int] = set()
    for _, r, c, evidence in pairs:
        if r not in chosen and c not in taken:
            chosen[r] = (c, evidence)
            taken.add(c)
    return [(o, ins[chosen[r][0]] if r in chosen else None, chosen[r][1] if r in chosen else {})
            for r, o in enumerate(outs)]  # fmt: skip


def _links(
    fragments: list[Fragment], pages: set[int]
) -> tuple[dict[Key, Key], list[JumpDecision], dict[Key, Jump]]:
    """(source -> continuation links, decisions, unresolved jump-outs)."""
    ev = _Evidence(fragments)
    heads = {
        _key(f): f.headline or (derive_headline(f.paragraphs[0]) if f.paragraphs else None) for f in fragments
    }
    ins = [f for f in fragments if f.kind is FragmentKind.CONTINUATION]
    buckets: dict[tuple[int, int], tuple[list[Fragment], list[Fragment]]] = defaultdict(lambda: ([], []))
    links: dict[Key, Key] = {}
    decisions: list[JumpDecision] = []
    unresolved: dict[Key, Jump] = {}
    for f in fragments:
        if f.jump_out is None:
            continue
        target = f.jump_out.page
        if target is None or target not in pages:
            unresolved[_key(f)] = f.jump_out
            decisions.append(
                JumpDecision(f.page, f.order, target, None, 0.0, note="target page not in the issue")
            )
        else:
            buckets[(f.page, target)][0].append(f)
    for i in ins:
        src = i.jump_in.page if i.jump_in else None
        for (p, q), (_, bucket_ins) in list(buckets.items()):
            if q == i.page and src in (p, None):
                bucket_ins.append(i)
    used: set[Key] = set()
    for (_, target), (outs, bucket_ins) in sorted(buckets.items()):
        free = [f for f in bucket_ins if _key(f) not in used]
        # As many continuations as jumps, each marker naming the other's page: every jump has its
        # continuation here, and the assignment only decides which; otherwise weak pairs stay apart.
        floor = (
            0.0 if len(free) == len(outs) and all(f.jump_in and f.jump_in.page for f in free) else MIN_SCORE
        )
        for o, match, evidence in _assign(outs, free, ev, heads, floor):
            if match is None:
                assert o.jump_out is not None
                unresolved[_key(o)] = o.jump_out
                decisions.append(
                    JumpDecision(o.page, o.order, target, None, 0.0, note="no continuation matched")
                )
                continue
            used.add(_key(match))
            links[_key(o)] = _key(match)
            decisions.append(
                JumpDecision(o.page, o.order, match.page, match.order, sum(evidence.values()), evidence)
            )
    # Jump-ins whose source printed no jump-out: match against that page's unlinked article ends.
    taken = set(links)
    by_source: dict[int, list[Fragment]] = defaultdict(list)
    for i in ins:
        if _key(i) not in used and i.jump_in is not None and i.jump_in.page in pages:
            by_source[i.jump_in.page].append(i)
    for src, orphan_ins in sorted(by_source.items()):
        ends = [f for f in fragments if f.page == src and f.jump_out is None and _key(f) not in taken]
        if not ends:
            continue
        for cont, end, evidence in _assign(orphan_ins, ends, ev, heads, MIN_SCORE_NO_OUT):
            if end is not None:
                used.add(_key(cont))
                links[_key(end)] = _key(cont)
                decisions.append(JumpDecision(end.page, end.order, cont.page, cont.order, sum(evidence.values()),
                                              evidence, note="jump-in only"))  # fmt: skip
    return links, decisions, unresolved


def _part(f: Fragment) -> Part:
    body = "".join(f.paragraphs)
    return Part(f.page, f.order, f.first_line, f.last_line, body[:20], body[-20:])


def article_id(date: dt.date, page: int, order: int) -> str:
    """``<yyyymmdd>-<page><order>`` of an article's first part: ``20231024-0102``. When the page or
    the order needs three digits they are set apart (``-123-01``, ``-12-301``), so that no two
    positions give one id (page 12, order 301 and page 123, order 1 were both ``12301``)."""
    if page < 100 and order < 100:
        return f"{date:%Y%m%d}-{page:02d}{order:02d}"
    return f"{date:%Y%m%d}-{page:02d}-{order:02d}"


def _article(chain: list[Fragment], date: dt.date, section: str, unresolved: Jump | None) -> Article:
    first = chain[0]
    paragraphs: list[str] = []
    for f in chain:
        paras = list(f.paragraphs)
        if paragraphs and paras and f.run_in and _unfinished(paragraphs[-1]):
            paragraphs[-1] = join(paragraphs[-1], paras.pop(0))  # a sentence cut by the jump
        paragraphs += paras
    headline = first.headline or ""
    derived = not headline
    if derived:
        headline = derive_headline(paragraphs[0]) if paragraphs else ""
    byline = tuple(dict.fromkeys(n for f in chain for n in f.byline))
    return Article(
        id=article_id(date, first.page, first.order),
        date=date,
        section=section,
        headline=headline,
        headline_derived=derived,
        kicker=first.kicker,
        subheadline=first.subheadline,
        byline=byline,
        dateline=first.dateline,
        paragraphs=tuple(paragraphs),
        parts=tuple(_part(f) for f in chain),
        complete=unresolved is None,
        unresolved_jump=unresolved,
        kind=first.kind,
        byline_text=first.byline_text,
    )


def stitch(
    date: dt.date,
    fragments: Iterable[Fragment],
    orphans: Iterable[Orphan],
    sections: Mapping[int, str],
    problems: Iterable[str] = (),
) -> Reading:
    """Stitch an issue's fragments into articles, in print order of their first part."""
    frags = sorted(fragments, key=_key)
    by_key = {_key(f): f for f in frags}
    links, decisions, unresolved = _links(frags, set(sections))
    targets = set(links.values())
    notes = list(problems)
    articles: list[Article] = []
    for f in frags:
        if _key(f) in targets:
            continue
        chain = [f]
        while _key(chain[-1]) in links and len(chain) < 20:
            chain.append(by_key[links[_key(chain[-1])]])
        last = chain[-1]
        jump = unresolved.get(_key(last))
        if jump is not None and jump.page in sections:
            notes.append(
                f"page {last.page}: jump {jump.marker} at line {last.last_line} matched no continuation"
            )
        if f.kind is FragmentKind.CONTINUATION:
            notes.append(f"page {f.page}: continuation {f.jump_in.marker if f.jump_in else ''} at line "
                         f"{f.first_line} has no source; kept as a fragment of its own")  # fmt: skip
        articles.append(_article(chain, date, sections.get(f.page, ""), jump))
    return Reading(date, tuple(articles), tuple(orphans), tuple(decisions), tuple(notes))
