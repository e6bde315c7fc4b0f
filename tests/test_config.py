"""Configuration: every key's bad value is refused with a message naming the key; every key is documented."""

from __future__ import annotations

import copy
import re
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from syndicate import config
from syndicate.config import Settings
from syndicate.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "config" / "westcoast.toml"
DOCS = ROOT / "docs" / "configuration.md"
TOKEN = "a" * 64

VALID: dict[str, Any] = {
    "publication": {
        "name": "西海岸新闻",
        "base_url": "https://news.example.org/",
        "timezone": "Asia/Shanghai",
    },
    "source": {"type": "folder", "path": "issues"},
    "output": {"dir": "feeds"},
    "schedule": {"cron": "30 2 * * *"},
    "sections": {"1": "要闻"},
    "partners": [{"id": "coastal-daily", "token_sha256": TOKEN, "sections": ["要闻"]}],
}


def all_keys(model: type[BaseModel] = Settings, prefix: str = "") -> list[str]:
    """Every key path of the configuration: publication.name, ..., partners.embargo."""
    keys = []
    for name, info in model.model_fields.items():
        ann = info.annotation
        inner = typing.get_args(ann)[0] if typing.get_origin(ann) is list else ann
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            keys += all_keys(inner, f"{prefix}{name}.")
        else:
            keys.append(prefix + name)
    return keys


def with_value(path: str, value: Any) -> dict[str, Any]:
    """VALID with ``path`` (dots; a number indexes a list) set to ``value``."""
    data = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
    node[last] = value
    return data


# (key as set, bad value, key as the message names it, what the message says)
BAD: list[tuple[str, Any, str, str]] = [
    ("publication.name", 5, "publication.name", "valid string"),
    ("publication.base_url", "news.example.org", "publication.base_url", "absolute http(s) URL"),
    ("publication.language", ["zh"], "publication.language", "valid string"),
    ("publication.timezone", "Asia/Qingdao", "publication.timezone", "unknown time zone"),
    ("publication.release", "6am", "publication.release", "HH:MM"),
    ("publication.release", "24:00", "publication.release", "HH:MM"),
    ("publication.copyright_holder", 1, "publication.copyright_holder", "valid string"),
    ("publication.usage_terms", None, "publication.usage_terms", "valid string"),
    ("publication.provider", 2, "publication.provider", "valid string"),
    ("source.type", "ftp", "source.type", "'folder' or 'http'"),
    ("source.path", 3, "source.path", "path"),
    ("source.url", "https://epaper.example.org/issue.toml", "source.url", "{date}"),
    ("source.lookback_days", -1, "source.lookback_days", "greater than or equal to 0"),
    ("source.lookback_days", "three", "source.lookback_days", "valid integer"),
    ("source.connect_timeout", 0, "source.connect_timeout", "greater than 0"),
    ("source.read_timeout", -1, "source.read_timeout", "greater than 0"),
    ("source.deadline", "long", "source.deadline", "valid number"),
    ("source.retries", 99, "source.retries", "less than or equal to 20"),
    ("source.backoff_factor", -0.5, "source.backoff_factor", "greater than or equal to 0"),
    ("source.max_retry_after", -5, "source.max_retry_after", "greater than or equal to 0"),
    ("source.max_page_bytes", 100, "source.max_page_bytes", "greater than or equal to 1024"),
    ("source.max_pages", 0, "source.max_pages", "greater than or equal to 1"),
    ("output.dir", 5, "output.dir", "path"),
    ("output.feed_entries", 0, "output.feed_entries", "greater than or equal to 1"),
    ("output.state_dir", [], "output.state_dir", "path"),
    ("output.url", "https://bucket.example.org/", "output.url", "s3://bucket"),
    ("output.endpoint_url", "s3.example.org", "output.endpoint_url", "http(s) URL"),
    ("store.url", "sqlite:///x.db", "store.url", "postgresql:// URL"),
    ("title", "West Coast", "title", "should match pattern"),
    ("schedule.cron", "30 2 * *", "schedule.cron", "five-field crontab"),
    ("schedule.cron", "61 2 * * *", "schedule.cron", "not a valid crontab"),
    ("schedule.misfire_grace_time", 0, "schedule.misfire_grace_time", "greater than or equal to 1"),
    ("schedule.lock_timeout", -1, "schedule.lock_timeout", "greater than or equal to 0"),
    ("sections", {"one": "要闻"}, "sections", "positive integer"),
    ("sections", {"1": 5}, "sections.1", "valid string"),
    ("sections", ["要闻"], "sections", "valid dictionary"),
    ("slugs", {"要闻": "Yao Wen"}, "slugs", "lowercase ASCII"),
    ("slugs", {"要闻": "all"}, "slugs", "lowercase ASCII"),
    ("partners", {"id": "x"}, "partners", "valid list"),
    ("partners.0.id", "bad id!", "partners.0.id", "should match pattern"),
    ("partners.0.token_sha256", "secret", "partners.0.token_sha256", "64 hex digits, not the token itself"),
    ("partners.0.sections", [], "partners.0.sections", "at least 1 item"),
    ("partners.0.embargo", "ignore", "partners.0.embargo", "'honour' or 'deliver'"),
    ("partners.0.format", "xml", "partners.0.format", "'newsml' or 'ninjs'"),
    ("partners.0.times", "cet", "partners.0.times", "'local' or 'utc'"),
    ("publication.websub_hub", "hub.example.org", "publication.websub_hub", "absolute http(s) URL"),
    ("health.max_age_hours", 0, "health.max_age_hours", "greater than 0"),
    ("publication.colour", "blue", "publication.colour", "unknown key"),
    ("feeds", {"dir": "x"}, "feeds", "unknown key"),
    ("reading.credits", ["(据"], "reading.credits", "no regular expression"),
    ("reading.furniture", "^热线", "reading.furniture", "valid list"),
    ("reading.bylines", ["[□"], "reading.bylines", "no regular expression"),
]


@pytest.mark.parametrize("path, value, named, says", BAD, ids=[f"{p}={v!r}" for p, v, _, _ in BAD])
def test_bad_value_names_its_key(path: str, value: Any, named: str, says: str) -> None:
    data = with_value(path, value)
    if path == "source.url":
        data["source"]["type"] = "http"  # the URL is checked only for the http source
    with pytest.raises(ConfigError) as err:
        config.parse(data, Path("/tmp"), "paper.toml")
    message = str(err.value)
    assert f"paper.toml: {named}: " in message or f"{named} " in message, message
    assert says in message, message


def test_every_key_has_a_bad_value_case() -> None:
    tested = {re.sub(r"\.\d+\.", ".", p) for p, *_ in BAD}
    assert set(all_keys()) <= tested, set(all_keys()) - tested


def test_http_source_needs_url() -> None:
    with pytest.raises(ConfigError, match=r"source\.url is required"):
        config.parse(with_value("source.type", "http"), Path("/tmp"))


def test_missing_required_partner_key() -> None:
    data = copy.deepcopy(VALID)
    del data["partners"][0]["token_sha256"]
    with pytest.raises(ConfigError, match=r"partners\.0\.token_sha256: Field required"):
        config.parse(data, Path("/tmp"))


def test_duplicate_partner_ids() -> None:
    data = copy.deepcopy(VALID)
    data["partners"] *= 2
    with pytest.raises(ConfigError, match="partners: partner ids must be unique: coastal-daily repeated"):
        config.parse(data, Path("/tmp"))


def test_every_problem_reported_at_once() -> None:
    data = with_value("schedule.cron", "bad")
    data["publication"]["release"] = "noon"
    with pytest.raises(ConfigError) as err:
        config.parse(data, Path("/tmp"))
    assert "schedule.cron" in str(err.value) and "publication.release" in str(err.value)


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[schedule\ncron = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml: not valid TOML"):
        config.load(bad)
    with pytest.raises(ConfigError, match="cannot read configuration"):
        config.load(tmp_path / "missing.toml")


def test_relative_paths_resolve_against_the_file(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    cfg = tmp_path / "etc" / "paper.toml"
    cfg.write_text('[source]\npath = "../issues"\n[output]\ndir = "out"\n', encoding="utf-8")
    settings = config.load(cfg)
    assert settings.source_dir == tmp_path / "issues"
    assert settings.state_dir == tmp_path / "etc" / "out" / "state"


def test_example_configuration_loads() -> None:
    settings = config.load(EXAMPLE)
    assert settings.publication.name == "西海岸新闻"
    assert sorted(settings.sections) == list(range(1, 9))
    assert [p.id for p in settings.partners] == ["coastal-daily"]
    assert settings.source_dir.is_dir()


def test_example_documents_every_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for key in all_keys():
        if key in ("sections", "slugs"):
            assert f"[{key}]" in text, key
            continue
        name = key.rsplit(".", 1)[-1]
        assert re.search(rf"^#? ?{name} = ", text, re.MULTILINE), f"{key} not shown in {EXAMPLE.name}"
    for line in text.splitlines():
        if re.match(r"^\s*[\w\"]", line) and "=" in line:
            assert "#" in line, f"undocumented line in {EXAMPLE.name}: {line}"


def test_docs_describe_every_key() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [key for key in all_keys() if f"`{key}`" not in text]
    assert not missing, f"{DOCS.name} does not describe {missing}"


def test_source_type_accepts_exactly_the_table_of_source_types() -> None:
    from typing import get_args

    from syndicate.sources import SOURCE_TYPES

    assert set(get_args(Settings.model_fields["source"].annotation.model_fields["type"].annotation)) == set(
        SOURCE_TYPES
    )
