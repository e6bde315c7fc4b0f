"""Article pages, from Jinja2 templates (autoescaped); the site's other pages are in ``pages``.

An article page says where the article was printed (issue, pages, section: each a link back),
carries Open Graph and JSON-LD ``NewsArticle`` metadata for link previews and search engines, and
autodiscovers its section's feeds.
"""

from __future__ import annotations

import jinja2

from ..model import StoredArticle
from .epaper import date_label, page_of
from .site import Site, rfc3339
from .text import cleaned, language

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("syndicate.publish", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
# JSON-LD inside <script>: |tojson is htmlsafe (escapes < > & '); Chinese kept readable, keys sorted
ENV.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}


def render_article(site: Site, item: StoredArticle) -> bytes:
    """The page an article's feed entries link to (``public/articles/<date>/<id>.html``)."""
    from . import pages  # pages renders through ENV too

    item = cleaned(item)
    a = item.article
    modified = site.updated(item)
    return (
        ENV.get_template("article.html")
        .render(
            site=site,
            a=a,
            item=item,
            root="../../",
            canonical=site.url(site.article_path(item)),
            published=rfc3339(site.published(item), site.tz),
            modified=rfc3339(modified, site.tz),
            modified_label=f"{modified:%Y-%m-%d %H:%M}",
            pages=list(dict.fromkeys(p.page for p in a.parts)) or [page_of(item)],
            page=page_of(item),
            day_label=date_label(a.date),
            issue_path=pages.issue_path(a.date),
            section_path=pages.section_path(site, a.section),
            feeds=pages.feed_refs(site, a.section),
            ld=news_article(site, item),
            lang=language(a, site.pub.language),
        )
        .encode()
    )


def news_article(site: Site, item: StoredArticle) -> dict[str, object]:
    """schema.org ``NewsArticle`` as JSON-LD: what search engines and link previews read."""
    a, pub = item.article, site.pub
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.headline,
        "datePublished": rfc3339(site.published(item), site.tz),
        "dateModified": rfc3339(site.updated(item), site.tz),
        "inLanguage": language(a, pub.language),
        "articleSection": a.section,
        "printEdition": a.date.isoformat(),
        "printPage": str(page_of(item)),
        "printSection": a.section,
        "mainEntityOfPage": site.url(site.article_path(item)),
        "publisher": {"@type": "NewsMediaOrganization", "name": pub.name, "url": pub.base_url},
    }
    if a.byline:
        ld["author"] = [{"@type": "Person", "name": name} for name in a.byline]
    if a.lead:
        ld["description"] = a.lead
    return ld
