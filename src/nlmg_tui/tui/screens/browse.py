"""The start screen: the review list with sort, filter, preview and film facts.

Each review's tone and spoiler levels are stored with it (``corpus.derived``), but checking a
thousand stored entries (and computing any that are stale) still takes a while, so a thread
worker reads them after the first frame: until then the tone columns show a placeholder and,
in spoiler-free mode, the preview holds back the opening lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import ContentSwitcher, Input, Static
from textual.worker import Worker, WorkerState

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.lazy_review import is_loaded
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.tui import review_order
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.session import ReadingSession
from nlmg_tui.tui.tone_badge import tone_for
from nlmg_tui.tui.widgets.compare_marks import CompareMarks, compare_pair
from nlmg_tui.tui.widgets.filter_prompt import FilterPrompt
from nlmg_tui.tui.widgets.pane_tabs import PaneTabs
from nlmg_tui.tui.widgets.review_list import ReviewList
from nlmg_tui.tui.widgets.review_preview import ReviewPreview

if TYPE_CHECKING:
    from textual.timer import Timer

    from nlmg_tui.compare.tone_arc import ReviewTone
    from nlmg_tui.tui.spoiler_shield import SpoilerShield

MOVE = Binding.Group("Move")
PANES = {"preview-pane": "Preview", "facts-pane": "Film facts"}
FILTER_PLACEHOLDER = "critic, outlet, words… (f)"
QUIT_WINDOW = 3.0
"""Seconds within which a second ``q`` quits (the first one only asks)."""
READ_GROUP = "browse-read-reviews"
"""The worker group of ``read_reviews``."""
PREVIEW_GROUP = "browse-read-previewed"
"""The worker group that reads the text of an unread import when it is previewed."""
LISTED_PREVIEW_DELAY = 0.05
"""Seconds an unread import's text may take before its preview shows the listed fields."""


def read_reviews(corpus: Corpus, shield: SpoilerShield,
                 levels_read: Callable[[], object] = lambda: None) -> dict[str, ReviewTone]:
    """Read every review's spoiler levels, call ``levels_read``, then score every review (both
    are cached where they are kept); run in a thread worker. Returns review id -> tone.

    Levels come first: the preview's opening lines wait for them, the tone columns for the rest.
    A review listed from the imports summary whose text is not loaded yet is skipped for
    levels (its file is read, and its levels checked, when it is previewed or opened) and
    takes its tone from the summary when that is current.
    """
    from nlmg_tui.corpus.derived_store import shared_derived

    for review in corpus.reviews:
        if is_loaded(review):
            shield.levels(review)
    levels_read()
    tones = {review.id: tone_for(review) for review in corpus.reviews}
    shared_derived().save_computed()  # what had to be computed is not computed next start
    return tones


class BrowseScreen(AppScreen):
    """Lists the reviews. Opening one asks the app (``open_reader`` / ``open_comments``)."""

    MIN_SIZE = (60, 16)
    HELP_TITLE = "Browse"
    AUTO_FOCUS = "#reviews ReviewOptions"

    BINDINGS = [
        Binding("enter,o", "open_review", "Read", id="browse.read"),
        Binding("c", "open_comments", "Comments", id="browse.comments"),
        Binding("space", "toggle_mark", "Mark to compare", show=False, id="browse.mark"),
        Binding("C", "compare", "Compare", id="browse.compare"),
        Binding("j,down", "cursor_down", "Down", group=MOVE, id="browse.down"),
        Binding("k,up", "cursor_up", "Up", group=MOVE, id="browse.up"),
        Binding("g,home", "cursor_first", "First review", group=MOVE, show=False,
                id="browse.first"),
        Binding("G,end", "cursor_last", "Last review", group=MOVE, show=False, id="browse.last"),
        Binding("s", "cycle_sort", "Sort", id="browse.sort"),
        Binding("r", "reverse_sort", "Reverse order", show=False,
                id="browse.reverse"),
        # Priority: run as the key arrives, so a filter typed in one go after "f" lands in the
        # box instead of reaching the list as keys (``check_action``: typed once in the box).
        Binding("f", "focus_filter", "Filter", priority=True, id="browse.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False,
                id="browse.clear_filter"),
        Binding("i", "toggle_facts", "Film facts", show=False, id="browse.facts"),
        Binding("a", "import_review", "Import…", show=False, id="browse.import"),
        Binding("q", "quit_on_second_press", "Quit", id="browse.quit"),
    ]

    KEY_GROUPS = {
        "Open": ("open_review", "open_comments"),
        "Compare": ("toggle_mark", "compare"),
        "Move": ("cursor_down", "cursor_up", "cursor_first", "cursor_last"),
        "List": ("cycle_sort", "reverse_sort", "focus_filter", "clear_filter", "toggle_facts",
                 "import_review"),
    }

    class SpoilerLevelsRead(Message):
        """From the worker: every review's spoiler levels are known (its tones come next)."""

    table = getters.query_one("#reviews", ReviewList)
    preview = getters.query_one("#preview", ReviewPreview)
    panes = getters.query_one("#panes", ContentSwitcher)

    def __init__(self, corpus: Corpus, session: ReadingSession) -> None:
        super().__init__()
        self.corpus = corpus
        self.session = session
        self.sort_name = "date"
        self.descending = review_order.sort_key_named("date").descending_by_default
        # The list order is known before the first frame, for a reader opened straight away.
        initial = review_order.sort_reviews(corpus.reviews, self.sort_name, self.descending)
        self.session.order = tuple(review.id for review in initial)
        self._resumed_before = False
        self._quit_asked_at: float | None = None
        self._listed_preview: Timer | None = None
        self._previewed = False
        self._levels_state = "pending"
        """``pending`` until the worker has read every review's spoiler levels, then
        ``known`` (or ``failed``: spoiler-free mode then hides every previewed paragraph)."""

    def compose(self) -> ComposeResult:
        yield Static(id="browse-title", classes="screen-title")
        with Horizontal(id="browse-controls"):
            yield Static(Text("Filter "), id="filter-label")
            yield FilterPrompt(FILTER_PLACEHOLDER, id="filter-prompt")
            yield Static(id="sort-order")
        yield ReviewList(id="reviews")
        yield PaneTabs(PANES, "preview-pane", id="pane-tabs")
        with ContentSwitcher(initial="preview-pane", id="panes"):
            with VerticalScroll(id="preview-pane"):
                yield ReviewPreview(id="preview")
            # The film facts pane is filled the first time it is shown (faster first frame).
            yield VerticalScroll(id="facts-pane")
        yield CompareMarks(id="compare-marks")
        yield from self.bottom_bars()

    def on_mount(self) -> None:
        self.refresh_list()
        self.nlmg.spoiler_shield_changed.subscribe(
            self, self._spoiler_shield_changed)
        read = partial(read_reviews, self.corpus, self.shield,
                       lambda: self.post_message(self.SpoilerLevelsRead()))
        # A description, or Textual describes the worker by repr(read): the whole corpus.
        self.call_after_refresh(self.run_worker, read, thread=True, group=READ_GROUP,
                                exit_on_error=False, description="read reviews")

    @property
    def shield(self) -> SpoilerShield:
        return self.nlmg.spoiler_shield

    @on(SpoilerLevelsRead)
    def _spoiler_levels_read(self) -> None:
        self._levels_state = "known"
        self._show_preview()

    @on(Worker.StateChanged)
    def _previewed_review_read(self, event: Worker.StateChanged) -> None:
        if event.worker.group != PREVIEW_GROUP or event.state not in (WorkerState.SUCCESS,
                                                                      WorkerState.ERROR):
            return
        review = self.table.highlighted_review
        if review is not None and is_loaded(review):  # still highlighted or not, now loaded
            self._show_preview()

    @on(Worker.StateChanged)
    def _reviews_read(self, event: Worker.StateChanged) -> None:
        if event.worker.group != READ_GROUP:
            return
        if event.state == WorkerState.SUCCESS:
            self._levels_state = "known"
            self.table.show_tones(event.worker.result or {})
        elif event.state == WorkerState.ERROR:
            unread = "Tones are" if self._levels_state == "known" else "Tones and spoiler levels are"
            if self._levels_state == "pending":
                self._levels_state = "failed"
            self.notify(f"{unread} unavailable: {event.worker.error}", severity="error",
                        markup=False)
        else:
            return
        self._show_preview()

    def _spoiler_shield_changed(self, _: object = None) -> None:
        self._show_preview()

    def on_screen_resume(self) -> None:
        """Back from the reader: show new read marks and follow the review last read."""
        if self._resumed_before:
            self.refresh_list(keep=self.session.current_review_id)
        self._resumed_before = True  # the first resume is the start: on_mount filled the list

    @property
    def visible_reviews(self) -> list[Review]:
        return self.table.reviews

    @property
    def highlighted_review(self) -> Review | None:
        return self.table.highlighted_review

    def refresh_list(self, keep: str | None = None) -> None:
        """Re-sort and re-filter, keeping the cursor on ``keep`` (or the current review)."""
        if keep is None and self.table.highlighted_review is not None:
            keep = self.table.highlighted_review.id
        shown = review_order.sort_reviews(
            review_order.filter_reviews(self.corpus.reviews, self.filter_text),
            self.sort_name,
            self.descending,
        )
        self.table.show_reviews(shown, self.session.read, keep)
        self.session.order = tuple(review.id for review in shown)
        self._show_status(len(shown))
        self._show_preview()

    def _show_status(self, shown: int) -> None:
        total = len(self.corpus.reviews)
        count = f"{shown} of {total} reviews" if shown != total else f"{total} reviews"
        title = Text()
        title.append("Never Let Me Go (2010)", style="bold")
        title.append(f" · {count} · {len(self.session.read)} read")
        self.query_one("#browse-title", Static).update(title)
        order = review_order.sort_description(self.sort_name, self.descending)
        self.query_one("#sort-order", Static).update(Text(f" Sort: {order} "))

    def _show_preview(self) -> None:
        """The highlighted review's preview. After the first one (read at once, so the first
        frame shows it whole), a review whose text is not read yet (listed from the imports
        summary) has its text read by a worker, and shows its listed fields if that takes
        longer than a frame: a key never waits for a file."""
        review = self.table.highlighted_review
        if review is not None:
            self.session.current_review_id = review.id
        if self._listed_preview is not None:
            self._listed_preview.stop()
            self._listed_preview = None
        first, self._previewed = not self._previewed, True
        if review is not None and not is_loaded(review) and not first:
            self.run_worker(partial(self._read_for_preview, review), thread=True,
                            group=PREVIEW_GROUP, exclusive=True, exit_on_error=False,
                            description="read the previewed review")
            # Most files are read well within a frame: show the listed fields only if not.
            self._listed_preview = self.set_timer(LISTED_PREVIEW_DELAY,
                                                  partial(self._show_listed_preview, review))
            return
        self.preview.show_review(review, self.table.tone_of(review.id) if review else None,
                                 self._hides(review))

    def _show_listed_preview(self, review: Review) -> None:
        self._listed_preview = None
        if review is self.table.highlighted_review and not is_loaded(review):
            self.preview.show_review(review, self.table.tone_of(review.id), None)

    def _read_for_preview(self, review: Review) -> str:
        """Read the review's text (and its spoiler levels, when they hide anything) off the
        event loop; its id is the worker's result."""
        if review.paragraphs and self.shield.enabled:
            from nlmg_tui.corpus.derived_store import shared_derived

            shared_derived().get(review)
        return review.id

    def _hides(self, review: Review | None) -> Callable[[str], bool] | None:
        """Which of ``review``'s paragraphs the preview must hide (by id); None while that
        is not known yet, so nothing is shown too early."""
        shield = self.shield
        if review is None or not shield.enabled:
            return lambda paragraph_id: False
        if self._levels_state == "pending":
            return None
        if self._levels_state == "failed":  # rather hide too much than give the plot away
            return lambda paragraph_id: True
        return lambda paragraph_id: shield.hides(review, paragraph_id)

    @on(ReviewList.Highlighted)
    def _row_highlighted(self) -> None:
        self._show_preview()

    @on(ReviewList.Selected)
    def _row_selected(self) -> None:
        self.action_open_review()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refresh_list()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    def action_quit_on_second_press(self) -> None:
        """``q`` asks first: a second ``q`` within ``QUIT_WINDOW`` seconds quits. Nothing is
        lost either way: bookmarks, settings and read marks are saved when they change."""
        now = time.monotonic()
        if self._quit_asked_at is not None and now - self._quit_asked_at < QUIT_WINDOW:
            self.app.exit()
            return
        self._quit_asked_at = now
        self.notify("Quit? Press q again to quit (ctrl+q quits at once).", markup=False,
                    timeout=QUIT_WINDOW)

    def action_open_review(self) -> None:
        review = self.table.highlighted_review
        if review is None:
            self.notify("No review to open: the filter hides them all.", severity="warning")
            return
        self.nlmg.open_reader(review.id)

    def action_open_comments(self) -> None:
        review = self.table.highlighted_review
        if review is not None:
            self.nlmg.open_comments(review.id)

    def action_toggle_mark(self) -> None:
        """Mark (or unmark) the highlighted review for comparing; two at most."""
        review = self.table.highlighted_review
        if review is not None:
            self.query_one(CompareMarks).toggle(review)

    def action_compare(self) -> None:
        """Compare the two marked reviews, or the marked one with the highlighted one (else
        ask which review to compare with)."""
        from nlmg_tui.tui.widgets.compare_picker import ask_compare_with

        marks = self.query_one(CompareMarks)
        review = self.table.highlighted_review
        pair = compare_pair(marks.marked_ids, review.id if review else None)
        if pair is not None:
            marks.clear()
            self.nlmg.open_compare(*pair)
        elif (first := marks.marked[0] if marks.marked else review) is not None:
            ask_compare_with(self, first, self.corpus.reviews)

    def action_cursor_down(self) -> None:
        self.table.cursor_down()

    def action_cursor_up(self) -> None:
        self.table.cursor_up()

    def action_cursor_first(self) -> None:
        self.table.move_to(0)

    def action_cursor_last(self) -> None:
        self.table.move_to(self.table.row_count - 1)

    def action_cycle_sort(self) -> None:
        key = review_order.next_sort_key(self.sort_name)
        self.sort_name = key.name
        self.descending = key.descending_by_default
        self.refresh_list()

    def action_reverse_sort(self) -> None:
        self.descending = not self.descending
        self.refresh_list()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_filter":
            return not isinstance(self.focused, Input)  # in a text box "f" is typed
        return True

    @property
    def filter_input(self) -> Input | None:
        """The filter box, once the user has opened it (None before: see ``FilterPrompt``)."""
        return next(iter(self.query("#filter").results(Input)), None)

    @property
    def filter_text(self) -> str:
        box = self.filter_input
        return box.value if box is not None else ""

    async def filter_box(self) -> Input:
        """The filter box, put in the prompt's place the first time it is wanted. Awaited in
        the key's action, so keys typed after ``f`` wait for the box and land in it."""
        box = self.filter_input
        if box is None:
            box = Input(placeholder=FILTER_PLACEHOLDER, id="filter", compact=True,
                        max_length=review_order.FILTER_MAX_CHARS)
            prompt = self.query_one("#filter-prompt", FilterPrompt)
            await self.query_one("#browse-controls").mount(box, before=prompt)
            await prompt.remove()
        return box

    async def action_focus_filter(self) -> None:
        # set_focus now, not focus() (which waits for the app's next turn): the keys typed
        # after "f" are read next and must find the box focused.
        self.set_focus(await self.filter_box())

    @on(FilterPrompt.Wanted)
    async def _filter_prompt_clicked(self) -> None:
        await self.action_focus_filter()

    def _empty_filter(self) -> None:
        if (box := self.filter_input) is not None:
            box.value = ""

    def action_clear_filter(self) -> None:
        self._empty_filter()
        self.table.focus()

    def action_toggle_facts(self) -> None:
        self.show_pane("preview-pane" if self.panes.current == "facts-pane" else "facts-pane")

    def action_import_review(self) -> None:
        """Import a review from a path or an address; once saved it joins the list."""
        from nlmg_tui.importer.one_source import bundled_ids
        from nlmg_tui.tui.screens.import_review import ImportReviewDialog, add_to_corpus

        def imported(review: Review | None) -> None:
            if review is not None:
                self.corpus = add_to_corpus(self.corpus, review)
                self.nlmg.replace_corpus(self.corpus)
                self._empty_filter()
                self.refresh_list(keep=review.id)
                self.notify(f"Imported {labels.review_name(review)}",
                            markup=False)

        data_dir = self.nlmg.settings_file.parent
        self.app.push_screen(ImportReviewDialog(data_dir, bundled_ids(self.corpus.reviews)), imported)

    def show_pane(self, pane_id: str) -> None:
        """Show the preview or the film facts below the list."""
        if pane_id == "facts-pane":
            facts_pane = self.query_one("#facts-pane", VerticalScroll)
            if not facts_pane.children:  # imported and filled when first shown
                from nlmg_tui.tui.widgets.film_facts import FilmFactsView

                facts_pane.mount(FilmFactsView(self.corpus.reviews, id="film-facts"))
        self.panes.current = pane_id
        self.query_one(PaneTabs).show_active(pane_id)

    @on(PaneTabs.PaneChosen)
    def _pane_chosen(self, message: PaneTabs.PaneChosen) -> None:
        self.show_pane(message.pane_id)
