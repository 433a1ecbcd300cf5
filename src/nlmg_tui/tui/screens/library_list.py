"""What the Bookmarks and Watchlist screens share: a list read from the library, reloaded when
the screen comes back or another instance changes the file, with editing off when read-only."""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import OptionList

from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.widgets.bookmark_library import POLL_SECONDS, app_library


class LibraryListScreen(AppScreen):
    """Subclasses set ``EDIT_ACTIONS``, provide an ``option_list`` and implement ``reload()``."""

    EDIT_ACTIONS: ClassVar[frozenset[str]] = frozenset()
    """Actions turned off (shown dimmed) while the library is read-only."""
    option_list: OptionList

    def __init__(self) -> None:
        super().__init__()
        self.read_only: str | None = None
        """Why the list can't be changed, shown in the banner; None when it can."""
        self._resumed_before = False

    def reload(self) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:  # Textual also runs AppScreen.on_mount (handlers walk the MRO)
        self.reload()
        self.set_interval(POLL_SECONDS, self._poll_library)

    def on_screen_resume(self) -> None:
        """Back from another screen (the reader may have changed the library): read it again."""
        if self._resumed_before:
            self.reload()
        self._resumed_before = True

    def _poll_library(self) -> None:
        """Pick up changes made by another instance (or a sync tool)."""
        if self.is_current and app_library(self).changed_since_last_read():
            self.reload()
            self.notify("The library was changed in another window; the list was reloaded.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.EDIT_ACTIONS and self.read_only:
            return None  # shown dimmed: the banner says why
        return True

    def action_cursor_down(self) -> None:
        self.option_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.option_list.action_cursor_up()

    def action_cursor_first(self) -> None:
        self.option_list.action_first()

    def action_cursor_last(self) -> None:
        self.option_list.action_last()
