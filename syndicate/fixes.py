"""A desk's corrections of one issue's reading, from ``issue.toml`` ``[[fix]]`` tables (pure).

No reader is perfect; an editor fixes an issue without code::

    [[fix]]
    join = ["1:3", "2:1"]                 # the articles holding these fragments become one
    [[fix]]
    split = { page = 2, line = 40 }       # an article starts at line 40 of page 2's file
    [[fix]]
    headline = { article = "1:2", text = "市政府出台稳就业十条措施" }
    [[fix]]
    headline = { article = "20231024-0203", text = "…" }   # or by the id it is published with

Fragments are named ``page:order`` as ``syndicate articles`` numbers them (``parts[].page`` and
``parts[].order``, after the issue's splits); a headline fix may instead name the article's id as
published (its page ``articles/<date>/<id>.html``, its feed entry), resolved once the reading is
matched to the stored articles (``pipeline.identify``), since ids follow content, not position. Each kind acts where the reader took the decision
it corrects: a split before segmenting (the line opens an article), a join when stitching (the
chains become one, a sentence cut at the join mended as for a jump), a headline on the stitched
article. A fix that names nothing there is a problem naming its entry; the others still apply.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any

from . import lazyre
from .model import Article, Block, BlockKind, Fix, Fragment, Reading, Ref
from .text import close_up

KINDS = ("join", "split", "headline")
_REF = lazyre.compile(r"^\s*([0-9]{1,3})\s*:\s*([0-9]{1,3})\s*$", re.ASCII)
_ID = lazyre.compile(
    r"^\s*([0-9]{8}-[0-9]{2,}(?:-[0-9]{2,})?(?:-n[0-9]+)?)\s*$", re.ASCII
)  # model.article_id
MAX_HEADLINE = 200


class _Bad(ValueError):
    """A ``[[fix]]`` value that cannot be understood: the message names the key."""


def _ref(value: Any, key: str) -> Ref:
    m = _REF.match(value) if isinstance(value, str) else None
    if m is None or int(m.group(1)) < 1 or int(m.group(2)) < 1:
        raise _Bad(f'{key}: {value!r} is no fragment; write "page:order", e.g. "1:3"')
    return int(m.group(1)), int(m.group(2))


def _target(value: Any, key: str) -> Ref | str:
    """A fragment ``page:order``, or an article id as published."""
    m = _ID.match(value) if isinstance(value, str) else None
    if m is not None:
        return m.group(1)
    try:
        return _ref(value, key)
    except _Bad:
        raise _Bad(f'{key}: {value!r} is no fragment or article id; write "1:3" or "20231024-0103"') from None


def _number(table: dict[str, Any], key: str, where: str) -> int:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Bad(f"{where}.{key}: must be a whole number from 1 (got {value!r})")
    return value


def _one(table: dict[str, Any], where: str) -> Fix:
    kinds = [k for k in KINDS if k in table]
    unknown = sorted(set(table) - set(KINDS))
    if unknown:
        raise _Bad(f"unknown key {unknown[0]!r} (a fix is one of {', '.join(KINDS)})")
    if len(kinds) != 1:
        raise _Bad(f"needs exactly one of {', '.join(KINDS)} (got {', '.join(kinds) or 'none'})")
    kind, value = kinds[0], table[kinds[0]]
    if kind == "join":
        if not isinstance(value, list) or len(value) < 2:
            raise _Bad('join: list two or more fragments, e.g. ["1:3", "2:1"]')
        refs = tuple(_ref(v, f"join[{n}]") for n, v in enumerate(value, 1))
        if len(set(refs)) < len(refs):
            raise _Bad("join: a fragment is listed twice")
        return Fix(where, join=refs)
    if not isinstance(value, dict):
        raise _Bad(f"{kind}: must be a table, e.g. " + ("{ page = 2, line = 40 }" if kind == "split" else
                   '{ article = "1:2", text = "…" }'))  # fmt: skip
    if kind == "split":
        extra = sorted(set(value) - {"page", "line"})
        if extra:
            raise _Bad(f"split: unknown key {extra[0]!r} (page, line)")
        return Fix(where, split=(_number(value, "page", "split"), _number(value, "line", "split")))
    extra = sorted(set(value) - {"article", "text"})
    if extra:
        raise _Bad(f"headline: unknown key {extra[0]!r} (article, text)")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_HEADLINE:
        raise _Bad(f"headline.text: must be the headline, 1 to {MAX_HEADLINE} characters")
    return Fix(where, headline=(_target(value.get("article"), "headline.article"), " ".join(text.split())))


def parse(entries: Any, manifest: str) -> tuple[tuple[Fix, ...], list[str]]:
    """The ``[[fix]]`` tables of ``manifest`` (its path, for messages), and a problem for each one
    that cannot be understood (left out: the issue is read with the others)."""
    if entries is None:
        return (), []
    if not isinstance(entries, list):
        return (), [f"{manifest}: fix: must be [[fix]] tables"]
    fixes: list[Fix] = []
    problems: list[str] = []
    for n, table in enumerate(entries, 1):
        where = f"{manifest}: fix[{n}]"
        try:
            if not isinstance(table, dict):
                raise _Bad("must be a table")
            fixes.append(_one(table, where))
        except _Bad as exc:
            problems.append(f"{where}: {exc}; this fix is left out")
    return tuple(fixes), problems


# ---- split: before segmenting ---------------------------------------------------------------


def _cut(block: Block, line: int, page_lines: Sequence[str], join: Callable[[str, str], str]) -> list[Block]:
    """A paragraph block cut before ``line``: two paragraphs, the second opening an article."""

    def paragraph(first: int, last: int, blank: bool, opens: bool) -> Block:
        raw = ""
        for text in page_lines[first - 1 : last]:
            piece = text.strip("\u3000 \t\r")
            if piece:
                raw = join(raw, piece) if raw else piece
        return Block(BlockKind.PARAGRAPH, close_up(raw), first, last, blank, raw, opens=opens)

    head = paragraph(block.first_line, line - 1, block.blank_before, block.opens)
    return [dataclasses.replace(head, role=block.role), paragraph(line, block.last_line, False, True)]


def split_blocks(
    page: int, text: str, blocks: list[Block], fixes: Sequence[Fix], join: Callable[[str, str], str]
) -> tuple[list[Block], list[str], list[str]]:
    """``blocks`` of page ``page`` (its file's ``text``) with the page's split fixes applied:
    (blocks, what was done, problems)."""
    page_lines = text.split("\n")
    done: list[str] = []
    problems: list[str] = []
    for fix in fixes:
        if fix.split is None or fix.split[0] != page:
            continue
        line = fix.split[1]
        k = next((i for i, b in enumerate(blocks) if b.last_line >= line), None)
        if line > len(page_lines) or k is None:
            problems.append(f"{fix.where}: split: page {page} has no text at or below line {line}")
            continue
        block = blocks[k]
        refused = _already_opens(blocks, k, line)
        if refused:
            problems.append(f"{fix.where}: split: page {page} line {line}: {refused}; this fix is left out")
            continue
        if block.first_line >= line:  # the line itself, or the first text below a blank line
            blocks = [*blocks[:k], dataclasses.replace(block, opens=True), *blocks[k + 1 :]]
        else:
            blocks = [*blocks[:k], *_cut(block, line, page_lines, join), *blocks[k + 1 :]]
        done.append(
            f"{fix.where}: split: an article starts at page {page} line {max(line, block.first_line)}"
        )
    return blocks, done, problems


def _already_opens(blocks: Sequence[Block], k: int, line: int) -> str:
    """Why a split at ``line`` (in or above ``blocks[k]``) would change nothing or cut an article's
    heads from its text; "" when it is a split. Opening the page's first text is no change (a
    split cannot undo a stitched jump), and stand-alone lines right above a paragraph (headline,
    byline, jump line) belong to it: the desk names the first of them to start the article there."""
    if blocks[k].first_line < line:
        return ""
    if k == 0 or all(b.role == "credit" for b in blocks[:k]):
        return "the page's first article starts there already (a split cannot undo a jump)"
    above = k
    while above > 0 and blocks[above - 1].kind is BlockKind.LINE and blocks[above - 1].role != "credit":
        above -= 1
    if blocks[k].kind is BlockKind.PARAGRAPH and above < k:
        first = blocks[above].first_line
        if above == 0:
            return f"the page's first article starts there already, under line {first}"
        return f"the text there is under the stand-alone line(s) from line {first} (headline, byline or jump line): name line {first}"
    return ""


# ---- join: when stitching -------------------------------------------------------------------


def join_chains(
    chains: list[list[Fragment]], fixes: Sequence[Fix]
) -> tuple[list[list[Fragment]], list[str], list[str]]:
    """The stitched chains with each join fix applied: the chains holding its fragments become
    one, in the order listed, at the place of the first. (chains, what was done, problems)."""
    done: list[str] = []
    problems: list[str] = []
    for fix in fixes:
        if not fix.join:
            continue
        holder = {(f.page, f.order): i for i, chain in enumerate(chains) for f in chain}
        missing = [ref for ref in fix.join if ref not in holder]
        if missing:
            names = ", ".join(f"{p}:{o}" for p, o in missing)
            problems.append(f"{fix.where}: join: no article has fragment {names} (see syndicate articles)")
            continue
        picked = list(dict.fromkeys(holder[ref] for ref in fix.join))
        if len(picked) == 1:
            done.append(f"{fix.where}: join: {_refs(fix.join)} are already one article")
            continue
        merged = [f for i in picked for f in chains[i]]
        chains = [merged if i == picked[0] else c for i, c in enumerate(chains) if i not in picked[1:]]
        done.append(f"{fix.where}: join: {_refs(fix.join)} made one article")
    return chains, done, problems


def _refs(refs: Sequence[Ref]) -> str:
    return " + ".join(f"{p}:{o}" for p, o in refs)


# ---- headline: on the stitched articles -----------------------------------------------------


def retitle(reading: Reading, fixes: Sequence[Fix], *, by_id: bool = False) -> Reading:
    """``reading`` with each headline fix applied (no longer derived): those naming a fragment, or
    with ``by_id`` those naming an article id (once the reading carries its published ids)."""
    articles = list(reading.articles)
    done: list[str] = []
    problems: list[str] = []
    for fix in fixes:
        if fix.headline is None or isinstance(fix.headline[0], str) != by_id:
            continue
        target, text = fix.headline
        k = next((i for i, a in enumerate(articles) if _names(a, target)), None)
        if k is None:
            what = f"id {target}" if isinstance(target, str) else f"fragment {target[0]}:{target[1]}"
            problems.append(f"{fix.where}: headline: no article has {what}")
            continue
        articles[k] = dataclasses.replace(articles[k], headline=text, headline_derived=False)
        done.append(f"{fix.where}: headline: article {articles[k].id} is now {text!r}")
    if not (done or problems):
        return reading
    return dataclasses.replace(
        reading,
        articles=tuple(articles),
        fixed=(*reading.fixed, *done),
        problems=(*reading.problems, *problems),
    )


def _names(article: Article, target: Ref | str) -> bool:
    if isinstance(target, str):
        return article.id == target
    return any((p.page, p.order) == target for p in article.parts)
