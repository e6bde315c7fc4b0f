"""Credits at a paragraph's end, seen from the lines ``normalize`` has collected (pure): whether a
photographer's line credits a caption, and whether a source credit cut by the column's end goes on
in the next line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import lazyre, rules
from .measure import Line
from .profile import Profile

CAPTION_LINES = 4  # a caption glued under a paragraph is at most this many lines
CAPTION_CHARS = 80  # ...and this many characters
CREDIT_LINE_MAX = 12  # a photo credit on its own line under a caption: 新华社记者 石磊 摄
COMMA = lazyre.compile("[，、,]")
CREDIT_ALONE = lazyre.compile(rf"^[（(]?\s*{rules.ROLE}[^，。,]{{1,12}}摄[）)]?$")  # 特约摄影 苏英霞 摄
CAPTION_WORDS = 4  # a caption says something before its credit


def credits_caption(open_: bool, pieces: Sequence[Line], text: str) -> bool:
    """A photographer's line (通讯员 雷然敏 摄) right under a short caption credits the caption: it
    is no byline opening an article, though it reads as one."""
    return (
        not open_
        and bool(pieces)
        and len(text) <= CREDIT_LINE_MAX
        and text.rstrip("）) ").endswith("摄")
        and short_caption(pieces)
    )


def glued_caption(open_: bool, pieces: Sequence[Line], text: str) -> int | None:
    """Where a short caption glued under the body's last sentence starts (…工作有序推进。/ 6月4日，
    商户正在摆放蔬菜。), when the photographer's line ``text`` under it credits it; else None."""
    if open_ or len(text) > CREDIT_LINE_MAX or not text.rstrip("）) ").endswith("摄"):
        return None
    for k in range(len(pieces) - 1, max(0, len(pieces) - CAPTION_LINES) - 1, -1):
        if k and pieces[k - 1].text[-1:] in rules.SENTENCE_END_CHARS:
            return k if short_caption(pieces[k:]) else None
    return None


def caption_starts(pieces: Sequence[Line], strict: bool = False) -> list[int]:
    """Where the captions ending the collected lines start (ascending): unindented lines after a
    sentence, a photo credit in them (the credit alone, …清扫路面。/ （通讯员 黄立 摄）, ends the
    caption above it instead). Above the last caption, another one counts only if its credit
    ends it, as a run of photos' captions prints (with ``strict``, the last one too)."""
    starts: list[int] = []
    end = len(pieces)
    while end > 1:
        k = _caption_start(pieces, end, whole=not (starts or strict))
        if k is None:
            break
        starts.insert(0, k)
        end = k
    return starts


def _caption_start(pieces: Sequence[Line], end: int, whole: bool) -> int | None:
    for k in range(end - 1, max(0, end - CAPTION_LINES) - 1, -1):
        if k and pieces[k - 1].text[-1:] in rules.SENTENCE_END_CHARS:
            tail = "".join(p.text for p in pieces[k:end])
            credit = rules.PHOTO_CREDIT.search(tail)
            # The credit alone (（通讯员 黄立 摄）, 特约摄影 苏英霞 摄) captions nothing.
            if not credit or not credit.start() or pieces[k].indented or CREDIT_ALONE.match(tail):
                return None
            return k if whole or not tail[credit.end() :].strip() else None
    return None


def short_caption(pieces: Sequence[Line]) -> bool:
    """The paragraph so far can be a caption: a few unindented lines ending a sentence (6月4日，
    商户正在摆放 / 蔬菜。), so a photographer's line under it (通讯员 雷然敏 摄) credits it."""
    return (
        0 < len(pieces) <= CAPTION_LINES
        and not pieces[0].indented
        and pieces[-1].text[-1:] in rules.SENTENCE_END_CHARS
        and sum(len(piece.text) for piece in pieces) <= CAPTION_CHARS
    )


def full_line(pieces: Sequence[Line]) -> bool:
    """The paragraph's last line is as long as its others: the column's end cut it, so what it
    closed on (a credit) may go on in the next line."""
    return len(pieces) > 1 and len(pieces[-1].text) >= max(len(piece.text) for piece in pieces[:-1]) - 1


def credit_goes_on(above: str, text: str, p: Profile) -> bool:
    """``text`` lengthens the source credit ``above`` closed on: the sign-off of the two lines
    joined starts in ``above`` and is a whole credit (据江城 / 日报, 综合新华社 / 等报道)."""
    found = p.sign_off.search(above + text)
    return (
        found is not None
        and found.start() < len(above) - 1
        and bool(rules.CREDIT_LINE.match(found.group().strip()))
    )


def caption_tail(text: str) -> bool:
    """The paragraph ends with a caption (…。图为小麦收割现场 图/韦铸峰), possibly glued to it."""
    return bool(rules.PHOTO_CREDIT.search(text)) or "图为" in text[-CAPTION_CHARS:]


_CREDIT_DONE = lazyre.compile(r"(?:摄|供图)\s*[）)]?\s*$")  # a credit that says it is whole


def uncredited_caption(text: str) -> bool:
    """The paragraph ends with a caption that has no photographer yet (…。图为小麦收割现场): a
    short line under it may be the name. One ending on a whole credit (…（记者 高宁然 摄）, …供图) has
    one; a credit by slash (图/韦铸峰 文/马) may go on with the line below."""
    return bool(
        rules.PHOTO_CREDIT.search(text) or "图为" in text[-CAPTION_CHARS:]
    ) and not _CREDIT_DONE.search(text)


# A credit whose name is cut by the line end goes on with the next short line: one character
# (文/马 / 云飞张宣) with a name or more, two or three (图/权永 / 军) with one or two characters.
_CUT_NAME = lazyre.compile(rf"(?:图|文|摄影?)\s*[/／]([{rules.CJK}]{{1,3}})$")
_NAME_REST = lazyre.compile(rf"[{rules.CJK}\s]{{1,8}}")


def _cut_name(above: str, text: str) -> bool:
    cut = _CUT_NAME.search(above)
    return bool(cut and _NAME_REST.fullmatch(text) and (len(cut.group(1)) == 1 or len(text.strip()) <= 2))


def rest_of_credit(
    open_: bool, pieces: Sequence[Line], text: str, p: Profile, closed: Callable[[str, Profile], bool]
) -> bool:
    """Line ``text`` ends a credit the line above began: a source credit (…座位。据 / 江城发布), a
    photo credit (…鑫 / 伯特基地供图, 图为… / 者 石磊 摄), a credit's name (图/韦铸峰 文/马 / 云飞)."""
    if not pieces:
        return False
    above = pieces[-1].text
    if text[-1] in rules.CREDIT_ENDS:
        if open_ and closed(above[-20:] + text, p):
            return True
        if (
            not open_
            and len(text) <= CREDIT_LINE_MAX
            and full_line(pieces)
            and credit_goes_on(above[-20:], text, p)
        ):
            return True  # …通报进展情况。综合新华社 / 等报道: the credit above was not yet whole
    credit = len(text) <= CREDIT_LINE_MAX and text.rstrip("）) ").endswith(("摄", "供图"))
    if credit and (caption_tail(above) or short_caption(pieces)):
        return True  # …图/李长培 记 / 者 石磊 摄: the photographer's credit under a caption
    return (open_ and bool(rules.PHOTO_CREDIT.search(above[-20:] + text))) or _cut_name(above, text)


def caption_below(lines: Sequence[Line], run: Sequence[tuple[int, bool]], j: int) -> bool:
    """Lines from ``j`` on are a photo caption, no 图为 opening it: a sentence or two whose credit
    (记者 廖瑞然 摄) ends them within a caption's lines, so the ``run`` of headline-like lines right
    above (with no comma: no caption's first line, 3月19日，乘客正在) may be a headline block."""
    if rules.CAPTION_OPENING.match(lines[run[0][0]].text) or any(COMMA.search(lines[k].text) for k, _ in run):
        return False  # 图为… / …蔬菜。（记者 摄）: a caption's own first line is no headline over it
    text = ""
    for line in lines[j : j + CAPTION_LINES]:
        if line.indented or not line.text:
            return False
        text += line.text
        if len(text) > CAPTION_CHARS:
            return False
        credit = rules.PHOTO_CREDIT.search(text) if text[-1] in "摄）)" else None
        if credit is not None:
            # words before the credit: a credit alone (（记者 李明 摄）) credits the line above
            return credit.start() >= CAPTION_WORDS
    return False


def under_head(line: Line) -> bool:
    """A line that may stand right under a headline block: a byline, a jump-in, a photo caption
    (图为…, 上图：…: a caption under a jump head, above the continuation's 上接A01版)."""
    return line.strong or bool(rules.CAPTION_OPENING.match(line.text))


def heads_end(lines: Sequence[Line], run: Sequence[tuple[int, bool]], j: int) -> bool:
    """The ``run`` of headline-like lines ends where a headline block does: at the page's end,
    above an indented line, a line that stands under a head, or a caption with no 图为."""
    return j >= len(lines) or lines[j].indented or under_head(lines[j]) or caption_below(lines, run, j)
