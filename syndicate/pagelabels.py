"""Page labels: which page a jump marker names (``下转B02版`` -> the page labelled B02).

Papers with sections print lettered labels (A01-A08, B01-B08): ``B02`` is the tenth page of the
issue, not page 2. Labels come from the issue manifest (``[[pages]] label``, CONTRACT.md section 1)
or, without one, from the label a page prints in its top or bottom lines (``A02 要闻``). A lettered
jump that no label names stays unresolved rather than being stitched to a wrong page (but section
A opens every issue: A02 is page 2).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from . import english, lazyre, rules
from .model import Fragment, Jump, Page

_LABEL = lazyre.compile(rf"([A-Za-z]?)\s*(\d{{1,3}}|[{rules.NUMERAL}]{{1,4}})")
# The number first, the section after (US print: ``4A``, ``1B``): the same page as A4, B1.
_NUMBER_FIRST = lazyre.compile(r"(\d{1,2})\s*([A-Ha-h])")
# A lettered label printed in a page's running head or foot: A02, A02 要闻, 要闻 A02, A02版.
_PRINTED = lazyre.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}\s*)?([A-Za-z]\d{1,2})\s*版?(?:\s*[\u4e00-\u9fff]{2,6})?$"
)
# A section label opening or closing an English running head (``4A | THE HERALD | TUESDAY, MARCH
# 3, 2026``, ``The Herald, Tuesday, March 3, 2026 B2``) or set alone (``Page 4A``).
_PRINTED_EN = lazyre.compile(
    r"^(?:(?:Page|PAGE)\s+)?(?P<first>[A-H]\d{1,2}|\d{1,2}[A-H])(?:$|\s)|\s(?P<last>[A-H]\d{1,2}|\d{1,2}[A-H])$"
)


def label_key(label: str) -> str | None:
    """B02, b2, B 2 -> "B2"; 第二版, 二, 02 -> "2"; None when it is no page label."""
    text = label.strip().removeprefix("第").removesuffix("版").strip()
    m = _LABEL.fullmatch(text)
    if not m:
        flipped = _NUMBER_FIRST.fullmatch(text)
        return (
            f"{flipped.group(2).upper()}{int(flipped.group(1))}"
            if flipped and int(flipped.group(1))
            else None
        )
    number = rules.page_number(m.group(2))
    return f"{m.group(1).upper()}{number}" if number else None


def printed_label(text: str) -> str | None:
    """The lettered label a page prints in its top or bottom lines, if one."""
    head, tail = text[:400].split("\n")[: rules.EDGE_LINES], text[-400:].split("\n")[-rules.EDGE_LINES :]
    for line in head + tail:
        m = _PRINTED.match(line.strip())
        if m:
            return m.group(1)
        en = _PRINTED_EN.search(line.strip())
        if en and (en.end() - en.start() >= len(line.strip()) - 5 or english.is_running_head(line)):
            return en.group("first") or en.group("last")
    return None


def page_labels(pages: Iterable[Page]) -> dict[int, str]:
    """Each page's label: as the manifest gives it, else as the page prints it (when no two pages
    would share one: a label printed twice says nothing certain)."""
    pages = list(pages)
    declared = {p.number: p.label for p in pages if p.label}
    if declared:
        return declared
    printed = {p.number: label for p in pages if (label := printed_label(p.text))}
    keys = [label_key(label) for label in printed.values()]
    return printed if len(set(keys)) == len(keys) else {}


def _target(jump: Jump, page: int, keys: Mapping[str, int], own: Mapping[int, str]) -> int | None:
    key = label_key(jump.label)
    if key is None:
        return jump.page
    lettered = key[0].isalpha()
    if not keys:
        # Without labels only the first section is certain: A02 is the second page, but
        # where B02 falls depends on how many pages section A has.
        return None if lettered and key[0] != "A" else jump.page
    if key in keys:
        return keys[key]
    section = own.get(page, "")
    if not lettered and section[:1].isalpha():
        return keys.get(section[0] + key)  # 下转2版 in a lettered paper: the same section's page
    return None


def resolve(fragments: Iterable[Fragment], labels: Mapping[int, str]) -> list[Fragment]:
    """The fragments with each jump's page read through the issue's labels."""
    keys = {key: number for number, label in labels.items() if (key := label_key(label))}
    own = {number: key for number, label in labels.items() if (key := label_key(label))}
    out = []
    for f in fragments:
        jump_out = _moved(f.jump_out, f.page, keys, own)
        jump_in = _moved(f.jump_in, f.page, keys, own)
        if jump_out is not f.jump_out or jump_in is not f.jump_in:
            f = dataclasses.replace(f, jump_out=jump_out, jump_in=jump_in)
        out.append(f)
    return out


def _moved(jump: Jump | None, page: int, keys: Mapping[str, int], own: Mapping[int, str]) -> Jump | None:
    if jump is None:
        return None
    target = _target(jump, page, keys, own)
    return jump if target == jump.page else dataclasses.replace(jump, page=target)
