"""Regenerate the user guide's search screenshots from the real corpus at 100x32.

    python docs/images/make_search_screenshots.py

Writes SVGs, and PNGs next to them when ``rsvg-convert`` (librsvg) is installed.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
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
            await settle(pilot)
            await pilot.press("slash", *"mulligen knightly")
            await settle(pilot)
            export(app, "search")
            await pilot.press("enter")
            await settle(pilot)
            export(app, "search-reader")


if __name__ == "__main__":
    asyncio.run(main())
