"""The reader: one review, paragraph by paragraph, with a visible paragraph cursor."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.lazy_review import text_problem
from nlmg_tui.corpus.models import Corpus, Paragraph, Review
from nlmg_tui.corpus.spoiler_levels import SpoilerLevel
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.reader_text import reader_header, reader_status
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.session import ReadingSession
from nlmg_tui.tui.spoiler_keys import toggle_all_spoilers, toggle_spoilers
from nlmg_tui.tui.spoiler_shield import SpoilerShield
from nlmg_tui.tui.widgets.bookmark_marks import bookmark_in_reader, show_bookmark_marks
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan, ParagraphView
from nlmg_tui.tui.widgets.search_trail import SearchTrail

if TYPE_CHECKING:
    from nlmg_tui.library.bookmarks import Bookmark

MOVE = Binding.Group("Move")


@dataclass(frozen=True)
class ParagraphRef:
    """Where the reader's cursor is: what a bookmark would store."""

    review_id: str
    paragraph_id: str


READ_FRACTION = 0.6
"""A review counts as read once the body was scrolled this far (or its end was on screen)."""


class ReaderScreen(AppScreen):
    """Shows one review; ``J``/``K`` swap in the next/previous review in the browse order."""

    MIN_SIZE = (30, 8)
    HELP_TITLE = "Reader"

    BINDINGS = [
        Binding("j,down", "next_paragraph", "Next ¶", group=MOVE, id="reader.down"),
        Binding("k,up", "previous_paragraph", "Previous ¶", group=MOVE, id="reader.up"),
        Binding("g,home", "first_paragraph", "Top", group=MOVE, show=False, id="reader.top"),
        Binding("G,end", "last_paragraph", "Bottom", group=MOVE, show=False, id="reader.bottom"),
        Binding("pagedown,space", "page_down", "Page down", group=MOVE, show=False,
                id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", group=MOVE, show=False, id="reader.page_up"),
        Binding("J,right_square_bracket", "next_review", "Next review", show=False,
                id="reader.next_review"),
        Binding("K,left_square_bracket", "previous_review", "Previous review", show=False,
                id="reader.previous_review"),
        Binding("c", "open_comments", "Comments", id="reader.comments"),
        Binding("C", "compare", "Compare…", show=False, id="reader.compare"),
        Binding("b", "bookmark", "Bookmark ¶", id="reader.bookmark"),
        Binding("v", "select_passage", "Select sentences…", show=False, id="reader.select"),
        Binding("s", "toggle_spoiler", "Show spoiler", id="reader.spoiler"),
        Binding("S", "toggle_all_spoilers", "All spoilers", show=False,
                id="reader.all_spoilers"),
        Binding("n", "next_hit", "Next search hit", show=False, id="reader.next_hit"),
        Binding("N", "previous_hit", "Previous search hit", show=False,
                id="reader.previous_hit"),
        Binding("q,escape", "back", "Back", id="reader.back"),
    ]

    KEY_GROUPS = {
        "Move": ("next_paragraph", "previous_paragraph", "first_paragraph", "last_paragraph",
                 "page_down", "page_up"),
        "Reviews": ("next_review", "previous_review", "open_comments", "compare", "back"),
        "Bookmarks": ("bookmark", "select_passage"),
        "Search": ("next_hit", "previous_hit"),
        "Spoilers": ("toggle_spoiler", "toggle_all_spoilers"),
    }

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the cursor paragraph in ``review.paragraphs``."""

    body = getters.query_one("#reader-body", VerticalScroll)
    search_trail = getters.query_one(SearchTrail)

    def __init__(
        self,
        corpus: Corpus,
        session: ReadingSession,
        review: Review,
        paragraph_id: str | None = None,
        highlights: Sequence[HighlightSpan] = (),
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.session = session
        self.review = review
        self.highlights = tuple(highlights)
        self.set_reactive(ReaderScreen.cursor, self._start_index(paragraph_id))
        self._mark_read()

    @property
    def current_paragraph(self) -> ParagraphRef | None:
        """The review id and paragraph id under the cursor (None for an empty review)."""
        if not self.review.paragraphs:
            return None
        return ParagraphRef(self.review.id, self.review.paragraphs[self.cursor].id)

    def _start_index(self, paragraph_id: str | None) -> int:
        if paragraph_id is not None:
            index = self.review.paragraph_index(paragraph_id)
            if index is not None:
                return index
        remembered = self.session.positions.get(self.review.id, 0)
        return min(max(remembered, 0), max(len(self.review.paragraphs) - 1, 0))

    def _mark_read(self) -> None:  # read once scrolled through (``_check_read``), not opened
        self.session.current_review_id = self.review.id

    def _check_read(self, _: object = None) -> None:
        """Mark the review read when its last paragraph is on screen or the body was scrolled
        past ``READ_FRACTION`` of its length; the marks are saved (browse shows them)."""
        views = self.views
        body = self.body
        if not views or views[-1].virtual_region.height == 0:  # not laid out yet
            return
        bottom = body.scroll_y + body.scrollable_content_region.height
        last_shown = views[-1].virtual_region.y < bottom
        scrolled = body.max_scroll_y > 0 and body.scroll_y >= READ_FRACTION * body.max_scroll_y
        if last_shown or scrolled:
            self.session.mark_read(self.review.id)

    def compose(self) -> ComposeResult:
        yield Static(self._header_text(), id="reader-header", classes="screen-title")
        with VerticalScroll(id="reader-body", can_focus=False):
            yield from self._paragraph_widgets()
        yield Static(id="reader-status")
        yield SearchTrail(self.corpus, self.session)
        yield from self.bottom_bars()

    def _paragraph_widgets(self) -> Iterator[Widget]:
        if not self.review.paragraphs:
            problem = text_problem(self.review)
            yield Static(Text(problem or "This review has no text.", style="italic"),
                         classes="-text-problem" if problem else "")
            return
        spans: dict[str, list[HighlightSpan]] = {}
        for span in self.highlights:
            spans.setdefault(span.paragraph_id, []).append(span)
        kinds = {section.label: section.kind for section in self.review.sections}
        indexed = list(enumerate(self.review.paragraphs))
        for label, run in groupby(indexed, key=lambda item: item[1].section):
            views = [self._view(index, p, spans.get(p.id, ())) for index, p in run]
            if label is None:
                yield from views
            else:
                kind = kinds.get(label, "verdict")
                box = Vertical(*views, classes=f"review-section -{kind}")
                box.border_title = Text(one_line(label))  # labels come from pages: no markup
                yield box

    @property
    def shield(self) -> SpoilerShield:
        return self.nlmg.spoiler_shield

    def _shield_level(self, paragraph: Paragraph) -> SpoilerLevel | None:
        if self.shield.hides(self.review, paragraph.id):
            return self.shield.level(self.review, paragraph.id)
        return None

    def _view(self, index: int, paragraph: Paragraph,
              spans: Sequence[HighlightSpan]) -> ParagraphView:
        view = ParagraphView(paragraph, index, spans, shield=self._shield_level(paragraph),
                             classes="-spoiler" if paragraph.spoiler_warning else "")
        if paragraph.spoiler_warning:
            view.border_title = "⚠ Spoiler warning"
        return view

    def _header_text(self) -> Text:
        return reader_header(self.review, self.cursor)

    def on_mount(self) -> None:
        self._show_cursor(top=True)
        self._show_bookmarks()
        self.watch(self.body, "scroll_y", self._check_read, init=False)
        self.call_after_refresh(self._check_read)  # a short review fits on one screen
        self.nlmg.spoiler_shield_changed.subscribe(
            self, lambda _: self._apply_shield())

    def _apply_shield(self) -> None:
        """Hide or show paragraphs after the mode changed or something was revealed."""
        for view in self.views:
            level = self._shield_level(view.paragraph)
            if level != view.shield:
                view.shield = level
                view.redraw()
        self._show_status()

    def on_screen_resume(self) -> None:
        self._show_bookmarks()  # bookmarks may have changed on the Bookmarks screen

    def _show_bookmarks(self) -> None:
        """★ before each bookmarked paragraph."""
        show_bookmark_marks(self, self.review, self.views)

    @property
    def views(self) -> list[ParagraphView]:
        return list(self.query(ParagraphView))

    def watch_cursor(self) -> None:
        self._show_cursor(top=False)

    def _show_cursor(self, *, top: bool) -> None:
        self.session.positions[self.review.id] = self.cursor
        views = self.views
        for view in views:
            view.set_class(view.index == self.cursor, "-cursor")
        self.query_one("#reader-header", Static).update(self._header_text())
        self._show_status()
        if views:
            target = views[self.cursor]
            self.call_after_refresh(self.body.scroll_to_widget, target, animate=False, top=top)

    def _show_status(self) -> None:
        order = self.session.order if self.review.id in self.session.order else tuple(
            r.id for r in self.corpus.reviews)
        status = reader_status(self.review, self.cursor, order,
                               len(self.shield.hidden_ids(self.review)))
        self.query_one("#reader-status", Static).update(status)

    @on(ParagraphView.Clicked)
    def _paragraph_clicked(self, message: ParagraphView.Clicked) -> None:
        self.cursor = message.index

    def _move_to(self, index: int) -> None:
        if self.review.paragraphs:
            self.cursor = min(max(index, 0), len(self.review.paragraphs) - 1)

    def action_next_paragraph(self) -> None:
        self._move_to(self.cursor + 1)

    def action_previous_paragraph(self) -> None:
        self._move_to(self.cursor - 1)

    def action_first_paragraph(self) -> None:
        self._move_to(0)

    def action_last_paragraph(self) -> None:
        self._move_to(len(self.review.paragraphs) - 1)

    def action_page_down(self) -> None:
        """Move to the paragraph about one screenful below the cursor's top."""
        views = self.views
        if not views:
            return
        page = max(self.body.scrollable_content_region.height, 1)
        limit = views[self.cursor].virtual_region.y + page
        target = self.cursor + 1
        while target + 1 < len(views) and views[target + 1].virtual_region.y <= limit:
            target += 1
        self._move_to(target)
        self.call_after_refresh(self.body.scroll_to_widget, views[self.cursor], animate=False,
                                top=True)

    def action_page_up(self) -> None:
        views = self.views
        if not views:
            return
        page = max(self.body.scrollable_content_region.height, 1)
        limit = views[self.cursor].virtual_region.y - page
        target = self.cursor - 1
        while target - 1 >= 0 and views[target - 1].virtual_region.y >= limit:
            target -= 1
        self._move_to(target)
        self.call_after_refresh(self.body.scroll_to_widget, views[self.cursor], animate=False,
                                top=True)

    async def action_next_review(self) -> None:
        await self._step_review(+1)

    async def action_previous_review(self) -> None:
        await self._step_review(-1)

    async def _step_review(self, step: int) -> None:
        fallback = tuple(review.id for review in self.corpus.reviews)
        other_id = self.session.neighbour(self.review.id, step, fallback)
        other = self.corpus.get(other_id) if other_id else None
        if other is None:
            self.notify("This is the last review." if step > 0 else "This is the first review.")
            return
        await self.show_review(other)

    async def show_review(self, review: Review, paragraph_id: str | None = None,
                          highlights: Sequence[HighlightSpan] = ()) -> None:
        """Swap in another review on this screen (position of the old one is kept)."""
        self.session.positions[self.review.id] = self.cursor
        self.review = review
        self.highlights = tuple(highlights)
        self.set_reactive(ReaderScreen.cursor, self._start_index(paragraph_id))
        self._mark_read()
        await self.body.remove_children()
        await self.body.mount_all(list(self._paragraph_widgets()))
        self.body.scroll_home(animate=False)
        self._show_cursor(top=True)
        self._show_bookmarks()
        self.call_after_refresh(self._check_read)

    def action_bookmark(self) -> None:
        """Bookmark the cursor paragraph (pressed again: "already bookmarked", no duplicate),
        then offer its note in place: ctrl+s keeps it, escape leaves the bookmark without one."""
        ref = self.current_paragraph
        if ref is not None and bookmark_in_reader(self, self.review, ref.paragraph_id,
                                                  on_created=self._offer_note):
            self._show_bookmarks()

    def _offer_note(self, bookmark: Bookmark) -> None:
        from nlmg_tui.tui.widgets.note_editor import offer_note
        offer_note(self, bookmark, f"Note on the bookmark ({labels.review_name(self.review)})")

    def action_select_passage(self) -> None:
        """Choose sentences of the cursor paragraph, then bookmark them."""
        from nlmg_tui.tui.widgets.bookmark_span_picker import SpanPicker

        ref = self.current_paragraph
        if ref is None:
            return
        if self.shield.hides(self.review, ref.paragraph_id):
            self.notify("This paragraph is hidden as a spoiler: press s to show it first.",
                        markup=False)
            return
        review = self.review

        def chosen(span: tuple[int, int] | None) -> None:
            if span is not None and bookmark_in_reader(self, review, ref.paragraph_id, *span):
                self._show_bookmarks()

        self.app.push_screen(SpanPicker(review.paragraphs[self.cursor]), chosen)

    def action_toggle_spoiler(self) -> None:
        """Show the cursor paragraph if it is hidden as a spoiler; hide it again if shown."""
        ref = self.current_paragraph
        if ref is not None:
            toggle_spoilers(self, [(self.review, ref.paragraph_id)],
                            "This paragraph gives nothing away.")

    def action_toggle_all_spoilers(self) -> None:
        """Show every hidden spoiler of this review; when none is hidden, hide them all again."""
        toggle_all_spoilers(self, [self.review], "This review gives nothing away.")

    def action_open_comments(self) -> None:
        self.nlmg.open_comments(self.review.id)

    def action_compare(self) -> None:
        """Ask which review to compare this one with, then open the comparison."""
        from nlmg_tui.tui.widgets.compare_picker import ask_compare_with

        ask_compare_with(self, self.review, self.corpus.reviews)

    def action_next_hit(self) -> None:
        """The next hit of the last search (in this review, else the next one with hits)."""
        self.search_trail.step(self.review.id, self.cursor, +1)

    def action_previous_hit(self) -> None:
        self.search_trail.step(self.review.id, self.cursor, -1)

    @on(SearchTrail.HitReached)
    async def _go_to_hit(self, message: SearchTrail.HitReached) -> None:
        """Show the hit the trail stepped to: its review (swapped in), spans and paragraph."""
        found = message.hit
        if found.review_id != self.review.id:
            review = self.corpus.get(found.review_id)
            if review is None:
                return
            await self.show_review(review, found.paragraph_id, found.highlights)
        else:
            if set(found.highlights) != set(self.highlights):
                self.show_highlights(found.highlights)
            self.cursor = found.paragraph_index
        if found.wrapped:
            where = "first" if message.step > 0 else "last"
            self.notify(f"Search wrapped around to the {where} hit.", markup=False, timeout=3)

    def show_highlights(self, highlights: Sequence[HighlightSpan]) -> None:
        """Highlight ``highlights`` instead of the current ones, in place (★ marks kept)."""
        self.highlights = tuple(highlights)
        for view in self.views:
            view.spans = tuple(span for span in self.highlights
                               if span.paragraph_id == view.paragraph.id)
            view.redraw()
