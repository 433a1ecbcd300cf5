"""The Mentions screen: every person and film the reviews name, with counts and passages.

Left, the names (most mentioned first); right, the passages naming the highlighted one, the
name highlighted in each. Enter (or ``o``) opens a passage in the reader with the mentions
highlighted; ``a`` puts a film on the watchlist.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.gazetteer import Mention
from nlmg_tui.corpus.mentions import EntityMentions, Passage
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.textsafety import one_line, strip_unsafe
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.widgets.bookmark_library import library_call
from nlmg_tui.tui.widgets.bookmark_marks import paragraph_label
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan
from nlmg_tui.tui.widgets.spoiler_line import spoiler_line
from nlmg_tui.tui.widgets.watchlist_films import mention_index

MOVE = Binding.Group("Move")
SHOWN_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("films and people", ("film", "person")),
    ("films", ("film",)),
    ("people", ("person",)),
    ("every name and topic", ("film", "person", "company", "character", "place", "topic")),
)
SNIPPET_BEFORE, SNIPPET_AFTER = 70, 120
_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    """One line, single spaces, edge spaces kept (so the pieces of a snippet join cleanly)."""
    return _SPACES.sub(" ", strip_unsafe(text))


def word_window(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inwards to word boundaries (a cut never halves a word)."""
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start)
        start = space + 1 if space != -1 and space < end else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def snippet(text: str, mentions: tuple[Mention, ...]) -> Text:
    """The text around the first mention, cut at word boundaries, every mention in the
    window in reverse video."""
    if not mentions:
        start, end = word_window(text, 0, min(len(text), SNIPPET_BEFORE + SNIPPET_AFTER))
        return Text(_flat(text[:end]) + ("…" if end < len(text) else ""))
    start, end = word_window(text, max(0, mentions[0].start - SNIPPET_BEFORE),
                             min(len(text), mentions[0].end + SNIPPET_AFTER))
    start, end = min(start, mentions[0].start), max(end, mentions[0].end)
    result = Text("…" if start else "")
    position = start
    for mention in mentions:
        if mention.start < position or mention.end > end:
            continue
        result.append(_flat(text[position:mention.start]))
        result.append(_flat(text[mention.start:mention.end]), style="bold reverse")
        position = mention.end
    result.append(_flat(text[position:end]))
    if end < len(text):
        result.append("…")
    return result


def entity_text(entry: EntityMentions, on_watchlist: bool) -> Text:
    text = Text()
    text.append(f"{entry.entity.kind:<7}", style="dim")
    text.append(one_line(entry.entity.label), style="bold")
    text.append(f"  {entry.count}×")
    if on_watchlist:
        text.append("  ✓", style="bold")
    return text


class MentionsScreen(AppScreen):
    """Names on the left, the passages naming the highlighted one on the right."""

    MIN_SIZE = (60, 12)
    HELP_TITLE = "Mentions"
    AUTO_FOCUS = "#mention-names"

    BINDINGS = [
        Binding("enter,o", "open_passage", "Read passage", id="mentions.read"),
        Binding("a", "add_to_watchlist", "Add film to watchlist", id="mentions.add"),
        Binding("f", "cycle_kinds", "Show films/people…", id="mentions.kinds"),
        Binding("l,right", "focus_passages", "Passages", group=MOVE, show=False,
                id="mentions.passages"),
        Binding("h,left", "focus_names", "Names", group=MOVE, show=False, id="mentions.names"),
        Binding("j,down", "cursor_down", "Down", group=MOVE, show=False, id="mentions.down"),
        Binding("k,up", "cursor_up", "Up", group=MOVE, show=False, id="mentions.up"),
        Binding("g,home", "cursor_first", "First", group=MOVE, show=False,
                id="mentions.first"),
        Binding("G,end", "cursor_last", "Last", group=MOVE, show=False, id="mentions.last"),
        Binding("q,escape", "back", "Back", id="mentions.back"),
    ]

    DEFAULT_CSS = """
    #mentions-panes {
        height: 1fr;
        margin: 1 0 0 0;
    }
    #mention-names {
        width: 44;
        height: 1fr;
    }
    #mention-passages {
        width: 1fr;
        height: 1fr;
    }
    """

    KEY_GROUPS = {
        "Mentions": ("open_passage", "add_to_watchlist", "cycle_kinds"),
        "Move": ("focus_passages", "focus_names", "cursor_down", "cursor_up", "cursor_first",
                 "cursor_last"),
    }

    names = getters.query_one("#mention-names", OptionList)
    passages = getters.query_one("#mention-passages", OptionList)

    def __init__(self, corpus: Corpus, entity_id: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.index = mention_index(corpus)
        self.kinds_at = 0
        self.start_entity = entity_id
        if entity_id is not None:
            entry = self.index.get(entity_id)
            if entry is not None and entry.entity.kind not in SHOWN_KINDS[0][1]:
                self.kinds_at = len(SHOWN_KINDS) - 1

    def compose(self) -> ComposeResult:
        yield Static(id="mentions-title", classes="screen-title")
        with Horizontal(id="mentions-panes"):
            yield OptionList(id="mention-names", markup=False)
            yield OptionList(id="mention-passages", markup=False)
        yield from self.bottom_bars()

    def on_mount(self) -> None:
        self.show_names(keep=self.start_entity)
        if self.start_entity is not None and self.highlighted_entry is not None:
            self.passages.focus()
        self.nlmg.spoiler_shield_changed.subscribe(self, self._shield_changed)

    def _shield_changed(self, _: None) -> None:
        """Redraw the passages (hidden ones as bars), keeping the cursor where it was."""
        where = self.passages.highlighted
        self.show_passages()
        if where is not None and where < self.passages.option_count:
            self.passages.highlighted = where

    @property
    def shown_entries(self) -> tuple[EntityMentions, ...]:
        return self.index.of_kind(*SHOWN_KINDS[self.kinds_at][1])

    @property
    def highlighted_entry(self) -> EntityMentions | None:
        option = self.names.highlighted_option
        return self.index.get(option.id) if option is not None and option.id else None

    def _watchlist_ids(self) -> set[str]:
        """Films already on the watchlist (gazetteer ids)."""
        entries = library_call(self, lambda library: library.watchlist()) or []
        films = self.index.of_kind("film")
        return {f.entity.id for f in films
                if any(e.matches(f.entity.name, f.entity.year) for e in entries)}

    def show_names(self, keep: str | None = None) -> None:
        if keep is None and self.names.highlighted_option is not None:
            keep = self.names.highlighted_option.id
        entries = self.shown_entries
        on_list = self._watchlist_ids()
        self.names.set_options(Option(entity_text(e, e.entity.id in on_list), id=e.entity.id)
                               for e in entries)
        ids = [e.entity.id for e in entries]
        if ids:
            self.names.highlighted = ids.index(keep) if keep in ids else 0
        title = Text("Mentions", style="bold")
        title.append(f" · {len(entries)} {SHOWN_KINDS[self.kinds_at][0]} named in the reviews"
                     " (f changes) · ✓ on your watchlist")
        self.query_one("#mentions-title", Static).update(title)
        self.show_passages()

    def show_passages(self) -> None:
        entry = self.highlighted_entry
        options: list[Option | None] = []
        for number, passage in enumerate(entry.passages if entry else ()):
            assert entry is not None
            options += [Option(self._passage_text(entry, passage), id=str(number)), None]
        self.passages.set_options(options)
        if options:
            self.passages.highlighted = 0

    def _mentions_in(self, entry: EntityMentions, passage: Passage) -> tuple[Mention, ...]:
        return tuple(m for m in self.index.in_passage(passage.review_id, passage.paragraph_id)
                     if m.entity_id == entry.entity.id)

    def _passage_text(self, entry: EntityMentions, passage: Passage) -> Text:
        review = self.corpus.get(passage.review_id)
        paragraph = review.paragraph(passage.paragraph_id) if review else None
        text = Text()
        text.append(labels.short_title(review) if review else passage.review_id,
                    style="bold")
        text.append(f"  {paragraph_label(review, passage.paragraph_id)}\n")
        if paragraph is None or review is None:
            return text
        shield = self.nlmg.spoiler_shield
        if shield.hides(review, passage.paragraph_id):
            level = shield.level(review, passage.paragraph_id).level
            text.append_text(spoiler_line(level, hint="enter opens it behind its bar"))
        else:
            text.append_text(snippet(paragraph.text, self._mentions_in(entry, passage)))
        return text

    @on(OptionList.OptionHighlighted, "#mention-names")
    def _name_highlighted(self) -> None:
        self.show_passages()

    @on(OptionList.OptionSelected, "#mention-names")
    def _name_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_focus_passages()

    @on(OptionList.OptionSelected, "#mention-passages")
    def _passage_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_passage()

    # -- actions -------------------------------------------------------------------------

    def action_open_passage(self) -> None:
        """Open the highlighted passage in the reader, the name highlighted."""
        entry = self.highlighted_entry
        index = self.passages.highlighted
        if entry is None or index is None or index >= len(entry.passages):
            self.notify("No passage is selected.")
            return
        passage = entry.passages[index]
        spans = [HighlightSpan(passage.paragraph_id, m.start, m.end)
                 for m in self._mentions_in(entry, passage)]
        self.nlmg.open_reader(passage.review_id, passage.paragraph_id,
                             spans)

    def action_add_to_watchlist(self) -> None:
        entry = self.highlighted_entry
        if entry is None:
            return
        entity = entry.entity
        if entity.subject:
            self.notify(f"{one_line(entity.label)} is the film these reviews are about.",
                        markup=False)
            return
        if entity.kind != "film":
            self.notify(f"Only films go on the watchlist; {one_line(entity.name)} is a "
                        f"{entity.kind}.", markup=False)
            return
        added = library_call(self, lambda library: library.add_film(entity.name, entity.year),
                             failed="Not added:")
        if added is None:
            return
        label = one_line(entity.label)
        self.notify(f"Added {label} to the watchlist (W shows it)." if added.created
                    else f"{label} is already on the watchlist.", markup=False)
        self.show_names()

    def action_cycle_kinds(self) -> None:
        self.kinds_at = (self.kinds_at + 1) % len(SHOWN_KINDS)
        self.show_names()
        self.notify(f"Showing {SHOWN_KINDS[self.kinds_at][0]}.")

    def action_focus_passages(self) -> None:
        if self.passages.option_count:
            self.passages.focus()

    def action_focus_names(self) -> None:
        self.names.focus()

    def _focused_list(self) -> OptionList:
        return self.passages if self.focused is self.passages else self.names

    def action_cursor_down(self) -> None:
        self._focused_list().action_cursor_down()

    def action_cursor_up(self) -> None:
        self._focused_list().action_cursor_up()

    def action_cursor_first(self) -> None:
        self._focused_list().action_first()

    def action_cursor_last(self) -> None:
        self._focused_list().action_last()
