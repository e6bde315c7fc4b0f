"""IPTC ninjs 2.2 (News in JSON) for partners: the same item as the NewsML-G2 ``newsItem``, as JSON.

Written beside the NewsML file (``newsml/<date>/<id>.json``) and served to partners through the
same catalog, so rights, embargo and versions follow one rule for both formats:

- ``uri`` is the NewsML guid, ``version`` the same version: a receiver may take either format;
- ``embargoed`` is set while the issue is not released (only "deliver" partners ever see it);
- a withdrawn article is a new version with ``pubstatus: canceled``, an ``ednote`` and no body;
- times are RFC 3339 in the paper's zone (``+08:00``); ``in_utc`` gives the same document in UTC
  for consumers that cannot handle offsets.

The 2.2 schema closes the root object (``unevaluatedProperties: false``), so nothing outside it is
written; the schema is named in ``standard.schema`` (not a ``$schema`` key, which 2.2 refuses).
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from ..model import StoredArticle
from .site import Site, rfc3339
from .text import body_paragraphs, cleaned, language

STANDARD_VERSION = "2.2"
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
MEDIA_TYPE = "application/json"
WITHDRAWN_NOTE = "撤稿：本稿件已从该期报纸的最新版本中撤下，请勿使用，已发布的请撤下。"
# the keys holding date-times (all at the root in what we write)
TIME_KEYS = ("firstcreated", "versioncreated", "embargoed")


def _headlines(item: StoredArticle) -> list[dict[str, str]]:
    a = item.article
    out = [{"role": "main", "value": a.headline}]
    if a.kicker:
        out.append({"role": "kicker", "value": a.kicker})
    if a.subheadline:
        out.append({"role": "subheadline", "value": a.subheadline})
    return out


def _body(item: StoredArticle) -> dict[str, Any]:
    paragraphs = body_paragraphs(item.article)
    return {
        "role": "main",
        "contenttype": "text/html",
        "charcount": sum(len(p) for p in paragraphs),  # characters, not words: Chinese text
        "value": "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs),
    }


def document(site: Site, item: StoredArticle, *, embargoed: bool) -> dict[str, Any]:
    """The ninjs object of one article version (``embargoed``: the issue is not released yet)."""
    item = cleaned(item)  # JSON could carry them, but no consumer wants a broken extraction's controls
    a = item.article
    pub = site.pub
    tz = site.tz
    doc: dict[str, Any] = {
        "uri": site.guid(item.date, item.id),
        "standard": {"name": "ninjs", "version": STANDARD_VERSION, "schema": SCHEMA_URI},
        "type": "text",
        "representationtype": "full",
        "version": str(item.version),
        "firstcreated": rfc3339(item.first_created, tz),
        "versioncreated": rfc3339(item.created, tz),
    }
    if embargoed:
        doc["embargoed"] = rfc3339(site.release_at(item.date), tz)
    doc["pubstatus"] = "canceled" if item.withdrawn else "usable"
    doc["copyrightholder"] = pub.holder
    doc["copyrightnotice"] = f"© {item.date.year} {pub.holder}"
    doc["usageterms"] = pub.usage_terms
    if item.withdrawn:
        doc["ednote"] = WITHDRAWN_NOTE
    doc["language"] = language(a, pub.language)  # the article's own when not the paper's
    doc["headlines"] = _headlines(item)
    by = a.byline_text or "、".join(a.byline)
    if by:
        doc["by"] = by
    doc["subjects"] = [
        {"name": a.section, "rel": "section", "uri": f"{pub.base_url}cv/section/{site.slug(a.section)}"}
    ]
    if a.parts:
        doc["altids"] = [{"role": "printpage", "value": str(a.parts[0].page)}]
    if not item.withdrawn:
        if a.lead:
            doc["descriptions"] = [{"role": "summary", "value": a.lead}]
        doc["bodies"] = [_body(item)]
    doc["renditions"] = [
        {"name": "web", "href": site.url(site.article_path(item)), "contenttype": "text/html"}
    ]
    return doc


def encode(doc: dict[str, Any]) -> bytes:
    """Deterministic bytes: the key order as built, two-space indent, UTF-8 (not \\u escapes)."""
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def render_item(site: Site, item: StoredArticle, *, embargoed: bool) -> bytes:
    """``newsml/<date>/<id>.json``: the article version as ninjs 2.2."""
    return encode(document(site, item, embargoed=embargoed))


def in_utc(data: bytes) -> bytes:
    """The same ninjs document with its date-times in UTC (``Z``): for consumers that need it."""
    doc = json.loads(data)
    for key in TIME_KEYS:
        if isinstance(doc.get(key), str):
            moment = dt.datetime.fromisoformat(doc[key]).astimezone(dt.UTC)
            doc[key] = moment.isoformat().replace("+00:00", "Z")
    return encode(doc)
