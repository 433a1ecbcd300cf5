"""The keys a screen answers to, grouped: shared by the help screen and the command palette.

The app-wide keys come first (group "Everywhere"), then the screen's groups, "General" last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from nlmg_tui.tui.app_keys import app_binding_applies

if TYPE_CHECKING:
    from nlmg_tui.tui.screens.help import HelpScreen

GENERAL_GROUP = "General"
APP_GROUP = "Everywhere"
FOCUS_ACTIONS = {"app.focus_next", "app.focus_previous"}


@dataclass(frozen=True)
class KeyHelp:
    keys: tuple[str, ...]
    """How the keys are displayed, e.g. ``("j", "↓")``."""
    key_names: tuple[str, ...]
    """The keys as Textual names them, e.g. ``("j", "down")``."""
    description: str
    action: str
    node: DOMNode
    """Where the action runs (the screen or the app)."""
    group: str


def screen_keys(screen: Screen[Any]) -> list[KeyHelp]:
    """Bindings of ``screen`` and of the app that have a description, one entry per action.

    Read from the screen's and app's own binding maps rather than ``active_bindings``: there a
    focused widget's binding for the same key (a scroll view's ``down``) would hide the
    screen's. Bindings of widgets themselves are left out; screens bind the keys that matter.
    """
    app = screen.app
    found: dict[tuple[int, str], KeyHelp] = {}
    screen_key_names = {binding.key for binding in _bindings_of(screen)}
    can_move_focus = len(screen.focus_chain) > 1
    for node in (screen, app):
        for binding in _bindings_of(node):
            if not binding.description or binding.system:
                continue
            if node is app and binding.key in screen_key_names:
                continue  # the screen's own binding for this key wins
            if node is app and screen.is_modal and not binding.priority:
                continue  # a modal screen only lets the app's priority bindings through
            if node is app and not app_binding_applies(screen, binding):
                continue  # "/" in a dialog, or where the screen binds it
            if binding.action in FOCUS_ACTIONS and not can_move_focus:
                continue  # nothing to move focus between on this screen
            key = (id(node), binding.action)
            display = app.get_key_display(binding)
            entry = found.get(key)
            if entry is None:
                found[key] = KeyHelp((display,), (binding.key,), binding.description,
                                     binding.action, node, _group(node, binding.action))
            elif binding.key not in entry.key_names:
                found[key] = KeyHelp(entry.keys + (display,), entry.key_names + (binding.key,),
                                     entry.description, entry.action, node, entry.group)
    return list(found.values())


def _bindings_of(node: DOMNode) -> list[Binding]:
    """The bindings ``node`` answers to, from the ``BINDINGS`` of its class and its bases (a
    subclass's binding for a key replaces its bases'), as Textual merges them."""
    by_key: dict[str, list[Binding]] = {}
    for cls in reversed(type(node).__mro__):
        declared = cls.__dict__.get("BINDINGS")
        if not declared:
            continue
        own: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(declared):
            own.setdefault(binding.key, []).append(binding)
        by_key.update(own)
    return [binding for bindings in by_key.values() for binding in bindings]


def grouped(keys: list[KeyHelp]) -> list[tuple[str, list[KeyHelp]]]:
    """Groups in first-seen order, the app-wide keys first and the general group last."""
    groups: dict[str, list[KeyHelp]] = {}
    for entry in keys:
        groups.setdefault(entry.group, []).append(entry)
    first = [(APP_GROUP, groups.pop(APP_GROUP))] if APP_GROUP in groups else []
    last = [(GENERAL_GROUP, groups.pop(GENERAL_GROUP))] if GENERAL_GROUP in groups else []
    return first + list(groups.items()) + last


def help_screen_for(screen: Screen[Any]) -> HelpScreen | None:
    """The help screen listing ``screen``'s keys; None when ``screen`` is the help itself."""
    from nlmg_tui.tui.screens.base import AppScreen
    from nlmg_tui.tui.screens.help import HelpScreen

    if isinstance(screen, HelpScreen):
        return None
    title = screen.HELP_TITLE if isinstance(screen, AppScreen) else "Keys"
    return HelpScreen(title, grouped(screen_keys(screen)))


def _group(node: DOMNode, action: str) -> str:
    if isinstance(node, App):
        return APP_GROUP
    groups: dict[str, tuple[str, ...]] = getattr(node, "KEY_GROUPS", {})
    for name, actions in groups.items():
        if action in actions:
            return name
    return GENERAL_GROUP
