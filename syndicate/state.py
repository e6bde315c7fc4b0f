"""What keeps a pass's state honest with its output root: checks before a pass stores anything.

- ``check_store``: a store that is missing or empty beside an output root that already holds a
  published site is refused unless ``--reinit`` (a lost store would otherwise restart every
  version at 1, and partners that keep the highest version would ignore what follows).
- ``check_owner``: a state folder outside its output root records which output root it serves;
  another one is refused (two sites sharing a render queue would each lose the other's pages).
- ``published_versions``: the versions an issue's NewsML already carries, the floor of the
  versions a rebuilt store gives (so that no version goes backwards).
- ``rendered_with``: a digest of every setting that shows in published files; when it changes,
  everything is rendered again (publication name, usage terms, base URL, release time, slugs).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError
from .store import PACKAGE_FLOOR

if TYPE_CHECKING:
    import datetime as dt

    from .config import Settings
    from .store import Store

OWNER_KEY = "output_root"
RENDERED_KEY = "rendered_with"
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_VERSION = re.compile(rb'<(?:\w+:)?(?:newsItem|packageItem)\b[^>]*?\sversion="(\d+)"')


def published_site(out_dir: Path) -> bool:
    """Whether the output root holds published issues (a pass that found none writes an empty site)."""
    for folder in (out_dir / "newsml", out_dir / "public" / "articles"):
        try:
            if any(_DATE.fullmatch(e.name) and e.is_dir() for e in folder.iterdir()):
                return True
        except OSError:
            continue
    return False


def check_store(settings: Settings, store: Store, reinit: bool) -> None:
    """Refuse a missing or empty store beside a published site (unless ``reinit``). A missing
    SQLite file is opened as an empty store, so "holds no issue" covers both, for every backend."""
    if reinit or store.has_issues() or not published_site(settings.out_dir):
        return
    raise ConfigError(
        f"{store.where}: the article store is missing or empty, but {settings.out_dir} holds a published"
        " site: restore the store (its state folder or database) from a backup, or run with --reinit to"
        " rebuild it from the source (versions then continue above the published ones)"
    )


def check_owner(settings: Settings, store: Store) -> None:
    """A state folder outside the output root serves one output root only."""
    out, state = settings.out_dir.resolve(), settings.state_dir.resolve()
    if state.is_relative_to(out):
        return  # it moves with its output root and cannot serve another
    owner = store.setting(OWNER_KEY)
    if owner is None:
        store.set_setting(OWNER_KEY, str(out))
    elif owner != str(out):
        raise ConfigError(
            f"output.state_dir: {state} holds the state of the output root {owner}, not {out}:"
            " give each output root its own state folder"
        )


def published_versions(out_dir: Path, date: dt.date) -> dict[str, int]:
    """``{article id: version}`` of the NewsML items already published for an issue, and
    ``{PACKAGE_FLOOR: version}`` of its package (read from each file's first bytes)."""
    folder = out_dir / "newsml" / date.isoformat()
    found: dict[str, int] = {}
    if not folder.is_dir():
        return found
    for path in folder.glob("*.xml"):
        try:
            with path.open("rb") as f:
                m = _VERSION.search(f.read(4096))
        except OSError:
            continue
        if m:
            found[PACKAGE_FLOOR if path.stem == "issue" else path.stem] = int(m.group(1))
    return found


def rendered_with(settings: Settings) -> str:
    """A digest of the settings that published files show."""
    data = {"publication": settings.publication.model_dump(mode="json"), "slugs": settings.slugs}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
