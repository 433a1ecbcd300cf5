"""The app as its own type, for code that needs its routing methods and shared state.

``node.app`` is typed as Textual's ``App``; every screen and widget here runs inside
``NlmgApp``, so this one cast replaces an ``attr-defined`` ignore at each use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from nlmg_tui.tui.app import NlmgApp


class HasApp(Protocol):
    """A widget, screen or palette provider: anything that knows its app."""

    @property
    def app(self) -> App[Any]: ...


def nlmg_app(node: HasApp) -> NlmgApp:
    """The running ``NlmgApp`` that ``node`` belongs to."""
    return cast("NlmgApp", node.app)
