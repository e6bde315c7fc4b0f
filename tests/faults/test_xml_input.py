"""Row 12: external XML. syndicate parses no XML from outside today (manifests are TOML, pages are
text, and ``serve.partners`` parses only a constant of its own), so the guard is twofold:

- ``syndicate.xmlsafe.parse`` (the one way to parse outside XML) is fed XXE, billion laughs, an
  external DTD over the network, and DOCTYPEs in other encodings: every one refused, nothing
  fetched or expanded;
- a scan of ``syndicate/`` fails when XML is parsed anywhere else, so a new parse path must go
  through ``xmlsafe`` (or be added here with a reason);
- lxml is pinned at >= 6.1 (the 2026 iterparse entity flaw) in pyproject and installed so.
The shared validators the tests run are fed the same documents: they neither expand nor fetch.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from importlib.metadata import version
from pathlib import Path

import pytest
from support.faults import ROOT, TOOLS
from support.loopback import serving

from syndicate import xmlsafe
from syndicate.errors import SourceError

SECRET = "XXE-SECRET-CONTENT"
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + "]>\n<lolz>&lol9;</lolz>\n"
)
# Parse calls allowed outside xmlsafe: (file, call) -> why.
ALLOWED: dict[tuple[str, str], str] = {}
PARSE_CALLS = {
    "fromstring",
    "XML",
    "parse",
    "iterparse",
    "XMLParser",
    "XMLPullParser",
    "HTML",
    "fromstringlist",
}


class Dtd(BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Dtd.hits.append(self.path)
        body = f'<!ENTITY x "{SECRET}">'.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def dtd_url() -> Iterator[str]:
    with serving(Dtd) as (_, base):
        yield f"{base}/evil.dtd"


def hostile(tmp_path: Path, dtd_url: str) -> dict[str, bytes]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    xxe = f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>\n<r>&x;</r>\n'
    return {
        "xxe-file": xxe.encode(),
        "xxe-network": f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "{dtd_url}">]>\n<r>&x;</r>\n'.encode(),
        "external-dtd": f'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "{dtd_url}">\n<r>&x;</r>\n'.encode(),
        "parameter-entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM "{dtd_url}"> %p;]>\n<r>&x;</r>\n'
        ).encode(),
        "billion-laughs": LAUGHS.encode(),
        "xxe-utf16": xxe.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16"),
        "doctype-only": b'<?xml version="1.0"?>\n<!DOCTYPE rss>\n<rss version="2.0"/>\n',
    }


def test_every_hostile_document_is_refused_without_fetching_or_expanding(
    tmp_path: Path, dtd_url: str
) -> None:
    Dtd.hits.clear()
    for name, data in hostile(tmp_path, dtd_url).items():
        with pytest.raises(SourceError, match=f"^{name}: ") as caught:
            xmlsafe.parse(data, name)
        assert SECRET not in str(caught.value)
    assert Dtd.hits == []


def test_the_parser_itself_resolves_and_fetches_nothing(tmp_path: Path, dtd_url: str) -> None:
    """Under the DOCTYPE refusal: the parser alone, on the same documents, expands nothing."""
    from lxml import etree

    Dtd.hits.clear()
    for name, data in hostile(tmp_path, dtd_url).items():
        try:
            root = etree.fromstring(data, xmlsafe.parser())
        except etree.XMLSyntaxError:
            continue  # refusing is fine too
        text = etree.tostring(root, encoding="unicode")
        assert SECRET not in text and text.count("lol") < 1000, name
    assert Dtd.hits == []


def test_plain_documents_still_parse() -> None:
    root = xmlsafe.parse(
        '<?xml version="1.0" encoding="UTF-8"?><r a="1">正文 &amp; &#x4e2d;</r>'.encode(), "ok"
    )
    assert root.text == "正文 & 中" and root.get("a") == "1"
    with pytest.raises(SourceError, match="^cut: not well-formed"):
        xmlsafe.parse(b"<r><a></r>", "cut")


def test_no_other_code_parses_xml() -> None:
    """Every XML parse call in ``syndicate/`` is in xmlsafe or listed in ALLOWED with its reason."""
    found: set[tuple[str, str]] = set()
    package = ROOT / "syndicate"
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        if rel == "xmlsafe.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and re.match(r"(xml|lxml|defusedxml)\b", node.module)
            ):
                names = {a.name for a in node.names}
                assert not names & PARSE_CALLS, f"{rel} imports {names & PARSE_CALLS} from {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith(("xml.dom", "xml.sax", "xml.etree")), (
                        f"{rel}: {alias.name}"
                    )
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in PARSE_CALLS
            ):
                owner = node.func.value
                if isinstance(owner, ast.Name) and owner.id in {
                    "etree",
                    "ET",
                    "ElementTree",
                    "objectify",
                    "html",
                }:
                    found.add((rel, node.func.attr))
    assert found <= set(ALLOWED), f"XML parsed outside syndicate.xmlsafe: {sorted(found - set(ALLOWED))}"


def test_lxml_is_pinned_and_installed_at_6_1_or_later() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (pin,) = [d for d in project["dependencies"] if re.match(r"lxml\b", d)]
    assert re.fullmatch(r"lxml\s*>=\s*6\.(1|[2-9]|\d\d)(\.\d+)*\s*(#.*)?", pin.strip()), pin
    major, minor = (int(x) for x in version("lxml").split(".")[:2])
    assert (major, minor) >= (6, 1)


@pytest.mark.parametrize("tool", ["validate-feed", "validate-newsml"])
def test_the_shared_validators_expand_and_fetch_nothing(tmp_path: Path, dtd_url: str, tool: str) -> None:
    Dtd.hits.clear()
    files = []
    for name, data in hostile(tmp_path, dtd_url).items():
        files.append(tmp_path / f"{name}.xml")
        files[-1].write_bytes(data)
    done = subprocess.run(
        [sys.executable, str(TOOLS / tool), *map(str, files)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0 and SECRET not in done.stdout + done.stderr
    assert len([line for line in done.stdout.splitlines() if ": OK" in line]) == 0, done.stdout
    assert Dtd.hits == []
