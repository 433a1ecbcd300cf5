"""Modules the first keys open, imported in a thread once the first frame is drawn.

The search screen (with the bookmark library it searches) is about 70 ms of imports; paid
while the user looks at the list, ``/`` opens it without that wait. An import that fails here
fails again, with its real error, where the screen is opened.
"""

from __future__ import annotations

import importlib

from textual.app import App

WARM_MODULES = ("nlmg_tui.tui.screens.search", "nlmg_tui.tui.screens.reader")


def import_quietly(names: tuple[str, ...] = WARM_MODULES) -> list[str]:
    """Import ``names``; the ones that failed (nothing raised)."""
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - reported where the module is really needed
            failed.append(name)
    return failed


def warm_up(app: App[None]) -> None:
    """Start the imports in a thread worker (call once the first frame is drawn)."""
    app.run_worker(import_quietly, thread=True, group="warm-up", exit_on_error=False,
                   description="import the screens the first keys open")
