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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat

from . import assemble, assignment
from .assemble import derive, runs_on, unfinished
from .english_heads import keyword_evidence  # See SCHOOLS / SCHOOLS
from .fixes import join_chains
from .model import Article, Fix, Fragment, FragmentKind, Jump, JumpDecision, Orphan, Reading
from .text import bigrams, words

MIN_SCORE = 0.08  # below this a pair is no evidence of a continuation at all
MIN_SCORE_NO_OUT = 0.25  # stricter when the source page printed no jump-out
DENSE_LIMIT = 1024  # pairs in one bucket solved exactly; beyond, candidates by rare bigrams
CANDIDATES = 8  # candidates per jump-out in a large bucket
RARE = 24  # rarest bigrams of a fragment used to find candidates
JUMP_HEAD_PART_MIN = 6  # characters of a headline's main line repeated alone as a jump head
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
        self._totals: dict[Key, float] = {}  # the weight of each fragment's bigrams, summed once
        base = [f for f in fragments if f.jump_out or f.jump_in]
        df: Counter[str] = Counter()
        for f in base:
            df.update(self.grams(_key(f)))
        self.n = max(len(base), 2)
        # 1 + log: never 0, so a tiny issue whose two fragments share everything still has evidence.
        self.idf = {g: 1.0 + math.log(self.n / c) for g, c in df.items()}
        self.unseen = 1.0 + math.log(self.n)  # the weight of a bigram in none of them

    def grams(self, key: Key) -> set[str]:
        if key not in self._grams:
            f = self.by_key[key]
            # Words for alphabetic text (letter pairs are shared by any two English texts).
            self._grams[key] = (words if f.language == "en" else bigrams)(" ".join(f.paragraphs))
        return self._grams[key]

    def weight(self, g: str) -> float:
        return self.idf.get(g) or self.unseen

    def rarest(self, key: Key) -> list[str]:
        return sorted(self.grams(key), key=lambda g: (-self.weight(g), g))[:RARE]

    def shared(self, a: Key, b: Key) -> float:
        ga, gb = self.grams(a), self.grams(b)
        if not ga or not gb:
            return 0.0
        # fsum: exact, so the score does not depend on the sets' order (which follows the hash seed)
        common = math.fsum(map(self.idf.get, ga & gb, repeat(self.unseen)))  # weight: every idf is >= 1
        return common / (min(self.total(a), self.total(b)) or 1.0)

    def total(self, key: Key) -> float:
        """The summed weight of a fragment's bigrams (asked of each pair it is scored in)."""
        found = self._totals.get(key)
        if found is None:
            found = self._totals[key] = math.fsum(map(self.idf.get, self.grams(key), repeat(self.unseen)))
        return found


def _score(out: Fragment, into: Fragment, ev: _Evidence, head: str | None) -> dict[str, float]:
    evidence = {"text": ev.shared(_key(out), _key(into))}
    keyword = out.jump_out.keyword if out.jump_out else ""
    if keyword:
        evidence["keyword"] = keyword_evidence(keyword, into)
    elif into.headline and head:
        a, b = bigrams(into.headline), bigrams(head)
        evidence["jump_head"] = len(a & b) / max(1, min(len(a), len(b)))
    if out.paragraphs and unfinished(out.paragraphs[-1], out.language) and (into.run_in or runs_on(into)):
        evidence["mid_sentence"] = 0.15
    return evidence


def _repeats(head: str, heads: set[str]) -> bool:
    """A jump head that repeats the jumping article's headline, or its main line alone (the page
    jumped from printed a speaker's line over it: 澳大利亚防卫部门：/ 云岭市全力做好音乐节工作)."""
    return head in heads or len(head) >= JUMP_HEAD_PART_MIN and any(h.endswith(head) for h in heads)


def _target(jump: Jump, pages: set[int]) -> int | None:
    """The page a jump line names: its number, or the issue's last page for ``See back page``
    (and ``Continued from back page``)."""
    if jump.page is None and jump.label == "back" and pages:
        return max(pages)
    return jump.page


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


@dataclass
class _Found:
    """What linking has decided so far, stage by stage."""

    ev: _Evidence
    heads: dict[Key, str | None]  # each fragment's headline, or one derived from its lead
    links: dict[Key, Key] = field(default_factory=dict)  # source -> continuation
    used: set[Key] = field(default_factory=set)  # continuations linked
    decisions: list[JumpDecision] = field(default_factory=list)
    unresolved: dict[Key, Jump] = field(default_factory=dict)  # jump-outs left without a continuation

    def link(self, source: Fragment, cont: Fragment, evidence: dict[str, float], note: str = "") -> None:
        self.used.add(_key(cont))
        self.links[_key(source)] = _key(cont)
        self.decisions.append(JumpDecision(source.page, source.order, cont.page, cont.order,
                                           sum(evidence.values()), evidence, note=note))  # fmt: skip


def _links(
    fragments: list[Fragment], pages: set[int]
) -> tuple[dict[Key, Key], list[JumpDecision], dict[Key, Jump]]:
    """(source -> continuation links, decisions, unresolved jump-outs): marked jumps first, then
    jump-ins whose source printed no jump-out, then jumps whose other side lost its marker."""
    heads = {_key(f): f.headline or (derive(f, f.paragraphs[0]) if f.paragraphs else None) for f in fragments}
    found = _Found(_Evidence(fragments), heads)
    _marked(fragments, pages, found)
    _jump_in_only(fragments, pages, found)
    _unmarked(fragments, pages, found)
    return found.links, found.decisions, found.unresolved


def _marked(fragments: list[Fragment], pages: set[int], found: _Found) -> None:
    """Jump-outs and jump-ins, one assignment per (source page, target page) bucket."""
    buckets: dict[tuple[int, int], tuple[list[Fragment], list[Fragment]]] = defaultdict(lambda: ([], []))
    for f in fragments:
        if f.jump_out is None:
            continue
        target = _target(f.jump_out, pages)
        if target is None or target not in pages:
            found.unresolved[_key(f)] = f.jump_out
            found.decisions.append(
                JumpDecision(f.page, f.order, target, None, 0.0, note="target page not in the issue")
            )
        else:
            buckets[(f.page, target)][0].append(f)
    for i in (f for f in fragments if f.kind is FragmentKind.CONTINUATION):
        src = _target(i.jump_in, pages) if i.jump_in else None
        for (p, q), (_, bucket_ins) in buckets.items():
            if q == i.page and src in (p, None):
                bucket_ins.append(i)
    for (_, target), (outs, bucket_ins) in sorted(buckets.items()):
        free = [f for f in bucket_ins if _key(f) not in found.used]
        # As many continuations as jumps, each marker naming the other's page: every jump has its
        # continuation here, and the assignment only decides which; otherwise weak pairs stay apart.
        floor = (
            0.0
            if len(free) == len(outs) and all(f.jump_in and _target(f.jump_in, pages) for f in free)
            else MIN_SCORE
        )
        for o, match, evidence in _assign(outs, free, found.ev, found.heads, floor):
            if match is not None:
                found.link(o, match, evidence)
                continue
            assert o.jump_out is not None
            found.unresolved[_key(o)] = o.jump_out
            found.decisions.append(
                JumpDecision(o.page, o.order, target, None, 0.0, note="no continuation matched")
            )


def _jump_in_only(fragments: list[Fragment], pages: set[int], found: _Found) -> None:
    """Jump-ins whose source printed no jump-out: matched against that page's unlinked article ends."""
    taken = set(found.links)
    by_source: dict[int, list[Fragment]] = defaultdict(list)
    for i in fragments:
        src = _target(i.jump_in, pages) if i.jump_in is not None else None
        if i.kind is FragmentKind.CONTINUATION and _key(i) not in found.used and src in pages:
            by_source[src].append(i)
    for src, orphan_ins in sorted(by_source.items()):
        ends = [f for f in fragments if f.page == src and f.jump_out is None and _key(f) not in taken]
        if not ends:
            continue
        # One continuation naming the page, one article there left without an end: only it can be the
        # source, and ordinary evidence is enough when the evidence is words (English): two unrelated
        # English texts share almost no content words, two unrelated Chinese ones share 0.15 of bigrams.
        only = len(ends) == 1 and len(orphan_ins) == 1 and orphan_ins[0].language == "en"
        floor = MIN_SCORE if only else MIN_SCORE_NO_OUT
        for cont, end, evidence in _assign(orphan_ins, ends, found.ev, found.heads, floor):
            if end is not None:
                found.link(end, cont, evidence, "jump-in only")


def _unmarked(fragments: list[Fragment], pages: set[int], found: _Found) -> None:
    """Continuations whose jump line OCR lost (or the paper left out): a jump-out still unmatched
    is matched, strictly, against the fragments of its target page that open mid-sentence with no
    headline; a jump-out naming no readable page, against headless fragments of later pages that
    open their page or open mid-sentence; a jump-in naming no readable page, against any other
    page's unlinked article ends."""
    links, used, unresolved = found.links, found.used, found.unresolved
    by_target: dict[int, list[Fragment]] = defaultdict(list)
    for f in fragments:
        if _key(f) in unresolved and f.jump_out is not None and _key(f) not in links:
            target = _target(f.jump_out, pages)
            if target in pages and target is not None:
                by_target[target].append(f)
    for target, outs in sorted(by_target.items()):
        # ...or that print the jumping article's own headline over it, as a jump head.
        same = {h for o in outs if o.headline and (h := found.heads.get(_key(o)))}
        cands = [f for f in fragments if f.page == target and _key(f) not in used and f.jump_in is None
                 and not f.byline and not f.dateline
                 and (not f.headline and runs_on(f) or f.headline is not None and _repeats(f.headline, same))]  # fmt: skip
        for o, match, evidence in (
            _assign(outs, cands, found.ev, found.heads, MIN_SCORE_NO_OUT) if cands else ()
        ):
            if match is not None:
                del unresolved[_key(o)]
                found.link(o, match, evidence, "continuation without a jump line")
    for o in [f for f in fragments if _key(f) in unresolved and _unreadable(unresolved[_key(f)])]:
        cands = [f for f in fragments if f.page > o.page and _key(f) not in used and f.jump_in is None
                 and not f.headline and not f.byline and (f.order == 1 or runs_on(f))]  # fmt: skip
        for _, match, evidence in (
            _assign([o], cands, found.ev, found.heads, MIN_SCORE_NO_OUT) if cands else ()
        ):
            if match is not None:
                del unresolved[_key(o)]
                found.link(o, match, evidence, "jump line naming no readable page")
    lost = [
        f
        for f in fragments
        if f.jump_in is not None and _target(f.jump_in, pages) is None and _key(f) not in used
    ]
    for cont in lost:
        ends = [f for f in fragments if f.page != cont.page and f.jump_out is None and _key(f) not in links]
        for _, end, evidence in (
            _assign([cont], ends, found.ev, found.heads, MIN_SCORE_NO_OUT) if ends else ()
        ):
            if end is not None:
                found.link(end, cont, evidence, "jump-in naming no page")


def _unreadable(jump: Jump) -> bool:
    """A jump line whose page OCR left unreadable (no label at all): its continuation may be on
    any later page, at the top of the page or opening mid-sentence. A label printed but not
    mapped to a page (B02 without the issue's labels) stays unresolved."""
    return jump.page is None and not jump.label


def stitch(
    date: dt.date,
    fragments: Iterable[Fragment],
    orphans: Iterable[Orphan],
    sections: Mapping[int, str],
    problems: Iterable[str] = (),
    fixes: Sequence[Fix] = (),
) -> Reading:
    """Stitch an issue's fragments into articles, in print order of their first part (the desk's
    join ``fixes`` make chains one)."""
    frags = sorted(fragments, key=_key)
    by_key = {_key(f): f for f in frags}
    links, decisions, unresolved = _links(frags, set(sections))
    targets = set(links.values())
    chains: list[list[Fragment]] = []
    for f in frags:
        if _key(f) in targets:
            continue
        chain = [f]
        while _key(chain[-1]) in links and len(chain) < 20:
            chain.append(by_key[links[_key(chain[-1])]])
        chains.append(chain)
    chains, fixed, failed = join_chains(chains, fixes)
    notes = [*problems, *failed]
    articles: list[Article] = []
    for chain in chains:
        f, last = chain[0], chain[-1]
        jump = unresolved.get(_key(last))
        if jump is not None and jump.page in sections:
            notes.append(
                f"page {last.page}: jump {jump.marker} at line {last.last_line} matched no continuation"
            )
        if f.kind is FragmentKind.CONTINUATION:
            notes.append(f"page {f.page}: continuation {f.jump_in.marker if f.jump_in else ''} at line "
                         f"{f.first_line} has no source; kept as a fragment of its own")  # fmt: skip
        articles.append(assemble.article(chain, date, sections.get(f.page, ""), jump))
    return Reading(date, tuple(articles), tuple(orphans), tuple(decisions), tuple(notes), fixed=tuple(fixed))
