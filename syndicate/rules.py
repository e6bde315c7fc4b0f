"""Every pattern the page reader uses, in one place.

Each pattern is named after what a typesetter would call the thing it finds; tests in
``tests/test_rules.py`` pin each one with real-looking lines. Papers that print things
differently get their variants added here, not as special cases in the stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from . import endguard, english_jumps, lazyre
from .jumpholds import JUMP_HOLDS as JUMP_HOLDS
from .pagenumbers import EN_NUMBERS as EN_NUMBERS
from .pagenumbers import chinese_numeral as chinese_numeral
from .pagenumbers import page_number as page_number

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK and full-width punctuation: nothing goes between these when lines are joined.
WIDE = CJK + r"\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7\u2022\u25a0-\u25ff"
NUMERAL = "〇零一二两三四五六七八九十百"

# --- lines -------------------------------------------------------------------------------------

# A paragraph starts at a full-width indent, possibly after ASCII spaces left by extraction.
INDENT = "\u3000"
# A line ends a sentence: 。！？… possibly inside closing quotes/brackets.
SENTENCE_END = lazyre.compile(r"[。！？!?…][”’」』）)】\]]*\s*$")
SENTENCE_END_CHARS = "。！？!?…"
CLOSING_CHARS = "”’」』）)】]"
# A closing sign-off: （张嘉赫）, （来源：新华社）, （WMO官网编译：何静怡）, 图/王启蒙文/李长培, 摄,
# also with a bracket inside: （本版内容节选自《中国气候变化蓝皮书（2026）》）.
# A source credit closing an article after its last sentence, no full stop: 据央视新闻,
# 综合新华社等报道, 据上观新闻客户端; bracketed ones (（来源：…）, （完）) are sign-offs too.
# Credits naming several sources end in 等 (综合新华社、央视新闻等), a paper's name in 》 (据《江城日报》).
_CREDIT_END = r"(?:报道|消息|新闻|网|客户端|电|社|号|发布|报|等|》)"
CREDIT_LINE = lazyre.compile(rf"^(?:据|综合|来源[:：]|稿件来源[:：])[^，。！？,!?：:]{{1,18}}{_CREDIT_END}$")
_CREDIT_TAIL = (
    rf"(?<=[。！？!?”’」』])\s*(?:据|综合|来源[:：]|稿件来源[:：])[^，。！？,!?：:]{{1,18}}{_CREDIT_END}"
)
CREDIT_ENDS = "道息闻网端电社号布报等》"  # the last characters of _CREDIT_END's words
# Every match ends (trailing spaces aside) with a closing bracket, 摄, 图 (供图) or a credit's end, or
# holds a slash or colon among its last 21 characters (图/王启蒙, 编译：何静怡): tested first (endguard).
SIGN_OFF = endguard.at_end(
    lazyre.compile(
        r"(?:[（(](?:[^（）()]|[（(][^（）()]{1,12}[）)]){1,40}[）)]|(?:图|文|摄影?|制图)\s*[/／:：][^，。,]{1,20}|供图|摄"
        r"|(?<=[）)。])\s*(?:编译|翻译|整理)\s*[:：][^，。,（）()]{2,12}"  # …（来源：WMO官网）编译：何静怡
        rf"|(?:^|(?<=[。！？”]))[（(][{CJK}·•、\s]{{41,200}}[）)]"  # a long list of contributors' names
        rf"|{_CREDIT_TAIL}|^{CREDIT_LINE.pattern[1:-1]})\s*$"
    ),
    last="）)摄图" + CREDIT_ENDS,
    near="/／:：",
    reach=21,
)
# A bracketed sign-off that says whose or whence (（记者 吴倩）, （来源：《人民日报》）, （完）), unlike a
# bracket at a line's end that only explains (…中心（ECMWF）).
SIGN_OFF_BRACKET = lazyre.compile(
    r"[（(](?:完|[^（）()]*(?:记者|通讯员|来源|编译|据|综合|供稿|特约)[^（）()]*)[）)]\s*$"
    # names alone after the last sentence, or on their own line: …屏障。（吴卉） / （张三 李四）
    rf"|(?:^|[。！？”])[（(][{CJK}]{{2,4}}(?:[\s、][{CJK}]{{2,4}}){{0,3}}[）)]\s*$"
)
# A caption that says what the picture shows: 图为…, 上图：…
CAPTION_OPENING = lazyre.compile(r"^(?:图为|[上下左右]图[为：:]|图[一二三四1-4][：:])")
# A photo credit ends a caption, not an article: 图/王启蒙, 新华社记者 姚大伟摄, 供图, （张三 摄）.
PHOTO_CREDIT = lazyre.compile(r"(?:图\s*[/／:：][^，。,]{1,20}|供图|摄|[（(][^（）()]{0,24}摄[）)])\s*$")
# A box set between a headline and the body: key points (核心提示, 内容提要) or an editor's note
# (编者按：…, 【编者按】…). Its label stands on a line of its own or opens the box's paragraph.
_BOX = "(?:核心提示|核心阅读|内容提要|内容摘要|阅读提示|编者按|编者的话)"
BOX = lazyre.compile(rf"^(?:[【〖\[]{_BOX}[】〗\]][:：]?|{_BOX}(?:[:：]|$))")
BOX_LABEL_MAX = 8  # a box's label alone (【核心提示】) is no longer
BOX_FIRST = "核内阅编【〖["  # the first characters of every BOX match: the cheap test first
# Characters a headline line does not end with (a wrapped body line often does).
BODY_LINE_END = lazyre.compile(r"[。，、；：,;:]\s*$")
BODY_LINE_END_CHARS = "。，、；：,;:"
# What a headline line never looks like: a sentence end inside it, a leading mark of punctuation
# (the tail of a wrapped line), a bracketed sign-off （吴卉） or the tail of one (…编译：何静怡）).
NOT_HEADLINE = lazyre.compile(
    r"[。！？!?](?=.*[\w\u4dc0-\u4dff])|^[，。、；：,.;:/）)》”’]|^(?:[问答]|(?:本报)?记者)[:：]|^[（(][^（）()]*[）)]$|^(?:来源|编译|责任编辑|编辑|校对)[:：]"
    r"|(?:责编|编辑|设计|美编|校对|制图|来源|编译|供稿)[:：]|(?:图|文|摄影?)\s?[/／]"
    r"|供图\s*$"  # a photo credit on its own line: 市住建局供图, 受访者供图
    rf"|{CREDIT_LINE.pattern}"  # a source credit on its own line: 据江城发布, 综合新华社等报道
)
HEADLINE_MAX = 60
HEADLINE_MIN = 5  # shorter lines are headlines only when SHORT_HEADLINE and their context says so
# A short headline: two to four characters, nothing but CJK (李在明称, 楼市问答); 张宣 under a caption
# is its photographer, told apart by the context (normalize).
SHORT_HEADLINE = lazyre.compile(f"^[■□▲●◆]?[{CJK}]{{2,4}}$")  # ■简讯: a column's label, marked

# --- bylines and datelines ---------------------------------------------------------------------

_S = r"\s?"  # letter-spaced role words: 通讯 员
# A paper's own name before the role: 江城晚报记者 张三, 环球时报特约记者 李四.
_PAPER = rf"[{CJK}]{{2,4}}(?:日报|晚报|晨报|都市报|商报|时报)"
ROLE = (
    # the paper's own short name before its reporter: 晚报记者 杜娟 (not in datelines: 日报和电视台)
    rf"(?:(?:本报|本刊|新华社|中新社|人民日报|{_PAPER}|日报|晚报|晨报|都市报)?(?:全媒体|融媒体|特约|见习|实习|首席)?"
    rf"(?:记{_S}者|通{_S}讯{_S}员|实{_S}习{_S}生|评{_S}论{_S}员|摄{_S}影|摄{_S}像|编{_S}译|撰{_S}稿|"
    rf"文{_S}/{_S}图|图{_S}/{_S}文|文{_S}[·・]{_S}图{_S}[/／]|文{_S}/{_S}摄影|[文图]{_S}[/／]))"
)
_NAMES = rf"(?:[{CJK}·•\s、]|[/／][文图]){{0,24}}?"  # 张三/文 李四/图: a name, then its role
# A byline printed on its own line: □记者 李涛 报道, 本报记者 王五 赵六, ■ 全媒体记者 …
# The interviewer's turn (记者：今年公交线网优化的重点是, wrapped) is no byline: a run of six or more
# characters with no space after the colon is a sentence, not names.
_TURN = rf"(?![□■●◆▲★◇○\s]*{ROLE}\s*[:：]\s*[{CJK}]{{6,}})"
BYLINE_LINE = lazyre.compile(
    rf"^{_TURN}[□■●◆▲★◇○◎\s]*{ROLE}[\s:：]*{_NAMES}"
    rf"(?:\s*{ROLE}[\s:：]*{_NAMES})*\s*(?:报道|摄|撰文|整理|报)?\s*$"
)
# Every BYLINE_LINE match holds one of these, the last character of one of ROLE's words: a cheap
# test before the pattern (keep it in step with ROLE: test_text_fast checks bylines made of ROLE's parts).
BYLINE_CHARS = frozenset("者员生影像译稿/／")
ROLE_SPLIT = lazyre.compile(rf"[□■●◆▲★◇○◎]|{ROLE}|报道|撰文|整理|摄$|^本报")
# Datelines: 本报讯, 本报10月24日讯, a brief's ▲本报讯 (its mark is no text), 本报海口7月8日讯, 新华社北京10月24日电, 据新华社北京…电
_PLACE = rf"(?:(?!通{_S}讯|记{_S}者)[{CJK}]){{0,6}}?"
DATELINE = lazyre.compile(
    rf"^(?:[▲■●◆]\s*)?(?P<dateline>据?(?:本报|新华社|中新社|中新网|人民网|央视网|央广网|光明网|[{CJK}]{{2,4}}(?:日报|晚报|通讯)社|{_PAPER})"
    rf"{_PLACE}(?:\d{{1,2}}月\d{{1,2}}日)?(?:电|讯|消息(?=[:：，,\s]))(?!{_S}员))"
)
# A byline run into the dateline: （记者 曹马志 通讯员 林清政）, ` 记者 刘蕊 报道`, or the names set off
# by spaces alone (本报讯 记者 周婷 暴雨过后，…), each of two to four characters, no time word among them.
_SPACED_NAME = rf"(?!今天|今日|昨天|昨日|近日|日前|近期|今年|目前|当天)[{CJK}·]{{2,4}}\s+"
RUN_IN_BYLINE = lazyre.compile(
    rf"^\s*(?:[（(](?P<bracketed>\s*{ROLE}[^（）()]{{1,40}})[）)]|(?P<plain>\s*{ROLE}[^，。,]{{1,40}}?)报道"
    rf"|(?P<spaced>(?:\s*{ROLE}\s*(?:{_SPACED_NAME})+){{1,3}})(?=\S))"
)
# A first paragraph opening with its byline, no dateline: 记者 张三 报道：5月29日，…
BYLINE_OPENING = lazyre.compile(rf"^\s*(?P<byline>{ROLE}[^，。,：:]{{1,30}}?)报道[：:]?")
# A paragraph that can only be the first of an article: a dateline or a byline opening it.
ARTICLE_OPENING = lazyre.compile(f"{DATELINE.pattern}|{BYLINE_OPENING.pattern}")
# Page furniture, not article text: read as a blank line. The page's editors and designers
# (责任编辑：张三 美术编辑：李四), and the running head's date: 2026年7月9日 星期四 / 农历五月十五.
PAGE_FURNITURE = lazyre.compile(
    r"^(?:(?:本版|本期)?(?:责编|责任编辑|编辑|美编|美术编辑|校对|审校|审读|版式设计|版式|设计|组版|监制|主编|值班主任)"
    r"\s*[:：]"
    # the page's note on its sources: 本版图片除署名外均为新华社发, 本版稿件由江城发布提供
    r"|本[版期](?:稿件|图片|文字|图文|照片)(?:均?由|除|均为|来源)[^。]{0,30}$)"
)
_EDITOR = r"(?:本版|本期)?(?:责编|责任编辑|编辑|美编|美术编辑|校对|审校|审读|版式设计|版式|设计|组版|监制|主编|值班主任)"
_PERSON = r"[\u4e00-\u9fff·]{2,5}"
# A masthead or running-head line made of nothing but its items (2026年7月9日 星期四 农历六月十五
# 今日16版 总第8765期 A01): a single item stands alone above, several here.
# the date in words or in figures (2026年7月9日, 2026.07.09, 2026-07-09, 2026/7/9)
_DATE = r"(?:\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|\d{4}[-./]\d{1,2}[-./]\d{1,2})"
_HEAD_ITEM = (
    rf"{_DATE}|[（(]?(?:星期|周)[一二三四五六日天][）)]?|农历\S{{2,8}}?|(?:今日|本期|今天)\s?\d{{1,3}}\s?版"
    r"|总?第\s?\d{2,6}\s?[期号]|(?:第\s?)?[A-Za-z]?\d{1,3}\s?版?|[\u4e00-\u9fff]{2,6}"
)
RUNNING_HEAD = lazyre.compile(
    rf"^(?:农历\S{{2,8}}?|(?:今日|本期|今天)\s?\d{{1,3}}\s?版|总?第\s?\d{{2,6}}\s?[期号])(?:\s*(?:{_HEAD_ITEM}))*$"
)
# Furniture only at a page's top or bottom lines, the running head and foot (body text may wrap
# to a line like these): the page number or label (3, A02, 第3版, A02 要闻), the date with or
# without 星期 (2026年7月9日 星期四 农历六月十五, 2026-07-09).
EDGE_FURNITURE = lazyre.compile(
    r"^(?:第\s?)?[A-Za-z]?\d{1,3}\s?版?(?:\s+[\u4e00-\u9fff]{2,6})?$|^[\u4e00-\u9fff]{2,6}\s+[A-Za-z]?\d{1,3}$"
    # the label with its section name after a colon, as page files of e-paper sites print it: 第A01版：要闻
    r"|^(?:第\s?)?[A-Za-z]?\d{1,3}\s?版\s*[:：]\s*[\u4e00-\u9fff·]{2,8}$"
    r"|^\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s*(?:[（(]?\s*(?:星期|周)[一二三四五六日天]\s*[）)]?)?[^，。,]{0,20}$"
    r"|^(?:星期|周)[一二三四五六日天]\s*(?:农历\S{2,8})?$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$"
    rf"|{RUNNING_HEAD.pattern}"
    # the label and section with the page's editors: A05 城事 责任编辑：王芳
    rf"|^(?:第\s?)?[A-Za-z]?\d{{1,3}}\s?版?(?:\s+[\u4e00-\u9fff]{{2,6}})?\s+{PAGE_FURNITURE.pattern[1:]}"
    # a running head on one line, its items spaced apart around the date: A03　综合　2026年6月2日
    # 星期二 / 滨海都市报　2026年6月2日　A05 / 2026年6月2日　责编：王芳　美编：李强
    rf"|^(?=.*{_DATE})(?:(?:{_HEAD_ITEM}|{_EDITOR}\s*[:：]\s*{_PERSON})(?:\s+|$))+$"
    # the editors one a line or spaced apart, with no colon: 责任编辑 王芳 / 版式设计 李强　校对 陈敏
    rf"|^(?:{_EDITOR}\s+{_PERSON}(?:\s+|$))+$"
    # the paper's name in the masthead: 清河日报, 滨海都市报, 江城晚报 (a photo story's 图片新闻 is none)
    r"|^(?!图片新闻$|图说新闻$)[\u4e00-\u9fff]{2,6}(?:日报|晚报|早报|晨报|都市报|商报|时报|导报|周报|新闻)$"
    # the masthead's notes: 国内统一连续出版物号 CN 45-0001, 本报网址：www.example.cn, 邮发代号 1-23
    # (after the page's label too: A01 新闻热线：96001)
    r"|^(?:(?:第\s?)?[A-Za-z]?\d{1,3}\s?版?\s+)?(?:国内统一连续出版物号|邮发代号|本报网址|网址|社址"
    r"|订报热线|新闻热线|报料热线|读者热线|服务热线|广告热线)\s*[:：]?[^，。]{0,40}$"
)
EDGE_LINES = 3  # lines at the top and at the bottom of a page where EDGE_FURNITURE is looked for
RUNNING_LINES_MAX = 8  # lines a running head or foot takes at most (paper, date, label, section)
# Section names (版名) papers print in a running head, beside the page label or alone: 要闻, 城事.
SECTION_NAMES = frozenset({
    "要闻", "今日要闻", "头版", "综合", "综合新闻", "国内", "国际", "天下", "中国", "时政", "时事", "社会", "城事", "城市", "民生", "本地",
    "地方", "区县", "财经", "经济", "体育", "文体", "文娱", "娱乐", "文化", "副刊", "评论", "观点", "理论", "专版", "专题", "健康",
    "教育", "科技", "法治", "新闻", "读者", "生活", "旅游", "汽车", "房产", "楼市", "消费", "视点", "关注", "焦点", "深度", "周刊",
    "人文", "文艺", "阅读", "悦读", "广告", "公告", "热线", "乡村", "农村", "三农", "市场", "产经",
})  # fmt: skip

# Layout debris that is no article text: an advertisement's contact line (咨询热线：0571-86661234,
# 订购电话 400-800-1234, 地址：中山北路188号) and the rows of a table of figures (北京 雷阵雨 24-31℃).
AD_CONTACT = lazyre.compile(
    r"[\u4e00-\u9fff]{0,6}(?:热线|电话|手机|微信|咨询|订购|预订|报名|联系)[^，。,]{0,6}[:：]?\s*"
    r"(?:\d{3,4}\s?[-－—]\s?)?\d{7,8}$|[\u4e00-\u9fff]{0,4}(?:地址|网址)[:：][^，。,]{2,30}$"
    r"|[\u4e00-\u9fff]{0,8}[:：]?\s*(?:(?:400|800)\s?[-－]?\s?\d{3}\s?[-－]?\s?\d{4}|1[3-9]\d{9})$"
)
AD_LINE_MAX = 30  # an advertisement's lines are short: a name, a slogan, a number
# A table row: cells parted by spaces, at least two of two or more characters, some figure, no
# sentence punctuation; a header row has no figure. Letter-spaced lines (建 设 新) have 1-char cells.
TABLE_CELLS = lazyre.compile(r"^\S{2,}(?:[ \t\u3000]+\S+)+$")
TABLE_FIGURE = lazyre.compile(r"\d")
TABLE_NOT = lazyre.compile(r"[，。；！？、,;!?]")

# --- continuation markers ----------------------------------------------------------------------

_NUM = rf"(?:[A-Za-z]?\s?\d{{1,3}}|[{NUMERAL}]{{1,3}}|[A-Za-z][{NUMERAL}]{{1,3}})"
_PAGE = rf"(?:第\s?)?(?P<label>{_NUM})\s?版"
_SECTION = rf"(?:\s*[·・]\s*[{CJK}]{{2,6}})?"  # the page's section name after its number: 第3版·要闻


# A front page's teaser ends on where to read the story (详见A02版, （详见第2版）, ▶详见第A05版): it
# closes its paragraph, and is no jump (the story is printed whole there, with no 上接 line).
TEASER_REF = lazyre.compile(rf"详见\s?{_PAGE}\s*[）)]?\s*$")


@dataclass(frozen=True)
class JumpMarker:
    """One printed form of a continuation marker, with the cheap test that guards its pattern.

    ``out`` markers end a part (searched at the end of a line), ``in`` markers open a fragment
    (matched at its start). Every line of a page meets these tests, so the pattern runs only when
    one of ``needles`` occurs in the last (out) or first (in) ``window`` characters. A marker's
    pattern has a ``label`` group: the page as printed (二, 2, A2, B02, one).
    """

    name: str
    language: str
    direction: Literal["out", "in"]
    pattern: re.Pattern[str]
    needles: tuple[str, ...]
    window: int

    def find(self, line: str) -> re.Match[str] | None:
        if self.direction == "out":
            start = max(0, len(line) - self.window)
            tail = line[start:]  # sliced once, not once per needle
            for needle in self.needles:
                if needle in tail:
                    return self.pattern.search(line, start)
            return None
        head = line[: self.window]
        for needle in self.needles:
            if needle in head:
                return self.pattern.match(line)
        return None


_CONTD = ("ntd", "nt'd", "nt’d", "NTD", "NT'D", "NT’D")  # Contd. / Cont'd / CONT'D, abbreviated

# Every continuation marker the reader knows: a new form (or language) is one entry plus its test.
# (Its pre-test: what every match of the marker holds, in jumpholds.JUMP_HOLDS.)
JUMP_MARKERS: tuple[JumpMarker, ...] = (
    # （下转第二版） / (转2版) / 下转A2版 / 转B02版 / （转第3版·要闻） — at the end of a part.
    JumpMarker(
        "下转", "zh", "out",
        lazyre.compile(rf"[（(]?\s*(?:下?转|接)(?:至|到)?\s?{_PAGE}{_SECTION}\s*[）)]?\s*$"), ("版",), 24,
    ),
    # （转A02） / （下转B02） — a lettered page label needs no 版 when bracketed at a part's end
    # (a bare number without 版 could be any figure in brackets).
    JumpMarker(
        "转A02", "zh", "out",
        lazyre.compile(r"[（(]\s*(?:下?转|接)(?:至|到)?\s?(?P<label>[A-Za-z]\d{1,3})\s*[）)]\s*$"), ("转", "接"), 12,
    ),
    # （上接第一版） / 上接1版 / ◀上接A01版 / 接第一版 / 承B01版 / （紧接第1版） / （续第1版） —
    # opening a fragment.
    JumpMarker(
        "上接", "zh", "in",
        lazyre.compile(rf"^[◀◆▲■□\s]*[（(]?\s*(?:上接|紧接|接|承|续)\s?{_PAGE}{_SECTION}\s*[）)]?"),
        ("接", "承", "续"), 10,
    ),
    # （紧接A01） / （上接B02） — the jump-in to a lettered page's jump-out, bracketed, no 版 either.
    JumpMarker(
        "接A01", "zh", "in",
        lazyre.compile(r"^[◀◆▲■□\s]*[（(]\s*(?:上接|紧接|接|承|续)\s?(?P<label>[A-Za-z]\d{1,3})\s*[）)]"), ("接", "承", "续"), 10,
    ),
    # English (``english_jumps.py``): (Continued on Page 4) / continued on back page
    JumpMarker("Continued on", "en", "out", english_jumps.CONTINUED_ON, ("ued", "UED", "ucd", "ues", "UES", *_CONTD), 50),
    # See SCHOOLS, Page 4 / See MEN, back page / See BUDGET, A6 / Sec COMPUTERS, page 6 (OCR) /
    # Turn to BUDGET, A6 (a section label and no S in it: the ``urn`` needle finds it)
    JumpMarker(
        "See KEYWORD", "en", "out", english_jumps.SEE_KEYWORD, ("ag", "AG", "ack", "ACK", "ee", "EE", "S", "urn", "URN"), 70
    ),
    # Please see page 6 / PleaM see paga 2 (OCR) / See back page / Jump to A6
    JumpMarker("Please see", "en", "out", english_jumps.PLEASE_SEE, ("ag", "AG", "ack", "ACK", "ump", "UMP"), 40),
    JumpMarker("Please see, garbled", "en", "out", english_jumps.PLEASE_SEE_GARBLED, ("ag", "aq", "AG", "AQ"), 18),
    # (Continued from page one) / Continued From A1 / Jump from A1 / Contlnued from Page 1 (OCR)
    JumpMarker("Continued from", "en", "in", english_jumps.CONTINUED_FROM, ("nued", "nucd", "NUED", "ump", "UMP", *_CONTD), 48),
    # From page 1 / From Page One / From A1, and OCR's From pagel, Frontpage*, rotn page 1
    JumpMarker("From page", "en", "in", english_jumps.FROM_PAGE, ("om", "OM", "ot", "on", "ag"), 44),
    # From front page / Continued from the front page
    JumpMarker("From front page", "en", "in", english_jumps.FROM_FRONT, ("ront", "RONT"), 56),
)  # fmt: skip
_JUMP_OUT = tuple(m for m in JUMP_MARKERS if m.direction == "out")
_JUMP_IN = tuple(m for m in JUMP_MARKERS if m.direction == "in")
# A page's profile names its language: only that language's markers are tried on its lines (a
# Chinese page never prints ``See SCHOOLS, Page 4``, and the English pre-checks ("S", "ee", "on")
# would pass on most of its lines). A language without markers of its own tries them all.
_OUT_BY_LANGUAGE = {m.language: tuple(n for n in _JUMP_OUT if n.language == m.language) for m in JUMP_MARKERS}


def _any_needle(markers: tuple[JumpMarker, ...]) -> re.Pattern[str]:
    """One compiled alternation of the markers' needles: a single scan rules out most lines."""
    return lazyre.compile("|".join(sorted({re.escape(n) for m in markers for n in m.needles})))


def _holds(markers: tuple[JumpMarker, ...]) -> tuple[str, ...] | None:
    if all(len(n) == 1 for m in markers for n in m.needles) or any(m.name not in JUMP_HOLDS for m in markers):
        return None
    return tuple(sorted({held for m in markers for held in JUMP_HOLDS[m.name]}))


# (pre-check window, any needle, markers, what a match holds) of the jump-outs per language ("":
# every language's): no needle of any marker in the last (widest window) characters, and no marker
# can end the line.
_OUT_CHECK: dict[str, tuple[int, re.Pattern[str], tuple[JumpMarker, ...], tuple[str, ...] | None]] = {
    language: (max((m.window for m in markers), default=0), _any_needle(markers), markers, _holds(markers))
    for language, markers in [("", _JUMP_OUT), *_OUT_BY_LANGUAGE.items()]
}
# (pre-check window, any needle, markers, what a match holds) of the jump-ins per language; None:
# every language's.
_IN_BY_LANGUAGE: dict[
    str | None, tuple[int, re.Pattern[str], tuple[JumpMarker, ...], tuple[str, ...] | None]
] = {
    language: (max(m.window for m in markers), _any_needle(markers), markers, _holds(markers))
    for language, markers in [(None, _JUMP_IN)]
    + [(m.language, tuple(n for n in _JUMP_IN if n.language == m.language)) for m in _JUMP_IN]
}


def jump_in_needles(language: str | None = None) -> tuple[int, re.Pattern[str]]:
    """(window, pattern): ``jump_in`` finds no marker in a line unless the pattern is found in
    its first ``window`` characters (a pre-test that callers may fold into one of their own)."""
    window, any_needle, _, _ = _IN_BY_LANGUAGE.get(language) or _IN_BY_LANGUAGE[None]
    return window, any_needle


def _holds_any(text: str, holds: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``holds`` (substring tests mapped in C: no generator per line)."""
    return any(map(text.__contains__, holds))


def jump_out(line: str, language: str | None = None) -> re.Match[str] | None:
    """The jump-out marker ending ``line`` (the language's markers; any language's when None)."""
    window, any_needle, markers, holds = _OUT_CHECK.get(language or "", _OUT_CHECK[""])
    start = max(0, len(line) - window)
    if holds is not None and not _holds_any(line[start:].lower(), holds):
        return None  # most lines: nothing a marker's match holds near the end
    if any_needle.search(line, start) is None:
        return None  # no marker's needle near the end at all (one scan, in C)
    for marker in markers:
        m = marker.find(line)
        if m:
            return m
    return None


def jump_in(line: str, language: str | None = None) -> re.Match[str] | None:
    """The jump-in marker opening ``line`` (the language's markers; any language's when None).
    Runs on every line: the markers' pre-checks first, inline."""
    window, any_needle, markers, holds = _IN_BY_LANGUAGE.get(language) or _IN_BY_LANGUAGE[None]
    if holds is not None and not _holds_any(line.lower(), holds):
        return None  # most lines: nothing a marker's match holds
    if any_needle.search(line, 0, window) is None:
        return None  # no marker's needle in the window at all
    head = line[:window]
    for marker in markers:
        for needle in marker.needles:
            if needle in head:
                m = marker.pattern.match(line)
                if m:
                    return m
                break
    return None


def jump_alone(line: str, direction: Literal["out", "in"], language: str | None = None) -> bool:
    """The line is nothing but a jump marker (spaces and brackets aside)."""
    m = jump_out(line, language) if direction == "out" else jump_in(line, language)
    if m is None:
        return False
    rest = line[: m.start()] if direction == "out" else line[m.end() :]
    return not rest.strip()


# --- article boundaries without a headline -----------------------------------------------------

# A paragraph opening with one of these refers back to what precedes: not a new article.
ANAPHORIC_OPENER = lazyre.compile(
    r"^(?:[问答][:：]|记者[:：]|【?(?:本期)?嘉宾(?:】|[:：])|(?:采访人|主持人)[:：]|会议|会上|会后|他|她|他们|她们|该|此外|同时|与此同时|这|此次|本次|其中|对此|另外|另据|双方|各方|为此|因此|然而|不过|但是|"
    r"据介绍|据了解|据悉|上述|下一步|接下来|随后|最后|首先|其次|再次|一是|二是|三是|一要|二要|三要|"
    r"[一二三四五六七八九十]+[、是要]|（[一二三四五六七八九十]+）|\d+[.、])"
)
# How a news lead opens: a time (近日，/ 日前，/ 当地时间6月2日，/ 5月下旬，/ 16日至20日…). With a
# change of topic it opens an article whose headline was not printed (boundaries.LEAD_TOPIC_SHIFT).
LEAD_OPENER = lazyre.compile(
    r"^(?:近日|日前|近期|目前|今年以来|入[春夏秋冬汛]以来|当地时间|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:至\d{1,2}日)?|\d{1,2}日)"
)
# A brief's mark opening its paragraph in a column of briefs (▲5月22日，…, ■近日，…).
ITEM_MARK = lazyre.compile(r"^[▲■□●◆]\s*")
# Texts of a photo-news heading (图片新闻, 图片报道).
PHOTO_HEADING = lazyre.compile(r"^(?:图片新闻|图片报道|新闻图片|图说新闻)$")
