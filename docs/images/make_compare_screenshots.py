"""Regenerate the user guide's comparison and topic-map screenshots (SVG) from the real corpus.

    python docs/images/make_compare_screenshots.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from textual.pilot import Pilot

from nlmg_tui.tui.app import make_app

HERE = Path(__file__).resolve().parent
SIZE = (100, 32)


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        app = make_app(data_dir=data_dir)
        async with app.run_test(size=SIZE) as pilot:

            async def shot(name: str, *keys: str) -> None:
                await pilot.press(*keys)
                await settle(pilot)
                app.clear_notifications()
                await pilot.pause()
                app.save_screenshot(str(HERE / f"{name}.svg"))

            await pilot.pause()
            await pilot.press("G", "space", "g")  # browse: mark a review for comparing
            await shot("compare-marks")
            await pilot.press("space")
            app.open_compare("000", "002")
            await settle(pilot)
            # spoiler-free mode is on in a fresh data dir: 000 p2 and 002 p5 reveal the premise
            await shot("compare-spoilers", "j", "j", "j", "j")
            await shot("compare", "S")  # shown: Kathy, Ruth and Tommy introduced
            # pin 000 p1 to 002 p1: mark the right p1 (row 1), then the left p1 (row 3)
            await shot("compare-pinned", "g", "l", "m", "h", "j", "j", "m")
            await shot("compare-whole", "v")
            await pilot.press("q")
            app.open_topics()
            await settle(pilot)
            await shot("topics", "j", "j", "j", "j", "j")  # the ending, James Rocchi


if __name__ == "__main__":
    asyncio.run(main())
