"""Command palette providers: open any review, and run the current screen's actions.

Matching uses rapidfuzz on short strings, never Textual's combinatorial matcher on review
text, and displays are ``Text`` built from plain strings (``Matcher.highlight`` parses markup).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from rapidfuzz import fuzz
from rich.text import Text
from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

from nlmg_tui.corpus import labels
from nlmg_tui.tui.key_help import KeyHelp, screen_keys
from nlmg_tui.tui.typed_app import nlmg_app

QUERY_MAX_CHARS = 100
MIN_SCORE = 60.0


def match(query: str, candidate: str) -> tuple[float, Text]:
    """Score 0..100 of ``query`` against ``candidate``, and the candidate with the match styled."""
    query = query[:QUERY_MAX_CHARS].casefold().strip()
    display = Text(candidate)
    if not query:
        return 0.0, display
    alignment = fuzz.partial_ratio_alignment(query, candidate.casefold())
    if alignment is None:
        return 0.0, display
    if alignment.score >= MIN_SCORE:
        display.stylize("reverse", alignment.dest_start, alignment.dest_end)
    return alignment.score, display


Command = tuple[str, Callable[[], object], str]
"""A palette entry: its name, what it runs, and a line of help."""


class ListedCommands(Provider):
    """A provider over a short list of named commands, matched with ``match``."""

    def _commands(self) -> list[Command]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        for name, command, help_text in self._commands():
            score, display = match(query, name)
            if score >= MIN_SCORE:
                yield Hit(score / 100, display, command, text=name, help=help_text)


class ReviewCommands(ListedCommands):
    """``Read: critic · outlet — headline`` (and ``Comments: …``) for every review."""

    def _commands(self) -> list[Command]:
        app = nlmg_app(self)
        commands: list[Command] = []
        for review in app.corpus.reviews:
            name = " — ".join(p for p in (labels.short_title(review),
                                          labels.headline_after_name(review)) if p)
            commands.append((f"Read: {name}", partial(app.open_reader, review.id),
                             "Open this review in the reader"))
            if review.comments:
                commands.append((f"Comments: {name}",
                                 partial(app.open_comments, review.id),
                                 f"{len(review.comments)} reader comments"))
        return commands

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            if name.startswith("Read: "):
                yield DiscoveryHit(Text(name), command, text=name, help=help_text)


class ScreenCommands(Provider):
    """Every key action of the screen the palette was opened on (as listed by ``?``)."""

    def _entries(self) -> list[KeyHelp]:
        return [entry for entry in screen_keys(self.screen)
                if entry.action not in {"command_palette", "app.command_palette"}]

    def _run(self, entry: KeyHelp) -> Callable[[], object]:
        return partial(self.app.run_action, entry.action, entry.node)

    def _name(self, entry: KeyHelp) -> str:
        return f"{entry.description} ({', '.join(entry.keys)})"

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(Text(self._name(entry)), self._run(entry), text=self._name(entry),
                               help=entry.group)

    async def search(self, query: str) -> Hits:
        for entry in self._entries():
            score, display = match(query, self._name(entry))
            if score >= MIN_SCORE:
                yield Hit(score / 100, display, self._run(entry), text=self._name(entry),
                          help=entry.group)


class CompareCommands(ListedCommands):
    """``Compare: A with B`` for every pair of reviews, and ``Topic map``."""

    def _commands(self) -> list[Command]:
        app = nlmg_app(self)
        commands: list[Command] = [
            ("Topic map: where the critics agree", app.open_topics,
             "For each topic: who addresses it, a quote and the tone"),
            ("Timeline: the reception by date", app.open_timeline,
             "Reviews by publication date with rating and tone; the premiere marked"),
        ]
        reviews = app.corpus.reviews
        for index, left in enumerate(reviews):
            for right in reviews[index + 1:]:
                name = (f"Compare: {labels.short_title(left)} with "
                        f"{labels.short_title(right)}")
                commands.append((name, partial(app.open_compare, left.id, right.id),
                                 "The two reviews side by side, passage by passage"))
        return commands

    async def discover(self) -> Hits:
        name, command, help_text = self._commands()[0]
        yield DiscoveryHit(Text(name), command, text=name, help=help_text)


def export_bookmarks(app: App[Any]) -> None:
    """Ask for a format and a file, then export (the module loads on first use)."""
    from nlmg_tui.tui.widgets.bookmark_export import ask_export

    ask_export(app)


class LibraryCommands(ListedCommands):
    """``Bookmarks``, ``Watchlist`` and ``Mentions``: the user's library and who the reviews name."""

    def _commands(self) -> list[Command]:
        app = nlmg_app(self)
        return [
            ("Bookmarks: saved passages and notes", app.open_bookmarks,
             "Every bookmarked passage; search, tag, edit notes (B)"),
            ("Watchlist: films to watch", app.open_watchlist,
             "Films the critics mention, and any you add (W)"),
            ("Mentions: people and films the reviews name", app.open_mentions,
             "With counts and the passages naming them (M)"),
            ("Export bookmarks… (Markdown or JSON)", partial(export_bookmarks, app),
             "To a file you choose; a toast names it (E on the Bookmarks screen)"),
        ]

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(Text(name), command, text=name, help=help_text)


class SearchCommands(ListedCommands):
    """``Search…`` (``/``), and ``Search again: …`` for each of this session's searches."""

    def _commands(self) -> list[Command]:
        app = nlmg_app(self)
        commands: list[Command] = [
            ("Search…", app.open_search,
             "Critics, outlets, headlines, quotes, passages and comments (/)"),
        ]
        for query in app.search.history:
            commands.append((f"Search again: {query}", partial(app.open_search, query),
                             "A search from this session"))
        return commands

    async def discover(self) -> Hits:
        name, command, help_text = self._commands()[0]
        yield DiscoveryHit(Text(name), command, text=name, help=help_text)

