"""The keys a screen answers to, grouped: shared by the help screen and the command palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

GENERAL_GROUP = "General"
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


def screen_keys(screen: Screen[object]) -> list[KeyHelp]:
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
        # ``_bindings`` is Textual's merged, keymap-applied map of a node's BINDINGS.
        for binding in _bindings_of(node):
            if not binding.description or binding.system:
                continue
            if node is app and binding.key in screen_key_names:
                continue  # the screen's own binding for this key wins
            if node is app and screen.is_modal and not binding.priority:
                continue  # a modal screen only lets the app's priority bindings through
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
    return [binding for bindings in node._bindings.key_to_bindings.values()
            for binding in bindings]


def grouped(keys: list[KeyHelp]) -> list[tuple[str, list[KeyHelp]]]:
    """Groups in first-seen order; the general group last."""
    groups: dict[str, list[KeyHelp]] = {}
    for entry in keys:
        groups.setdefault(entry.group, []).append(entry)
    ordered = [(name, entries) for name, entries in groups.items() if name != GENERAL_GROUP]
    if GENERAL_GROUP in groups:
        ordered.append((GENERAL_GROUP, groups[GENERAL_GROUP]))
    return ordered


def _group(node: DOMNode, action: str) -> str:
    groups: dict[str, tuple[str, ...]] = getattr(node, "KEY_GROUPS", {})
    for name, actions in groups.items():
        if action in actions:
            return name
    return GENERAL_GROUP
