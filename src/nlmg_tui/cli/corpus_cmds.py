"""`reviews`, `show` and `corpus build|check`: the corpus from the command line."""

from __future__ import annotations

from pathlib import Path

import click
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from nlmg_tui import paths
from nlmg_tui.cli.context import AppContext, emit, fail, print_json
from nlmg_tui.cli.spoilers import SPOILERS, hidden_bar, hidden_levels, hidden_note
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.render import review_renderable
from nlmg_tui.corpus.store import CorpusError, corpus_text, find_review, load_corpus, save_corpus
from nlmg_tui.textsafety import one_line


def load_or_fail(with_imports: bool = True) -> Corpus:
    """The bundled corpus plus the user's imports (notices go to stderr)."""
    from nlmg_tui.importer.store import load_full_corpus

    try:
        if not with_imports:
            return load_corpus()
        context = click.get_current_context().find_object(AppContext)
        corpus, notices = load_full_corpus(context.data_dir if context else None)
    except CorpusError as error:
        fail(str(error))
    for notice in notices:
        click.echo(f"nlmg-tui: {one_line(notice)}", err=True)
    return corpus


def reviews_table(corpus: Corpus) -> Table:
    table = Table(title="Never Let Me Go (2010): reviews", title_justify="left")
    widest_id = max((cell_len(review.id) for review in corpus.reviews), default=2)
    table.add_column("id", min_width=widest_id, no_wrap=True)  # whole ids: scripts pass them on
    widest_critic = max((cell_len(review.critic or "") for review in corpus.reviews), default=6)
    table.add_column("critic", min_width=min(20, widest_critic))  # names wrap last
    table.add_column("outlet")
    for column in ("date", "rating", "words"):
        table.add_column(column, justify="right" if column == "words" else "left")
    for review in corpus.reviews:
        table.add_row(
            Text(review.id),
            Text(labels.review_name(review)),
            Text(labels.outlet_name(review)),
            Text(labels.date_label(review)),
            Text(labels.rating_label(review)),
            Text(str(review.word_count)),
        )
    return table


@click.command("reviews")
@click.option("--json", "as_json", is_flag=True, help="Print the reviews as JSON.")
def reviews_command(as_json: bool) -> None:
    """List the reviews: critic, outlet, date, rating and length."""
    corpus = load_or_fail()
    if as_json:
        print_json([review.to_json() for review in corpus.reviews])
    else:
        emit(reviews_table(corpus))


def resolve(corpus: Corpus, review_id: str) -> Review:
    review = find_review(corpus, review_id)
    if review is None:
        known = ", ".join(labels.short_id(r.id) for r in corpus.reviews)
        fail(f"no review with id {review_id!r} (known: {known})")
    return review


@click.command("show")
@click.argument("review_id")
@click.option("--json", "as_json", is_flag=True, help="Print the review as JSON.")
@SPOILERS
def show_command(review_id: str, as_json: bool, show_spoilers: bool) -> None:
    """Show one review (an id or a unique id prefix such as 002); passages that give the story
    away are hidden unless --spoilers."""
    review = resolve(load_or_fail(), review_id)
    hidden = hidden_levels(review, show_spoilers)
    if as_json:
        data = review.to_json()
        for paragraph in data["paragraphs"]:
            if paragraph["id"] in hidden:
                paragraph["text"] = None
                paragraph["spoiler_hidden"] = hidden[paragraph["id"]]
        print_json(data)
    else:
        emit(review_renderable(review, hidden, hidden_bar))
    if hidden:
        click.echo(f"nlmg-tui: {hidden_note(len(hidden))}", err=True)


@click.group("corpus")
def corpus_group() -> None:
    """Build or check the structured corpus from the raw pages."""


@click.command("build")
@click.option(
    "--raw",
    "raw_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of raw pages (default: the bundled data/raw).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the corpus JSON (default: data/corpus.json).",
)
def build_command(raw_dir: Path | None, output: Path | None) -> None:
    """Clean the raw pages and write the corpus JSON."""
    from nlmg_tui.corpus.build import build_corpus, save_derived

    corpus = build_corpus(raw_dir or paths.raw_dir())
    target = output or paths.corpus_file()
    save_corpus(corpus, target)
    derived = target.with_name(paths.derived_file().name)
    save_derived(corpus, derived)
    click.echo(f"wrote {len(corpus.reviews)} reviews to {target} (derived data: {derived.name})")


@click.command("check")
def check_command() -> None:
    """Rebuild in memory and fail if the checked-in corpus has drifted."""
    from nlmg_tui.corpus.build import build_corpus

    built = corpus_text(build_corpus(paths.raw_dir()))
    try:
        current = paths.corpus_file().read_text(encoding="utf-8")
    except OSError:
        current = ""
    if built != current:
        fail("data/corpus.json differs from a fresh build; run `nlmg-tui corpus build`")
    from nlmg_tui.corpus.derived import derived_file_text

    try:
        derived = paths.derived_file().read_text(encoding="utf-8")
    except OSError:
        derived = ""
    if derived != derived_file_text(load_corpus()):
        fail("data/derived.json is stale (reviews or rules changed); run `nlmg-tui corpus build`")
    click.echo("corpus is up to date")


corpus_group.add_command(build_command)
corpus_group.add_command(check_command)
