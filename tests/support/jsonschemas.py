"""Validators for the JSON outputs, run by the tests on what the code really wrote.

- ninjs: IPTC's official 2.2 schema (``../shared/schemas/ninjs/``) with formats checked (uri,
  date-time), plus the rules a schema cannot say (offsets on every time, the schema named).
- JSON Feed 1.1: ``tests/schemas/jsonfeed-1.1.json`` (written from the specification: the shared
  validate-feed checks RSS and Atom only, and feedparser 6 does not read JSON Feed), plus unique
  item ids, ``date_modified`` never before ``date_published`` and well-formed ``content_html``.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from lxml import html as lxml_html

TESTS = Path(__file__).resolve().parents[1]
NINJS_SCHEMA = TESTS.parent.parent / "shared" / "schemas" / "ninjs" / "ninjs-schema_2.2.json"
JSONFEED_SCHEMA = TESTS / "schemas" / "jsonfeed-1.1.json"


@cache
def _validator(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _schema_errors(path: Path, doc: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in _validator(path).iter_errors(doc)
    ]


def _aware(value: str) -> bool:
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False  # the schema's date-time format reports it


def ninjs_errors(data: bytes) -> list[str]:
    """Every problem of one ninjs document (empty: valid)."""
    doc = json.loads(data)
    errors = _schema_errors(NINJS_SCHEMA, doc)
    for key in ("firstcreated", "versioncreated", "embargoed"):
        if key in doc and not _aware(doc[key]):
            errors.append(f"{key}: no UTC offset in {doc[key]!r}")
    if doc.get("standard", {}).get("schema") != "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json":
        errors.append("standard.schema does not name the 2.2 schema")
    return errors


def jsonfeed_errors(data: bytes) -> list[str]:
    """Every problem of one JSON Feed document (empty: valid)."""
    doc = json.loads(data)
    errors = _schema_errors(JSONFEED_SCHEMA, doc)
    ids = [i.get("id") for i in doc.get("items", [])]
    if len(ids) != len(set(ids)):
        errors.append("items: two items share an id")
    for n, item in enumerate(doc.get("items", [])):
        pub, mod = item.get("date_published"), item.get("date_modified")
        if (
            pub
            and mod
            and _aware(pub)
            and _aware(mod)
            and dt.datetime.fromisoformat(mod) < dt.datetime.fromisoformat(pub)
        ):
            errors.append(f"items/{n}: date_modified before date_published")
        if item.get("content_html"):
            lxml_html.fragment_fromstring(item["content_html"], create_parent="div")
    return errors


def validate_json_outputs(out: Path) -> int:
    """Check every JSON Feed under ``out/public`` and every ninjs item under ``out/newsml``; return
    how many files were checked; fail with every problem found."""
    problems: list[str] = []
    checked = 0
    for path in sorted((out / "public").glob("*.json")):
        problems += [f"{path.name}: {e}" for e in jsonfeed_errors(path.read_bytes())]
        checked += 1
    for path in sorted((out / "newsml").glob("*/*.json")):
        problems += [f"{path.relative_to(out)}: {e}" for e in ninjs_errors(path.read_bytes())]
        checked += 1
    assert not problems, "\n".join(problems)
    return checked
