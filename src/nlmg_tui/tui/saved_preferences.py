"""The app's preferences kept saved as they change: the theme picked, the reviews read.

``Preferences`` (no Textual) holds and writes the values; this module ties them to a running
app: the saved theme applied at start, each change saved at once, and a warning toast when a
save fails (the change then holds for this session only).
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from nlmg_tui.tui.preferences import Preferences
from nlmg_tui.tui.session import ReadingSession


def warn_if_unsaved(app: App[Any], what: str, problem: str | None) -> None:
    """Tell the user when ``what`` could not be saved (``problem`` says why)."""
    if problem:
        app.notify(f"{what} not saved: {problem}", severity="warning", markup=False)


def reading_session(app: App[Any], preferences: Preferences) -> ReadingSession:
    """This session's reading, starting from the reviews read before; each new read mark is
    saved."""
    return ReadingSession(
        read=preferences.read_reviews(),
        read_changed=lambda ids: warn_if_unsaved(app, "Read marks", preferences.set_read(ids)))


def follow_saved_theme(app: App[Any], preferences: Preferences) -> None:
    """Apply the saved theme (when the app still has it) and save each theme picked later."""
    theme = preferences.values.get("theme")
    if isinstance(theme, str) and theme in app.available_themes:
        app.theme = theme
    app.theme_changed_signal.subscribe(
        app, lambda theme: warn_if_unsaved(app, "Theme", preferences.set("theme", theme.name)))
