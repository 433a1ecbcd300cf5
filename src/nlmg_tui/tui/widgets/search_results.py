"""The search screen's list: hits (critic, review, field, snippet) or, for an empty box, the
session's recent searches.

Every row is a ``Text`` built from plain strings; the match is a style span, so brackets in a
review or a query are never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.search.render import snippet_text
from nlmg_tui.search.results import Hit
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.spoiler_shield import LEVEL_NAMES, SHIELD_GLYPH

HiddenLevel = Callable[[Review, str], str | None]
"""The spoiler level (``premise``/``ending``) when spoiler-free mode hides a review's paragraph
now, else None."""

HEADLINE_CHARS = 48
HIT_PREFIX = "hit-"
HISTORY_PREFIX = "history-"
RESULTS = Binding.Group("Results")


def field_label(hit: Hit, review: Review | None) -> str:
    """Where the hit sits, in the reader's words: ``¶ 3``, ``verdict ¶ 9``, ``comment #4``,
    ``✎ note on ¶ 3`` (the user's note on a bookmark in paragraph 3)."""
    if hit.comment_number is not None:
        return f"comment #{hit.comment_number}"
    position = ""
    if hit.paragraph_id is not None:
        index = review.paragraph_index(hit.paragraph_id) if review is not None else None
        position = f"¶ {index + 1}" if index is not None else f"¶ {one_line(hit.paragraph_id)}"
    if hit.field == "note":
        return f"✎ note on {position}" if position else "✎ note"
    names = {"paragraph": "", "verdict": "verdict", "quote": "pull quote"}
    name = names.get(hit.field, one_line(hit.field))
    return " ".join(part for part in (name, position) if part) or name


def hidden_hit_text(level: str) -> Text:
    """What a hit inside a hidden paragraph shows instead of its snippet."""
    name = LEVEL_NAMES.get(level, level)
    return Text.assemble((f"{SHIELD_GLYPH} ", "bold"), (f"In a hidden spoiler paragraph ({name})", "bold"),
                         (" · enter opens it behind its bar", "italic"), end="")


def _nothing_hidden(review: Review, paragraph_id: str) -> str | None:
    return None


class IndentedPrompt(Text):
    """A result row: a first line, then a body whose wrapped lines all keep a two-cell indent.

    It is still ``Text`` (its plain text is ``head`` + newline + indent + ``body``, spans
    included) for the tests and the palette; on screen it draws as the head above the padded
    body.
    """

    INDENT = 2

    def __init__(self, head: Text, body: Text) -> None:
        super().__init__(end="")
        self.append_text(head)
        self.append("\n" + " " * self.INDENT)
        self.append_text(body)
        self.head, self.body = head.copy(), body.copy()
        self.head.end = self.body.end = "\n"

    def visualize(self) -> Group:
        """What Textual draws (``textual.visual.visualize`` asks for it)."""
        return Group(self.head, Padding(self.body, (0, 0, 0, self.INDENT)))


def hit_prompt(hit: Hit, review: Review | None, hidden_level: HiddenLevel = _nothing_hidden) -> Text:
    """Two or three lines: critic · headline · field, then the snippet with the match styled
    (or, when the hit's paragraph is hidden as a spoiler, a line that says so, without text).

    A note hit always shows its snippet: it is the user's own note, never the paragraph's text.
    """
    text = Text(end="")
    if review is None:
        text.append(one_line(hit.review_id), style="bold")
    else:
        text.append(labels.review_name(review), style="bold")
        if headline := labels.headline_after_name(review):
            text.append(" · ")
            text.append(labels.fit(headline, HEADLINE_CHARS), style="italic")
    text.append(" · ")
    text.append(field_label(hit, review), style="bold")
    level = (hidden_level(review, hit.paragraph_id)
             if review is not None and hit.paragraph_id is not None and hit.field != "note"
             else None)
    return IndentedPrompt(text, hidden_hit_text(level) if level else snippet_text(hit))


def history_prompt(query: str) -> Text:
    return Text.assemble(("↻ ", "dim"), one_line(query), end="")


class SearchResults(OptionList):
    """Hits of the current query, or recent searches; option ids say which (``hit-3``,
    ``history-0``)."""

    BINDINGS = [
        Binding("down", "cursor_down", "Next", group=RESULTS, id="search.list.down"),
        Binding("up", "cursor_up", "Previous", group=RESULTS, id="search.list.up"),
        Binding("enter", "select", "Open", id="search.list.open"),
    ]

    DEFAULT_CSS = """
    SearchResults {
        height: 1fr;
        border: none;
        padding: 0;
    }
    SearchResults:focus {
        border: none;
    }
    SearchResults > .option-list--option {
        padding: 0 1;
    }
    """

    hits: tuple[Hit, ...] = ()
    """The hits shown, in list order (empty while recent searches are shown)."""
    history: tuple[str, ...] = ()
    """The recent searches shown, newest first."""

    def show_hits(self, hits: Sequence[Hit], corpus: Corpus,
                  hidden_level: HiddenLevel = _nothing_hidden) -> None:
        """Show ``hits``; those in paragraphs hidden as spoilers show no text."""
        keep = self.highlighted if tuple(hits) == self.hits else None
        self.hits = tuple(hits)
        self.history = ()
        self.set_options(Option(hit_prompt(hit, corpus.get(hit.review_id), hidden_level),
                                id=f"{HIT_PREFIX}{number}")
                         for number, hit in enumerate(self.hits))
        self.highlighted = keep if keep is not None else (0 if self.hits else None)

    def show_history(self, queries: Sequence[str]) -> None:
        self.hits = ()
        self.history = tuple(queries)
        self.set_options(Option(history_prompt(query), id=f"{HISTORY_PREFIX}{number}")
                         for number, query in enumerate(self.history))
        self.highlighted = None

    @property
    def highlighted_hit(self) -> Hit | None:
        index = self.highlighted
        if self.hits and index is not None and 0 <= index < len(self.hits):
            return self.hits[index]
        return None

    @property
    def highlighted_query(self) -> str | None:
        """The recent search under the cursor (when the list shows them)."""
        index = self.highlighted
        if self.history and index is not None and 0 <= index < len(self.history):
            return self.history[index]
        return None

    def move(self, step: int) -> None:
        """Move the cursor, entering the list at its top (or bottom) when nothing is highlighted."""
        if not self.option_count:
            return
        if self.highlighted is None:
            self.highlighted = 0 if step > 0 else self.option_count - 1
        else:
            self.highlighted = min(max(self.highlighted + step, 0), self.option_count - 1)
