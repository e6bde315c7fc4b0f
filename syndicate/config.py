"""TOML configuration -> typed ``Settings``; every problem reported at once, each naming its key.

The keys are those of CONTRACT.md section 5, plus optional extensions documented in
``config/westcoast.toml``. Relative paths resolve against the configuration file's folder.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import zoneinfo
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
    field_validator,
    model_validator,
)

from .errors import ConfigError
from .sources.localfile import DEFAULT_MAX_PAGE_BYTES, DEFAULT_MAX_PAGES

SAMPLE_DIR = Path(__file__).parent / "sample"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Publication(_Strict):
    """The one publication record: ``publish`` derives its site view from it, ``serve`` its embargoes."""

    name: str = "西海岸新闻"
    base_url: str = "https://news.example.org/"
    language: str = "zh-CN"
    timezone: str = "Asia/Shanghai"
    release: dt.time = dt.time(6, 0)  # written HH:MM
    copyright_holder: str | None = None  # NewsML rightsInfo; defaults to the publication name
    usage_terms: str = "For use by licensed partners only."
    provider: str | None = None  # NewsML provider qcode part; defaults to the base URL's host
    websub_hub: str | None = None  # WebSub hub: feeds carry rel="hub", changed feeds are pinged

    @field_validator("websub_hub")
    @classmethod
    def _hub(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^https?://[^/\s]+", v):
            raise ValueError("must be an absolute http(s) URL, e.g. https://hub.example.org/")
        return v

    @field_validator("base_url")
    @classmethod
    def _url(cls, v: str) -> str:
        if not re.match(r"^https?://[^/\s]+", v):
            raise ValueError("must be an absolute http(s) URL, e.g. https://news.example.org/")
        return v if v.endswith("/") else v + "/"

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            zoneinfo.ZoneInfo(v)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r} (use an IANA name such as Asia/Shanghai)") from exc
        return v

    @field_validator("release", mode="before")
    @classmethod
    def _release(cls, v: Any) -> Any:
        if isinstance(v, dt.time):
            return v
        if not isinstance(v, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v):
            raise ValueError("must be a local time HH:MM, e.g. 06:00")
        hh, mm = v.split(":")
        return dt.time(int(hh), int(mm))

    @field_serializer("release")
    def _release_text(self, v: dt.time) -> str:
        return v.strftime("%H:%M")

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def holder(self) -> str:
        """The copyright holder: ``copyright_holder``, or the publication's name."""
        return self.copyright_holder or self.name

    @property
    def host(self) -> str:
        """The base URL's host: the authority of tag URIs and NewsML guids."""
        return urlsplit(self.base_url).hostname or "localhost"

    def release_at(self, date: dt.date) -> dt.datetime:
        """The moment an issue dated ``date`` may be public, in the publication's zone."""
        return dt.datetime.combine(date, self.release, tzinfo=self.tz)

    def released_until(self, now: dt.datetime) -> dt.date:
        """The newest issue date whose release time has passed at ``now``."""
        local = now.astimezone(self.tz)
        day = local.date()
        return day if local >= self.release_at(day) else day - dt.timedelta(days=1)


class Source(_Strict):
    type: Literal["folder", "http"] = "folder"  # the names of sources.SOURCE_TYPES
    path: Path | None = None  # folder: root of <YYYY-MM-DD>/ issue folders
    url: str | None = None  # http: manifest URL template with {date}
    lookback_days: Annotated[int, Field(ge=0, le=366, strict=True)] = 3
    connect_timeout: Annotated[float, Field(gt=0, strict=True)] = 5.0
    read_timeout: Annotated[float, Field(gt=0, strict=True)] = 30.0
    # total seconds per request, retries included
    deadline: Annotated[float, Field(gt=0, strict=True)] = 120.0
    retries: Annotated[int, Field(ge=0, le=20, strict=True)] = 4
    backoff_factor: Annotated[float, Field(ge=0, strict=True)] = 1.0
    max_retry_after: Annotated[float, Field(ge=0, strict=True)] = 60.0  # cap on a server's Retry-After
    # caps on what one issue may make a pass read (folder and http)
    max_page_bytes: Annotated[int, Field(ge=1024, strict=True)] = DEFAULT_MAX_PAGE_BYTES
    max_pages: Annotated[int, Field(ge=1, le=10000, strict=True)] = DEFAULT_MAX_PAGES

    @model_validator(mode="after")
    def _needs(self) -> Source:
        if self.type == "http" and not self.url:
            raise ValueError("source.url is required when source.type is 'http'")
        if self.type == "http" and self.url and "{date}" not in self.url:
            raise ValueError("source.url must contain {date}")
        return self


class Output(_Strict):
    dir: Path = Path("feeds")
    feed_entries: Annotated[int, Field(ge=1, le=1000, strict=True)] = 50
    state_dir: Path | None = None  # defaults to <dir>/state
    url: str | None = None  # object storage instead of dir: s3://bucket/prefix
    endpoint_url: str | None = None  # an S3-compatible endpoint (Garage, SeaweedFS, Ceph, MinIO)

    @field_validator("url")
    @classmethod
    def _object_url(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\s]*)?", v):
            raise ValueError("must be s3://bucket or s3://bucket/prefix")
        return v

    @field_validator("endpoint_url")
    @classmethod
    def _endpoint(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^https?://[^/\s]+", v):
            raise ValueError("must be an http(s) URL, e.g. https://s3.example.org")
        return v


class StoreSettings(_Strict):
    url: str | None = None  # postgresql://...; default: SQLite in the state folder

    @field_validator("url")
    @classmethod
    def _postgres(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^postgres(ql)?://", v):
            raise ValueError("must be a postgresql:// URL (without it: SQLite in output.state_dir)")
        return v


class ReadingSettings(_Strict):
    """A paper's own print conventions, added to its language's profile (syndicate/profile.py).
    Each entry is a regular expression matched against a line (bylines, furniture) or searched at
    the end of a paragraph (credits)."""

    credits: list[str] = []  # source credits that end an article: 据江城发布, （江城融媒）
    furniture: list[str] = []  # page furniture read as a blank line: ^江城晚报\s*A\d+
    bylines: list[str] = []  # bylines printed on their own line: ^□江城融媒记者

    @field_validator("credits", "furniture", "bylines")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        for pattern in v:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is no regular expression: {exc}") from None
        return v


class Schedule(_Strict):
    cron: str = "30 2 * * *"
    # seconds a missed run may be late and still run; APScheduler's default 1 s skips a missed night
    misfire_grace_time: Annotated[int, Field(ge=1, strict=True)] = 6 * 3600
    # seconds a pass waits for another to finish
    lock_timeout: Annotated[float, Field(ge=0, strict=True)] = 600.0

    @field_validator("cron")
    @classmethod
    def _cron(cls, v: str) -> str:
        if len(v.split()) != 5:
            raise ValueError("must be a five-field crontab expression, e.g. '30 2 * * *'")
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(v)
        except ValueError as exc:
            raise ValueError(f"not a valid crontab expression: {exc}") from exc
        return v


class Health(_Strict):
    # GET /healthz answers 503 when the last pass ended longer ago than this (a nightly job: a day and slack)
    max_age_hours: Annotated[float, Field(gt=0, strict=True)] = 26.0


class Partner(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    token_sha256: str
    sections: Annotated[list[str], Field(min_length=1)]
    embargo: Literal["honour", "deliver"] = "honour"
    format: Literal["newsml", "ninjs"] = "newsml"  # what the partner's index.atom links to
    times: Literal["local", "utc"] = "local"  # ninjs date-times: the paper's zone, or UTC

    @field_validator("token_sha256")
    @classmethod
    def _digest(cls, v: str) -> str:
        if not re.fullmatch(r"[0-9a-fA-F]{64}", v):
            raise ValueError(
                "must be the SHA-256 of the partner's token as 64 hex digits, not the token itself"
            )
        return v

    def entitled(self, section: str) -> bool:
        return "*" in self.sections or section in self.sections


class Settings(_Strict):
    # The title's short name in a newspaper group (set from the group's [[titles]] name); it keys
    # the title's rows in a shared store and its jobs.
    title: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")] = "default"
    publication: Publication = Publication()
    source: Source = Source()
    output: Output = Output()
    schedule: Schedule = Schedule()
    store: StoreSettings = StoreSettings()
    reading: ReadingSettings = ReadingSettings()
    health: Health = Health()
    sections: dict[int, str] = {}
    slugs: dict[str, str] = {}  # section name -> feed slug, overriding the pinyin default
    partners: list[Partner] = []

    @field_validator("sections", mode="before")
    @classmethod
    def _section_keys(cls, v: Any) -> Any:
        if isinstance(v, dict):
            for k in v:
                if not str(k).isdigit() or int(k) < 1:
                    raise ValueError(f"page number {k!r} must be a positive integer")
        return v

    @field_validator("slugs")
    @classmethod
    def _slugs(cls, v: dict[str, str]) -> dict[str, str]:
        for name, slug in v.items():
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,47}", slug) or slug == "all":
                raise ValueError(
                    f"slug {slug!r} for {name!r} must be lowercase ASCII letters, digits, '-', at most 48 characters"
                )
        return v

    @field_validator("partners")
    @classmethod
    def _unique_partners(cls, v: list[Partner]) -> list[Partner]:
        ids = [p.id for p in v]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"partner ids must be unique: {', '.join(repeated)} repeated")
        return v

    @property
    def out_dir(self) -> Path:
        return self.output.dir

    @property
    def state_dir(self) -> Path:
        return self.output.state_dir or self.output.dir / "state"

    @property
    def source_dir(self) -> Path:
        return self.source.path or SAMPLE_DIR


def _resolve(settings: Settings, base: Path) -> Settings:
    """Resolve relative paths against ``base`` (the configuration file's folder)."""

    def fix(p: Path | None) -> Path | None:
        return None if p is None else (p if p.is_absolute() else (base / p).resolve())

    return settings.model_copy(
        update={
            "source": settings.source.model_copy(update={"path": fix(settings.source.path)}),
            "output": settings.output.model_copy(
                update={"dir": fix(settings.output.dir), "state_dir": fix(settings.output.state_dir)}
            ),
        }
    )


def _messages(exc: ValidationError, where: str) -> str:
    lines = []
    for err in exc.errors():
        key = ".".join(str(x) for x in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        lines.append(f"{where}: {key}: {msg}")
    return "\n".join(lines)


def parse(data: dict[str, Any], base: Path, where: str = "configuration") -> Settings:
    """Validate a configuration mapping; raise ``ConfigError`` listing every problem."""
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_messages(exc, where)) from None
    return _resolve(settings, base)


def read_toml(path: Path) -> dict[str, Any]:
    """A configuration file's TOML (a title's or a group's), or a ``ConfigError`` naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration must be UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def load(path: Path) -> Settings:
    """Read and validate a TOML configuration file."""
    return parse(read_toml(path), path.resolve().parent, str(path))


def defaults(out_dir: Path | None = None, source_dir: Path | None = None) -> Settings:
    """Settings with no configuration file: the embedded sample issue, output under ``out_dir``."""
    data: dict[str, Any] = {"output": {"dir": str(out_dir or Path("feeds"))}}
    if source_dir is not None:
        data["source"] = {"type": "folder", "path": str(source_dir)}
    return parse(data, Path.cwd())


def override(settings: Settings, out_dir: Path | None, source_dir: Path | None) -> Settings:
    """Apply ``--out`` / ``--source`` from the command line."""
    update: dict[str, Any] = {}
    if out_dir is not None:
        # State follows the output root: a configured state_dir belongs to the configured output,
        # and a scratch run elsewhere must not share (and empty) its render queue.
        update["output"] = settings.output.model_copy(update={"dir": out_dir.resolve(), "state_dir": None})
    if source_dir is not None:
        update["source"] = settings.source.model_copy(update={"type": "folder", "path": source_dir.resolve()})
    return settings.model_copy(update=update)
