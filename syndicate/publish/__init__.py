"""Every output of a pass, rendered from the store and written atomically.

Renderers are pure (``render(...) -> bytes``; no clock, store or file inside) and listed in
``RENDERERS``; ``publish`` is the only function here that reads the store and writes files.
Write order: NewsML items and article pages, then issue packages and the catalog, then feeds,
OPML and the front page last, so no feed ever links to a page that is not there yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import catalog, feeds, html, newsml, opml
from .item import Item, Site
from .slug import slugs
from .write import Writer, in_progress

if TYPE_CHECKING:
    from ..config import Settings
    from ..store import Store

# In the state folder while a pass publishes; found at the start of a pass, it means the last one
# did not finish, and the output tree is swept of the temporary files it may have left.
IN_PROGRESS = "publishing"

RENDERERS: dict[str, Callable[..., bytes]] = {
    "rss": feeds.render_rss,  # public/<slug>.rss.xml
    "atom": feeds.render_atom,  # public/<slug>.atom.xml
    "opml": opml.render,  # public/index.opml
    "index": html.render_index,  # public/index.html
    "article": html.render_article,  # public/articles/<date>/<id>.html
    "newsml-item": newsml.render_item,  # newsml/<date>/<id>.xml
    "newsml-issue": newsml.render_issue,  # newsml/<date>/issue.xml
    "catalog": catalog.render,  # newsml/catalog.json
}
FEED_FORMATS = ("rss", "atom")


@dataclass(frozen=True)
class Published:
    """What one publish step did."""

    released: int  # article pages written or rewritten (released, not withdrawn)
    embargoed: int  # articles whose NewsML was written under embargo (no public page yet)
    written: int  # files whose bytes changed
    unchanged: int  # files rewritten with identical bytes (skipped)


def site_for(settings: Settings, sections: list[str]) -> Site:
    """The renderers' view of the configuration."""
    pub = settings.publication
    hh, mm = (int(x) for x in pub.release.split(":"))
    return Site(
        name=pub.name,
        base_url=pub.base_url,
        language=pub.language,
        timezone=pub.timezone,
        release=dt.time(hh, mm),
        copyright_holder=pub.copyright_holder or pub.name,
        usage_terms=pub.usage_terms,
        provider=pub.provider,
        slugs=slugs(sections, settings.slugs),
    )


def released_until(site: Site, now: dt.datetime) -> dt.date:
    """The newest issue date whose release time has passed at ``now``."""
    local = now.astimezone(site.tz)
    day = local.date()
    return day if local >= site.release_at(day) else day - dt.timedelta(days=1)


def publish(settings: Settings, store: Store, now: dt.datetime) -> Published:
    """Render what changed (and every feed window) from the store; write it under ``settings.out_dir``."""
    out_dir = settings.out_dir
    with in_progress(settings.state_dir / IN_PROGRESS, out_dir / "public", out_dir / "newsml"):
        return _publish(settings, store, now)


def _publish(settings: Settings, store: Store, now: dt.datetime) -> Published:
    sections = store.sections()
    site = site_for(settings, sections)
    out = Writer(settings.out_dir)
    if not (settings.out_dir / "public" / "index.html").exists():
        store.requeue_all()  # a fresh or emptied output folder: everything again
    queued = store.queued()
    finished: list[Item] = []
    released = embargoed = 0
    for item in queued:
        under = site.embargoed(item.date, now)
        day = item.date.isoformat()
        out.write(f"newsml/{day}/{item.id}.xml", newsml.render_item(site, item, embargoed=under))
        if under:
            embargoed += 1
            continue
        if not item.withdrawn:
            released += 1
        # a withdrawn article's page is replaced by the notice of its withdrawn version
        out.write(f"public/{site.article_path(item)}", html.render_article(site, item))
        finished.append(item)
    for day_date in sorted({i.date for i in queued}):
        _write_issue(out, site, store, day_date, now)
    out.write("newsml/catalog.json", catalog.render(site, store.recent(catalog.CATALOG_DAYS)))
    _write_public(out, site, store, sections, settings.output.feed_entries, released_until(site, now))
    store.done(finished)
    return Published(released, embargoed, len(out.written), out.unchanged)


def _write_issue(out: Writer, site: Site, store: Store, day: dt.date, now: dt.datetime) -> None:
    package = store.package(day)
    data = newsml.render_issue(
        site,
        day,
        store.issue_items(day),
        version=package.version,
        first_created=package.first_created,
        created=package.created,
        embargoed=site.embargoed(day, now),
    )
    out.write(f"newsml/{day.isoformat()}/issue.xml", data)


def _write_public(
    out: Writer, site: Site, store: Store, sections: list[str], limit: int, until: dt.date
) -> None:
    latest = store.window(limit, until)
    windows: list[tuple[str | None, list[Item]]] = [(None, latest)]
    windows += [(s, store.window(limit, until, s)) for s in sections]
    for section, items in windows:
        for fmt in FEED_FORMATS:
            render: Any = RENDERERS[fmt]
            out.write(f"public/{feeds.feed_path(site, section, fmt)}", render(site, items, section))
    out.write("public/index.opml", opml.render(site, sections))
    out.write("public/index.html", html.render_index(site, latest, sections))
