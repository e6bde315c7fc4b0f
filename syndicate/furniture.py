"""Page furniture and layout debris: what is printed on a page but is no article text (pure).

Editors' lines and the running head's date anywhere; page labels, dates, the paper's name and
section names in the running head and foot (several lines, from each edge of the page inward);
advertisements and tables of figures between articles. ``normalize`` reads them as blank lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import lazyre, rules
from .measure import Line
from .profile import Profile, furniture_key


def is_furniture(body: str, edge: bool, p: Profile) -> bool:
    """Page furniture: editors' credits, the running head's date, page labels, recurring lines."""
    if body[0] in p.furniture_first and p.furniture.match(body):
        return True
    if p.extra_furniture is not None and p.extra_furniture.match(body):
        return True
    if not edge:
        return False
    return bool(p.edge_furniture.match(body)) or (bool(p.recurring) and furniture_key(body) in p.recurring)


def _table_row(line: Line, header: bool = False) -> bool:
    text = line.text
    if line.indented or not text or rules.TABLE_NOT.search(text) or not rules.TABLE_CELLS.match(text):
        return False
    cells = text.split()
    return sum(1 for c in cells if len(c) >= 2) >= 2 and (header or bool(rules.TABLE_FIGURE.search(text)))


def _contact(line: Line) -> bool:
    """An advertisement's contact line: a number ends it (咨询热线：0571-86661234), or the address
    under one (the caller checks that a number came first)."""
    text = line.text
    return (
        bool(text)
        and not line.indented
        and len(text) <= rules.AD_LINE_MAX
        and bool(rules.AD_CONTACT.match(text))
    )


def drop_debris(lines: Sequence[Line], closed: Callable[[str], bool]) -> None:
    """Advertisements and tables of figures between articles are read as blank lines: the
    unindented lines above an advertisement's contact line up to the paragraph that ended above
    them (江城口腔医院 / 暑期特惠… / 咨询热线：0571-86661234 / 地址：…), and two or more table rows
    with their header row and title (column ends may leave blank lines between them). Runs on
    every line: a line is looked at only when it ends with a figure or has a space in it."""
    k = 0
    while k < len(lines):
        line = lines[k]
        text = line.text
        k += 1
        if not text or line.strong:
            continue
        if (text[0] in INDEX_FIRST or text[-1].isdigit() or text[-1] == "版") and INDEX_ENTRY.match(text):
            k = _index_box(lines, k - 1)
            continue
        if line.indented:
            continue
        if text[-1].isdigit() and _contact(line):
            end = k - 1
            while (nxt := _next_text(lines, end)) is not None and _contact(lines[nxt]):
                end = nxt
            start = _ad_start(lines, k - 1, closed)
            if start is not None:
                _blank(lines, _labelled(lines, start), end)
            k = end + 1
        elif text[-5:-3] == "特此" and NOTICE_END.search(text):  # (a slice first: most lines end so)
            start = _notice_start(lines, k - 1)
            if start is not None:
                _blank(lines, start, k - 1)
        elif (" " in text or "\t" in text or "\u3000" in text) and _table_row(line):
            nxt = _next_text(lines, k - 1)
            if nxt is None or not _table_row(lines[nxt]):
                continue
            end = nxt
            while (nxt := _next_text(lines, end)) is not None and _table_row(lines[nxt]):
                end = nxt
            start = k - 1
            above = _prev_text(lines, start)
            if above is not None and _table_row(lines[above], header=True):
                start, above = above, _prev_text(lines, above)
            if above is not None and not lines[above].indented and lines[above].heady:
                start = above  # the table's title
            _blank(lines, start, end)
            k = end + 1


def _index_box(lines: Sequence[Line], k: int) -> int:
    """Line ``k`` points to a page (A02 我市上半年经济运行稳中有进): with another such line below it
    (an entry's wrapped tail between them), or the box's head above it (■今日导读), the lines are
    an index box, read as blank lines. Returns where to look on."""
    end, nxt = k, _next_text(lines, k)
    while nxt is not None:
        if _index_entry(lines[nxt]):
            end, nxt = nxt, _next_text(lines, nxt)
            continue
        after = _next_text(lines, nxt)
        tail = lines[nxt]
        if after is None or not _index_entry(lines[after]) or not _entry_tail(tail):
            break
        end, nxt = after, _next_text(lines, after)
    above = _prev_text(lines, k)
    start = above if above is not None and INDEX_HEAD.match(lines[above].text) else k
    if start == end:
        return k + 1  # one line pointing to a page, alone: a story may name one so
    _blank(lines, start, end)
    return end + 1


def _index_entry(line: Line) -> bool:
    return not line.strong and bool(INDEX_ENTRY.match(line.text))  # a line with text (_next_text)


def _entry_tail(line: Line) -> bool:
    text = line.text
    return not line.indented and len(text) <= INDEX_WRAP_MAX and not rules.TABLE_NOT.search(text)


def _next_text(lines: Sequence[Line], k: int) -> int | None:
    return next((j for j in range(k + 1, len(lines)) if lines[j].text), None)


def _prev_text(lines: Sequence[Line], k: int) -> int | None:
    return next((j for j in range(k - 1, -1, -1) if lines[j].text), None)


def _ad_start(lines: Sequence[Line], k: int, closed: Callable[[str], bool]) -> int | None:
    """The advertisement's first line above its contact line ``k``: its short unindented lines up
    to a finished paragraph, a byline or the page's top. None when the lines above run up to a
    paragraph's indent: the number is in an unfinished paragraph (联系人王先生13812345678)."""
    start = k
    while (j := _prev_text(lines, start)) is not None:
        above = lines[j]
        before = _prev_text(lines, j)
        wrapped = lines[before].text if before is not None else ""  # a sign-off wraps: （记 / 者 吴倩）
        if above.strong or closed(above.text) or closed(wrapped + above.text):
            return start
        if above.indented or len(above.text) > rules.AD_LINE_MAX:
            return None
        start = j
    return start


# An advertisement's label (·广告·, 【广告】) over its lines: what it heads down to the contact line is
# the advertisement, sentences too (本公司招聘司机8名，待遇从优。). A classified notice: its title
# (遗失声明, 招聘启事, 注销公告) over a few lines ending in its formula (…特此声明。).
AD_LABEL = lazyre.compile(r"^[·•【\[（(]?\s*广\s*告\s*[·•】\]）)]?$")
NOTICE_END = lazyre.compile(r"特此(?:声明|公告|告知|通知|致歉)。$")
NOTICE_TITLE = lazyre.compile(r"^[\u4e00-\u9fff]{0,8}(?:声明|启事|公告)$")
AD_LABEL_REACH = 4  # lines between an advertisement's label and its contact line, or a notice's title and end


def _labelled(lines: Sequence[Line], start: int) -> int:
    """The advertisement starting at ``start`` begins higher, at its label, when one stands within
    a few short unindented lines above it (finished sentences among them)."""
    j = start
    for _ in range(AD_LABEL_REACH):
        above = _prev_text(lines, j)
        if above is None or lines[above].indented or len(lines[above].text) > rules.AD_LINE_MAX:
            return start
        if AD_LABEL.match(lines[above].text):
            return above
        j = above
    return start


def _notice_start(lines: Sequence[Line], k: int) -> int | None:
    """The title of the classified notice whose formula ends line ``k`` (遗失声明 / …特此声明。),
    within a few lines above it (the notice's text), or None: the formula quoted in a story."""
    j = k
    for _ in range(AD_LABEL_REACH):
        above = _prev_text(lines, j)
        if above is None or len(lines[above].text) > rules.AD_LINE_MAX * 2:
            return None
        if not lines[above].indented and NOTICE_TITLE.match(lines[above].text):
            return _labelled(lines, above)
        if _ends_sentence(lines[above].text):
            return None  # a sentence ends above the notice's text: no title heads it
        j = above
    return None


def _ends_sentence(text: str) -> bool:
    return text[-1:] in rules.SENTENCE_END_CHARS


def _blank(lines: Sequence[Line], start: int, end: int) -> None:
    for line in lines[start : end + 1]:
        line.text, line.strong = "", False


# A front page's index box (导读): lines that point to a page, its label before the story's headline
# or after it (A02 我市上半年经济运行稳中有进 / 2版：暑期托管全覆盖 / 重点项目集中开工 ▶A06), under
# its head (■今日导读, 本期要目). No sentence in them: a body line that wraps to open with 2版 has one.
_INDEX_PAGE = r"(?:[A-Za-z]\d{1,3}|(?:第\s?)?\d{1,3}\s?版)"
INDEX_ENTRY = lazyre.compile(
    rf"^[■▶►●◆·•]?\s*{_INDEX_PAGE}(?:\s*[:：|｜]\s*|\s+|(?<=版))[^。，；！？,;!?\s][^。，；！？,;!?]{{3,31}}$"
    rf"|^[■▶►●◆·•]?\s*[^。，；！？,;!?\s][^。，；！？,;!?]{{3,31}}?(?:\s+|\s*[▶►>→]\s*|\s*详?见)(?:{_INDEX_PAGE})$"
)
INDEX_HEAD = lazyre.compile(
    r"^[■▶►●◆□【\[]?\s*(?:今日|本期|本版|今天)?\s*(?:导\s*读|要\s*目|看\s*点|导\s*航)\s*[】\]]?$"
)
INDEX_FIRST = frozenset("■▶►●◆·•第ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
INDEX_WRAP_MAX = 16  # an entry wrapped by a narrow column: its tail, short, before the next entry


_LABEL_LIKE_MAX = 12  # a running head's short items: the paper's name, a section name (要闻)
_NO_LABEL = frozenset("，。、；：！？,;!?（）()“”")
# The paper's name in Latin capitals under its masthead: DONGJIANG DAILY, NANFANG RIBAO.
_LATIN_NAME = lazyre.compile(r"^[A-Z][A-Z&.'’\- ]{2,39}$")


def ends_a_jump(raws: list[str], k: int, body: str, p: Profile) -> bool:
    """Line ``k`` (0-based) completes a jump-out marker the line above began (下转 / 2版): no
    furniture, though a page label alone looks the same."""
    above = next((raws[j].strip() for j in range(k - 1, -1, -1) if raws[j].strip()), "")
    if not above or rules.jump_out(above, p.language):
        return False
    return rules.jump_out(above[-12:] + body, p.language) is not None


def running_lines(raws: list[str], p: Profile) -> set[int]:
    """Line numbers of the running head and foot. From each edge of the page inward, the lines
    that are furniture or short unpunctuated items (要闻, the paper's name, 城事) form the running
    head, up to the last one that is surely furniture: a section name above the date
    (B02 / 文体 / 2026年7月9日 星期四) is no kicker. A section name the profile knows is sure."""
    out: set[int] = set()
    for order in (range(len(raws)), range(len(raws) - 1, -1, -1)):
        run: list[int] = []
        sure = 0
        for k in order:
            lead = raws[k].lstrip(" \t")
            body = lead.strip("\u3000 \t\r")
            if not body:
                continue
            if len(run) == rules.RUNNING_LINES_MAX or (
                p.paragraph_indent and lead.startswith(p.paragraph_indent)
            ):
                break
            if ends_a_jump(raws, k, body, p):
                break  # …体人民。下转 / 2版: the end of a jump-out marker cut by the line end
            if is_furniture(body, True, p) or furniture_key(body) in p.section_names:
                run.append(k + 1)
                sure = len(run)
            elif (len(body) <= _LABEL_LIKE_MAX and _NO_LABEL.isdisjoint(body)) or _LATIN_NAME.match(body):
                run.append(k + 1)
            else:
                break
        out.update(run[:sure])
    return out
