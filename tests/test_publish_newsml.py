"""NewsML-G2: golden files, the schema validator on what the code produced, and the rules receivers rely on."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from conftest import compare_golden
from lxml import etree
from support.publish import DAY, GOLDEN, MORNING, NIGHT, TOOLS, article, item, site

from syndicate.model import IssuePackage, StoredArticle
from syndicate.publish import newsml

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def full_item() -> StoredArticle:
    a = article(
        kicker="引题：主题教育",
        subheadline="副题",
        byline=("李涛", "王芳"),
        byline_text="□记者 李涛 王芳 报道",
    )
    return item(a, seq=0)


def issue_items() -> list[StoredArticle]:
    return [
        full_item(),
        item(article("20231024-0102", headline="短讯", byline=()), seq=1, version=2, created=MORNING),
        item(article("20231024-0201", section="综合", headline="社区食堂"), seq=2),
        item(
            article("20231024-0202", section="综合", headline="撤下的稿件"), seq=3, version=3, withdrawn=True
        ),
    ]


def render_issue(embargoed: bool, version: int = 1) -> bytes:
    package = IssuePackage(DAY, version, NIGHT, NIGHT, tuple(issue_items()))
    return newsml.render_issue(site(), package, embargoed=embargoed)


def test_golden_item_under_embargo(update_golden: bool) -> None:
    compare_golden(
        newsml.render_item(site(), full_item(), embargoed=True), GOLDEN / "newsitem.xml", update_golden
    )


def test_golden_item_version_2_released(update_golden: bool) -> None:
    data = newsml.render_item(site(), issue_items()[1], embargoed=False)
    compare_golden(data, GOLDEN / "newsitem-v2.xml", update_golden)


def test_golden_issue_package(update_golden: bool) -> None:
    compare_golden(render_issue(embargoed=True), GOLDEN / "issue.xml", update_golden)


def test_schema_validator_accepts_every_variant(tmp_path: Path) -> None:
    docs = {
        f"item-{n}-{e}.xml": newsml.render_item(site(), i, embargoed=e)
        for n, i in enumerate(issue_items())
        for e in (True, False)
    }
    docs["issue-embargoed.xml"] = render_issue(True)
    docs["issue-v2.xml"] = render_issue(False, version=2)
    provider = site(provider="westcoast")
    docs["item-provider.xml"] = newsml.render_item(provider, full_item(), embargoed=False)
    for name, data in docs.items():
        (tmp_path / name).write_bytes(data)
    done = subprocess.run(
        [sys.executable, str(TOOLS / "validate-newsml"), *sorted(str(tmp_path / n) for n in docs)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def meta(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    return [etree.QName(e).localname for e in root.find(f"{NAR}itemMeta")]


def test_embargoed_comes_before_pub_status_and_only_under_embargo() -> None:
    tags = meta(newsml.render_item(site(), full_item(), embargoed=True))
    assert tags.index("embargoed") < tags.index("pubStatus")
    assert "embargoed" not in meta(newsml.render_item(site(), full_item(), embargoed=False))
    root = etree.fromstring(newsml.render_item(site(), full_item(), embargoed=True))
    assert root.findtext(f"{NAR}itemMeta/{NAR}embargoed") == "2023-10-24T06:00:00+08:00"


def test_version_and_pub_status_always_explicit() -> None:
    root = etree.fromstring(newsml.render_item(site(), full_item(), embargoed=False))
    assert (
        root.get("version") == "1"
        and root.get("guid") == "urn:newsml:news.example.org:20231024:20231024-0101"
    )
    assert root.find(f"{NAR}itemMeta/{NAR}pubStatus").get("qcode") == "stat:usable"
    assert root.find(f"{NAR}itemMeta/{NAR}signal") is None
    assert root.findtext(f"{NAR}itemMeta/{NAR}versionCreated") == "2023-10-24T02:30:00+08:00"


def test_a_new_version_keeps_the_guid_and_signals_an_update() -> None:
    v1 = etree.fromstring(newsml.render_item(site(), full_item(), embargoed=False))
    v2 = etree.fromstring(
        newsml.render_item(site(), dataclasses.replace(full_item(), version=2), embargoed=False)
    )
    assert v1.get("guid") == v2.get("guid") and v2.get("version") == "2"
    assert v2.find(f"{NAR}itemMeta/{NAR}signal").get("qcode") == "sig:update"


def test_withdrawn_version_is_canceled_without_content() -> None:
    root = etree.fromstring(newsml.render_item(site(), issue_items()[3], embargoed=False))
    assert root.find(f"{NAR}itemMeta/{NAR}pubStatus").get("qcode") == "stat:canceled"
    assert root.find(f"{NAR}contentSet") is None


def test_content_meta_headline_roles_byline_dateline_and_charcount() -> None:
    root = etree.fromstring(newsml.render_item(site(), full_item(), embargoed=False))
    cm = root.find(f"{NAR}contentMeta")
    heads = [(h.get("role"), h.text) for h in cm.findall(f"{NAR}headline")]
    assert heads == [
        ("synhl:kicker", "引题：主题教育"),
        (None, "青岛开发区聚力推动王台老工业区蝶变升级"),
        ("synhl:subheadline", "副题"),
    ]
    assert cm.findtext(f"{NAR}by") == "□记者 李涛 王芳 报道"
    assert cm.findtext(f"{NAR}dateline") == "本报10月24日讯"
    assert [c.findtext(f"{NAR}name") for c in cm.findall(f"{NAR}creator")] == ["李涛", "王芳"]
    assert cm.find(f"{NAR}subject/{NAR}name").text == "要闻"
    inline = root.find(f"{NAR}contentSet/{NAR}inlineXML")
    body = "".join(p.text for p in inline.iter("{http://www.w3.org/1999/xhtml}p"))
    assert inline.get("charcount") == str(len(body))


def test_issue_groups_items_by_section_with_versions_and_hrefs() -> None:
    root = etree.fromstring(render_issue(embargoed=False, version=2))
    groups = root.findall(f"{NAR}groupSet/{NAR}group")
    assert [g.get("id") for g in groups] == ["issue", "sec-1", "sec-2"]
    refs = groups[2].findall(f"{NAR}itemRef")
    assert [(r.get("href"), r.get("version")) for r in refs] == [
        ("20231024-0201.xml", "1"),
        ("20231024-0202.xml", "3"),
    ]
    assert refs[1].find(f"{NAR}pubStatus").get("qcode") == "stat:canceled"
    assert root.get("version") == "2"
