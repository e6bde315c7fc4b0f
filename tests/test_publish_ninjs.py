"""ninjs 2.2 for partners: golden file, IPTC's schema on every variant, the NewsML rules kept."""

from __future__ import annotations

import dataclasses
import json

from conftest import compare_golden
from support.jsonschemas import ninjs_errors
from support.publish import GOLDEN, MORNING, site
from test_publish_newsml import full_item, issue_items

from syndicate.publish import newsml, ninjs


def test_golden_item_under_embargo(update_golden: bool) -> None:
    data = ninjs.render_item(site(), full_item(), embargoed=True)
    compare_golden(data, GOLDEN / "ninjs-item.json", update_golden)


def test_iptc_schema_accepts_every_variant() -> None:
    provider = site(provider="westcoast")
    docs = [ninjs.render_item(site(), i, embargoed=e) for i in issue_items() for e in (True, False)]
    docs.append(ninjs.render_item(provider, full_item(), embargoed=False))
    docs += [ninjs.in_utc(d) for d in docs]
    for data in docs:
        assert ninjs_errors(data) == [], data.decode()


def test_the_schema_check_can_fail() -> None:
    doc = json.loads(ninjs.render_item(site(), full_item(), embargoed=True))
    doc["$schema"] = ninjs.SCHEMA_URI  # ninjs 2.2 closes its root object: refused
    doc["pubstatus"] = "live"
    errors = ninjs_errors(json.dumps(doc).encode())
    assert any("$schema" in e for e in errors) and any("pubstatus" in e for e in errors)


def test_same_guid_version_and_embargo_as_newsml() -> None:
    from lxml import etree

    nar = "{http://iptc.org/std/nar/2006-10-01/}"
    for item in issue_items():
        for embargoed in (True, False):
            doc = json.loads(ninjs.render_item(site(), item, embargoed=embargoed))
            g2 = etree.fromstring(newsml.render_item(site(), item, embargoed=embargoed))
            assert doc["uri"] == g2.get("guid") and doc["version"] == g2.get("version")
            assert doc["versioncreated"] == g2.findtext(f"{nar}itemMeta/{nar}versionCreated")
            assert doc.get("embargoed") == g2.findtext(f"{nar}itemMeta/{nar}embargoed")
            assert doc["copyrightholder"] == g2.findtext(f"{nar}rightsInfo/{nar}copyrightHolder/{nar}name")


def test_embargo_time_is_the_release_in_the_papers_zone() -> None:
    doc = json.loads(ninjs.render_item(site(), full_item(), embargoed=True))
    assert doc["embargoed"] == "2023-10-24T06:00:00+08:00"
    assert doc["versioncreated"] == "2023-10-24T02:30:00+08:00"
    released = json.loads(ninjs.render_item(site(), full_item(), embargoed=False))
    assert "embargoed" not in released


def test_withdrawn_is_canceled_with_a_note_and_no_body() -> None:
    withdrawn = issue_items()[3]
    doc = json.loads(ninjs.render_item(site(), withdrawn, embargoed=False))
    assert doc["pubstatus"] == "canceled" and doc["version"] == "3"
    assert "ednote" in doc and "bodies" not in doc and "descriptions" not in doc


def test_body_is_escaped_html_with_a_character_count() -> None:
    item = dataclasses.replace(
        full_item(),
        article=dataclasses.replace(full_item().article, paragraphs=("<b>粗体</b> & 正文",)),
    )
    body = json.loads(ninjs.render_item(site(), item, embargoed=False))["bodies"][0]
    assert body["contenttype"] == "text/html"
    assert body["value"] == "<p>本报10月24日讯\u3000&lt;b&gt;粗体&lt;/b&gt; &amp; 正文</p>"
    assert body["charcount"] == len("本报10月24日讯\u3000<b>粗体</b> & 正文")


def test_utc_variant_names_the_same_moments() -> None:
    local = json.loads(ninjs.render_item(site(), issue_items()[1], embargoed=True))
    utc = json.loads(ninjs.in_utc(ninjs.render_item(site(), issue_items()[1], embargoed=True)))
    assert utc["versioncreated"] == MORNING.isoformat().replace("+00:00", "Z")
    assert utc["embargoed"] == "2023-10-23T22:00:00Z" and local["embargoed"] == "2023-10-24T06:00:00+08:00"
    assert {k: v for k, v in utc.items() if k not in ninjs.TIME_KEYS} == {
        k: v for k, v in local.items() if k not in ninjs.TIME_KEYS
    }
