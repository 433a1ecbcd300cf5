"""What every screen of the app shares: going back, and a note when the terminal is too small."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget

from nlmg_tui.tui.app_keys import AppKeyBar
from nlmg_tui.tui.typed_app import nlmg_app
from nlmg_tui.tui.widgets.key_footer import KeyFooter
from nlmg_tui.tui.widgets.too_small import TooSmallNote

if TYPE_CHECKING:
    from nlmg_tui.tui.app import NlmgApp


class AppScreen(Screen[None]):
    """Base screen. Subclasses set ``MIN_SIZE`` (columns, rows) and ``HELP_TITLE``.

    Below ``MIN_SIZE`` the screen gains the ``-too-small`` class: app.tcss hides the layout
    (widgets stay mounted, so no state is lost) and shows ``TooSmallNote`` instead.
    """

    MIN_SIZE: ClassVar[tuple[int, int]] = (40, 10)
    HELP_TITLE: ClassVar[str] = "Keys"
    KEY_GROUPS: ClassVar[dict[str, tuple[str, ...]]] = {}
    """Help-screen groups: group name -> action names (others go under "General")."""

    def __init__(self) -> None:
        super().__init__()
        self._focus_before_too_small: Widget | None = None

    def bottom_bars(self) -> ComposeResult:
        """The footer and, above it, the line of app-wide keys (and the spoiler-free
        indicator): the end of every screen's ``compose`` (composed with the rest, not
        mounted after it: one styling and layout pass fewer before the first frame)."""
        yield KeyFooter()
        yield AppKeyBar()

    def on_mount(self) -> None:
        self.check_size()

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    @property
    def nlmg(self) -> NlmgApp:
        """The app, typed: its routing methods and shared state (spoiler shield, index…)."""
        return nlmg_app(self)

    @property
    def too_small(self) -> bool:
        return self.has_class("-too-small")

    def check_size(self) -> None:
        """Apply the too-small rule to the current size (also after a recompose)."""
        self._check_size(self.size.width, self.size.height)

    def _check_size(self, width: int, height: int) -> None:
        if width == 0 or height == 0:  # not laid out yet
            return
        min_width, min_height = self.MIN_SIZE
        small = width < min_width or height < min_height
        notes = self.query_children(TooSmallNote)
        if small and not notes:  # mounted on first need: one widget less in the first frame
            self.mount(TooSmallNote())
            notes = self.query_children(TooSmallNote)
        for note in notes:
            note.show_sizes(width, height, min_width, min_height)
        if small and not self.too_small:
            self._focus_before_too_small = self.focused
            self.add_class("-too-small")
        elif not small and self.too_small:
            self.remove_class("-too-small")
            focus = self._focus_before_too_small
            if focus is not None and focus.is_attached:
                self.call_after_refresh(self.set_focus, focus)

    def action_back(self) -> None:
        """Close this screen and return to the one below."""
        self.dismiss()
