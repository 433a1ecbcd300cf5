"""Import a review from a saved page or a web address, checking what was found before saving.

The dialog reads the page in a thread worker (a fetch may wait on robots.txt, the one-request-
a-second rule and the Internet Archive), shows the fields found and what is missing, lets the
user correct critic, outlet and date, and saves only on request. It answers the saved
``Review`` (None when cancelled or nothing was saved).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.importer.address import looks_like_address
from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.fetch import Fetcher, FetchSettings
from nlmg_tui.importer.from_address import ArchiveChoice
from nlmg_tui.importer.one_source import Found, read_source, save_found
from nlmg_tui.importer.pipeline import Corrections
from nlmg_tui.importer.store import ImportedReviews
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.widgets.key_footer import KeyFooter

FETCH_SETTINGS = FetchSettings()
"""The bounds of the dialog's fetches (tests allow the local server here)."""
READ_GROUP = "import-read"
FIELD_MAX_CHARS = 200
SOURCE_MAX_CHARS = 2000


def add_to_corpus(corpus: Corpus, review: Review) -> Corpus:
    """``corpus`` with ``review`` added at the end, or in place of the review with its id."""
    if corpus.get(review.id) is None:
        return Corpus((*corpus.reviews, review))
    return Corpus(tuple(review if r.id == review.id else r for r in corpus.reviews))


def found_summary(found: Found) -> Text:
    """The fields found, one a line, and what the user should check or set."""
    review = found.review
    rating = review.rating.text if review.rating else None
    rows = [("critic", review.critic), ("outlet", review.outlet), ("date", review.published),
            ("rating", rating), ("headline", review.headline),
            ("paragraphs", str(len(review.paragraphs))), ("comments", str(len(review.comments)))]
    text = Text()
    for label, value in rows:
        text.append(f"{label:>10}  ", style="bold")
        if value:
            text.append(one_line(value)[:FIELD_MAX_CHARS])
        else:
            text.append("not found", style="italic yellow")
        text.append("\n")
    text.append(f"{'decoding':>10}  ", style="bold")
    text.append(one_line(found.decoding) + "\n")
    for advice in _advice(found):
        text.append(f"• {advice}\n", style="yellow")
    return text


def _advice(found: Found) -> list[str]:
    review = found.review
    advice = [f"No {name} was found: set it below if the page names one." for name, value in
              (("critic", review.critic), ("outlet", review.outlet), ("date", review.published))
              if not value]
    if found.decoding_guessed:
        advice.append("The text encoding was guessed: check accented letters and quotes.")
    address = found.address
    if address is not None and address.snapshot_url:
        taken = f" of {address.snapshot_date[:10]}" if address.snapshot_date else ""
        advice.append(f"From the Internet Archive's snapshot{taken} "
                      f"({one_line(address.archived_because or '')}).")
    return advice


class ImportReviewDialog(ModalScreen[Review | None]):
    """Type a path or an address, enter reads it; correct the fields; ctrl+s saves."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
        Binding("ctrl+s", "save", "Save", id="import.save"),
    ]

    DEFAULT_CSS = """
    ImportReviewDialog { align: center middle; }
    ImportReviewDialog > #import-dialog {
        width: 96; max-width: 96%; height: auto; max-height: 96%;
        border: round $accent; border-title-align: center; background: $surface; padding: 0 1;
    }
    ImportReviewDialog .dialog-hint { color: $text-muted; }
    ImportReviewDialog #import-progress { display: none; }
    ImportReviewDialog.-reading #import-progress { display: block; }
    ImportReviewDialog #import-corrections { display: none; height: auto; }
    ImportReviewDialog.-found #import-corrections { display: block; }
    ImportReviewDialog #import-corrections Input { width: 1fr; }
    ImportReviewDialog .correction { height: auto; }
    ImportReviewDialog .correction Static { width: 8; padding: 0 1 0 0; }
    ImportReviewDialog #import-buttons { height: auto; align-horizontal: right; }
    """

    def __init__(self, data_dir: str | Path | None, bundled: dict[str, str],
                 settings: FetchSettings | None = None) -> None:
        """``bundled``: body hash -> id of the bundled reviews (those are never imported)."""
        super().__init__()
        self.store = ImportedReviews(data_dir)
        self.bundled = bundled
        self.fetcher = Fetcher(settings or FETCH_SETTINGS, on_request=self._requesting)
        self.found: Found | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="import-dialog") as dialog:
            dialog.border_title = "Import a review"
            yield Static(Text("A saved page's path, or a web address (http:// or https://):"),
                         classes="dialog-hint")
            yield Input(placeholder="~/pages/review.html or https://…", id="import-source",
                        max_length=SOURCE_MAX_CHARS)
            yield Checkbox("Use the Internet Archive's snapshot even if the page is still there",
                           id="import-archive", compact=True)
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="import-progress")
            yield Static(id="import-status")
            yield Static(id="import-found")
            with Vertical(id="import-corrections"):
                for field, hint in (("critic", "critic's name"), ("outlet", "publication"),
                                    ("date", "e.g. 2010-10-01")):
                    with Horizontal(classes="correction"):
                        yield Static(Text(field.capitalize()))
                        yield Input(placeholder=hint, id=f"fix-{field}", compact=True,
                                    max_length=FIELD_MAX_CHARS)
            with Horizontal(id="import-buttons"):
                yield Button("Save", id="import-save", variant="primary", disabled=True)
                yield Button("Cancel", id="import-cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#import-source", Input).focus()

    class RequestStarted(Message):
        """From the worker thread (``post_message`` is thread-safe): a request is on its way."""

        bubble = False

        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    def _requesting(self, url: str) -> None:
        self.post_message(self.RequestStarted(url))

    @on(RequestStarted)
    def _show_request(self, message: RequestStarted) -> None:
        if self.has_class("-reading"):  # robots.txt, the page, the archive: the fetch's progress
            self._status(f"Requesting {message.url}…")

    def _status(self, message: str, style: str = "") -> None:
        self.query_one("#import-status", Static).update(Text(one_line(message), style=style))

    @on(Input.Submitted, "#import-source")
    def _read(self, event: Input.Submitted) -> None:
        event.stop()
        source = event.value.strip()
        if not source:
            self._status("Type a path or an address first.", "yellow")
            return
        self.found = None
        self.remove_class("-found")
        self.add_class("-reading")
        self.query_one("#import-save", Button).disabled = True
        self.query_one("#import-found", Static).update("")
        archive = ArchiveChoice(always=self.query_one("#import-archive", Checkbox).value)
        how = "Fetching" if looks_like_address(source) else "Reading"
        self._status(f"{how} {source}…")
        self.run_worker(partial(read_source, source, self.fetcher, None, archive), thread=True,
                        exclusive=True, group=READ_GROUP, exit_on_error=False)

    @on(Worker.StateChanged)
    def _read_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group != READ_GROUP or event.state not in (WorkerState.SUCCESS,
                                                                    WorkerState.ERROR):
            return
        self.remove_class("-reading")
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            reason = str(error) if isinstance(error, NotTextError) else f"{type(error).__name__}: {error}"
            self._status(f"Not imported: {reason}.", "bold red")
            return
        if isinstance(found := event.worker.result, Found):  # what read_source returns
            self._show_found(found)

    def _show_found(self, found: Found) -> None:
        self.found = found
        review = found.review
        self.query_one("#import-found", Static).update(found_summary(found))
        for field, value in (("critic", review.critic), ("outlet", review.outlet),
                             ("date", review.published)):
            self.query_one(f"#fix-{field}", Input).value = one_line(value or "")
        self.add_class("-found")
        self.query_one("#import-save", Button).disabled = False
        self._status("Found this review. Correct what is wrong, then Save (ctrl+s).", "green")
        self.query_one("#fix-critic", Input).focus()

    def _corrections(self, found: Found) -> Corrections:
        """Only what the user changed: an untouched field keeps its evidence from the page."""
        review = found.review
        typed = {field: self.query_one(f"#fix-{field}", Input).value.strip()
                 for field in ("critic", "outlet", "date")}
        before = {"critic": review.critic, "outlet": review.outlet, "date": review.published}
        changed = {k: v for k, v in typed.items() if v and v != one_line(before[k] or "")}
        return Corrections(**changed)

    @on(Input.Submitted)
    def _correction_entered(self, event: Input.Submitted) -> None:
        if event.input.id and event.input.id.startswith("fix-"):
            event.stop()
            self.action_save()

    @on(Button.Pressed, "#import-save")
    def action_save(self) -> None:
        found = self.found
        if found is None:
            self._status("Nothing to save yet: enter a path or an address.", "yellow")
            return
        try:
            found = found.corrected(self._corrections(found))
            saved = save_found(found, self.store, self.bundled)
        except NotTextError as error:
            self._status(f"{error}.", "bold red")
            return
        except OSError as error:
            self._status(f"Not saved to {self.store.folder}: {error.strerror or error}.", "bold red")
            return
        if saved.status == "already imported":
            self._status(f"Already imported: {saved.detail}.", "yellow")
            return
        if saved.status == "updated":  # an address imported again: say what that did
            self.app.notify(one_line(f"Updated {saved.detail}."), markup=False, timeout=10)
        self.dismiss(found.review)

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
