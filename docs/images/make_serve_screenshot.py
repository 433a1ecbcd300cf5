"""Regenerate the user guide's picture of `nlmg-tui serve` in headless Chromium.

    python docs/images/make_serve_screenshot.py

Needs Debian's ``chromium``. Uses the server and browser drivers of the end-to-end test
(tests/serve/conftest.py), with an empty data dir; writes docs/images/serve.png.
"""

from __future__ import annotations

import asyncio
import importlib.util
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRIVERS = HERE.parent.parent / "tests" / "serve" / "conftest.py"


def load_drivers():
    spec = importlib.util.spec_from_file_location("serve_drivers", DRIVERS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def main() -> None:
    drivers = load_drivers()
    with tempfile.TemporaryDirectory() as scratch:
        async with drivers.ChromiumPage(width=1280, height=760) as page, \
                drivers.ServedApp(Path(scratch) / "data", Path(scratch) / "serve.log") as served:
            await page.open(served.url)
            await page.wait_for("Sort: date", "James Rocchi")
            await page.focus()
            await page.wait_for("? Help")
            await page.press("j")
            await page.wait_for_screen(lambda screen: "▶•  bluemeanie" in screen,
                                       "the cursor on the second review")
            await page.screenshot(HERE / "serve.png")
    print(HERE / "serve.png")


if __name__ == "__main__":
    asyncio.run(main())
