"""What a page's metadata (HTML meta tags, JSON-LD, Markdown front matter) says about a review.

Hints only fill what the text itself does not say; their evidence has line 0.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageHints:
    headline: str | None = None
    critic: str | None = None
    outlet: str | None = None
    published: str | None = None
    rating_text: str | None = None
    film: str | None = None
