"""The app-wide keys: their bindings, and the line above each screen's footer that shows them.

The footer shows a screen's own keys; the line above it (``AppKeyBar``) shows the keys that
work on every screen (``/``, ``B``, ``W``, ``M``, ``T``, ``P``, ``?``) and, always, whether
spoiler-free mode is on. A key the screen binds itself (it wins over the app's) is left out
of the line; on a narrow terminal whole entries are dropped from the end, never cut.
"""

from __future__ import annotations

import sys
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from nlmg_tui.tui.typed_app import nlmg_app

APP_BINDINGS: list[BindingType] = [
    Binding("question_mark", "help", "Help", show=False, id="app.help"),
    Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True,
            id="app.commands"),
    Binding("ctrl+t", "change_theme", "Theme", show=False, id="app.theme"),
    # A priority binding: run as the key arrives, before later keys are handed to a widget, so
    # a query typed in one go after "/" lands in the box (``NlmgApp.check_action`` lets "/"
    # through to a text box, a dialog, or a screen that binds "/" itself).
    Binding("slash", "open('search')", "Search", show=False, priority=True, id="app.search"),
    Binding("B", "open('bookmarks')", "Bookmarks", show=False, id="app.bookmarks"),
    Binding("W", "open('watchlist')", "Watchlist", show=False, id="app.watchlist"),
    Binding("M", "open('mentions')", "Mentions", show=False, id="app.mentions"),
    Binding("T", "open('timeline')", "Timeline", show=False, id="app.timeline"),
    Binding("P", "open('topics')", "Topic map", show=False, id="app.topics"),
    Binding("Z", "toggle_spoiler_free", "Spoiler-free on/off", show=False,
            id="app.spoiler_free"),
    Binding("ctrl+z", "suspend_process", "Suspend to the shell (fg resumes)", show=False,
            id="app.suspend"),
]

OPENED_BY_KEY = ("search", "bookmarks", "watchlist", "mentions", "timeline", "topics")
"""The screens an app-wide key opens (``open('search')`` calls ``app.open_search()``)."""

BAR_KEYS: tuple[tuple[str, str, str], ...] = (
    ("question_mark", "?", "Help"),
    ("slash", "/", "Search"),
    ("B", "B", "Bookmarks"),
    ("W", "W", "Watchlist"),
    ("M", "M", "Mentions"),
    ("T", "T", "Timeline"),
    ("P", "P", "Topics"),
)
"""(key, shown as, label) in the order they are dropped last to first on a narrow terminal."""
GAP = "  "


def slash_opens_search(screen: Screen[Any], *, now: bool = True) -> bool:
    """Whether "/" (a priority binding) opens the search on ``screen``: never in a dialog or on
    a screen that binds "/" itself, and (``now``) not while a text box has focus (it types
    "/"). The help lists it by screen (``now=False``), whatever has focus."""
    if isinstance(screen, ModalScreen):
        return False
    # A TextArea (the note editor) can have focus only once its module is loaded; importing it
    # here would cost the first screen several milliseconds.
    text_area = sys.modules.get("textual.widgets._text_area")
    if now and (isinstance(screen.focused, Input) or (
            text_area is not None and isinstance(screen.focused, text_area.TextArea))):
        return False
    screen_keys = {key.strip() for binding in Binding.make_bindings(screen.BINDINGS)
                   for key in binding.key.split(",")}
    return "slash" not in screen_keys


def app_binding_applies(screen: Screen[Any], binding: Binding) -> bool:
    """Whether an app-wide binding does anything on ``screen`` (for the help's key list)."""
    return binding.id != "app.search" or slash_opens_search(screen, now=False)


def spoiler_label(enabled: bool) -> Text:
    """``Z spoilers hidden`` / ``Z spoilers shown``: the lasting spoiler-free indicator."""
    text = Text(end="")
    text.append("Z", style="bold")
    if enabled:
        text.append(" ▒ spoilers hidden", style="bold")
    else:
        text.append(" spoilers shown", style="dim")
    return text


def key_bar_text(width: int, skip: set[str], spoiler_free: bool) -> Text:
    """The line: app keys from the left, the spoiler indicator on the right; entries that
    do not fit in ``width`` cells are dropped whole (from the end of ``BAR_KEYS``)."""
    indicator = spoiler_label(spoiler_free)
    room = width - indicator.cell_len - 2  # one space each side
    entries: list[Text] = []
    used = 0
    for key, shown, label in BAR_KEYS:
        if key in skip:
            continue
        entry = Text.assemble((shown, "bold"), " ", label, end="")
        needed = entry.cell_len + (cell_len(GAP) if entries else 0)
        if used + needed > room:
            break
        entries.append(entry)
        used += needed
    line = Text(" ", end="")
    line.append_text(Text(GAP, end="").join(entries))
    line.append(" " * max(1, width - line.cell_len - indicator.cell_len - 1))
    line.append_text(indicator)
    return line


class AppKeyBar(Static):
    """One line above the footer: the keys that work everywhere, and the spoiler-free mode."""

    DEFAULT_CSS = """
    AppKeyBar {
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def on_mount(self) -> None:
        nlmg_app(self).spoiler_shield_changed.subscribe(self, lambda _: self.refresh())

    def render(self) -> Text:
        screen_keys = {key.strip() for binding in Binding.make_bindings(self.screen.BINDINGS)
                       for key in binding.key.split(",")}
        return key_bar_text(self.size.width, screen_keys,
                            nlmg_app(self).spoiler_shield.enabled)
