"""Regenerate the user guide's spoiler-free screenshots (SVG) from the real corpus at 100x32.

    python docs/images/make_spoiler_screenshots.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from nlmg_tui.corpus.spoiler_levels import spoiler_levels
from nlmg_tui.tui.app import make_app

HERE = Path(__file__).resolve().parent
SIZE = (100, 32)


async def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        app = make_app(data_dir=data_dir)
        review = max(app.corpus.reviews,
                     key=lambda r: sum(level.shielded for level in spoiler_levels(r).values()))
        hidden = [pid for pid, level in spoiler_levels(review).items() if level.shielded]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            app.open_reader(review.id, paragraph_id=hidden[1])
            await pilot.pause()
            app.save_screenshot(str(HERE / "reader-spoilers.svg"))
            await pilot.press("s")
            await pilot.pause()
            app.save_screenshot(str(HERE / "reader-spoiler-revealed.svg"))
            await pilot.press("s", "q", "slash", *"clones")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(str(HERE / "search-spoilers.svg"))


if __name__ == "__main__":
    asyncio.run(main())
