"""Row 6: XML-invalid control characters, ``]]>``, ``<script>`` and HTML entities in the page text.

They are escaped or removed: every feed and NewsML file still passes the validators, no control
character XML forbids reaches any output, and the HTML pages carry the source's markup as text:
no element, attribute or entity of the source's making.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from support.faults import DAY, LATER, check_parses, sample_page, snapshot, validate_all, write_issue

from syndicate import config, pipeline

IND = "\u3000\u3000"
SCRIPT = "<script>alert('x')</script>"
HOSTILE = [
    SCRIPT,
    "]]>",
    "<![CDATA[",
    "&amp;",
    "&nbsp;",
    "&lt;b&gt;",
    "&#x1F;",
    "&lol;",
    '"><img src=x onerror=alert(1)>',
    "<!--",
]
CONTROLS = "\x01\x08\x0b\x0c\x1b\x7f"
# XML 1.0 Char production: what may appear in any XML output at all.
XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf\xbe|\xef\xbf\xbf")


def page() -> str:
    head = f" 标题{SCRIPT}与]]>测试\n"
    byline = f" {IND}□记者 王晓 报道\n"
    body = f"{IND}本报10月24日讯 " + "，".join(f"第{i}处{h}内容" for i, h in enumerate(HOSTILE)) + "。\n"
    second = f"{IND}控制字符{CONTROLS[0]}在{CONTROLS[1]}此{CONTROLS[2]}处{CONTROLS[3]}出现{CONTROLS[4]}，结束{CONTROLS[5]}。\n"
    other = f"\n 另一篇&amp;新闻<b>粗体</b>\n{IND}本报10月24日讯 正文中有&copy;和&#169;以及<p>标记</p>。\n"
    # Bulk, so that the decoder's plausibility check lets six control characters through (it allows
    # one per thousand characters): they must then be dealt with further down.
    filler = "\n\n".join([sample_page(1)] * 4)
    return head + byline + body + second + other + "\n\n" + filler


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("markup")
    write_issue(root / "src", DAY, {1: page()})
    report = pipeline.run_pass(config.defaults(root / "out", root / "src"), now=LATER)
    assert report.issues_new == 1 and report.articles_published >= 1, report.problems
    return root / "out"


def test_feeds_and_newsml_stay_valid(out: Path) -> None:
    check_parses(out)
    validate_all(out)


FORBIDDEN_REF = re.compile(r"&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*([0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));", re.I)


def _html_strings(doc: object) -> list[str]:
    """The HTML-typed strings of a JSON Feed or ninjs document (where a reference would be decoded)."""
    if isinstance(doc, dict):
        found = [v for k, v in doc.items() if k == "content_html" and isinstance(v, str)]
        if doc.get("contenttype") == "text/html" and isinstance(doc.get("value"), str):
            found.append(doc["value"])
        return found + [s for v in doc.values() for s in _html_strings(v)]
    if isinstance(doc, list):
        return [s for v in doc for s in _html_strings(v)]
    return []


def test_no_forbidden_character_reaches_any_output(out: Path) -> None:
    for rel, data in snapshot(out).items():
        assert not XML_FORBIDDEN.search(data), rel
        if rel.endswith(".json"):
            # JSON text fields are plain text ("&#x1F;" is six characters there); only HTML fields
            # are decoded by a reader
            for text in _html_strings(json.loads(data)):
                assert not FORBIDDEN_REF.search(text), rel
        else:
            assert not FORBIDDEN_REF.search(data.decode("utf-8", "replace")), rel


def test_html_pages_carry_the_markup_as_text(out: Path) -> None:
    pages = sorted((out / "public").rglob("*.html"))
    assert len(pages) >= 3  # two article pages and the front page
    for path in pages:
        data = path.read_bytes()
        doc = lxml_html.document_fromstring(data)
        # the only script is our JSON-LD: data (never run), whole, the headline's markup inside it as text
        scripts = doc.xpath("//script")
        assert all(el.get("type") == "application/ld+json" for el in scripts), path
        for el in scripts:
            assert "<" not in el.text and isinstance(json.loads(el.text)["headline"], str), path
        assert doc.xpath("//img") == [] and doc.xpath("//@onerror") == [], path
        assert b"<script>alert" not in data and b"<b>\xe7\xb2\x97" not in data, path
    article = next(
        p
        for p in pages
        if "articles" in p.parts and SCRIPT in lxml_html.parse(str(p)).getroot().text_content()
    )
    text = lxml_html.parse(str(article)).getroot().text_content()
    # entities of the source are text: "&amp;" is shown as the five characters, not as "&"
    for hostile in HOSTILE:
        assert hostile in text, hostile
