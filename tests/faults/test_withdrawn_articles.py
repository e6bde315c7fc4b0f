"""Rows 3 and 4 (issue 10): what stays of a withdrawn article.

Row 3: an article removed before its issue's release time never becomes public. Before the fix,
at release, its headline appeared on a public "withdrawn" page and in honour partners' index, and
its NewsML item answered 200. Only a ``deliver`` partner, who received it embargoed, may see it
(canceled), so that it learns to take it down.

Row 4: an article withdrawn after release: its public page says it was withdrawn and keeps
nothing of its text (headline, byline, body), the feeds drop it, and no other file links to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

from support.faults import DAY, sample_issue, snapshot

from syndicate import config, pipeline
from syndicate.serve import make_app

RELEASE = dt.datetime(2023, 10, 23, 22, 0, tzinfo=dt.UTC)  # 06:00 in Shanghai on DAY
NIGHT = RELEASE - dt.timedelta(hours=3, minutes=30)  # the nightly pass, 02:30
KILLED = "20231024-0204"
HEADLINE, BODY = "文化惠民演出进社区", "为群众送上戏曲、歌舞、曲艺等精彩节目"
TOKENS = {"honour": "honour-partner-token-0123456789", "deliver": "deliver-partner-token-0123456789"}


def settings_for(src: Path, out: Path) -> config.Settings:
    partners = [
        {
            "id": name,
            "token_sha256": hashlib.sha256(token.encode()).hexdigest(),
            "sections": ["*"],
            "embargo": name,
        }
        for name, token in TOKENS.items()
    ]
    data = {"source": {"path": str(src)}, "output": {"dir": str(out)}, "partners": partners}
    return config.parse(data, src.parent)


def remove_article(folder: Path) -> None:
    page = folder / "page-02.txt"
    text = page.read_text(encoding="utf-8")
    start = text.index(f" {HEADLINE}")
    end = text.index("节目。", start) + len("节目。\n")
    page.write_text(text[:start] + text[end:], encoding="utf-8")


def call(app: Any, path: str, partner: str) -> tuple[str, bytes]:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "test",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        "HTTP_AUTHORIZATION": f"Bearer {TOKENS[partner]}",
    }
    seen: list[str] = []
    body = b"".join(app(environ, lambda status, headers, exc=None: seen.append(status)))
    return seen[0], body


def public_files(out: Path) -> dict[str, str]:
    return {k: v.decode("utf-8") for k, v in snapshot(out).items() if k.startswith("public/")}


def test_killed_before_release_is_never_public_nor_listed_to_honour_partners(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    settings = settings_for(src, out)
    pipeline.run_pass(settings, now=NIGHT)
    remove_article(folder)
    pipeline.run_pass(settings, now=NIGHT + dt.timedelta(hours=1))  # killed at 03:30
    pipeline.run_pass(settings, now=RELEASE + dt.timedelta(minutes=5))  # the release pass
    pipeline.run_pass(settings, now=RELEASE + dt.timedelta(days=1))  # and the next night
    files = public_files(out)
    assert f"public/articles/{DAY}/{KILLED}.html" not in files
    for name, text in files.items():
        assert HEADLINE not in text and KILLED not in text, name
    app = make_app(settings, clock=lambda: RELEASE + dt.timedelta(days=1, hours=1))
    item = f"/partners/honour/newsml/{DAY}/{KILLED}.xml"
    assert call(app, item, "honour")[0].startswith("404")
    status, index = call(app, "/partners/honour/index.atom", "honour")
    assert status.startswith("200") and KILLED.encode() not in index and HEADLINE.encode() not in index
    assert b"20231024-0201" in index  # the rest of the issue is there
    # The deliver partner had it, embargoed: it is told the item is canceled.
    status, body = call(app, item.replace("honour", "deliver", 1), "deliver")
    assert status.startswith("200") and b"stat:canceled" in body and BODY.encode() not in body


def test_withdrawn_after_release_leaves_a_notice_with_nothing_of_its_text(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    settings = settings_for(src, out)
    pipeline.run_pass(settings, now=RELEASE + dt.timedelta(hours=1))
    page = f"public/articles/{DAY}/{KILLED}.html"
    assert HEADLINE in public_files(out)[page]
    remove_article(folder)
    pipeline.run_pass(settings, now=RELEASE + dt.timedelta(hours=5))
    files = public_files(out)
    notice = files[page]
    assert "撤" in notice  # 本文已撤下
    for text in (HEADLINE, BODY, "本报10月24日讯", "近日"):
        assert text not in notice
    for name, text in files.items():
        if name != page:
            assert HEADLINE not in text and f"{KILLED}.html" not in text, name
    item = (out / "newsml" / DAY.isoformat() / f"{KILLED}.xml").read_text(encoding="utf-8")
    assert "stat:canceled" in item and f"{KILLED}.html" not in item and BODY not in item
