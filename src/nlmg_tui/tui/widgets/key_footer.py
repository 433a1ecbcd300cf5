"""The footer: a screen's active keys on one line, drawn by one widget.

Textual's ``Footer`` mounts a widget per key and recomposes them all whenever the bindings
change (each screen opens with two or three such changes): opening the search screen spent
more time styling footer keys than anything else. ``KeyFooter`` keeps the same content (the
screen's shown bindings, a binding group's keys under one label, disabled keys dim, the command
palette key on the right) as one line of text, repainted when the bindings change. A click on
a key presses it; hovering a key highlights it and shows its tooltip. On a narrow terminal the
gaps shrink first, then whole entries are dropped from the end, never cut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widget import Widget


class FooterEntry(NamedTuple):
    """One entry: a key (or a group's keys) and its label."""

    keys: tuple[tuple[str, str], ...]
    """(key pressed on a click, key as shown), in order."""
    label: str
    enabled: bool = True
    tooltip: str = ""


class Target(NamedTuple):
    """Cells ``start`` to ``end`` of the line press ``key``."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


def footer_entries(active: Iterable[ActiveBinding],
                   key_display: Callable[[Binding], str],
                   palette_key: str | None) -> tuple[list[FooterEntry], FooterEntry | None]:
    """The entries Textual's footer would show, in its order (one per action; a group of
    several actions under one label), and the command palette's entry apart."""
    by_action: dict[str, list[ActiveBinding]] = {}
    palette: FooterEntry | None = None
    for found in active:
        if palette_key is not None and found.binding.key == palette_key:
            palette = FooterEntry(((found.binding.key, key_display(found.binding)),),
                                  found.binding.description, found.enabled,
                                  found.binding.tooltip or found.binding.description)
        if found.binding.show:
            by_action.setdefault(found.binding.action, []).append(found)
    entries: list[FooterEntry] = []
    firsts = [bindings[0] for bindings in by_action.values()]
    for group, members in groupby(firsts, lambda found: found.binding.group):
        grouped = list(members)
        if group is not None and len(grouped) > 1:
            entries.append(FooterEntry(
                tuple((f.binding.key, key_display(f.binding)) for f in grouped),
                group.description, any(f.enabled for f in grouped),
                " · ".join(f.tooltip or f.binding.description for f in grouped)))
        else:
            entries.extend(FooterEntry(((f.binding.key, key_display(f.binding)),),
                                       f.binding.description, f.enabled, f.tooltip)
                           for f in grouped)
    return entries, palette


def _entry_width(entry: FooterEntry) -> int:
    keys = sum(cell_len(shown) for _, shown in entry.keys) + len(entry.keys) - 1
    return keys + (1 + cell_len(entry.label) if entry.label else 0)


def footer_line(entries: list[FooterEntry], palette: FooterEntry | None, width: int,
                key_style: Style, hover: int | None = None,
                hover_style: Style | None = None) -> tuple[Text, list[Target]]:
    """The line (``width`` cells) and where each key sits on it. Gaps of two cells, one when
    two don't fit; entries that still don't fit are dropped whole from the end."""
    right = _entry_width(palette) + 3 if palette else 0  # " ▏" before it, a space after
    room = width - 1 - right
    widths = [_entry_width(entry) for entry in entries]
    gap = 2
    if sum(widths) + gap * max(0, len(widths) - 1) > room:
        gap = 1
    shown: list[FooterEntry] = []
    used = 0
    for entry, entry_width in zip(entries, widths, strict=True):
        needed = entry_width + (gap if shown else 0)
        if used + needed > room:
            break
        shown.append(entry)
        used += needed
    line = Text(" ", end="", no_wrap=True, overflow="crop")
    targets: list[Target] = []
    for number, entry in enumerate(shown):
        if number:
            line.append(" " * gap)
        _append_entry(line, entry, targets, key_style, hover, hover_style)
    if palette is not None and width - line.cell_len >= right:
        line.append(" " * (width - line.cell_len - right))
        line.append(" ▏", style="dim")
        _append_entry(line, palette, targets, key_style, hover, hover_style)
        line.append(" ")
    return line, targets


def _append_entry(line: Text, entry: FooterEntry, targets: list[Target], key_style: Style,
                  hover: int | None, hover_style: Style | None) -> None:
    start = line.cell_len
    for number, (key, shown) in enumerate(entry.keys):
        if number:
            line.append(" ")
        key_start = line.cell_len
        line.append(shown, style=key_style)
        targets.append(Target(key_start, line.cell_len, key, entry.enabled,
                              entry.tooltip or entry.label))
    if entry.label:
        line.append(" " + entry.label)
    if not entry.enabled:
        line.stylize("dim", start)
    if hover is not None and hover_style is not None:
        for target in targets[len(targets) - len(entry.keys):]:
            if target.start <= hover < target.end:
                line.stylize(hover_style, start)


class KeyFooter(Widget):
    """The screen's keys on one line at the bottom (see the module's docstring)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--hover"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        .key-footer--key {
            color: $footer-key-foreground;
            text-style: bold;
        }
        .key-footer--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._targets: list[Target] = []
        self._hover: Target | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen) -> None:
        self.refresh()

    def entries(self) -> tuple[list[FooterEntry], FooterEntry | None]:
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        return footer_entries(self.screen.active_bindings.values(), app.get_key_display,
                              palette)

    def shown_keys(self) -> list[str]:
        """The keys a click on the line can press, as drawn now."""
        return [target.key for target in self._targets]

    def render(self) -> Text:
        entries, palette = self.entries()
        line, self._targets = footer_line(
            entries, palette, self.size.width, self.get_component_rich_style("key-footer--key"),
            self._hover.start if self._hover else None,
            self.get_component_rich_style("key-footer--hover"))
        return line

    def _target_at(self, x: int) -> Target | None:
        return next((t for t in self._targets if t.start <= x < t.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        target = self._target_at(event.x)
        if target != self._hover:
            self._hover = target
            self.tooltip = target.tooltip if target else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        target = self._target_at(event.x)
        if target is None:
            return
        event.stop()
        if target.enabled:
            self.app.simulate_key(target.key)
        else:
            self.app.bell()
