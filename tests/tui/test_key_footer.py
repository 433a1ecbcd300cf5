"""The one-widget footer: what it shows (Textual's footer's content), how it fits a narrow
terminal, and that a click on a key presses it."""

from __future__ import annotations

from rich.style import Style
from textual.binding import ActiveBinding, Binding
from textual.widget import Widget

from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.widgets.key_footer import FooterEntry, KeyFooter, footer_entries, footer_line

MOVE = Binding.Group("Move")
NODE = Widget()


def active(binding: Binding, enabled: bool = True) -> ActiveBinding:
    return ActiveBinding(NODE, binding, enabled, binding.tooltip)


def shown(binding: Binding) -> str:
    return binding.key_display or binding.key


def test_entries_follow_textual_footer_rules() -> None:
    bindings = [
        active(Binding("o", "open", "Read")),
        active(Binding("enter", "open", "Read")),  # same action: one entry, the first key
        active(Binding("j", "down", "Down", group=MOVE)),
        active(Binding("k", "up", "Up", group=MOVE)),
        active(Binding("x", "hidden", "Hidden", show=False)),
        active(Binding("d", "delete", "Delete"), enabled=False),
        active(Binding("ctrl+p", "command_palette", "Commands", show=False)),
    ]
    entries, palette = footer_entries(bindings, shown, "ctrl+p")
    assert entries == [
        FooterEntry((("o", "o"),), "Read"),
        FooterEntry((("j", "j"), ("k", "k")), "Move", True, "Down · Up"),
        FooterEntry((("d", "d"),), "Delete", False),
    ]
    assert palette == FooterEntry((("ctrl+p", "ctrl+p"),), "Commands", True, "Commands")


def test_a_line_with_room_has_wide_gaps_and_the_palette_on_the_right() -> None:
    entries = [FooterEntry((("o", "o"),), "Read"), FooterEntry((("j", "j"), ("k", "k")), "Move")]
    palette = FooterEntry((("ctrl+p", "^p"),), "Commands")
    line, targets = footer_line(entries, palette, 60, Style(bold=True))
    assert line.plain.startswith(" o Read  j k Move ")
    assert line.plain.endswith("▏^p Commands ") and line.cell_len == 60
    assert [(t.key, line.plain[t.start:t.end]) for t in targets] == [
        ("o", "o"), ("j", "j"), ("k", "k"), ("ctrl+p", "^p")]


def test_a_narrow_line_tightens_gaps_then_drops_whole_entries() -> None:
    entries = [FooterEntry(((k, k),), label) for k, label in
               (("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie"), ("d", "Delta"))]
    wide, _ = footer_line(entries, None, 40, Style())
    assert wide.plain.rstrip() == " a Alpha  b Bravo  c Charlie  d Delta"
    tight, _ = footer_line(entries, None, 34, Style())
    assert tight.plain.rstrip() == " a Alpha b Bravo c Charlie d Delta"
    cut, targets = footer_line(entries, None, 26, Style())
    assert cut.plain.rstrip() == " a Alpha b Bravo c Charlie"
    assert [t.key for t in targets] == ["a", "b", "c"]


def test_a_disabled_entry_is_dim() -> None:
    line, _ = footer_line([FooterEntry((("d", "d"),), "Delete", False)], None, 20, Style())
    assert any(span.style == "dim" for span in line.spans)


async def test_the_footer_shows_the_screens_keys_and_a_click_presses_one(app) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        text = str(footer.render())
        for entry in ("o Read", "c Comments", "j k Move", "q Quit", "^p Commands"):
            assert entry in text, text
        assert isinstance(app.screen, BrowseScreen)
        target = next(t for t in footer._targets if t.key == "o")
        await pilot.click(KeyFooter, offset=(target.start, 0))
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "q Back" in str(app.screen.query_one(KeyFooter).render())


async def test_hovering_a_key_names_it_in_a_tooltip(app) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        footer.render()
        target = next(t for t in footer._targets if t.key == "s")
        await pilot.hover(KeyFooter, offset=(target.start, 0))
        await pilot.pause()
        assert footer.tooltip == target.tooltip and footer.tooltip
        await pilot.hover(offset=(1, 1))
        await pilot.pause()
        assert footer.tooltip is None
