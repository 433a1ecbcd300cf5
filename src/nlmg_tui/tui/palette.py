"""The command palette's providers, each imported on first use (the first frame needs none)."""

from __future__ import annotations

from textual.command import Provider


def review_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import ReviewCommands

    return ReviewCommands


def screen_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import ScreenCommands

    return ScreenCommands


def compare_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import CompareCommands

    return CompareCommands


def search_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import SearchCommands

    return SearchCommands


def library_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import LibraryCommands

    return LibraryCommands


PALETTE_PROVIDERS = {review_commands, screen_commands, compare_commands, library_commands,
                     search_commands}
