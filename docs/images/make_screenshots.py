"""Regenerate the user guide's screenshots (SVG) from the real corpus at 100x32.

    python docs/images/make_screenshots.py              # all of them
    python docs/images/make_screenshots.py browse film-facts   # just these
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from nlmg_tui.tui.app import make_app

HERE = Path(__file__).resolve().parent
SIZE = (100, 32)


async def main(names: set[str]) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        app = make_app(data_dir=data_dir)
        async with app.run_test(size=SIZE) as pilot:

            async def shot(name: str, *keys: str) -> None:
                await pilot.press(*keys)
                await pilot.pause()
                if not names or name in names:
                    app.save_screenshot(str(HERE / f"{name}.svg"))

            await pilot.pause()
            await app.workers.wait_for_complete()  # the list's tone columns, the spoiler check
            await pilot.pause()
            await pilot.pause()
            await shot("browse")
            await shot("film-facts", "i")
            await pilot.press("i")
            app.open_reader("001", paragraph_id="p4")  # a spoiler warning
            await shot("reader")
            await shot("reader-verdict", "G")
            await shot("help", "question_mark")
            await pilot.press("escape", "q")
            app.open_comments("002")
            await shot("comments", "j", "enter")
            await pilot.press("q")
            await pilot.resize_terminal(40, 12)
            await shot("too-small")


if __name__ == "__main__":
    asyncio.run(main(set(sys.argv[1:])))
