"""The one way syndicate parses XML that comes from outside: no entities, no network, no DOCTYPE.

syndicate reads no external XML today (manifests are TOML, pages plain text; the serve module
parses only a constant of its own). Any code that comes to parse XML it did not write itself
(a manifest, a partner's document, a file from the output tree) goes through :func:`parse`:
entity references are never resolved (no XXE, no billion laughs), no DTD or anything else is
fetched over the network, and a document with a DOCTYPE is refused outright, since no format
syndicate reads or writes needs one. ``tests/faults/test_xml_input.py`` holds every parse path to
that, and checks that ``syndicate/`` parses XML nowhere else.
"""

from __future__ import annotations

from lxml import etree

from .errors import SourceError


def parser() -> etree.XMLParser:
    """A parser that resolves no entity, loads no DTD, touches no network and keeps libxml2's limits."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )


def parse(data: bytes, name: str) -> etree._Element:
    """The root element of the XML document ``data``; ``SourceError`` naming ``name`` when it is not
    well-formed or declares a DOCTYPE."""
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"{name}: not well-formed XML: {exc}") from None
    info = root.getroottree().docinfo
    doctype = getattr(info, "doctype", "")  # missing from lxml-stubs
    if doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise SourceError(f"{name}: XML with a DOCTYPE is refused (entities and DTDs are not read)")
    return root
