"""End to end: `nlmg-tui serve` opened in headless Chromium, read and used through the page.

Skipped where Chromium is not installed (CI installs Debian's ``chromium``).
"""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.library.library import Library

pytestmark = pytest.mark.e2e


def cursor_at(screen: str) -> tuple[int, str] | None:
    """Where the browse list's cursor (``▶``) is: its screen line and the critic on it."""
    for number, line in enumerate(screen.splitlines()):
        if line.lstrip().startswith("▶"):
            return number, line.lstrip("▶• ").split("  ")[0]
    return None


async def test_open_a_review_in_the_browser(page, served_app, user_data_dir) -> None:
    reviews = load_corpus().reviews
    review = next(review for review in reviews if review.critic == "James Rocchi")
    await page.open(served_app.url)
    shown = await page.wait_for("Sort: date", "James Rocchi", "Ken Hanke", "bluemeanie")
    assert "Never Let Me Go (2010)" in shown and f"{len(reviews)} reviews" in shown

    # Down the list to Rocchi's row, a key at a time, each time waiting for the cursor to move.
    seen = [cursor_at(shown)]
    while seen[-1] is None or seen[-1][1] != "James Rocchi":
        assert len(seen) <= len(reviews), f"the cursor went {seen}, never to Rocchi's row"
        await page.press("j")
        shown = await page.wait_for_screen(lambda screen: cursor_at(screen) not in (None, seen[-1]),
                                           f"the cursor to move down from {seen[-1]}")
        seen.append(cursor_at(shown))
    await page.press("Enter")

    first_words = " ".join(review.paragraphs[0].text.split()[:4])  # "Staging Kazuo Ishiguro's …"
    shown = await page.wait_for("% read", review.headline, first_words)
    assert "¶ 1/" in shown and "Sort: date" not in shown and "★" not in shown

    # The served app uses the data dir given to `serve`: a bookmark made in the page lands there.
    await page.press("b")
    await page.wait_for("★")
    bookmarks = Library(served_app.data_dir).bookmarks()
    assert [(b.review_id, b.paragraph_id) for b in bookmarks] == [(review.id, "p1")]
    assert Library(user_data_dir).bookmarks() == []
