"""Chinese personal names in bylines: names printed without a space between them, and names signed
at an article's end.

Papers often print a byline's names run together (``记者 黄彬王畅``, ``通讯员 李艳李慧融李红梅``): the
reader tells them apart as a typesetter would, by the surnames they open with. A run of names is
split only when every piece is a name (a surname, then one or two characters; a compound surname,
then one or two), choosing the split whose surnames are the most common, with the fewest names;
a run that cannot be split so (``阿卜杜拉``, ``玉素甫·吐尔公``) stays one name.
"""

from __future__ import annotations

import functools
import math
import re

from . import lazyre, rules
from .boundaries import Draft
from .model import Block

# Single-character surnames, the most common first (the order is the evidence between two splits).
# Left out: those that open transliterated names far more often (阿卜杜拉, 哈斯, 那仁, 呼和).
_COMMON = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑"
    "郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊"
    "仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄"
    "邸雍辜羊乌裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇公湛宾戎勾茅利於居揭干但尉冶斯元束"
    "檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "万俟", "闻人", "轩辕", "呼延", "申屠", "澹台",
)  # fmt: skip
_RANK = {c: k for k, c in enumerate(dict.fromkeys(_COMMON), 1)}
_COMPOUND_RANK = {c: 50 for c in _COMPOUND}  # rare as a whole, but never a given name's characters
_MAX_RUN = 40  # longer runs are no byline's names


def _cost(name: str) -> float | None:
    """What choosing ``name`` as one name costs (common surnames cost less); None: it is no name."""
    rank = _COMPOUND_RANK.get(name[:2]) if len(name) >= 3 else None
    if rank is None:
        if not 2 <= len(name) <= 3:
            return None
        rank = _RANK.get(name[0])
        if rank is None:
            return None
    elif len(name) > 4:
        return None
    return 1 + math.log(rank)


@functools.lru_cache(maxsize=2048)
def split_run(run: str) -> tuple[str, ...]:
    """``黄彬王畅`` -> (``黄彬``, ``王畅``); a run that is one name, or no run of names, as it is."""
    if not _RUN_OF_NAMES.fullmatch(run):
        return (run,)
    if len(run) == 4 and run[:2] in _COMPOUND_RANK:
        return (run,)  # 欧阳娜娜: a compound surname and its given name
    # best[k]: the cheapest split of run[:k] into names, as (cost, names).
    best: dict[int, tuple[float, tuple[str, ...]]] = {0: (0.0, ())}
    for end in range(2, len(run) + 1):
        options = []
        for start in range(max(0, end - 4), end - 1):
            cost = _cost(run[start:end]) if start in best else None
            if cost is not None:
                options.append((best[start][0] + cost, (*best[start][1], run[start:end])))
        if options:
            best[end] = min(options)
    found = best.get(len(run))
    return found[1] if found is not None and len(found[1]) > 1 else (run,)


_NAME = lazyre.compile(rf"[{rules.CJK}·•]{{2,12}}")  # a name in a byline


def byline_names(raw: str) -> tuple[str, ...]:
    """□记者 李涛 报道 -> (李涛,); 记者 张三 通讯员 李四 -> (张三, 李四)."""
    names: list[str] = []
    for chunk in rules.ROLE_SPLIT.split(raw):
        for name in re.split(r"[\s、，,/／]+", chunk.strip(" \t\u3000:：（）()")):
            run = split_run(name) if name else ()
            if run and (_NAME.fullmatch(name) or len(run) > 1):  # 黄彬王畅: two names
                names += [n for n in run if n not in names]
    return tuple(names)


_RUN_OF_NAMES = lazyre.compile(f"[{rules.CJK}]{{4,{_MAX_RUN}}}")  # two names at least
_BYLINE_MARKS = "□■○●◆◇"
_SAYS = ("称", "说")  # ■李在明称: a short headline (who says), not a name
_BARE = lazyre.compile(rf"[{rules.CJK}]{{2,4}}(?:[\s、]+[{rules.CJK}]{{2,4}}){{0,3}}")


def marked_names(line: str) -> bool:
    """A line of names only behind a byline's mark (□ 李明远, ■张晓 王明): a column's writer. The
    mark is the evidence a line of unmarked names lacks (李在明称 splits into two names too)."""
    names = line[1:].strip(" \u3000")
    return line[:1] in _BYLINE_MARKS and not names.endswith(_SAYS) and bare_byline(names)


def bare_byline(line: str) -> bool:
    """A line of names only, no role (海尚飞, 张明 李华): under a headline, the writer's byline."""
    if not _BARE.fullmatch(line):
        return False
    names = [n for piece in re.split(r"[\s、]+", line) for n in split_run(piece)]
    return all(_cost(name) is not None for name in names)


# A name or names signed in brackets at an article's end (…睡个好觉。（罗澜）, （记者 张三 李四）),
# or after the role in a source credit there (（来源：气象局官网 编译：张三）); and a picture's credit
# after its caption (…兴趣。图/文王大鹏). Contributors (（张三、李四对本文有贡献）) are not its authors.
_ROLE = r"(?:(?:本报|见习|特约)?记者|通讯员|实习生|编译|翻译|整理|撰稿|供稿|执笔|作者)"
_RUN = rf"[{rules.CJK}]{{2,40}}"  # a name, or names run together
_SIGNED = lazyre.compile(
    rf"(?:^|[。！？”…])[（(](?:[^（()）]{{0,40}}?{_ROLE}[:：\s]*)?"
    rf"(?P<names>{_RUN}(?:[\s、，,]+{_RUN}){{0,19}})[）)]$"
)
_CREDIT_ROLE = r"(?:图[/／]文|文[/／]图|(?:图|文|摄影|摄)[/／])\s*"  # with its slash: no name holds one
_CREDITED = lazyre.compile(  # after a sentence, or anywhere when the slash sets it off (…现场图/文樊绍光)
    rf"(?:(?:^|[。！？”…])\s*|(?={_CREDIT_ROLE}))(?P<names>(?:{_CREDIT_ROLE}[{rules.CJK}]{{2,12}}\s*){{1,3}})$"
)
_CREDIT_SPLIT = lazyre.compile(_CREDIT_ROLE)


def signed(paragraph: str) -> tuple[str, ...]:
    """The names an article is signed with at the end of its last paragraph, when each is a name."""
    tail = paragraph[-400:]
    m = _SIGNED.search(tail)
    if m is not None:
        pieces = re.split(r"[\s、，,]+", m.group("names"))
    elif (m := _CREDITED.search(tail[-60:])) is not None:
        pieces = _CREDIT_SPLIT.split(m.group("names"))
    else:
        return ()
    names: list[str] = []
    for piece in filter(None, (p.strip() for p in pieces)):
        split = split_run(piece)
        if any(_cost(name) is None for name in split):
            return ()  # （新华社）, （完）, （央视新闻）: no name
        names += split
    return tuple(names)


NAME_WRAP = lazyre.compile(rf"[{rules.CJK}\s]{{1,12}}")  # a byline's names wrapped onto the next line
_WRAPPED_NAME_MAX = 2  # what of a name a full column leaves for the next line (a paragraph is longer)
# A byline that says it is whole: 记者 李涛 报道, 记者 刘洋 摄 (no name wraps onto the next line).
_COMPLETE_BYLINE = lazyre.compile(r"(?:报道|摄|撰文|整理)\s*$")
_CLOSING_ROLE = lazyre.compile(r"\s+(?:文[/／]图|图[/／]文|报道|摄影?)$")


def unfinished_byline(cur: Draft) -> bool:
    """The article's byline so far may go on in the next line (no 报道 or 摄 closes it)."""
    return bool(cur.byline_raw) and not cur.has_body and not _COMPLETE_BYLINE.search(cur.byline_raw[-1])


def byline_piece(cur: Draft, block: Block, raw: str) -> bool:
    """Take a paragraph into the article's byline when it is the byline's: the end of a name cut by
    the column (通讯员 李璐黄桉 / 凡), or a line of names only under the headline (　　海尚飞)."""
    name_end = _CLOSING_ROLE.sub("", raw)  # 陈 / 雨婷 文/图: the name's end, then the byline's role
    if (
        len(name_end) <= _WRAPPED_NAME_MAX
        and block.first_line == block.last_line == cur.last_line + 1
        and unfinished_byline(cur)
        and NAME_WRAP.fullmatch(name_end)
        and byline_names(cur.byline_raw[-1])
    ):
        cur.byline_raw[-1] += raw
    elif cur.heads and not (cur.byline_raw or cur.has_body or cur.dateline) and bare_byline(raw):
        cur.byline_raw.append(raw)
    else:
        return False
    cur.touch(block, head=True)
    return True
