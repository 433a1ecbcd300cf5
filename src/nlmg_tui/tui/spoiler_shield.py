"""Spoiler-free mode: which paragraphs the app hides behind a labelled bar, and which the user
has revealed this session.

The levels come from ``corpus.spoiler_levels`` (rules in docs/spoilers.md). The mode is a
setting (on at first run, remembered); what was revealed lasts for the session only, so a
later session starts shielded again. This module has no Textual imports: every screen asks it
the same question, ``hides(review, paragraph_id)``. The rules (and the gazetteer and
rapidfuzz under them) are imported on first use: the app's first frame doesn't need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlmg_tui.corpus.models import Review

if TYPE_CHECKING:
    from nlmg_tui.corpus.spoiler_levels import SpoilerLevel

SETTING = "spoiler_free"
"""The settings key; absent (first run) means on."""

LEVEL_NAMES = {"premise": "premise reveal", "ending": "ending"}
SHIELD_GLYPH = "▒▒"
"""Starts every bar that stands for a hidden passage, on every screen."""


def spoiler_free_setting(settings: dict[str, object]) -> bool:
    """The remembered mode: on unless the user turned it off (a bad value counts as on)."""
    return settings.get(SETTING, True) is not False


class SpoilerShield:
    """The mode plus this session's revealed paragraphs, shared by every screen."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._levels: dict[str, dict[str, SpoilerLevel]] = {}
        self._revealed: set[tuple[str, str]] = set()

    def levels(self, review: Review) -> dict[str, SpoilerLevel]:
        """Paragraph id -> level: stored with the review when current, else computed once."""
        if review.id not in self._levels:
            from nlmg_tui.corpus.derived_store import shared_derived

            self._levels[review.id] = shared_derived().get(review).spoiler_levels
        return self._levels[review.id]

    def level(self, review: Review, paragraph_id: str) -> SpoilerLevel:
        from nlmg_tui.corpus.spoiler_levels import SpoilerLevel

        return self.levels(review).get(paragraph_id) or SpoilerLevel("none")

    def hides(self, review: Review | None, paragraph_id: str | None) -> bool:
        """True when the paragraph must show as a bar now."""
        if not self.enabled or review is None or paragraph_id is None:
            return False
        if (review.id, paragraph_id) in self._revealed:
            return False
        return self.level(review, paragraph_id).shielded

    def hidden_ids(self, review: Review) -> list[str]:
        """The review's paragraphs hidden now, in order."""
        return [p.id for p in review.paragraphs if self.hides(review, p.id)]

    def shielded_ids(self, review: Review) -> list[str]:
        """The review's paragraphs that give something away, hidden or not."""
        levels = self.levels(review)
        return [p.id for p in review.paragraphs if p.id in levels and levels[p.id].shielded]

    def reveal(self, review: Review, paragraph_id: str) -> None:
        self._revealed.add((review.id, paragraph_id))

    def cover(self, review: Review, paragraph_id: str) -> None:
        """Hide a revealed paragraph again."""
        self._revealed.discard((review.id, paragraph_id))

    def reveal_all(self, review: Review) -> int:
        """Reveal every hidden paragraph of ``review``; returns how many were hidden."""
        hidden = self.hidden_ids(review)
        self._revealed.update((review.id, pid) for pid in hidden)
        return len(hidden)

    def cover_all(self, review: Review) -> int:
        """Hide again every revealed spoiler of ``review``; returns how many."""
        before = len(self._revealed)
        self._revealed.difference_update((review.id, pid) for pid in self.shielded_ids(review))
        return before - len(self._revealed)


def bar_label(level: SpoilerLevel, words: int, *, has_hit: bool = False) -> str:
    """What a hidden paragraph shows instead of its text (it never quotes the text or the
    reasons, which would give the plot away)."""
    name = LEVEL_NAMES.get(level.level, level.level)
    label = f"Spoiler hidden ({name}) · {words:,} words"
    if has_hit:
        label += " · holds a search hit"
    return label
