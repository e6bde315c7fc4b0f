"""Debian's Chromium driven by Playwright (PyPI), and the checks a reader's eye makes.

Never ``playwright install``: the browser is the ``chromium`` package (``/usr/bin/chromium``),
with CJK fonts from ``fonts-noto-cjk``; ``.ci/run`` and ``make test`` install both when missing.

Missing glyphs: Chromium reports, per element, the platform fonts it drew the element's text
with (CDP ``CSS.getPlatformFontsForNode``), but a character no font has is still "drawn" with
one of them, as a box (.notdef). So every character is checked against the coverage fontconfig
gives for the fonts Chromium used (``fc-list``'s ``charset``): a character outside all of them
is a box on the screen.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium (Debian's) under Playwright; fails, never skips, when it is missing."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), f"{CHROMIUM} missing: apt-get install chromium fonts-noto-cjk (make test does)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _ranges(charset: str) -> list[tuple[int, int]]:
    out = []
    for token in charset.split():
        lo, _, hi = token.partition("-")
        out.append((int(lo, 16), int(hi or lo, 16)))
    return out


@functools.cache
def font_coverage() -> dict[str, list[tuple[int, int]]]:
    """PostScript name -> the code point ranges the font has glyphs for (fontconfig)."""
    assert shutil.which("fc-list"), "fc-list missing (fontconfig comes with chromium)"
    listing = subprocess.run(
        ["fc-list", "--format", "%{postscriptname}\t%{charset}\n"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    coverage: dict[str, list[tuple[int, int]]] = {}
    for line in listing.splitlines():
        name, _, charset = line.partition("\t")
        coverage.setdefault(name, []).extend(_ranges(charset))
    return coverage


def covered(ch: str, fonts: list[str]) -> bool:
    cp = ord(ch)
    cov = font_coverage()
    return any(lo <= cp <= hi for f in fonts for lo, hi in cov.get(f, ()))


@dataclass(frozen=True)
class Boxes:
    """Characters of one element that no font Chromium used for it can draw."""

    selector: str
    fonts: tuple[str, ...]
    missing: str


_TEXT_ELEMENTS = "h1, h2, p, li, a, span, time, nav, footer, header"


def missing_glyphs(page: Any) -> tuple[int, list[Boxes]]:
    """Check every element that holds text of its own; return (elements checked, problems)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": _TEXT_ELEMENTS})["nodeIds"]
    checked, problems = 0, []
    for n, node in enumerate(ids):
        text = _own_text(cdp, node)
        if not text.strip():
            continue
        fonts = [
            f["postScriptName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        ]
        checked += 1
        lost = "".join(dict.fromkeys(ch for ch in text if not ch.isspace() and not covered(ch, fonts)))
        if lost:
            problems.append(Boxes(f"{_TEXT_ELEMENTS} #{n}", tuple(fonts), lost))
    cdp.detach()
    return checked, problems


def _own_text(cdp: Any, node: int) -> str:
    """The element's own text nodes (what getPlatformFontsForNode reports on), not its children's."""
    obj = cdp.send("DOM.resolveNode", {"nodeId": node})["object"]["objectId"]
    got = cdp.send(
        "Runtime.callFunctionOn",
        {
            "objectId": obj,
            "functionDeclaration": "function() { return Array.from(this.childNodes)"
            ".filter(n => n.nodeType === 3).map(n => n.textContent).join(''); }",
            "returnByValue": True,
        },
    )
    return str(got["result"].get("value", ""))


OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
      wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, wide};
}"""

# Inline date elements that broke over two lines ("2026-" / "06-02"): more than one line box.
WRAPPED_DATES_JS = """() => Array.from(document.querySelectorAll('time, .date'))
  .filter(el => el.getClientRects().length > 1).map(el => el.textContent)"""

AUTODISCOVERY_JS = """() => Array.from(document.querySelectorAll('link[rel=alternate]'))
  .map(l => ({href: l.href, type: l.type, title: l.title}))"""
