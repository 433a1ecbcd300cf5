"""Regenerate the user guide's bookmark, watchlist and mentions screenshots from the real corpus.

    python docs/images/make_library_screenshots.py

Writes SVGs, and PNGs next to them when ``rsvg-convert`` (librsvg) is installed.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
from pathlib import Path

from textual.pilot import Pilot

from nlmg_tui.library.passages import passage_from_review, sentence_spans
from nlmg_tui.tui.app import make_app

HERE = Path(__file__).resolve().parent
SIZE = (100, 32)


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def seed(app) -> None:
    """A few bookmarks (one a sentence, one an orphan) and a small watchlist."""
    library = app.library
    reviews = app.corpus.reviews
    first = reviews[0]
    start, end = sentence_spans(first.paragraphs[1].text)[0]
    library.bookmark_passage(passage_from_review(first, first.paragraphs[1].id, start, end),
                             note="The one-line version of the whole review.", tags=["verdict"])
    library.bookmark_passage(passage_from_review(reviews[2], reviews[2].paragraphs[3].id),
                             note="Compare with Ebert on the ending.", tags=["ending", "cast"])
    library.bookmark_passage(passage_from_review(reviews[1], reviews[1].paragraphs[2].id))
    library.add_bookmark(reviews[3].id, "p99", "A passage a later version of this review cut.",
                         note="Kept as an orphan: r re-anchors it.")
    library.add_film("One Hour Photo", 2002)
    atonement = library.add_film("Atonement", 2007).item
    library.mark_watched(atonement.id, "2026-11-14", rating=4)
    library.add_film("Solaris (1972)", note="Not in the reviews: any title can be added.")


def export(app, name: str) -> None:
    svg = HERE / f"{name}.svg"
    app.save_screenshot(str(svg))
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", str(svg), "-o", str(svg.with_suffix(".png"))],
                       check=True)


async def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        app = make_app(data_dir=data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            seed(app)
            await pilot.press("B")
            await settle(pilot)
            export(app, "bookmarks")
            await pilot.press("q", "W", "j")
            await settle(pilot)
            export(app, "watchlist")
            await pilot.press("q", "M", "j", "j", "j", "j", "j", "j", "j")
            await settle(pilot)
            export(app, "mentions")
            await pilot.press("q")
            app.open_reader(app.corpus.reviews[0].id, app.corpus.reviews[0].paragraphs[3].id)
            await settle(pilot)
            await pilot.press("v", "l", "L")
            await settle(pilot)
            export(app, "reader-select")


if __name__ == "__main__":
    asyncio.run(main())
