"""The site as a phone shows it: Debian's Chromium (headless, 390 px wide) on the real server.

Front page, an issue page and an article page: their Chinese text is drawn with fonts that have
the glyphs (no boxes), every autodiscovery link resolves to a feed of its type, nothing is wider
than the screen, no date breaks over two lines. A full-page screenshot of each is kept in
``test-artifacts/browser/`` (listed at the end of the pytest report).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from lxml import etree

from syndicate import config, pipeline
from syndicate.config import SAMPLE_DIR
from syndicate.serve import make_server

from .chromium import (
    ARTIFACTS,
    AUTODISCOVERY_JS,
    OVERFLOW_JS,
    PHONE,
    WRAPPED_DATES_JS,
    browser,
    missing_glyphs,
)
from .conftest import SCREENSHOTS

LATER = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
CJK = re.compile(r"[\u4e00-\u9fff]")
PAGES = {
    "front": "index.html",
    "issue": "issues/2023-10-24/index.html",
    "article": "articles/2023-10-24/20231024-0101.html",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample issue published for a site whose base URL is the real server on loopback."""
    tmp = tmp_path_factory.mktemp("browser")
    shutil.copytree(SAMPLE_DIR, tmp / "src")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    data = {
        "publication": {"base_url": url},
        "source": {"type": "folder", "path": str(tmp / "src")},
        "output": {"dir": str(tmp / "out")},
    }
    settings = config.parse(data, tmp)
    pipeline.run_pass(settings, now=LATER)
    server = make_server(settings, "127.0.0.1", port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as b:
        yield b


@pytest.fixture
def phone(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=PHONE, device_scale_factor=1, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_on_a_phone(name: str, base: str, phone: Any) -> None:
    response = phone.goto(base + PAGES[name], wait_until="load")
    assert response is not None and response.status == 200
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}-390px.png"
    phone.screenshot(path=str(shot), full_page=True)
    SCREENSHOTS.append(str(shot))

    text = phone.inner_text("body")
    assert len(CJK.findall(text)) > 20, "the page shows no Chinese text"
    checked, boxes = missing_glyphs(phone)
    assert checked >= 5 and boxes == [], boxes

    layout = phone.evaluate(OVERFLOW_JS)
    assert layout["scrollWidth"] <= layout["width"] and layout["wide"] == [], layout
    assert phone.evaluate(WRAPPED_DATES_JS) == []

    links = phone.evaluate(AUTODISCOVERY_JS)
    assert links, "no feed autodiscovery link"
    for link in links:
        got = phone.request.get(link["href"])
        assert got.status == 200, link
        assert got.headers["content-type"].split(";")[0] == link["type"], (link, got.headers["content-type"])
        body = got.body()
        if link["type"].endswith("json"):
            assert json.loads(body)["version"].startswith("https://jsonfeed.org/")
        else:
            etree.fromstring(body)


def test_article_page_meta_line_is_not_indented_and_links_back(base: str, phone: Any) -> None:
    phone.goto(base + PAGES["article"], wait_until="load")
    assert phone.eval_on_selector("p.meta", "el => getComputedStyle(el).textIndent") == "0px"
    body_indent = phone.eval_on_selector("article p.body", "el => getComputedStyle(el).textIndent")
    assert float(body_indent.removesuffix("px")) > 20  # two characters
    for selector in ("a.issue", "a.page", "a.section"):
        href = phone.eval_on_selector(f"nav.crumbs {selector}", "el => el.href")
        assert phone.request.get(href).status == 200, href
    ld = json.loads(phone.eval_on_selector('script[type="application/ld+json"]', "el => el.textContent"))
    assert ld["@type"] == "NewsArticle" and ld["printPage"] == "1" and ld["articleSection"] == "要闻"
    assert phone.eval_on_selector('meta[property="og:type"]', "el => el.content") == "article"


def test_the_glyph_check_sees_boxes(phone: Any) -> None:
    """A private-use character no installed font has: drawn as a box, and reported."""
    phone.set_content('<html lang="zh-CN"><body><p>西海岸\ue000新闻</p></body></html>')
    _checked, boxes = missing_glyphs(phone)
    assert [b.missing for b in boxes] == ["\ue000"]
