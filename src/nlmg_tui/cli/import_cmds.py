"""`nlmg-tui import PATH_OR_URL...` and `nlmg-tui imports list|remove`."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from nlmg_tui.cli.context import AppContext, emit, fail, print_json
from nlmg_tui.corpus.models import Review
from nlmg_tui.corpus.render import review_renderable
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer.address import looks_like_address
from nlmg_tui.importer.decode import NotTextError, decode_bytes
from nlmg_tui.importer.fetch import Fetcher, FetchSettings
from nlmg_tui.importer.from_address import ArchiveChoice
from nlmg_tui.importer.one_source import Found, bundled_ids, read_source, save_found
from nlmg_tui.importer.pipeline import Corrections, read_bounded
from nlmg_tui.importer.store import ImportedReviews
from nlmg_tui.importer.wayback import DEFAULT_TIMESTAMP
from nlmg_tui.textsafety import one_line, strip_unsafe


@dataclass
class Outcome:
    path: str
    status: str  # imported | updated | already imported | extracted | skipped
    detail: str


def _data_dir() -> str | None:
    context = click.get_current_context().find_object(AppContext)
    return context.data_dir if context else None


def _expand(sources: list[str]) -> list[str | Path]:
    """Addresses as they are; folders expanded to their files."""
    items: list[str | Path] = []
    for source in sources:
        if looks_like_address(source):
            items.append(source)
            continue
        path = Path(source)
        if path.is_dir() and not path.is_symlink():
            items.extend(sorted(p for p in path.rglob("*") if not p.is_dir()))
        else:
            items.append(path)
    return items


def _addresses_in(list_file: Path) -> list[str]:
    """One address (or path) per line; blank lines and ``#`` comments are skipped."""
    try:
        text = decode_bytes(read_bounded(list_file)).text
    except NotTextError as error:
        fail(f"--from {list_file}: {error}")
    lines = (line.split(" #", 1)[0].strip() for line in strip_unsafe(text).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _archive_date(value: str) -> str:
    digits = value.replace("-", "").strip()
    if not (digits.isdigit() and digits.isascii() and 4 <= len(digits) <= 14):
        raise click.BadParameter("give a date as YYYYMMDD (or YYYY, or up to YYYYMMDDhhmmss)")
    return digits


@click.command("import")
@click.argument("sources", nargs=-1)
@click.option("--from", "list_file", type=click.Path(path_type=Path, dir_okay=False),
              help="A file of addresses (or paths), one per line; # starts a comment.")
@click.option("--archive", is_flag=True,
              help="Import the Internet Archive's snapshot even if the page is still there.")
@click.option("--archive-date", default=DEFAULT_TIMESTAMP, show_default=True,
              callback=lambda _ctx, _param, value: _archive_date(value),
              help="The snapshot wanted is the one closest to this date (YYYYMMDD).")
@click.option("--allow-local", is_flag=True,
              help="Allow addresses on this machine or its local network.")
@click.option("--timeout", type=click.FloatRange(0.1, 300), default=15.0, show_default=True,
              help="Seconds to wait for a server to connect or answer.")
@click.option("--request-interval", type=click.FloatRange(0, 60), default=1.0, hidden=True,
              help="Seconds between two requests to one host (tests and benchmarks lower it).")
@click.option("--dry-run", is_flag=True, help="Show the extracted review without saving it.")
@click.option("--json", "as_json", is_flag=True, help="With --dry-run, print the review JSON.")
@click.option("--film", help="The film reviewed, when the page doesn't say.")
@click.option("--critic", help="Set the critic by hand.")
@click.option("--outlet", help="Set the outlet by hand.")
@click.option("--date", help="Set the publication date by hand (e.g. 2011-06-21).")
def import_command(sources: tuple[str, ...], list_file: Path | None, archive: bool,
                   archive_date: str, allow_local: bool, timeout: float, request_interval: float,
                   dry_run: bool, as_json: bool, film: str | None, critic: str | None,
                   outlet: str | None, date: str | None) -> None:
    """Import saved review pages (text, HTML, Markdown) or web addresses (http, https).

    A folder imports every file in it. An address that is gone (404, 410, unknown host), or
    any address with --archive, is imported from the Internet Archive's closest snapshot.
    """
    wanted = list(sources) + (_addresses_in(list_file) if list_file else [])
    if not wanted:
        fail("name at least one file, folder or address (or --from FILE)")
    run = ImportRun(
        corrections=Corrections(film=film, critic=critic, outlet=outlet, date=date),
        store=ImportedReviews(_data_dir()),
        bundled=bundled_ids(load_corpus().reviews),
        fetcher=Fetcher(FetchSettings(timeout=timeout, deadline=max(60.0, 4 * timeout),
                                      allow_local=allow_local, min_interval=request_interval)),
        archive=ArchiveChoice(always=archive, timestamp=archive_date),
        dry_run=dry_run, as_json=as_json)
    items = _expand(wanted)
    err = Console(stderr=True, markup=False, emoji=False, highlight=False)
    with Progress(console=err, transient=True, disable=len(items) < 2 or not err.is_terminal) as bar:
        task = bar.add_task("importing", total=len(items))
        for item in items:
            run.outcomes.append(run.import_one(item))
            bar.advance(task)
    if dry_run and as_json:
        print_json(run.extracted_json[0] if len(run.extracted_json) == 1 else run.extracted_json)
    elif not dry_run or len(items) > 1:
        _summary(run.outcomes)
    skipped = [o for o in run.outcomes if o.status == "skipped"]
    for outcome in skipped:
        click.echo(f"nlmg-tui: skipped {one_line(outcome.path)}: {one_line(outcome.detail)}", err=True)
    if skipped:
        sys.exit(1)


@dataclass
class ImportRun:
    """One ``nlmg-tui import``: its settings, and the outcome of each file or address."""

    corrections: Corrections
    store: ImportedReviews
    bundled: dict[str, str]
    fetcher: Fetcher
    archive: ArchiveChoice
    dry_run: bool
    as_json: bool
    outcomes: list[Outcome] = field(default_factory=list)
    extracted_json: list[dict] = field(default_factory=list)

    def import_one(self, item: str | Path) -> Outcome:
        name = str(item)
        try:
            found = self._read(item)
        except NotTextError as error:
            return Outcome(name, "skipped", str(error))
        except Exception as error:  # noqa: BLE001 - one bad page never stops the others
            return Outcome(name, "skipped", f"unexpected {type(error).__name__}: {error}")
        if self.dry_run:
            self._show(found)
            return Outcome(name, "extracted", f"{found.review.id} ({_who(found.review)})")
        return self._save(name, found)

    def _read(self, item: str | Path) -> Found:
        return read_source(item, self.fetcher, self.corrections, self.archive)

    def _show(self, found: Found) -> None:
        if self.as_json:
            self.extracted_json.append(found.review.to_json())
            return
        emit(review_renderable(found.review))
        note = f"decoding: {found.decoding}; format: {found.page_format}"
        if found.address is not None and found.address.snapshot_url:
            note += f"; archived {found.address.snapshot_date}: {found.address.snapshot_url}"
        emit(Text(one_line(note), style="dim"))

    def _save(self, name: str, found: Found) -> Outcome:
        try:
            saved = save_found(found, self.store, self.bundled)
        except OSError as error:
            return Outcome(name, "skipped",
                           f"could not save to {self.store.folder}: {error.strerror or error}")
        return Outcome(name, saved.status, saved.detail)


def _who(review: Review) -> str:
    return review.critic or "unnamed critic"


def _summary(outcomes: list[Outcome]) -> None:
    table = Table(title="import summary", title_justify="left")
    table.add_column("file or address")
    table.add_column("result")
    table.add_column("detail")
    for outcome in outcomes:
        table.add_row(Text(one_line(outcome.path)), Text(outcome.status), Text(one_line(outcome.detail)))
    emit(table)
    counts = {s: sum(o.status == s for o in outcomes)
              for s in ("imported", "updated", "already imported", "skipped")}
    click.echo(", ".join(f"{n} {s}" for s, n in counts.items() if n or s != "updated"))


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
                     "decoding": r.decoding, "address": r.address} for r in records])
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
