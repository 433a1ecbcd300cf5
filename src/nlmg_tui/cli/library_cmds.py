"""`bookmarks` and `watchlist`: the user's library from the command line (for scripts too)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from nlmg_tui.atomic_file import write_atomically
from nlmg_tui.cli.context import AppContext, emit, fail, print_json
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.film_titles import FilmTitle, exact_film, known_films, near_film
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.corpus.store import CorpusError, find_review, load_corpus
from nlmg_tui.ids import IdPrefixError, resolve_id_prefix
from nlmg_tui.library import (
    Library,
    LibraryError,
    WatchlistEntry,
    anchor_bookmarks,
    passage_from_review,
    sentence_spans,
)
from nlmg_tui.library.exchange import (
    attribution,
    bookmarks_to_json,
    bookmarks_to_markdown,
    read_bookmark_export,
)
from nlmg_tui.textsafety import one_line

QUOTE_WIDTH = 70


def warn(message: str) -> None:
    click.echo(f"nlmg-tui: warning: {one_line(message)}", err=True)


@contextmanager
def open_library() -> Iterator[Library]:
    """The Library for the root ``--data-dir`` (or $NLMG_TUI_DATA_DIR); LibraryErrors become
    one-line failures and notices (a damaged file moved aside...) are printed as warnings."""
    context = click.get_current_context().find_object(AppContext)
    library = Library(context.data_dir if context else None)
    try:
        yield library
    except LibraryError as error:
        for notice in library.take_notices():
            warn(notice)
        fail(str(error))
    for notice in library.take_notices():
        warn(notice)


def corpus_or_none() -> Corpus | None:
    try:
        return load_corpus()
    except CorpusError as error:
        warn(f"{error} Attribution is left out.")
        return None


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


# -- bookmarks ---------------------------------------------------------------------------------


@click.group("bookmarks")
def bookmarks_group() -> None:
    """Bookmarked passages: list, add, remove, export and import."""


@bookmarks_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the bookmarks as JSON.")
@click.option("--tag", "tag", default=None, help="Only bookmarks with this tag.")
def bookmarks_list(as_json: bool, tag: str | None) -> None:
    """List bookmarks with critic, quote, note and tags; orphans are marked."""
    with open_library() as library:
        bookmarks = library.bookmarks()
    if tag:
        bookmarks = [b for b in bookmarks if tag.casefold() in (t.casefold() for t in b.tags)]
    corpus = corpus_or_none()
    anchors = anchor_bookmarks(bookmarks, corpus) if corpus else {}
    if as_json:
        records = []
        for bookmark in bookmarks:
            record = bookmark.to_doc()
            if corpus is not None:
                record["attribution"] = attribution(corpus.get(bookmark.review_id), bookmark.review_id)
                record["orphan"] = anchors[bookmark.id] is None
            records.append(record)
        print_json(records)
        return
    if not bookmarks:
        click.echo("No bookmarks yet. Add one with `nlmg-tui bookmarks add REVIEW_ID PARAGRAPH_ID`.")
        return
    table = Table(title=f"Bookmarks ({len(bookmarks)})", title_justify="left")
    for column in ("id", "review", "para", "critic", "quote", "note", "tags"):
        table.add_column(column)
    for bookmark in bookmarks:
        review = corpus.get(bookmark.review_id) if corpus else None
        critic = labels.review_name(review) if review else ""
        place = bookmark.paragraph_id
        if corpus is not None and anchors.get(bookmark.id) is None:
            place += " (orphan)"
        table.add_row(
            Text(bookmark.id[:8]),
            Text(labels.short_id(bookmark.review_id)),
            Text(one_line(place)),
            Text(critic),
            Text(shorten(bookmark.quote)),
            Text(shorten(bookmark.note, 30)),
            Text(one_line(", ".join(bookmark.tags))),
        )
    emit(table)


@bookmarks_group.command("add")
@click.argument("review_id")
@click.argument("paragraph_id")
@click.option(
    "--sentence",
    type=click.IntRange(min=1),
    default=None,
    help="Bookmark only the Nth sentence of the paragraph.",
)
@click.option("--note", default="", help="A note to keep with the passage.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeat for more).")
def bookmarks_add(
    review_id: str, paragraph_id: str, sentence: int | None, note: str, tags: tuple[str, ...]
) -> None:
    """Bookmark a paragraph (or one sentence of it) of a review (id or prefix such as 002)."""
    try:
        corpus = load_corpus()
    except CorpusError as error:
        fail(str(error))
    review = find_review(corpus, review_id)
    if review is None:
        fail(f"no review with id {review_id!r}; see `nlmg-tui reviews`")
    with open_library() as library:
        start = end = None
        if sentence is not None:
            paragraph = review.paragraph(paragraph_id)
            spans = sentence_spans(paragraph.text) if paragraph else []
            if sentence > len(spans):
                fail(f"paragraph {paragraph_id} has {len(spans)} sentence(s), not {sentence}")
            start, end = spans[sentence - 1]
        passage = passage_from_review(review, paragraph_id, start, end)
        added = library.bookmark_passage(passage, note=note, tags=tags)
    verb = "Bookmarked" if added.created else "Already bookmarked"
    click.echo(f"{verb} {added.item.id}: {shorten(added.item.quote)}")


def resolve_bookmark_id(library: Library, prefix: str) -> str:
    try:
        return resolve_id_prefix(prefix, (b.id for b in library.bookmarks()), "bookmark")
    except IdPrefixError as error:
        fail(str(error))


@bookmarks_group.command("remove")
@click.argument("bookmark_id")
def bookmarks_remove(bookmark_id: str) -> None:
    """Delete a bookmark by id (or a unique id prefix, as `list` shows)."""
    with open_library() as library:
        removed = library.delete_bookmark(resolve_bookmark_id(library, bookmark_id))
    click.echo(f"Removed {removed.id}: {shorten(removed.quote)}")


@bookmarks_group.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Markdown to read, JSON to import again.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE (replaced atomically) instead of standard output.",
)
def bookmarks_export(fmt: str, output: Path | None) -> None:
    """Export bookmarks with their attribution (critic, outlet, date) and notes."""
    with open_library() as library:
        bookmarks = library.bookmarks()
    corpus = corpus_or_none()
    text = (bookmarks_to_markdown if fmt == "md" else bookmarks_to_json)(bookmarks, corpus)
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    try:
        write_atomically(output, text.encode("utf-8"))
    except OSError as error:
        fail(f"could not write {output}: {error.strerror or type(error).__name__}")
    click.echo(f"Exported {len(bookmarks)} bookmark(s) to {output}", err=True)


@bookmarks_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
def bookmarks_import(file: Path) -> None:
    """Import a JSON export; bookmarks already present are not duplicated."""
    with open_library() as library:
        result = library.import_bookmarks(read_bookmark_export(file))
    click.echo(f"Imported {result.added} new, updated {result.updated}, {result.unchanged} already present.")


# -- watchlist ---------------------------------------------------------------------------------


@click.group("watchlist", invoke_without_command=True)
@click.pass_context
def watchlist_group(ctx: click.Context) -> None:
    """Films to watch (and watched ones, rated): add, remove, watched, rate, list.
    With no command, lists them."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(watchlist_list, as_json=False)


def entry_or_fail(library: Library, title: str, year: int | None) -> WatchlistEntry:
    entry = library.find_film(title, year)
    if entry is None:
        suggestions = library.suggest_titles(title)
        hint = f" (did you mean: {'; '.join(suggestions)}?)" if suggestions else ""
        fail(f"{title!r} is not on the watchlist{hint}")
    return entry


def describe(entry: WatchlistEntry) -> str:
    year = f" ({entry.year})" if entry.year else ""
    return one_line(f"{entry.title}{year}")


YEAR = click.option(
    "--year", type=click.IntRange(1870, 2100), default=None, help="Release year (tells remakes apart)."
)


def settle_title(
    title: str, year: int | None, listed: list[FilmTitle], accept: bool, as_typed: bool
) -> FilmTitle:
    """The title to add: a film the gazetteer knows gets its year; a near miss of a known or
    listed film is offered (asked on a terminal; otherwise --yes or --as-typed decides)."""
    from nlmg_tui.corpus.gazetteer import GazetteerError, default_gazetteer

    try:
        known = known_films(default_gazetteer())
    except GazetteerError:
        known = []
    exact = exact_film(title, [*listed, *known])
    if exact is not None:  # the user's spelling stays; the year is filled in
        return FilmTitle(title, year or exact.year)
    near = None if as_typed else near_film(title, [*listed, *known])
    if near is None:
        return FilmTitle(title, year)
    question = f"Did you mean {one_line(near.label)!r}?"
    interactive = sys.stdin.isatty()
    if accept or (interactive and click.confirm(question, default=True)):
        return FilmTitle(near.title, year or near.year)
    if interactive:
        return FilmTitle(title, year)
    fail(f"{question} Run again with --yes to add it, or --as-typed to add {one_line(title)!r}")


@watchlist_group.command("add")
@click.argument("title")
@YEAR
@click.option("--note", default="", help="A note.")
@click.option("--yes", "accept", is_flag=True, help="Take the suggested title when yours looks mistyped.")
@click.option("--as-typed", is_flag=True, help="Add the title exactly as typed, no suggestion.")
def watchlist_add(title: str, year: int | None, note: str, accept: bool, as_typed: bool) -> None:
    """Add a film to watch (any title; the same film twice is not duplicated). A film the
    reviews mention gets its year; a title that looks mistyped is offered its correction."""
    with open_library() as library:
        listed = [FilmTitle(entry.title, entry.year) for entry in library.watchlist()]
        film = settle_title(title, year, listed, accept, as_typed)
        added = library.add_film(film.title, film.year, note)
    verb = "Added" if added.created else "Already on the watchlist:"
    click.echo(f"{verb} {describe(added.item)}")


@watchlist_group.command("remove")
@click.argument("title")
@YEAR
def watchlist_remove(title: str, year: int | None) -> None:
    """Remove a film from the watchlist."""
    with open_library() as library:
        removed = library.remove_film(entry_or_fail(library, title, year).id)
    click.echo(f"Removed {describe(removed)}")


@watchlist_group.command("watched")
@click.argument("title")
@YEAR
@click.option("--rating", type=float, default=None, help="Your rating, 0 to 5.")
@click.option("--on", "watched_on", default=None, help="Date watched, YYYY-MM-DD (default today).")
@click.option("--add", "add_missing", is_flag=True, help="Add the film first if it isn't listed.")
def watchlist_watched(
    title: str, year: int | None, rating: float | None, watched_on: str | None, add_missing: bool
) -> None:
    """Mark a film watched, optionally with a rating."""
    with open_library() as library:
        if add_missing:
            entry = library.add_film(title, year).item
        else:
            entry = entry_or_fail(library, title, year)
        if rating is None:
            entry = library.mark_watched(entry.id, watched_on)
        else:
            entry = library.mark_watched(entry.id, watched_on, rating=rating)
    rated = f", rated {entry.rating}/5" if entry.rating is not None else ""
    click.echo(f"Watched {describe(entry)} on {entry.watched_on}{rated}")


@watchlist_group.command("rate")
@click.argument("title")
@click.argument("rating", type=float)
@YEAR
def watchlist_rate(title: str, rating: float, year: int | None) -> None:
    """Rate a film on the watchlist, 0 to 5."""
    with open_library() as library:
        entry = library.rate_film(entry_or_fail(library, title, year).id, rating)
    click.echo(f"Rated {describe(entry)} {entry.rating}/5")


@watchlist_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
def watchlist_list(as_json: bool) -> None:
    """List the watchlist: title, year, status, date watched, rating, note."""
    with open_library() as library:
        entries = library.watchlist()
    if as_json:
        print_json([entry.to_doc() for entry in entries])
        return
    if not entries:
        click.echo("The watchlist is empty. Add a film with `nlmg-tui watchlist add TITLE`.")
        return
    table = Table(title=f"Watchlist ({len(entries)})", title_justify="left")
    for column in ("title", "year", "status", "watched", "rating", "note"):
        table.add_column(column)
    for entry in entries:
        table.add_row(
            Text(one_line(entry.title)),
            Text(str(entry.year or "")),
            Text(entry.status),
            Text(entry.watched_on or ""),
            Text("" if entry.rating is None else f"{entry.rating}/5"),
            Text(shorten(entry.note, 30)),
        )
    emit(table)
