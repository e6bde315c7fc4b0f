"""What ``syndicate check-config`` warns about beyond validation: values that parse but are wrong.

Validation (``config``) refuses what cannot work; ``pipeline.preflight`` refuses what a pass could
not start with. These are the mistakes that still run and publish something wrong: a base URL or
manifest URL left on an example host (every feed link and NewsML guid would name it), a partner
entitled to a section no page is in (the partner silently gets nothing of it), and a token digest
that is the SHA-256 of an empty token or a placeholder.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from .config import Settings

EMPTY_DIGEST = hashlib.sha256(b"").hexdigest()
# RFC 2606 / 6761 names reserved for documentation and testing: never a real site.
_EXAMPLE_HOSTS = ("example.org", "example.com", "example.net")
_EXAMPLE_SUFFIXES = (".example", ".test", ".invalid", ".localhost")


def is_example_host(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host in _EXAMPLE_HOSTS or host.endswith(tuple("." + h for h in _EXAMPLE_HOSTS) + _EXAMPLE_SUFFIXES)


def manifest_sections(drop_folder: Path) -> set[str]:
    """Section names the drop folder's ``issue.toml`` files give their pages (unreadable ones skipped)."""
    names: set[str] = set()
    for manifest in sorted(drop_folder.glob("*/issue.toml")):
        try:
            pages = tomllib.loads(manifest.read_text(encoding="utf-8-sig")).get("pages", [])
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        names.update(str(p["name"]) for p in pages if isinstance(p, dict) and p.get("name"))
    return names


def known_sections(settings: Settings, stored: Iterable[str] = ()) -> set[str]:
    """Every section a page can be in, as far as can be told without a pass: the configuration's
    ``[sections]``, the drop folder's manifests and the sections already stored."""
    known = set(settings.sections.values()) | set(stored)
    if settings.source.type == "folder" and settings.source_dir.is_dir():
        known |= manifest_sections(settings.source_dir)
    return known


def warnings(settings: Settings, stored: Iterable[str] = ()) -> list[str]:
    """One line per suspicious value, each naming its key."""
    out = []
    pub = settings.publication
    if is_example_host(pub.base_url):
        out.append(
            f"publication.base_url: {pub.base_url} is an example host (feed links and ids would name it)"
        )
    if settings.source.type == "http" and settings.source.url and is_example_host(settings.source.url):
        out.append(f"source.url: {settings.source.url} is an example host")
    known = known_sections(settings, stored)
    for n, partner in enumerate(settings.partners):
        key = f"partners[{n}] ({partner.id})"
        digest = partner.token_sha256.lower()
        if digest == EMPTY_DIGEST:
            out.append(f"{key}.token_sha256: the SHA-256 of an empty token")
        elif len(set(digest)) == 1:
            out.append(f"{key}.token_sha256: a placeholder ({digest[:8]}…), not a token's digest")
        for section in partner.sections:
            if section != "*" and section not in known:
                hint = f" (known: {', '.join(sorted(known))})" if known else ""
                out.append(f"{key}.sections: {section!r} matches no page's section{hint}")
    return out
