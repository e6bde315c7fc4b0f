"""Moved to ``tests/support/faults.py``; kept so that fault tests written against it still import."""

from support.faults import *  # noqa: F403
from support.faults import DAY, LATER, PASS_STARTS, PINNED_RUN, SAMPLE, TOOLS  # noqa: F401
