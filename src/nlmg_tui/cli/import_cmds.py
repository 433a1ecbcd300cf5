"""`nlmg-tui import PATH...` and `nlmg-tui imports list|remove`."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from nlmg_tui.cli.context import AppContext, emit, fail, print_json
from nlmg_tui.corpus.render import review_renderable
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.pipeline import Corrections, extract, imported_id, read_bounded
from nlmg_tui.importer.store import ImportedReviews
from nlmg_tui.textsafety import one_line


@dataclass
class Outcome:
    path: str
    status: str  # imported | already imported | extracted | skipped
    detail: str


def _data_dir() -> str | None:
    context = click.get_current_context().find_object(AppContext)
    return context.data_dir if context else None


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            files.extend(sorted(p for p in path.rglob("*") if not p.is_dir()))
        else:
            files.append(path)
    return files


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show the extracted review without saving it.")
@click.option("--json", "as_json", is_flag=True, help="With --dry-run, print the review JSON.")
@click.option("--film", help="The film reviewed, when the page doesn't say.")
@click.option("--critic", help="Set the critic by hand.")
@click.option("--outlet", help="Set the outlet by hand.")
@click.option("--date", help="Set the publication date by hand (e.g. 2011-06-21).")
def import_command(paths: tuple[Path, ...], dry_run: bool, as_json: bool, film: str | None,
                   critic: str | None, outlet: str | None, date: str | None) -> None:
    """Import saved review pages (text, HTML, Markdown); a folder imports every file in it."""
    corrections = Corrections(film=film, critic=critic, outlet=outlet, date=date)
    store = ImportedReviews(_data_dir())
    bundled = {imported_id(review): review.id for review in load_corpus().reviews}
    files = _expand(paths)
    outcomes: list[Outcome] = []
    extracted_json = []
    err = Console(stderr=True, markup=False, emoji=False, highlight=False)
    with Progress(console=err, transient=True, disable=len(files) < 2 or not err.is_terminal) as bar:
        task = bar.add_task("importing", total=len(files))
        for path in files:
            outcomes.append(
                _import_one(path, corrections, store, bundled, dry_run, as_json, extracted_json))
            bar.advance(task)
    if dry_run and as_json:
        print_json(extracted_json[0] if len(extracted_json) == 1 else extracted_json)
    elif not dry_run or len(files) > 1:
        _summary(outcomes)
    skipped = [o for o in outcomes if o.status == "skipped"]
    for outcome in skipped:
        click.echo(f"nlmg-tui: skipped {one_line(outcome.path)}: {one_line(outcome.detail)}", err=True)
    if skipped:
        sys.exit(1)


def _import_one(path: Path, corrections: Corrections, store: ImportedReviews,
                bundled: dict[str, str], dry_run: bool, as_json: bool, extracted_json: list) -> Outcome:
    name = str(path)
    try:
        result = extract(read_bounded(path), path.name, corrections)
    except NotTextError as error:
        return Outcome(name, "skipped", str(error))
    review = result.review
    who = review.critic or "unnamed critic"
    if dry_run:
        if as_json:
            extracted_json.append(review.to_json())
        else:
            emit(review_renderable(review))
            emit(Text(f"decoding: {result.decoding}; format: {result.page_format}",
                                 style="dim"))
        return Outcome(name, "extracted", f"{review.id} ({who})")
    if review.id in bundled:
        return Outcome(name, "already imported", f"the same review is bundled as {bundled[review.id]}")
    if store.contains(review.id):
        return Outcome(name, "already imported", review.id)
    try:
        store.save(review, result.decoding)
    except OSError as error:
        return Outcome(name, "skipped", f"could not save to {store.folder}: {error.strerror or error}")
    return Outcome(name, "imported", f"{review.id} ({who}, {len(review.paragraphs)} paragraphs; "
                                     f"{result.decoding})")


def _summary(outcomes: list[Outcome]) -> None:
    table = Table(title="import summary", title_justify="left")
    table.add_column("file")
    table.add_column("result")
    table.add_column("detail")
    for outcome in outcomes:
        table.add_row(Text(one_line(outcome.path)), Text(outcome.status), Text(one_line(outcome.detail)))
    emit(table)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("imported", "already imported", "skipped")}
    click.echo(", ".join(f"{n} {s}" for s, n in counts.items()))


@click.group("imports")
def imports_group() -> None:
    """List or remove imported reviews."""


@imports_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the imports as JSON.")
def list_command(as_json: bool) -> None:
    """List imported reviews with their source file names."""
    store = ImportedReviews(_data_dir())
    records = store.all()
    for notice in store.notices:
        click.echo(f"nlmg-tui: {one_line(notice)}", err=True)
    if as_json:
        print_json([{"id": r.review.id, "source_name": r.source_name, "imported_at": r.imported_at,
                     "critic": r.review.critic, "headline": r.review.headline,
                     "decoding": r.decoding} for r in records])
        return
    table = Table(title=f"imported reviews ({len(records)})", title_justify="left")
    for column in ("id", "critic", "headline", "source file", "imported"):
        table.add_column(column)
    for r in records:
        table.add_row(*(Text(one_line(x or "—")) for x in (
            r.review.id, r.review.critic, r.review.headline, r.source_name, r.imported_at)))
    emit(table)


@imports_group.command("remove")
@click.argument("review_id")
def remove_command(review_id: str) -> None:
    """Remove an imported review (an id or unique prefix). Bookmarks on it become orphans."""
    removed = ImportedReviews(_data_dir()).remove(review_id)
    if removed is None:
        fail(f"no single imported review matches {review_id!r}; see `nlmg-tui imports list`")
    click.echo(f"removed {removed.review.id} ({one_line(removed.source_name)})")
