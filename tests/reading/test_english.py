"""English print read by line shape: each rule pinned by lines in the image of US and UK papers
(and of how OCR misreads them), then whole pages written the way such pages come out of a scan."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from syndicate import english, english_heads, english_jumps, pipeline, rules, unmarked
from syndicate.model import BlockKind, Issue, Page
from syndicate.profile import ENGLISH, for_page


@pytest.mark.parametrize(
    ("line", "label", "page", "keyword"),
    [
        ("(Continued on Page 4)", "4", 4, ""),
        ("the board said. Continued on page A6", "A6", 6, ""),
        ("See SCHOOLS, Page 4", "4", 4, "SCHOOLS"),
        ("voted against it. See HOMELESS, page 7", "7", 7, "HOMELESS"),
        ("See TRACK & FIELD, page 7", "7", 7, "TRACK & FIELD"),
        ("See CHILDREN’S CENTER, page 5", "5", 5, "CHILDREN’S CENTER"),
        ("Please see page 6", "6", 6, ""),
        ("See back page", "back", None, ""),
        ("their See MEN, back page", "back", None, "MEN"),
        ("Turn to page 3", "3", 3, ""),
        ("the vote. See BUDGET, A6", "A6", 6, "BUDGET"),
        ("Please see BUDGET on B2", "B2", 2, "BUDGET"),
        ("(Continued on Page 2, Col. 3)", "2", 2, ""),
        ("Continued on A12", "A12", 12, ""),
        # as OCR reads them
        ("Sec COMPUTERS, page 6", "6", 6, "COMPUTERS"),
        ("See DRlVE-lN,page6", "6", 6, "DRlVE-lN"),
        ("Sac CLASH, hack page", "back", None, "CLASH"),
        ("PleaM see paga 2", "2", 2, ""),
        ("to the council. Plaaa« aaa paga 9", "9", 9, ""),
        ("the first to en-See TAXI, back page", "back", None, "TAXI"),
        ("the land is rosy. PtMMSMpagag", "", None, ""),  # Please see page N, spaces and label lost
    ],
)
def test_jump_out_lines(line: str, label: str, page: int | None, keyword: str) -> None:
    m = rules.jump_out(line)
    assert m is not None, line
    jump = english_jumps.label_of(m)
    assert jump == label
    assert rules.page_number(jump) == page
    assert english_jumps.keyword_of(m) == keyword


@pytest.mark.parametrize(
    "line",
    [
        "See the report on page 4",  # a sentence: the keyword of a jump line is set in capitals
        "your Feb. 6 Opinion page",
        "said the program will continued on",
        "Stretch with a 7.7 and Pagani with",
        "the district A4 plan",
        "He said See A4",
        "Photos by Papageorge",
        "the Prepaid pages",
    ],
)
def test_not_jump_out_lines(line: str) -> None:
    assert rules.jump_out(line) is None


@pytest.mark.parametrize(
    ("line", "page"),
    [
        ("From page 1", 1),
        ("From Page One", 1),
        ("(Continued from page one)", 1),
        ("Continued from Page 1", 1),
        ("Continued From A1", 1),
        ("From page 2 Fostering resentment", 2),
        ("From pagel", 1),  # OCR: l for 1
        ("From pages", 5),  # s for 5
        ("From paga 3", 3),
        ("rotn page 1", 1),
        ("I'rom page 2", 2),
    ],
)
def test_jump_in_lines(line: str, page: int) -> None:
    m = rules.jump_in(line)
    assert m is not None, line
    assert rules.page_number(english_jumps.label_of(m)) == page


@pytest.mark.parametrize(
    "line", ["From the start of the season", "From pages of notes", "Frontal attack", "Fromage"]
)
def test_not_jump_in_lines(line: str) -> None:
    assert rules.jump_in(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By MARIA LOPEZ", ("MARIA LOPEZ",)),
        ("By Maria Lopez and Dan Ortiz", ("Maria Lopez", "Dan Ortiz")),
        ("BY PETER O’NEILL", ("PETER O’NEILL",)),
        ("by Jane Q. Public", ("Jane Q. Public",)),
        ("BYCAROL", ("CAROL",)),  # OCR lost the space
        ("Hy Kelli Harris", ("Kelli Harris",)),  # B read as H
        ("By", ()),  # the name follows on the next line
        ("By Julia Prodis / Associated Press", ("Julia Prodis",)),  # a byline block as the reader joins it
    ],
)
def test_bylines(line: str, names: tuple[str, ...]) -> None:
    assert english.is_byline(line)
    assert english.byline_names(line) == names


@pytest.mark.parametrize(
    "line", ["By the time the council met, it was late", "Before the vote", "By 2020 the plan was done."]
)
def test_not_bylines(line: str) -> None:
    assert not english.is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Staff Writer",
        "Daily Staff Writer",
        "Associated Press",
        "Sports Editor",
        "Staff Wrtter",
        "Daily Staff Repoit",
    ],
)
def test_staff_lines(line: str) -> None:
    assert english.is_staff_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "letters to the editor",
        "time.’’",
        "readers’ opinions. Letters",
        "Staff and students agreed",
        "agency could report.",  # a line of text in lower case
    ],
)
def test_not_staff_lines(line: str) -> None:
    assert not english.is_staff_line(line)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("PORT HAVEN — The council voted", "PORT HAVEN"),
        ("WASHINGTON (AP) — The Senate", "WASHINGTON (AP)"),
        ("SEOUL, South Korea (AP) — North Korea", "SEOUL, South Korea (AP)"),
        ("LONDON (Reuters) - Shares fell", "LONDON (Reuters)"),
        ("DETROIT — Dr. Jack", "DETROIT"),
    ],
)
def test_datelines(text: str, dateline: str) -> None:
    m = english.dateline(text)
    assert m is not None and m.group("dateline").strip() == dateline


@pytest.mark.parametrize(
    "text",
    ["The Senate — which met — agreed", "Editor — I find it", "UC-Santa Barbara looks to", "I think — no"],
)
def test_not_datelines(text: str) -> None:
    assert english.dateline(text) is None


@pytest.mark.parametrize(
    "line",
    ["Mustang Daily Wednesday, January 20, 1982", "The Harbor Herald Monday, May 3, 1994 Page 4", "A4", "12"],
)
def test_running_heads(line: str) -> None:
    assert english.is_running_head(line)


def test_credits() -> None:
    assert english.is_credit("Photo by JANE DOE")
    assert english.is_credit("DARRELL SMITH/Harbor Herald")
    assert english.is_credit("STORY BY DAILY STAFF WRITER")
    assert not english.is_credit("Photos of the storm were shown")


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        (
            "After a year of debate, the city council approved the new budget on Monday night by a vote of 5-2.",
            "The city council approved the new budget on Monday night",  # 12 words, less "by a"
        ),
        (
            "Mr. Lopez said the U.S. plan, which passed Tuesday, will cost $2 million.",
            "Mr. Lopez said the U.S. plan",
        ),
        (
            "PORT HAVEN schools will close early. Parents were told Friday.",
            "PORT HAVEN schools will close early",
        ),
    ],
)
def test_derived_headline(lead: str, headline: str) -> None:
    derived = english_heads.derive_headline(lead)
    assert derived == headline
    assert len(derived.split()) <= english_heads.HEADLINE_WORDS


def test_hyphen_mending() -> None:
    page = "\n".join(
        [
            "The board met on Mon-",
            "day to weigh a two-year-",
            "old plan that won 6-",
            "1 with a well-",
            "known backer and a well-known foe.",
        ]
    )
    text = unmarked.blocks(page)[0].text
    assert "Monday" in text
    assert "two-year-old" in text
    assert "6-1" in text
    assert "well-known backer" in text


def _column(text: str, width: int) -> list[str]:
    """Wrap a paragraph on word boundaries, as a narrow column sets it."""
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return [*lines, cur]


def _page(*parts: str | list[str], width: int = 32, breaks: int = 11) -> str:
    """A page as OCR gives it: headline lines as they are, paragraphs wrapped at ``width``,
    a blank line at a column break every ``breaks`` lines, a blank line between articles."""
    out: list[str] = []
    since = 0
    for part in parts:
        if part == "---":
            out.append("")
            since = 0
            continue
        for line in [part] if isinstance(part, str) else [w for p in part for w in _column(p, width)]:
            if since == breaks:
                out.append("")
                since = 0
            out.append(line)
            since += 1
    return "\n".join(out) + "\n"


SCHOOLS = [
    "The Port Haven school board voted Monday night to close two elementary schools at the end "
    "of the year, citing falling enrollment and a budget gap of $1.2 million.",
    "Parents packed the meeting room at Harbor Middle School, and many spoke against the plan for "
    "more than three hours before the 4-1 vote.",
    "Superintendent Alma Reyes said the district had weighed every other option, including larger "
    "classes and shorter bus routes, before recommending the closures to trustees in a report that "
    "ran to forty pages and drew on enrollment figures going back a decade for each school in the "
    "district, with the caveat that the figures for Bayview were incomplete because of a records",
]
SCHOOLS_REST = [
    "error discovered last spring by an outside auditor.",
    "Trustee Ken Wu, who cast the only vote against the closures, said the board had moved too fast.",
    "The board will hold a hearing on the boundaries of the remaining schools next month.",
]
BRIDGE = [
    "Crews began work Tuesday on a new pedestrian bridge over Mill Creek, a project the city has "
    "planned since the old span was washed away in a storm.",
    "The bridge is expected to open in the fall and will cost about $800,000, paid for by a state grant.",
]
FERRY = [
    "Ferry service to Gull Island will stop for six weeks this winter while the dock is rebuilt, the "
    "harbor authority said Wednesday.",
    "Islanders will be able to book seats on a water taxi during the closure.",
]


def test_english_front_page_and_jump() -> None:
    front = _page(
        "Board votes to close two schools",
        "By MARIA LOPEZ",
        "Staff Writer",
        SCHOOLS,
        "See SCHOOLS, Page 4",
        "---",
        "Work starts on Mill Creek bridge",
        "By Dan Ortiz and Li Wei",
        "Daily Staff Writer",
        BRIDGE,
        "---",
        "PORT HAVEN — Ferry service to Gull Island will stop for six weeks this winter while the dock is "
        "rebuilt.",
        FERRY[1:],
    )
    inside = _page(
        "Harbor Herald Wednesday, January 20, 1982",
        "---",
        "SCHOOLS",
        "From page 1",
        SCHOOLS_REST,
    )
    issue = Issue(
        dt.date(1982, 1, 20),
        (
            Page(1, "News", front, "page-01.txt", "utf-8", "a"),
            Page(4, "Local", inside, "page-04.txt", "utf-8", "b"),
        ),
    )
    reading = pipeline.read(issue, "en")
    articles = {a.headline: a for a in reading.articles}
    assert len(reading.articles) == 3, [a.headline for a in reading.articles]
    schools = articles["Board votes to close two schools"]
    assert [p.page for p in schools.parts] == [1, 4]
    assert schools.byline == ("MARIA LOPEZ",)
    assert schools.language == "en"
    assert schools.paragraphs[0].startswith("The Port Haven school board voted Monday night")
    assert "because of a records error discovered last spring" in " ".join(schools.paragraphs)
    assert len(schools.paragraphs) == len(SCHOOLS) + len(SCHOOLS_REST) - 1  # the cut sentence joined
    bridge = articles["Work starts on Mill Creek bridge"]
    assert bridge.byline == ("Dan Ortiz", "Li Wei")
    assert len(bridge.paragraphs) == 2
    ferry = next(a for a in reading.articles if a.headline_derived)
    assert ferry.dateline == "PORT HAVEN"
    assert ferry.headline == "Ferry service to Gull Island will stop for six weeks this winter"
    assert front.split("\n")[ferry.parts[0].first_line - 1].startswith("PORT HAVEN —")


def test_headline_dropped_article_found_by_its_words() -> None:
    """Two articles with no headline between them: a finished paragraph, a blank line, and a body
    sharing no words with the article above."""
    page = _page("Work starts on Mill Creek bridge", BRIDGE, "---", FERRY, breaks=99)
    opens = [b for b in unmarked.blocks(page) if b.opens]
    assert len(opens) == 2
    assert opens[1].text.startswith("Ferry service")


def test_column_break_keeps_the_article() -> None:
    """A blank line at a column break, also between two finished paragraphs, opens nothing."""
    page = _page("Board votes to close two schools", "By MARIA LOPEZ", SCHOOLS[:2], breaks=4)
    blocks = unmarked.blocks(page)
    assert sum(b.opens for b in blocks) == 1
    paragraphs = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 2


def test_language_from_page_or_configuration() -> None:
    english_page = _page("Board votes to close two schools", SCHOOLS)
    assert for_page(english_page, "zh-CN") is ENGLISH
    assert for_page("12\n", "en") is ENGLISH  # too little text to tell: the configuration decides


PATROL = [
    "Border agents in the county say they are stretched thin, with four officers covering an area "
    "that runs from the coast to the mountains and north to the county line near the old",
]
PATROL_REST = [
    "mission road, where most of the crossings are reported.",
    "Two more posts may be filled next spring.",
]
TEXTBOOKS = [
    "Professors who write textbooks say the work is slow and poorly paid, and that a book can take "
    "five years to finish before a publisher will even",
]
TEXTBOOKS_REST = [
    "look at the manuscript, let alone print it.",
    "Royalties rarely cover the cost of the research.",
]


def _issue(*pages: str) -> Issue:
    return Issue(
        dt.date(1986, 11, 19),
        tuple(
            Page(n, f"p{n}", text, f"page-{n:02d}.txt", "utf-8", str(n)) for n, text in enumerate(pages, 1)
        ),
    )


def test_back_page_jumps_matched_by_their_jump_heads() -> None:
    """Two stories jump to the back page; its continuations come in the other order and are told
    apart by the jump heads that repeat the jump lines' keywords (one head misread by OCR)."""
    front = _page(
        "Border Patrol lacks manpower", "By Rod Santos", PATROL, "See PATROL, back page", "---",
        "Writing textbooks a thankless job", "By Ann Lee", TEXTBOOKS, "Sec TEXTBOOKS, back page",
    )  # fmt: skip
    back = _page("TEXTB0OKS", "From page 1", TEXTBOOKS_REST, "---", "PATROL", "From page 1", PATROL_REST)
    reading = pipeline.read(_issue(front, "Nothing here but a short note on the weather today.", back), "en")
    by_head = {a.headline: a for a in reading.articles}
    patrol, books = by_head["Border Patrol lacks manpower"], by_head["Writing textbooks a thankless job"]
    assert [p.page for p in patrol.parts] == [1, 3]
    assert [p.page for p in books.parts] == [1, 3]
    assert "near the old mission road" in " ".join(patrol.paragraphs)
    assert "even look at the manuscript" in " ".join(books.paragraphs)


def test_continuation_whose_jump_line_was_lost() -> None:
    """OCR lost the jump head and the From line: the text on the target page that opens mid-sentence
    after a finished article is the continuation."""
    front = _page("Border Patrol lacks manpower", "By Rod Santos", PATROL, "See PATROL, page 2")
    rest = [PATROL_REST[0], "Border agents expect the county to add two officers next spring."]
    inside = _page("Work starts on Mill Creek bridge", "By Dan Ortiz", BRIDGE, "---", rest)
    (patrol, bridge) = pipeline.read(_issue(front, inside), "en").articles
    assert [p.page for p in patrol.parts] == [1, 2]
    assert [p.page for p in bridge.parts] == [2]


def test_byline_is_no_second_headline_line() -> None:
    page = _page("Political science major new queen", "by Margarita Mulla", "Staff Writer", SCHOOLS[:1])
    roles = [b.role for b in unmarked.blocks(page)]
    assert roles[:2] == ["head", "byline"]


def test_a_papers_own_bylines_and_furniture() -> None:
    """``[reading]`` patterns of the paper apply to its English pages too."""
    page = _page(
        "HARBOR HERALD | PAGE A1", "Board votes to close two schools", "Herald staff report", SCHOOLS[:1],
    )  # fmt: skip
    plain = unmarked.blocks(page)
    assert [b.role for b in plain][:2] == ["head", "head"]  # read as two headline lines
    own = unmarked.blocks(page, re.compile(r"^HARBOR HERALD \|"), re.compile(r"^Herald staff report$"))
    assert [(b.role, b.text) for b in own][:2] == [
        ("head", "Board votes to close two schools"),
        ("byline", "Herald staff report"),
    ]


@pytest.mark.parametrize(
    ("line", "keyword"),
    [("SCHOOLS, from page 1", "SCHOOLS"), ("BUDGET: Continued from A1", "BUDGET"), ("From page 1", "")],
)
def test_jump_head_run_into_the_jump_line(line: str, keyword: str) -> None:
    m = rules.jump_in(line)
    assert m is not None and english_jumps.keyword_of(m) == keyword


def test_run_in_jump_heads_tell_back_page_continuations_apart() -> None:
    front = _page(
        "Border Patrol lacks manpower", "By Rod Santos", PATROL, "See PATROL, back page", "---",
        "Writing textbooks a thankless job", "By Ann Lee", TEXTBOOKS, "See TEXTBOOKS, back page",
    )  # fmt: skip
    back = _page("TEXTBOOKS, from page 1", TEXTBOOKS_REST, "---", "PATROL, from page 1", PATROL_REST)
    reading = pipeline.read(_issue(front, back), "en")
    patrol = next(a for a in reading.articles if a.headline == "Border Patrol lacks manpower")
    assert "near the old mission road" in " ".join(patrol.paragraphs)


@pytest.mark.parametrize(
    ("heads", "titles"),
    [
        (["Mandela will lead S. Africa into new era", "Thousands celebrate as he is sworn in"],
         (None, "Mandela will lead S. Africa into new era", "Thousands celebrate as he is sworn in")),
        (["No beef about it...", "Prof finds cattle meaty subject"],
         ("No beef about it...", "Prof finds cattle meaty subject", None)),
        (["COMMENTARY", "Why the bridge matters"], ("COMMENTARY", "Why the bridge matters", None)),
        (["Board votes to close two schools"], (None, "Board votes to close two schools", None)),
    ],
)  # fmt: skip
def test_english_head_blocks(heads: list[str], titles: tuple[str | None, str | None, str | None]) -> None:
    assert english_heads.titles(heads, None) == titles


def test_jump_in_naming_a_page_with_one_open_article() -> None:
    """The source printed no jump line (or OCR lost it); the continuation names page 1, where only
    one article has no jump of its own: that one, on ordinary evidence."""
    front = _page(
        "Border Patrol lacks manpower", "By Rod Santos", PATROL, "---",
        "Work starts on Mill Creek bridge", "By Dan Ortiz", BRIDGE, "See BRIDGE, page 2",
    )  # fmt: skip
    inside = _page("BRIDGE", "From page 1", ["The span will be lit at night."], "---",
                   "From page 1", ["mission road."])  # fmt: skip
    by_head = {a.headline: a for a in pipeline.read(_issue(front, inside), "en").articles}
    assert [p.page for p in by_head["Border Patrol lacks manpower"].parts] == [1, 2]
