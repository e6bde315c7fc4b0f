"""Large public files get a gzip sibling at publish time: ``public/sitemap.xml.gz`` beside
``public/sitemap.xml``, compressed once per change rather than by the server per request.

``syndicate serve`` streams a large file from disk and sends the sibling to clients that take
gzip (only when its trailer matches the file, see ``serve.gzfiles``); a static server can do the
same (nginx ``gzip_static on``). The sibling is a plan output like any other, so it lands with
its file; ``write_all`` removes a sibling whose file no longer gets one. Reproducible: the gzip
header carries no time or name, so an unchanged file leaves its sibling untouched.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .plan import Output

# Below this a server compresses on the fly for next to nothing; above, a file is worth doing once.
PRECOMPRESS_FROM = 128 * 1024
TEXT_SUFFIXES = (".xml", ".html", ".json", ".opml", ".txt", ".css", ".js", ".svg")


def wants_sibling(path: str, size: int) -> bool:
    return path.startswith("public/") and path.endswith(TEXT_SUFFIXES) and size >= PRECOMPRESS_FROM


def with_siblings(outputs: Iterable[Output]) -> tuple[Output, ...]:
    """``outputs`` with a ``.gz`` sibling after each large public text file."""
    return tuple(iter_siblings(outputs))


def iter_siblings(outputs: Iterable[Output]) -> Iterator[Output]:
    """``with_siblings`` one output at a time (each sibling right after its file)."""
    for output in outputs:
        yield output
        if wants_sibling(output.path, len(output.data)):
            data = gzip.compress(output.data, compresslevel=9, mtime=0)
            yield type(output)(output.path + ".gz", data, "gzip")


def stale_siblings(paths: Sequence[str]) -> list[str]:
    """The ``.gz`` siblings that public text files among ``paths`` may have from an earlier pass
    but do not get in this one (the file shrank): to be removed, lest a static server send them."""
    planned = set(paths)
    return [
        p + ".gz"
        for p in paths
        if p.startswith("public/") and p.endswith(TEXT_SUFFIXES) and p + ".gz" not in planned
    ]
