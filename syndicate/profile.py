"""Paper profiles: the conventions that differ between languages and papers, as data.

The reader (``normalize`` -> ``segment`` -> ``stitch``) is one reader; what a paragraph mark, a
byline, a dateline, a source credit or a page-furniture line looks like comes from the page's
``Profile``. Chinese and English are two profiles of the same reader. ``for_page`` chooses one per
page: from the page's own text when it is clear, else from ``publication.language``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import english, english_heads, lazyre, rules, unmarked
from .model import Block
from .text import char_class, join


@dataclass(frozen=True)
class Profile:
    """How one language's (or paper's) print marks the things the reader looks for."""

    language: str  # BCP 47 primary tag: "zh", "en"
    # How a paragraph start is marked: a line opening with this string (Chinese: a full-width
    # indent). None: paragraphs are not marked by an indent (the profile must find them otherwise).
    paragraph_indent: str | None
    join: Callable[[str, str], str]  # joins two wrapped pieces of one paragraph
    byline_line: re.Pattern[str]  # a byline printed on its own line
    byline_max: int  # longer lines are never bylines
    byline_hints: frozenset[str]  # a byline has one of these in its first 8 characters (cheap test)
    dateline: re.Pattern[str]  # opens a first paragraph; group "dateline"
    article_opening: re.Pattern[str]  # a paragraph that can only be an article's first
    sign_off: re.Pattern[str]  # closes an article without a sentence end: credits, （完）
    furniture: re.Pattern[str]  # page furniture, read as a blank line
    furniture_first: frozenset[str]  # first characters of furniture lines (cheap test)
    edge_furniture: re.Pattern[str]  # furniture only in a page's top and bottom lines
    not_headline: re.Pattern[str]  # what a headline line never looks like
    headline_min: int
    headline_max: int
    short_headline: re.Pattern[str]  # a headline shorter than headline_min: 李在明称
    colon_headline_max: int  # a headline may end with ： up to this length (日本防卫大臣：)
    anaphoric_opener: re.Pattern[str]  # a paragraph opening like this refers back: no new article
    photo_heading: re.Pattern[str]  # 图片新闻
    # How a news lead opens (近日，): with a change of topic, an article's start (None: never)
    lead_opener: re.Pattern[str] | None = None
    # Lines that recur at the top or bottom of most pages (the paper's name, a running head).
    # Detected per issue (recurring_lines), not configured.
    recurring: frozenset[str] = frozenset()
    # Section names printed in a running head (要闻, 城事): furniture there, with the page's own
    # section name from the manifest added per page (``with_section``).
    section_names: frozenset[str] = frozenset()
    byline_chars: frozenset[str] = frozenset()  # a byline holds one of these (cheap test; empty: none)
    extra_furniture: re.Pattern[str] | None = None  # a paper's own furniture lines ([reading])
    paper_bylines: re.Pattern[str] | None = None  # a paper's own byline lines alone ([reading])
    # Every clear article start of the issue has a blank line above it (detected per issue by
    # boundaries.blank_lines_part): then a blank line is evidence of an article boundary.
    blank_parts: bool = False
    # The blank lines stand above paragraph starts only as article separators (detected
    # per issue by boundaries.blank_lines_separate): a blank line above a paragraph splits.
    blank_separates: bool = False
    # Every sure article start of the issue has a blank line above it (detected per issue by
    # boundaries.headlines_blanked): a headline-like line without one is a subheading.
    heads_blanked: bool = False
    # Pages whose paragraphs carry no mark are read by line shape by this reader, which also
    # decides where articles open (``Block.opens``, ``Block.role``); None: the indent reader.
    # (text, the paper's furniture, the paper's bylines) -> blocks
    read_unmarked: Callable[[str, re.Pattern[str] | None, re.Pattern[str] | None], list[Block]] | None = None
    byline_names: Callable[[str], tuple[str, ...]] | None = None  # names in a byline block
    derive_headline: Callable[[str], str] | None = None  # a headline from the lead (None: Chinese)
    # (kicker, headline, subheadline) from the head lines in print order (None: segment's Chinese rule)
    titles: Callable[[list[str], str | None], tuple[str | None, str | None, str | None]] | None = None

    def opens_lead(self, text: str) -> bool:
        """``text`` opens as a news lead does (近日，, 5月3日): the paper's lead opener matches."""
        return self.lead_opener is not None and self.lead_opener.match(text) is not None


CHINESE = Profile(
    language="zh",
    paragraph_indent=rules.INDENT,
    join=join,
    byline_line=rules.BYLINE_LINE,
    byline_max=40,
    byline_hints=frozenset("记员习评摄编撰/／"),
    byline_chars=rules.BYLINE_CHARS,
    dateline=rules.DATELINE,
    article_opening=rules.ARTICLE_OPENING,
    sign_off=rules.SIGN_OFF,
    furniture=rules.PAGE_FURNITURE,
    furniture_first=frozenset("本责编美校审版设组监主值"),
    edge_furniture=rules.EDGE_FURNITURE,
    not_headline=rules.NOT_HEADLINE,
    headline_min=rules.HEADLINE_MIN,
    headline_max=rules.HEADLINE_MAX,
    short_headline=rules.SHORT_HEADLINE,
    colon_headline_max=20,
    anaphoric_opener=rules.ANAPHORIC_OPENER,
    photo_heading=rules.PHOTO_HEADING,
    lead_opener=rules.LEAD_OPENER,
    section_names=rules.SECTION_NAMES,
)

_NEVER = lazyre.compile(r"(?!)")

ENGLISH = Profile(
    language="en",
    paragraph_indent=None,
    join=join,
    byline_line=english.BYLINE,
    byline_max=60,
    byline_hints=frozenset("BbH8"),
    dateline=english.DATELINE,
    article_opening=_NEVER,  # the unmarked reader decides where articles open
    sign_off=english.CREDIT,
    furniture=english.RUNNING_HEAD,
    furniture_first=frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
    edge_furniture=english.RUNNING_HEAD,
    not_headline=lazyre.compile(r"[.,;:]$|^[a-z]"),
    headline_min=2,
    headline_max=160,
    short_headline=_NEVER,
    colon_headline_max=0,
    anaphoric_opener=unmarked.ANAPHORIC,
    photo_heading=_NEVER,
    read_unmarked=unmarked.blocks,
    byline_names=english.byline_names,
    derive_headline=english_heads.derive_headline,
    titles=english_heads.titles,
)

PROFILES: dict[str, Profile] = {"zh": CHINESE, "en": ENGLISH}

# Runs, not characters: as many characters, counted with a match per run instead of one each.
_CJK_RUN = lazyre.compile(f"[{rules.CJK}]+")
_LATIN_RUN = lazyre.compile("[A-Za-z]+")


def detect(text: str) -> str | None:
    """The page's language from its text ("zh", "en"), or None when the sample does not tell."""
    sample = text[:600]
    cjk = sum(map(len, _CJK_RUN.findall(sample)))
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    if cjk + latin < 40:
        return None
    if cjk >= latin / 4:  # a Chinese page keeps a few Latin names and numbers
        return "zh"
    return "en"


def with_paper(
    profile: Profile, credits: Iterable[str] = (), furniture: Iterable[str] = (), bylines: Iterable[str] = ()
) -> Profile:
    """The profile with a paper's own conventions added (configuration ``[reading]``)."""
    credits, furniture, bylines = list(credits), list(furniture), list(bylines)
    changes: dict[str, object] = {}
    if credits:
        changes["sign_off"] = _either(profile.sign_off, [f"(?:{c})\\s*$" for c in credits])
    if furniture:
        changes["extra_furniture"] = _either(None, furniture)
    if bylines:
        changes["byline_line"] = _either(profile.byline_line, bylines)
        changes["paper_bylines"] = _either(None, bylines)
        changes["byline_hints"] = frozenset()  # no cheap pre-test can know the paper's forms
        changes["byline_chars"] = frozenset()
    return dataclasses.replace(profile, **changes) if changes else profile  # type: ignore[arg-type]


def _either(base: re.Pattern[str] | None, extra: list[str]) -> re.Pattern[str]:
    patterns = ([base.pattern] if base is not None else []) + extra
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def replaced(profile: Profile, **changes: object) -> Profile:
    """``dataclasses.replace(profile, **changes)``, a few times per page: the profile's fields
    copied and the changes set, without a call of ``__init__`` with every field (six times slower;
    Profile checks nothing there)."""
    unknown = changes.keys() - _FIELDS
    if unknown:
        raise TypeError(f"Profile has no field {sorted(unknown)[0]!r}")
    new = object.__new__(Profile)
    new.__dict__.update(profile.__dict__, **changes)
    return new


_FIELDS = frozenset(f.name for f in dataclasses.fields(Profile))


def for_page(text: str, language: str | None = None, recurring: frozenset[str] = frozenset()) -> Profile:
    """The profile for one page: detected from its text, else the configured language, else
    Chinese; with the issue's recurring lines (see ``recurring_lines``) as furniture."""
    found = detect(text)
    chosen = CHINESE
    for tag in (found, (language or "").split("-")[0].lower() or None):
        if tag in PROFILES:
            chosen = PROFILES[tag]
            break
    return replaced(chosen, recurring=recurring) if recurring else chosen


def with_section(profile: Profile, name: str) -> Profile:
    """The profile with the page's own section name (the manifest's ``[[pages]] name``) as a
    running-head line."""
    key = furniture_key(name)
    if not key or key in profile.section_names or profile.paragraph_indent is None:
        return profile
    return replaced(profile, section_names=profile.section_names | {key})


RECURRING_MAX = 30  # longer lines are text, not a running head
RECURRING_PAGES = 3  # a line must recur on at least this many pages (a jump head recurs on two)
RECURRING_SHARE = 0.6  # ...and on this share of the pages


_BODY_PUNCTUATION = lazyre.compile("[，。、；！？]")


def furniture_key(line: str) -> str:
    return "".join(line.split())


def recurring_lines(texts: Iterable[str]) -> frozenset[str]:
    """Short lines printed in the top or bottom lines of most pages of an issue: the paper's name,
    its running head."""
    counts: Counter[str] = Counter()
    pages = 0
    for text in texts:
        pages += 1
        lines = text[:400].split("\n")[: rules.EDGE_LINES] + text[-400:].split("\n")[-rules.EDGE_LINES :]
        counts.update(
            {
                furniture_key(line)
                for line in lines
                if 0 < len(line.strip()) <= RECURRING_MAX
                and not line.lstrip(" ").startswith("\u3000")  # a paragraph's first line
                and not _BODY_PUNCTUATION.search(line)
            }
        )
    need = max(RECURRING_PAGES, RECURRING_SHARE * pages)
    return frozenset(line for line, n in counts.items() if n >= need and line)


_PRETESTS: dict[tuple[frozenset[str], str], tuple[int, re.Pattern[str] | None]] = {}


def strong_pretest(p: Profile) -> tuple[int, re.Pattern[str] | None]:
    """(window, pattern): ``normalize.is_strong`` says no to a line without the pattern in its first
    ``window`` characters (a byline's hint, a jump-in's needle): one scan instead of its tests.
    None when the profile's bylines have no hints (a paper's own forms): every line is tested."""
    key = (p.byline_hints, p.language)
    found = _PRETESTS.get(key)
    if found is None:
        window, needles = rules.jump_in_needles(p.language)
        if not p.byline_hints:
            found = (0, None)
        else:
            hints = char_class(p.byline_hints).pattern
            box = char_class(frozenset(rules.BOX_FIRST)).pattern  # a box's label (核心提示) opens the line
            found = (max(8, window), re.compile(f"{hints}|{needles.pattern}|^{box}"))
        _PRETESTS[key] = found
    return found
