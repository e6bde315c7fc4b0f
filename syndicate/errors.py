"""Errors the library raises; only ``cli`` turns them into a message and an exit code.

SyndicateError
├── ConfigError        bad configuration file or value (names the key)
├── SourceError        an issue or page cannot be fetched or read (names the file/URL)
│   └── DecodeError    page bytes fit none of the candidate encodings
├── PublishError       output cannot be written (names the folder)
│   └── StoreUnwritable the store refuses every write (disk full, read-only): the pass stops
└── LockError          another pass holds the lock
"""

from __future__ import annotations


class SyndicateError(Exception):
    """Base of every error a user can act on."""


class ConfigError(SyndicateError):
    pass


class SourceError(SyndicateError):
    pass


class DecodeError(SourceError):
    pass


class PublishError(SyndicateError):
    pass


class StoreUnwritable(PublishError):
    """Not one issue's fault: no issue can be stored, so the pass fails rather than go on."""


class LockError(SyndicateError):
    pass
