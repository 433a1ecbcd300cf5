"""The review list: a heading line over an OptionList of pre-formatted rows.

One ``Text`` per row (columns padded to widths fitted to the terminal) renders far faster than
a DataTable's cell-by-cell layout, which matters for the first frame. The tone columns start
as a placeholder and are filled by ``show_tones`` once the screen has scored the reviews.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.lazy_review import is_loaded
from nlmg_tui.corpus.models import Paragraph, Review
from nlmg_tui.tui.tone_badge import LABEL_WIDTH, tone_label, tone_score_text, tone_spark

if TYPE_CHECKING:
    from nlmg_tui.compare.tone_arc import ReviewTone

CURSOR_MARK = "▶"
UNREAD_MARK = "•"
TONE_PENDING = "…"
"""What the tone cell shows until the review is scored."""
COLUMNS = ("mark", "critic", "outlet", "date", "verdict", "tone", "arc", "length")
HEADINGS = {"mark": "", "critic": "Critic", "outlet": "Outlet", "date": "Date",
            "verdict": "Rating / verdict", "tone": "Tone", "arc": "Arc", "length": "Words"}
GAP = 2
"""Spaces between columns."""
VERDICT_WANTED, VERDICT_MIN = 16, 12
"""The verdict column: the arc gives way to keep it at 16; the other columns only below 12."""
ARC_WIDTH, ARC_MIN = 10, 6
"""The paragraph sparkline: 10 characters, shrunk to 6, then dropped on narrow terminals."""
NAME_MIN = 6
NAME_MAX = 16
"""Critic and outlet columns are never wider (a longer name is cut with an ellipsis)."""
TONE_BATCH = 50
"""Rows ``show_tones`` redraws per message."""
SCORE_WIDTH = len("+0.00")


def column_widths(width: int, reviews: Sequence[Review]) -> dict[str, int]:
    """Fixed columns first; critic and outlet up to their longest value; the rest to the
    verdict, which is cut with an ellipsis.

    Narrow terminals take room back in this order: the arc shrinks to ``ARC_MIN`` and is then
    dropped (width 0) while the verdict has fewer than ``VERDICT_WANTED`` columns; then, while
    it has fewer than ``VERDICT_MIN``, the outlet is dropped (a whole column goes rather than
    every outlet being cut mid-word), the critic shrinks to ``NAME_MIN``, and last the tone
    label becomes just its score.
    """
    return fitted_widths(width, *longest_names(reviews))


def longest_names(reviews: Sequence[Review]) -> tuple[int, int]:
    """The widest critic name and outlet name, in cells, up to ``NAME_MAX`` (6 for no
    reviews). The scan stops at the first name that wide: with a thousand imports it is
    usually found in the first rows."""
    return (_widest(reviews, labels.review_name), _widest(reviews, labels.outlet_name))


def _widest(reviews: Sequence[Review], name: Callable[[Review], str]) -> int:
    widest = 0
    for review in reviews:
        widest = max(widest, cell_len(name(review)))
        if widest >= NAME_MAX:
            return NAME_MAX
    return widest if reviews else 6


def fitted_widths(width: int, longest_critic: int, longest_outlet: int) -> dict[str, int]:
    """``column_widths`` once the longest names are known (a resize reuses them)."""
    widths = {"mark": 2, "critic": max(NAME_MIN, min(NAME_MAX, longest_critic)),
              "outlet": max(NAME_MIN, min(NAME_MAX, longest_outlet)), "date": 10,
              "tone": LABEL_WIDTH, "arc": ARC_WIDTH, "length": 6}

    def verdict_room() -> int:
        shown = [name for name in widths if widths[name]]
        spacing = GAP * len(shown)  # the verdict adds one gap more than the others have
        return width - spacing - sum(widths.values())

    widths["arc"] = max(ARC_MIN, ARC_WIDTH - max(0, VERDICT_WANTED - verdict_room()))
    if verdict_room() < VERDICT_WANTED:
        widths["arc"] = 0
    if verdict_room() < VERDICT_MIN:
        widths["outlet"] = 0
    widths["critic"] -= max(0, min(VERDICT_MIN - verdict_room(), widths["critic"] - NAME_MIN))
    if verdict_room() < VERDICT_MIN:
        widths["tone"] = SCORE_WIDTH
    widths["verdict"] = max(4, verdict_room())
    return widths


def _cell(value: str, width: int, right: bool = False) -> str:
    """``value`` in exactly ``width`` cells, cut at a word boundary with ``…`` when too long."""
    return labels.pad(value, width, right=right)


def _tone_cell(tone: ReviewTone | None, width: int) -> Text:
    if tone is None:
        return Text(_cell(TONE_PENDING, width), style="dim", end="")
    text = tone_label(tone) if width >= LABEL_WIDTH else tone_score_text(tone)
    text.pad_right(width - text.cell_len)
    return text


def _arc_cell(tone: ReviewTone | None, width: int) -> Text:
    text = tone_spark(tone, width) if tone is not None else Text(end="")
    text.pad_right(width - text.cell_len)
    return text


_word_counts: dict[str, tuple[tuple[Paragraph, ...], int]] = {}


def word_count(review: Review) -> int:
    """``review.word_count``, counted once per review text (rows are redrawn often); the
    same paragraphs tuple (held here, so never reused) means the same text. A review listed
    from the imports summary and not loaded yet has its count from there (no file read)."""
    if not is_loaded(review):
        return review.word_count
    known = _word_counts.get(review.id)
    if known is None or known[0] is not review.paragraphs:
        known = _word_counts[review.id] = (review.paragraphs, review.word_count)
    return known[1]


def row_text(review: Review, widths: dict[str, int], *, read: bool,
             tone: ReviewTone | None = None) -> Text:
    """One row; untrusted values enter ``Text`` as plain strings. ``tone`` None (not scored
    yet) shows a placeholder in the tone column and nothing in the arc column. The first cell
    is blank: ``ReviewOptions.render_line`` paints the cursor mark on the highlighted line."""
    values = {
        "mark": " " + (" " if read else UNREAD_MARK),
        "critic": (labels.name_beside_outlet(review) if widths.get("outlet")
                   else labels.review_name(review)),
        "outlet": labels.outlet_name(review),
        "date": labels.date_label(review),
        "verdict": labels.rating_or_verdict(review),
        "length": f"{word_count(review):,}",
    }
    cells: list[Text] = []
    for name in COLUMNS:
        if not widths.get(name):
            continue
        if name == "tone":
            cells.append(_tone_cell(tone, widths[name]))
        elif name == "arc":
            cells.append(_arc_cell(tone, widths[name]))
        else:
            cells.append(Text(_cell(values[name], widths[name], right=name == "length")))
    row = Text(" " * GAP).join(cells)
    row.no_wrap, row.overflow, row.end = True, "ellipsis", ""
    return row


def heading_text(widths: dict[str, int]) -> Text:
    cells = [_cell(HEADINGS[name], widths[name], right=name == "length")
             for name in COLUMNS if widths.get(name)]
    return Text((" " * GAP).join(cells), style="bold", no_wrap=True, end="")


class ReviewRow(Visual):
    """A row of the list, built (``Text``, then ``Content``) only when it is drawn or read,
    and one line high without measuring: a thousand rows cost little until they are shown."""

    __slots__ = ("_build", "_text", "_content")

    def __init__(self, build: Callable[[], Text]) -> None:
        self._build = build
        self._text: Text | None = None
        self._content: Content | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = self._build()
        return self._text

    def __str__(self) -> str:
        return self.text.plain

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        if self._content is None:
            self._content = Content.from_rich_text(self.text)
        return self._content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.text.cell_len

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class ReviewOptions(OptionList):
    """The rows; option ids are review ids.

    A click on a row highlights it (showing its preview); a click on the highlighted row
    opens it, as ``enter`` does.
    """

    DEFAULT_CSS = """
    ReviewOptions {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line per row (rows never wrap): no need to measure a thousand rows."""
        return self.option_count

    def render_line(self, y: int) -> Strip:
        """The row, with ``CURSOR_MARK`` over its first cell when it is the highlighted one.

        Rows are one line each, so line and option index are the same. Painting the mark here
        keeps the rows themselves unchanged by a cursor move: a key redraws two lines instead
        of replacing two options (which re-measures every row of a long list)."""
        strip = super().render_line(y)
        if self.scroll_offset.y + y != self.highlighted or not strip.cell_length:
            return strip
        first = next(iter(strip), None)
        mark = Strip([Segment(CURSOR_MARK, first.style if first else None)], 1)
        return Strip.join([mark, strip.crop(1, strip.cell_length)])

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # replaces OptionList's click-selects behaviour
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self._options[clicked].disabled:
            return
        if clicked == self.highlighted:
            self.action_select()
        else:
            self.highlighted = clicked


class ReviewList(Vertical):
    """Review rows with a ``▶`` on the cursor row (visible without colour) and ``•`` on
    reviews not opened yet this session. Posts ``Highlighted`` and ``Selected``."""

    DEFAULT_CSS = """
    ReviewList {
        height: auto;
        max-height: 45%;
    }
    ReviewList > .review-list--heading {
        height: 1;
        background: $panel;
    }
    ReviewList > ReviewOptions {
        height: auto;
        max-height: 100%;
    }
    """

    class Highlighted(Message):
        def __init__(self, review: Review | None) -> None:
            super().__init__()
            self.review = review

    class Selected(Message):
        def __init__(self, review: Review) -> None:
            super().__init__()
            self.review = review

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._reviews: list[Review] = []
        self._by_id: dict[str, Review] = {}
        """The rows shown, by review id."""
        self._read: set[str] = set()
        self._widths: dict[str, int] = {}
        self._longest = (0, 0)
        """``longest_names`` of the rows shown (computed once per ``show_reviews``)."""
        self._tones: dict[str, ReviewTone] = {}

    def compose(self) -> ComposeResult:
        yield Static(classes="review-list--heading")
        yield ReviewOptions(compact=True)

    @property
    def options(self) -> ReviewOptions:
        return self.query_one(ReviewOptions)

    @property
    def reviews(self) -> list[Review]:
        return list(self._reviews)

    @property
    def highlighted_review(self) -> Review | None:
        index = self.options.highlighted
        if index is None or not 0 <= index < len(self._reviews):
            return None
        return self._reviews[index]

    @property
    def row_count(self) -> int:
        return len(self._reviews)

    def row_text_of(self, review_id: str) -> str:
        """The row as shown, cursor mark included (for tests and the palette)."""
        options = self.options
        index = options.get_option_index(review_id)
        row = str(options.get_option_at_index(index).prompt)
        return CURSOR_MARK + row[1:] if index == options.highlighted else row

    def focus(self, scroll_visible: bool = True) -> ReviewList:
        self.options.focus(scroll_visible)
        return self

    def show_reviews(self, reviews: Sequence[Review], read: set[str], keep: str | None) -> None:
        """Replace the rows, keeping the cursor on review ``keep`` when it is still listed."""
        self._reviews = list(reviews)
        self._by_id = {review.id: review for review in self._reviews}
        self._longest = longest_names(self._reviews)
        self._read = set(read)
        self._rebuild(keep)

    def show_tones(self, tones: Mapping[str, ReviewTone]) -> None:
        """Fill the tone and arc columns (review id -> tone), keeping the cursor.

        Rows are redrawn ``TONE_BATCH`` at a time, the visible ones first, by an async worker
        that lets the event loop run between batches: a key pressed meanwhile waits for one
        batch (a few ms), not for a thousand rows. While another screen is on top (a search
        opened at once), it stops: the browse screen rebuilds every row, tones included, when
        it is shown again, and the search does not share the CPU with rows nobody sees."""
        self._tones.update(tones)
        first = max(0, self.options.scroll_offset.y)
        reviews = self._reviews[first:] + self._reviews[:first]
        ids = [r.id for r in reviews if r.id in tones]
        self.run_worker(self._fill_tone_rows(ids), group="tone-rows", exclusive=True,
                        description="fill tone rows")

    async def _fill_tone_rows(self, review_ids: list[str]) -> None:
        for start in range(0, len(review_ids), TONE_BATCH):
            if not self.screen.is_active:  # (``is_current`` counts a screen under another)
                return
            by_id = self._by_id
            for review_id in review_ids[start : start + TONE_BATCH]:
                review = by_id.get(review_id)
                if review is not None:  # still listed (the filter may have changed since)
                    self.options.replace_option_prompt(review_id, self._row(review))
            await asyncio.sleep(0)

    def tone_of(self, review_id: str) -> ReviewTone | None:
        """The tone shown for the review, None until ``show_tones`` brought it."""
        return self._tones.get(review_id)

    def move_to(self, index: int) -> None:
        if self._reviews:
            self.options.highlighted = min(max(index, 0), len(self._reviews) - 1)

    def cursor_down(self) -> None:
        self.options.action_cursor_down()

    def cursor_up(self) -> None:
        self.options.action_cursor_up()

    def _rebuild(self, keep: str | None) -> None:
        # Before the first layout there is no size; the list spans the screen, so use that.
        width = (self.size.width or self.app.size.width) - 1  # room for a scrollbar
        self._widths = fitted_widths(width, *self._longest)
        self.query_one(".review-list--heading", Static).update(heading_text(self._widths))
        ids = [review.id for review in self._reviews]
        row = ids.index(keep) if keep in ids else 0
        options = self.options
        options.clear_options()
        options.add_options(Option(self._row(review), id=review.id) for review in self._reviews)
        if ids:
            options.highlighted = row
        else:
            self.post_message(self.Highlighted(None))

    def _row(self, review: Review) -> ReviewRow:
        return ReviewRow(partial(row_text, review, self._widths, read=review.id in self._read,
                                 tone=self._tones.get(review.id)))

    def on_resize(self, event: Resize) -> None:
        if self._reviews and fitted_widths(event.size.width - 1, *self._longest) != self._widths:
            current = self.highlighted_review
            self._rebuild(current.id if current else None)

    @on(OptionList.OptionHighlighted)
    def _option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.highlighted_review))

    @on(OptionList.OptionSelected)
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        review = self.highlighted_review
        if review is not None:
            self.post_message(self.Selected(review))
