"""Spoilers on the command line: `show` and `compare` hide what the app's spoiler-free mode
hides (premise and ending reveals, docs/spoilers.md) unless `--spoilers` is given."""

from __future__ import annotations

import click
from rich.text import Text

from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.spoiler_shield import LEVEL_NAMES, SHIELD_GLYPH

SPOILERS = click.option(
    "--spoilers",
    "show_spoilers",
    is_flag=True,
    help="Show the passages that give the story away (hidden by default, as in the app).",
)


def hidden_levels(review: Review, show_spoilers: bool) -> dict[str, str]:
    """Paragraph id -> spoiler level for the paragraphs to hide (none with ``--spoilers``)."""
    if show_spoilers:
        return {}
    from nlmg_tui.corpus.spoiler_levels import spoiler_levels

    return {pid: level.level for pid, level in spoiler_levels(review).items() if level.shielded}


def hidden_bar(review: Review, paragraph_id: str, level: str) -> Text:
    """The line that stands for a hidden paragraph: what kind of reveal, and how long."""
    paragraph = review.paragraph(paragraph_id)
    words = len(paragraph.text.split()) if paragraph else 0
    name = LEVEL_NAMES.get(level, level)
    return Text(f"{SHIELD_GLYPH} Spoiler hidden ({name}) · {words} words · --spoilers shows it",
                style="dim")


def hidden_note(count: int) -> str:
    return f"{count} spoiler paragraph(s) hidden; --spoilers shows them"
