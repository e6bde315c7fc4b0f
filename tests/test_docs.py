"""Every command and every configuration key is documented (README, docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path
from typing import get_args, get_origin

import pytest
from pydantic import BaseModel

from syndicate.cli import cli
from syndicate.config import Settings

ROOT = Path(__file__).resolve().parent.parent


def _keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Full dotted key paths: ``publication.name``; a list of tables gives ``partners.id``."""
    out = []
    for name, field in model.model_fields.items():
        ann = field.annotation
        inner = get_args(ann)[0] if get_origin(ann) is list and get_args(ann) else ann
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            out += _keys(inner, f"{prefix}{name}.")
        else:
            out.append(f"{prefix}{name}")
    return out


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"syndicate {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", _keys(Settings))
def test_every_configuration_key_is_documented(key: str) -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert f"`{key}`" in doc, f"{key} missing from docs/configuration.md (as `{key}`)"


def test_the_key_list_goes_down_into_tables() -> None:
    keys = _keys(Settings)
    assert {"publication.release", "output.feed_entries", "partners.token_sha256", "sections"} <= set(keys)


def test_readme_gives_the_two_set_up_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_kind_of_fix_is_documented() -> None:
    from syndicate.fixes import KINDS

    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"| `{kind}` |" in doc, f"[[fix]] {kind} missing from docs/configuration.md"
