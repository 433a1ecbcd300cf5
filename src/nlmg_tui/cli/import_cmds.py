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

from nlmg_tui.cli.context import AppContext, console, fail, print_json
from nlmg_tui.corpus.render import review_renderable
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.pipeline import Corrections, body_id, extract, read_bounded
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
    bundled = {body_id(review): review.id for review in load_corpus().reviews}
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
        data = read_bounded(path)
        result = extract(data, path.name, corrections)
    except NotTextError as error:
        return Outcome(name, "skipped", str(error))
    review = result.review
    who = review.critic or "unnamed critic"
    if dry_run:
        if as_json:
            extracted_json.append(review.to_json())
        else:
            console().print(review_renderable(review))
            console().print(Text(f"decoding: {result.decoding}; format: {result.page_format}",
                                 style="dim"))
        return Outcome(name, "extracted", f"{review.id} ({who})")
    if body_id(review) in bundled:
        return Outcome(name, "already imported", f"the same review is bundled as {bundled[body_id(review)]}")
    if store.contains(review.id):
        return Outcome(name, "already imported", review.id)
    try:
        store.save(review, result.decoding, raw=data, corrections=corrections.as_record())
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
    console().print(table)
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
    console().print(table)


@imports_group.command("remove")
@click.argument("review_id")
def remove_command(review_id: str) -> None:
    """Remove an imported review (an id or unique prefix). Bookmarks on it become orphans."""
    removed = ImportedReviews(_data_dir()).remove(review_id)
    if removed is None:
        fail(f"no single imported review matches {review_id!r}; see `nlmg-tui imports list`")
    click.echo(f"removed {removed.review.id} ({one_line(removed.source_name)})")


@imports_group.command("reclean")
@click.option("--dry-run", is_flag=True, help="Say what would change without saving anything.")
def reclean_command(dry_run: bool) -> None:
    """Re-run the current cleaner over every import's kept page; bookmarks follow their text."""
    from nlmg_tui.cli.library_cmds import open_library
    from nlmg_tui.importer.reclean import reclean_imports

    store = ImportedReviews(_data_dir())
    with open_library() as library:
        report = reclean_imports(store, library, dry_run=dry_run)
    for notice in store.notices:
        click.echo(f"nlmg-tui: {one_line(notice)}", err=True)
    verb = "would change" if dry_run else "recleaned"
    click.echo(f"{verb} {len(report.changed)}, unchanged {len(report.unchanged)}, "
               f"cannot reclean {len(report.no_raw)}, failed {len(report.failed)}")
    for record in report.no_raw:
        click.echo(f"  {record.review.id} ({one_line(record.source_name)}): imported before raw pages "
                   "were kept; import the page again to reclean it")
    for review_id, reason in report.failed:
        click.echo(f"  {review_id}: {one_line(reason)}; left as it was", err=True)
    moved = "would move" if dry_run else "re-anchored"
    click.echo(f"bookmarks: {moved} {len(report.moved)}, could not re-anchor {len(report.orphaned)}")
    for bookmark in report.orphaned:
        click.echo(f"  bookmark {bookmark.id[:8]} on {bookmark.review_id} "
                   f"(“{one_line(bookmark.quote)[:60]}”) could not be re-anchored: it is kept; "
                   "repair it in the bookmarks screen (r)", err=True)
    if report.orphaned or report.failed:
        sys.exit(1)
