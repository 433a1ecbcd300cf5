"""The comparison's status line: where the cursor is, pins, marks, and what a pair shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.text import Text

from nlmg_tui.compare.align import AlignedPair
from nlmg_tui.textsafety import one_line


@dataclass(frozen=True)
class CompareStatus:
    """What the status line reports (a snapshot of the screen's state)."""

    view: str  # "aligned" | "whole"
    side: str
    pairs: Sequence[AlignedPair] = ()
    row: int = 0
    locked: bool = True
    whole_cursor: dict[str, int] = field(default_factory=dict)
    paragraph_counts: dict[str, int] = field(default_factory=dict)
    pins: Sequence[tuple[str, str]] = ()
    marked: tuple[str, str] | None = None
    busy: bool = False
    problem: str | None = None
    shared_names: Sequence[str] = ()
    """Names of what the cursor pair shares (aligned view)."""
    hidden_spoilers: int = 0
    """Paragraphs of the two reviews hidden as spoilers now."""


def _where(state: CompareStatus) -> Text:
    """The view and where the cursor is in it."""
    status = Text()
    pair = state.pairs[min(state.row, len(state.pairs) - 1)] if state.pairs else None
    if state.view == "aligned":
        status.append("Aligned", style="bold")
        if pair is not None:
            status.append(f" · row {state.row + 1} of {len(state.pairs)}")
            status.append(f" · {pair.left or 'gap'} ↔ {pair.right or 'gap'}")
            if not pair.is_gap:
                status.append(f" · score {pair.score:.2f}")
                if pair.pinned:
                    status.append(" · pinned", style="bold")
    else:
        status.append("Whole reviews", style="bold")
        status.append(" · scroll lock " + ("on" if state.locked else "off (L)"))
        for side in ("left", "right"):
            count = state.paragraph_counts.get(side, 0)
            if count:
                status.append(f" · {side} ¶ {state.whole_cursor.get(side, 0) + 1}/{count}")
    status.append(f" · {state.side} side")
    return status


def status_text(state: CompareStatus) -> Text:
    status = _where(state)
    if state.hidden_spoilers:  # early in the line: it tells what the bars are and how to lift them
        count = state.hidden_spoilers
        status.append(f" · {count} spoiler{'s' * (count != 1)} hidden (s, S)")
    if state.pins:
        status.append(" · pins " + ", ".join(f"{a}={b}" for a, b in state.pins))
    if state.marked is not None:
        side, paragraph_id = state.marked
        other = "right" if side == "left" else "left"
        status.append(f" · ◆ {side} {paragraph_id} marked: m on a {other} ¶ pins", style="bold")
    if state.busy:
        status.append(" · aligning…", style="italic")
    if state.problem:
        status.append(f" · {one_line(state.problem)}", style="bold")
    if state.view == "aligned" and state.shared_names:
        status.append(" · shared: " + ", ".join(one_line(n) for n in state.shared_names))
    return status
