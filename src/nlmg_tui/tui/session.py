"""What the app remembers while it runs: read reviews, reading positions, the list order.

Only the read reviews outlive the session: ``read_changed`` (the app) saves them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class ReadingSession:
    positions: dict[str, int] = field(default_factory=dict)
    """Paragraph index the reader's cursor was on, per review id."""
    read: set[str] = field(default_factory=set)
    """Reviews read: scrolled through in the reader, in this session or an earlier one."""
    order: tuple[str, ...] = ()
    """Review ids in the order the browse list shows them (for next/previous review)."""
    current_review_id: str | None = None
    """The review last highlighted or read; the browse list returns to it."""
    read_changed: Callable[[set[str]], object] | None = None
    """Called with ``read`` when a review is newly marked read (the app saves the marks)."""

    def mark_read(self, review_id: str) -> bool:
        """Count ``review_id`` as read; True when it was not yet."""
        if review_id in self.read:
            return False
        self.read.add(review_id)
        if self.read_changed is not None:
            self.read_changed(self.read)
        return True

    def neighbour(self, review_id: str, step: int, fallback: tuple[str, ...]) -> str | None:
        """The review ``step`` places from ``review_id`` in the list order, or None at an end.

        ``fallback`` (the corpus order) is used when the review is not in the list, e.g. when
        it was opened from the command palette while a filter hid it.
        """
        order = self.order if review_id in self.order else fallback
        if review_id not in order:
            return None
        index = order.index(review_id) + step
        return order[index] if 0 <= index < len(order) else None
