"""NewsML-G2 2.35 for partners: one ``newsItem`` per article, one ``packageItem`` per issue.

One small function per G2 element group, in schema order. Rules receiving systems rely on:
``version`` and ``pubStatus`` always written; ``embargoed`` before ``pubStatus`` (Superdesk's own
formatter gets this wrong); offsets as ``+08:00``; ``charcount`` (not words) for Chinese text;
a new version keeps the guid and carries ``sig:update``; a withdrawn article is a new version
with ``stat:canceled`` and no content.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from ..catalog import NEWSITEM_TYPE
from ..model import IssuePackage, StoredArticle
from .site import Site, rfc3339
from .text import body_paragraphs, cleaned, language

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STANDARD_VERSION = "2.35"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"


def _el(parent: etree._Element, name: str, text: str | None = None, /, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NAR}}}{name}", attrs)
    if text is not None:
        el.text = text
    return el


def _root(tag: str, site: Site, guid: str, version: int, lang: str | None = None) -> etree._Element:
    # the stubs do not allow None, lxml's key for the default namespace
    root = etree.Element(f"{{{NAR}}}{tag}", nsmap={None: NAR})  # type: ignore[dict-item]
    for key, value in (
        ("guid", guid),
        ("version", str(version)),
        ("standard", "NewsML-G2"),
        ("standardversion", STANDARD_VERSION),
        ("conformance", "power"),
        (XML_LANG, lang or site.pub.language),
    ):
        root.set(key, value)
    _el(root, "catalogRef", href=IPTC_CATALOG)
    catalog = _el(root, "catalog")
    for alias, path in (("synsec", "section"), ("synhl", "headline-role"), ("synpage", "printpage")):
        _el(catalog, "scheme", alias=alias, uri=f"{site.pub.base_url}cv/{path}/")
    if tag == "packageItem":
        _el(catalog, "scheme", alias="syngrp", uri=f"{site.pub.base_url}cv/grouprole/")
    return root


def _rights(root: etree._Element, site: Site, year: int) -> None:
    rights = _el(root, "rightsInfo")
    _el(_el(rights, "copyrightHolder", uri=site.pub.base_url), "name", site.pub.holder)
    _el(rights, "copyrightNotice", f"© {year} {site.pub.holder}")
    _el(rights, "usageTerms", site.pub.usage_terms)


def _provider(parent: etree._Element, site: Site) -> None:
    if site.pub.provider:
        el = _el(parent, "provider", qcode=f"nprov:{site.pub.provider}")
    else:
        el = _el(parent, "provider", uri=site.pub.base_url)
    _el(el, "name", site.pub.name)


def _times(
    meta: etree._Element, site: Site, created: dt.datetime, first: dt.datetime, embargo: bool, date: dt.date
) -> None:
    _el(meta, "versionCreated", rfc3339(created, site.tz))
    _el(meta, "firstCreated", rfc3339(first, site.tz))
    if embargo:  # before pubStatus: the schema's order
        _el(meta, "embargoed", rfc3339(site.release_at(date), site.tz))


def _item_meta(root: etree._Element, site: Site, item: StoredArticle, embargo: bool) -> None:
    meta = _el(root, "itemMeta")
    _el(meta, "itemClass", qcode="ninat:text")
    _provider(meta, site)
    _times(meta, site, item.created, item.first_created, embargo, item.date)
    _el(meta, "pubStatus", qcode="stat:canceled" if item.withdrawn else "stat:usable")
    if item.withdrawn:
        _el(meta, "edNote", "撤稿：本稿件已从该期报纸的最新版本中撤下，请勿使用，已发布的请撤下。")
    _el(_el(meta, "memberOf", qcode=f"synsec:{site.slug(item.section)}"), "name", item.section)
    if item.version > 1:
        _el(meta, "signal", qcode="sig:update")
    if not item.withdrawn:  # a withdrawn article's page keeps nothing of it: nothing links there
        _el(meta, "link", rel="irel:seeAlso", href=site.url(site.article_path(item)), contenttype="text/html")


def _content_meta(root: etree._Element, site: Site, item: StoredArticle) -> None:
    a = item.article
    meta = _el(root, "contentMeta")
    for name in a.byline:
        _el(_el(meta, "creator"), "name", name)
    _el(meta, "language", tag=language(a, site.pub.language))
    subject = _el(meta, "subject", type="cpnat:abstract", qcode=f"synsec:{site.slug(a.section)}")
    _el(subject, "name", a.section)
    if a.kicker:
        _el(meta, "headline", a.kicker, role="synhl:kicker")
    _el(meta, "headline", a.headline)
    if a.subheadline:
        _el(meta, "headline", a.subheadline, role="synhl:subheadline")
    if a.dateline:
        _el(meta, "dateline", a.dateline)
    by = a.byline_text or "、".join(a.byline)
    if by:
        _el(meta, "by", by)
    if a.lead and not item.withdrawn:
        _el(meta, "description", a.lead, role="drol:summary")
    if a.parts:
        _el(meta, "contentMetaExtProperty", rel="synpage:startpage", value=str(a.parts[0].page))


def _content_set(root: etree._Element, site: Site, item: StoredArticle) -> None:
    a = item.article
    inline = _el(_el(root, "contentSet"), "inlineXML", contenttype="application/xhtml+xml")
    body_text = body_paragraphs(a)
    inline.set("charcount", str(sum(len(p) for p in body_text)))
    xhtml_ns = {None: XHTML}
    lang = language(a, site.pub.language)
    html = etree.SubElement(inline, f"{{{XHTML}}}html", {XML_LANG: lang}, nsmap=xhtml_ns)  # type: ignore[arg-type]
    etree.SubElement(etree.SubElement(html, f"{{{XHTML}}}head"), f"{{{XHTML}}}title").text = a.headline
    body = etree.SubElement(html, f"{{{XHTML}}}body")
    etree.SubElement(body, f"{{{XHTML}}}h1").text = a.headline
    for p in body_text:
        etree.SubElement(body, f"{{{XHTML}}}p").text = p


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render_item(site: Site, item: StoredArticle, *, embargoed: bool) -> bytes:
    """One article's ``newsItem`` (``embargoed``: the issue is not released yet)."""
    item = cleaned(item)
    root = _root(
        "newsItem",
        site,
        site.guid(item.date, item.id),
        item.version,
        language(item.article, site.pub.language),
    )
    _rights(root, site, item.date.year)
    _item_meta(root, site, item, embargoed)
    _content_meta(root, site, item)
    if not item.withdrawn:
        _content_set(root, site, item)
    return _bytes(root)


def issue_title(site: Site, date: dt.date) -> str:
    return f"{site.pub.name} {date.year}年{date.month}月{date.day}日"


def render_issue(site: Site, package: IssuePackage, *, embargoed: bool) -> bytes:
    """The issue's ``packageItem``: the issue group, one group per section in print order, one
    ``itemRef`` (guid, version, href next to this file) per article, withdrawn ones included."""
    date, version = package.date, package.version
    items = [cleaned(i) for i in package.articles]
    root = _root("packageItem", site, site.guid(date, "issue"), version)
    _rights(root, site, date.year)
    meta = _el(root, "itemMeta")
    _el(meta, "itemClass", qcode="ninat:composite")
    _provider(meta, site)
    _times(meta, site, package.created, package.first_created, embargoed, date)
    _el(meta, "pubStatus", qcode="stat:usable")
    _el(meta, "title", issue_title(site, date))
    if version > 1:
        _el(meta, "signal", qcode="sig:update")
    content = _el(root, "contentMeta")
    _el(content, "language", tag=site.pub.language)
    _el(content, "headline", issue_title(site, date))
    sections = list(dict.fromkeys(i.section for i in items))
    group_set = _el(root, "groupSet", root="issue")
    top = _el(group_set, "group", id="issue", role="syngrp:issue", mode="pgrmod:seq")
    _el(top, "title", f"{date.year}年{date.month}月{date.day}日")
    for n, _section in enumerate(sections, 1):
        _el(top, "groupRef", idref=f"sec-{n}")
    for n, section in enumerate(sections, 1):
        group = _el(group_set, "group", id=f"sec-{n}", role="syngrp:section", mode="pgrmod:seq")
        _el(group, "title", section)
        for item in (i for i in items if i.section == section):
            _item_ref(group, site, item)
    return _bytes(root)


def _item_ref(group: etree._Element, site: Site, item: StoredArticle) -> None:
    ref = _el(
        group,
        "itemRef",
        residref=site.guid(item.date, item.id),
        version=str(item.version),
        contenttype=NEWSITEM_TYPE,
        href=f"{item.id}.xml",
    )
    _el(ref, "itemClass", qcode="ninat:text")
    _provider(ref, site)
    _el(ref, "versionCreated", rfc3339(item.created, site.tz))
    _el(ref, "pubStatus", qcode="stat:canceled" if item.withdrawn else "stat:usable")
    _el(ref, "title", item.article.headline)
    if item.article.lead and not item.withdrawn:
        _el(ref, "description", item.article.lead, role="drol:summary")
