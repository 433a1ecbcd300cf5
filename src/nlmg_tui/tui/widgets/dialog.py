"""What every small modal of the app shares: a centred frame, escape/q to cancel, j/k and the
arrows to move its list, and one way to answer.

``DialogScreen`` is the frame: subclasses yield their widgets from ``compose_dialog`` and
answer with ``dismiss``; cancelling answers None. ``ListDialog`` adds a list: ``j``/``k`` (and
``↓``/``↑``, which the focused ``OptionList`` handles itself) move it, enter answers
``picked(option_id)``. A subclass keeps only what differs: its title, its widgets, its sizes.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList

from nlmg_tui.tui.widgets.key_footer import KeyFooter

AnswerT = TypeVar("AnswerT")

DIALOG_FRAME_CSS = """
DialogScreen {
    align: center middle;
}
DialogScreen > .dialog-frame {
    width: 90;
    max-width: 95%;
    height: auto;
    max-height: 90%;
    border: round $accent;
    border-title-align: center;
    background: $surface;
    padding: 0 1;
}
DialogScreen OptionList {
    height: auto;
    max-height: 16;
}
DialogScreen .dialog-hint {
    color: $text-muted;
}
"""


class DialogScreen(ModalScreen[AnswerT | None]):
    """A framed modal titled ``dialog_title``; escape or q answers None."""

    DEFAULT_CSS = DIALOG_FRAME_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel", id="dialog.cancel"),
    ]

    SHOW_FOOTER: ClassVar[bool] = False
    """A compact footer under the frame, for dialogs with keys of their own."""

    def __init__(self, title: str | Text) -> None:
        super().__init__()
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-frame") as frame:
            # Titles quote review and critic names: a Text is never read as markup.
            frame.border_title = (self.dialog_title if isinstance(self.dialog_title, Text)
                                  else Text(self.dialog_title))
            yield from self.compose_dialog()
        if self.SHOW_FOOTER:
            yield KeyFooter()

    def compose_dialog(self) -> ComposeResult:
        """The widgets inside the frame."""
        yield from ()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ListDialog(DialogScreen[AnswerT]):
    """A dialog around an ``OptionList``: j/k/↓/↑ move it, enter answers ``picked``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="dialog.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="dialog.up"),
    ]

    @property
    def option_list(self) -> OptionList:
        return self.query_one(OptionList)

    def picked(self, option_id: str | None) -> AnswerT | None:
        """The answer for the chosen option (by default: its id, for ``str`` answers)."""
        raise NotImplementedError

    def highlight_first(self, option_id: str | None) -> None:
        """Focus the list with ``option_id`` (else the first option) highlighted."""
        options = self.option_list
        index = next((i for i in range(options.option_count)
                      if options.get_option_at_index(i).id == option_id), 0)
        if options.option_count:
            options.highlighted = index
        options.focus()

    def option_chosen(self, option_id: str | None) -> None:
        """Enter on an option: answer ``picked(option_id)`` (a dialog with more fields may go
        on to the next one instead)."""
        self.dismiss(self.picked(option_id))

    @on(OptionList.OptionSelected)
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.option_chosen(event.option_id)

    def action_cursor_down(self) -> None:
        self.option_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.option_list.action_cursor_up()
