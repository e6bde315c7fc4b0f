"""Page bytes -> text, in a fixed order: declared charset, BOM, strict UTF-8, then GB18030.

GB18030 is a superset of GBK and GB2312, so it reads all three (the ``gb2312`` codec fails on
characters such as 镕). No statistical detection: detectors misread short GBK text as Big5 or
CP949, and a page that fits none of these is better refused by name than published as mojibake.
"""

from __future__ import annotations

import codecs
import contextlib
from dataclasses import dataclass

from .. import lazyre
from ..errors import DecodeError

# GB18030 maps byte pairs it has no character for to the private use area.
_PRIVATE_USE = lazyre.compile("[\ue000-\uf8ff]")
# Control characters that do not belong in page text (tab, newlines, form feed do).
_BAD = lazyre.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
# Outside ASCII, Latin letters, general punctuation, CJK symbols, kana, CJK ideographs, full-width forms.
_UNCOMMON = lazyre.compile(
    "[^\t\n\r\f\x20-\x7e\u00a0-\u024f\u2000-\u27bf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _plausible(text: str) -> bool:
    """Reject decodings of binary that happen to succeed: control characters, or mostly
    characters outside the scripts a page is printed in (GB18030 maps almost any byte pair)."""
    if not text.strip():
        return False
    # Control and private-use characters are uncommon ones too: one scan of the text, then of those.
    uncommon = _UNCOMMON.findall(text)
    odd = "".join(uncommon)
    if len(_BAD.findall(odd)) > max(2, len(text) // 1000):
        return False
    if len(_PRIVATE_USE.findall(odd)) > max(2, len(text) // 200):
        return False  # GB18030 maps byte pairs it has no character for to private use: not Chinese text
    return len(uncommon) <= 0.1 * len(text)


def decode_page(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode one page file; raise ``DecodeError`` naming ``name`` when no candidate fits."""
    if not data.strip():
        raise DecodeError(f"{name}: empty page file")
    candidates: list[tuple[str, bytes]] = []
    if declared:
        with contextlib.suppress(LookupError):
            candidates.append((codecs.lookup(declared).name, data))
    if data.startswith(codecs.BOM_UTF8):
        candidates.append(("utf-8-sig", data))
    candidates += [("utf-8", data), ("gb18030", data)]
    for encoding, raw in candidates:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return Decoded(text.lstrip("\ufeff"), "gb18030" if encoding in ("gbk", "gb2312") else encoding)
    raise DecodeError(f"{name}: cannot decode page: not UTF-8 or GB18030/GBK/GB2312 text")
