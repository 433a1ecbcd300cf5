"""The one line every list shows in place of a passage that spoiler-free mode hides."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.spoiler_shield import LEVEL_NAMES, SHIELD_GLYPH

Hides = Callable[[Review | None, str | None], bool]
"""``SpoilerShield.hides``: is this paragraph of this review hidden now?"""


def nothing_hidden(review: Review | None, paragraph_id: str | None) -> bool:
    return False


def spoiler_line(level: str | None = None, *, hint: str = "") -> Text:
    """``▒▒ Spoiler hidden (premise reveal)`` plus an optional hint, never the passage."""
    name = f" ({LEVEL_NAMES.get(level, level)})" if level else ""
    text = Text(end="")
    text.append(f"{SHIELD_GLYPH} ", style="bold")
    text.append(f"Spoiler hidden{name}", style="bold")
    if hint:
        text.append(f" · {hint}", style="italic")
    return text
