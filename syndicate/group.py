"""A newspaper group: many titles, one shared store and job engine (CONTRACT.md section 5).

A group configuration names its titles, each an ordinary title configuration in its own file::

    [[titles]]
    name = "westcoast"
    config = "titles/westcoast.toml"
    [store]
    url = "postgresql://syndicate@127.0.0.1:5432/syndicate"
    [jobs]
    engine = "procrastinate"

``load`` reads either kind of file and returns a ``Group``: a single-title configuration is a
group of one title (``single``), so that ``worker``/``enqueue``/``db upgrade`` need no second path.
A title's own ``[store] url`` wins over the group's; without either, each title keeps SQLite in
its state folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import config as config_mod
from .config import Settings, StoreSettings
from .errors import ConfigError

TITLE_NAME = r"^[a-z0-9][a-z0-9_-]{0,39}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TitleRef(_Strict):
    name: Annotated[str, Field(pattern=TITLE_NAME)]
    config: Path


class Jobs(_Strict):
    engine: Literal["embedded", "procrastinate"] = "embedded"
    # crontab of the one periodic task that enqueues what is due for every title; a sixth field
    # gives seconds (tests tick every few seconds)
    tick: str = "* * * * *"
    heartbeat: Annotated[float, Field(gt=0, strict=True)] = 10.0  # seconds between a worker's heartbeats
    # seconds without a heartbeat after which a worker counts as dead and its jobs are retried
    stalled_after: Annotated[float, Field(gt=0, strict=True)] = 60.0
    retries: Annotated[int, Field(ge=0, le=20, strict=True)] = 5  # attempts after the first
    retry_wait: Annotated[int, Field(ge=1, strict=True)] = 10  # seconds; doubled at each attempt
    # seconds late a due pass (missed while every worker was down) is still enqueued
    catch_up: Annotated[int, Field(ge=0, strict=True)] = 6 * 3600

    @field_validator("tick")
    @classmethod
    def _tick(cls, v: str) -> str:
        import croniter

        if len(v.split()) not in (5, 6) or not croniter.croniter.is_valid(v):
            raise ValueError("must be a crontab expression (five fields, or six with seconds)")
        return v


class GroupFile(_Strict):
    titles: Annotated[list[TitleRef], Field(min_length=1)]
    store: StoreSettings = StoreSettings()
    jobs: Jobs = Jobs()

    @model_validator(mode="after")
    def _unique(self) -> GroupFile:
        names = [t.name for t in self.titles]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"titles: names must be unique: {', '.join(repeated)} repeated")
        return self


@dataclass(frozen=True)
class Group:
    """The titles of a configuration (one, for a single-title file), by name, in file order."""

    path: Path | None
    titles: dict[str, Settings]
    store_url: str | None
    jobs: Jobs
    single: bool

    @property
    def engine(self) -> str:
        return self.jobs.engine

    def title(self, name: str | None) -> Settings:
        """The title called ``name``; with a single-title file, that title (``name`` must be None)."""
        if self.single:
            if name is not None:
                raise ConfigError(f"{self.path}: --title is only for a group configuration ([[titles]])")
            return next(iter(self.titles.values()))
        if name is None:
            raise ConfigError(
                f"{self.path} is a group configuration: name a title with --title ({self._names})"
            )
        if name not in self.titles:
            raise ConfigError(f"{self.path}: no title {name!r} in titles ({self._names})")
        return self.titles[name]

    def selected(self, name: str | None) -> list[Settings]:
        """Every title, or the one named ``--title``."""
        return list(self.titles.values()) if name is None else [self.title(name)]

    @property
    def _names(self) -> str:
        return ", ".join(self.titles)


def is_group(path: Path) -> bool:
    return "titles" in config_mod.read_toml(path)


def load(path: Path) -> Group:
    """Read a group configuration, or a single-title one as a group of one; every title validated."""
    data = config_mod.read_toml(path)
    if "titles" not in data:
        settings = config_mod.load(path)
        return Group(path, {settings.title: settings}, settings.store.url, Jobs(), single=True)
    try:
        spec = GroupFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(config_mod._messages(exc, str(path))) from None
    base = path.resolve().parent
    titles: dict[str, Settings] = {}
    problems: list[str] = []
    for ref in spec.titles:
        file = ref.config if ref.config.is_absolute() else base / ref.config
        try:
            settings = config_mod.load(file)
        except ConfigError as exc:
            problems.append(f"titles.{ref.name}: {exc}")
            continue
        store = settings.store if settings.store.url else spec.store
        titles[ref.name] = settings.model_copy(update={"title": ref.name, "store": store})
    if problems:
        raise ConfigError("\n".join(problems))
    if spec.jobs.engine == "procrastinate" and not spec.store.url:
        raise ConfigError(f"{path}: jobs.engine: procrastinate needs store.url (a postgresql:// URL)")
    return Group(path, titles, spec.store.url, spec.jobs, single=False)
