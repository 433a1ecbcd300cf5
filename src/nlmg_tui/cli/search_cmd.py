"""`nlmg-tui search QUERY`: the search index from the command line, the user's bookmark notes
included (a bookmarks file that can't be read leaves them out with a warning)."""

from __future__ import annotations

import re
import sys

import click
from rich.table import Table
from rich.text import Text

from nlmg_tui.cli.context import AppContext, emit, print_json
from nlmg_tui.cli.corpus_cmds import load_or_fail
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.search import (
    FIELD_GROUPS,
    NotesIndex,
    SearchIndex,
    SearchResult,
    build_notes_index,
    search_with_notes,
)
from nlmg_tui.search.render import snippet_text
from nlmg_tui.search.results import Hit
from nlmg_tui.textsafety import one_line

_IMPORTED_ID = re.compile(r"imp-[0-9a-f]{6,64}")
"""What ``importer.pipeline.imported_id`` makes; nothing else is used as a file name."""


def review_label(corpus: Corpus, review_id: str) -> str:
    review = corpus.get(review_id)
    short = labels.short_id(review_id)
    return f"{short} {labels.review_name(review)}" if review else short


def where_label(hit: Hit) -> str:
    """The "where" column: ``p3``, ``comment 4``, or for a note ``p3, bookmark 0d20c1a2``."""
    if hit.bookmark_id is not None:
        return one_line(f"{hit.paragraph_id or 'note'}, bookmark {hit.bookmark_id[:8]}")
    return one_line(hit.document.location)


def load_index_or_corpus() -> tuple[SearchIndex, Corpus | None]:
    """The cached index when it is current (no review file parsed: the corpus is None), else
    the corpus loaded and indexed (and the index cached for next time)."""
    from nlmg_tui.search.index_cache import cache_file, corpus_key, index_for_corpus, load_index

    data_dir = data_dir_option()
    index = load_index(corpus_key(data_dir), cache_file(data_dir))
    if index is not None:
        return index, None
    corpus = load_or_fail()
    return index_for_corpus(corpus, data_dir), corpus


def reviews_named(review_ids: set[str]) -> Corpus:
    """The bundled reviews plus the named imported ones (for labels), read one file each."""
    from nlmg_tui.importer.store import ImportedReviews

    bundled = load_or_fail(with_imports=False)
    store = ImportedReviews(data_dir_option())
    found = [store.load(rid) for rid in sorted(review_ids) if _IMPORTED_ID.fullmatch(rid)]
    return Corpus(bundled.reviews + tuple(r for r in found if r is not None))


def warn(message: str) -> None:
    click.echo(f"nlmg-tui: warning: {one_line(message)}", err=True)


def data_dir_option() -> str | None:
    context = click.get_current_context().find_object(AppContext)
    return context.data_dir if context else None


def load_notes(corpus: Corpus | None) -> NotesIndex | None:
    """The user's bookmark notes as an index; None (with a warning) when they can't be read.
    Without ``corpus`` (the index came from the cache) only the bookmarked reviews are read."""
    from nlmg_tui.library.errors import LibraryError
    from nlmg_tui.library.library import Library

    try:
        library = Library(data_dir_option())
    except (LibraryError, OSError) as error:
        warn(f"Bookmark notes not searched: {error}")
        return None
    try:
        bookmarks = library.bookmarks()
        if corpus is None:
            corpus = reviews_named({b.review_id for b in bookmarks})
        return build_notes_index(bookmarks, corpus)
    except (LibraryError, OSError) as error:
        warn(f"Bookmark notes not searched: {error}")
        return None
    finally:
        for notice in library.take_notices():
            warn(notice)


def results_table(result: SearchResult, corpus: Corpus) -> Table:
    table = Table(title_justify="left", show_lines=False)
    table.add_column("score", justify="right")  # relevance: it differs where match quality ties
    table.add_column("field")
    table.add_column("review")
    table.add_column("where")
    table.add_column("snippet", overflow="fold")
    for hit in result.hits:
        table.add_row(
            Text(str(hit.relevance)),
            Text(hit.field),
            Text(review_label(corpus, hit.review_id)),
            Text(where_label(hit)),
            snippet_text(hit),
        )
    return table


class QueryCommand(click.Command):
    """Takes every word that is not one of its options as query text, so `-depressing` (a
    negated word) is not read as a cluster of short options such as `-h`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = {"--in", "--limit"}
        flags = {"--json", "--help", "-h"}
        options: list[str] = []
        words: list[str] = []
        position = 0
        while position < len(args):
            arg = args[position]
            if arg == "--":
                words.extend(args[position + 1:])
                break
            name = arg.split("=", 1)[0]
            if arg in flags:
                options.append(arg)
            elif name in takes_value:
                options.append(arg)
                if "=" not in arg and position + 1 < len(args):
                    position += 1
                    options.append(args[position])
            else:
                words.append(arg)
            position += 1
        return super().parse_args(ctx, [*options, "--", *words])


@click.command("search", cls=QueryCommand)
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--in",
    "field",
    type=click.Choice(sorted(FIELD_GROUPS), case_sensitive=False),
    default=None,
    metavar="FIELD",
    help="Only this field, as in:FIELD does: comments, quotes, paragraphs, critic, outlet, "
    "headline or notes.",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Most hits to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
def search_command(query: tuple[str, ...], field: str | None, limit: int, as_json: bool) -> None:
    """Search critics, quotes, passages, comments and your bookmark notes; typos and word
    order are forgiven.

    QUERY words may be quoted "exact phrases", 'literal text, ^prefixes, -left-out words, and
    filters critic:NAME outlet:NAME review:ID in:comments|quotes|paragraphs|notes. A note's
    tags are searched as #tag words. Exit status 1 when nothing matched.
    """
    index, corpus = load_index_or_corpus()
    notes = load_notes(corpus)
    fields = FIELD_GROUPS[field.lower()] if field else None
    text = " ".join(query)
    # A query ending in a space means "these words are complete": no completions of the last.
    result = search_with_notes(index, notes, text + " ", limit=limit, fields=fields)
    for note in result.notes:
        click.echo(f"nlmg-tui: note: {one_line(note)}", err=True)
    if as_json:
        print_json([hit.to_json() for hit in result.hits])
    elif result.hits:
        if corpus is None:
            corpus = reviews_named({hit.review_id for hit in result.hits})
        emit(results_table(result, corpus))
    if not result.hits:
        click.echo(f"nlmg-tui: no matches for {one_line(text)!r}", err=True)
        sys.exit(1)
