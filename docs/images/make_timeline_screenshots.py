"""Regenerate the user guide's reception-timeline screenshot (SVG) from the real corpus, plotting
the tone (the default).

    python docs/images/make_timeline_screenshots.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from nlmg_tui.tui.app import make_app

HERE = Path(__file__).resolve().parent
SIZE = (100, 32)


async def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        app = make_app(data_dir=data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_timeline()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("j")  # the later dated review: its point on the plot is marked
            await pilot.pause()
            app.clear_notifications()
            await pilot.pause()
            app.save_screenshot(str(HERE / "timeline.svg"))


if __name__ == "__main__":
    asyncio.run(main())
