"""Named points in the write path where a test can make this process die (SIGKILL) on purpose.

``NLMG_TUI_CRASH_AT=<point>[:<n>]`` kills the process the n-th time (default 1) it reaches
``<point>``: the durability tests use it to stop a writer mid-append or mid-compaction at a
chosen moment instead of a random one. Unset (always, outside tests) it costs one dict lookup.
"""

from __future__ import annotations

import os
import signal

CRASH_ENV = "NLMG_TUI_CRASH_AT"
POINTS = (
    "append-torn",  # half a journal line written, not yet synced
    "append-written",  # a whole line written, not yet synced (not acknowledged)
    "compact-staged",  # the new snapshot is a synced temp file, not yet in place
    "compact-replaced",  # the new snapshot is in place, the old journal not yet retired
)

_counts: dict[str, int] = {}


def crash_point(point: str) -> None:
    """Die here if the environment asks for it (see the module docstring)."""
    wanted = os.environ.get(CRASH_ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != point:
        return
    _counts[point] = _counts.get(point, 0) + 1
    if _counts[point] >= int(nth or 1):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
