"""Scrolling two reviews together: where the other side should be when one side scrolls.

The aligned pairs are anchors: when the top of the left view reaches a paired paragraph, the
right view shows its partner at the top. Between anchors the offset is interpolated, so the
side with the longer stretch scrolls faster, as Meld scrolls two files around a diff.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


def sync_offset(y: float, anchors: Sequence[tuple[float, float]]) -> float:
    """Map offset ``y`` of one side onto the other through ``anchors``.

    ``anchors`` are ``(this_side_y, other_side_y)`` pairs in increasing order on both sides
    (the first is usually ``(0, 0)``, the last the two content heights). Offsets outside the
    anchors keep the distance to the nearest one.
    """
    if not anchors:
        return y
    points = sorted(anchors)
    xs = [x for x, _ in points]
    if y <= xs[0]:
        return points[0][1] + (y - xs[0])
    if y >= xs[-1]:
        return points[-1][1] + (y - xs[-1])
    index = bisect_right(xs, y) - 1
    (x0, y0), (x1, y1) = points[index], points[index + 1]
    if x1 == x0:
        return y0
    return y0 + (y - x0) * (y1 - y0) / (x1 - x0)


def flipped(anchors: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The same anchors seen from the other side."""
    return [(other, this) for this, other in anchors]
