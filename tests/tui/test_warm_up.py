"""The warm-up imports the screens the first keys open, once the first frame is drawn, and a
failing import there is left for the screen to report."""

from __future__ import annotations

import os
import subprocess
import sys

from nlmg_tui.tui.warm_up import WARM_MODULES, import_quietly


def test_a_failing_import_is_named_not_raised() -> None:
    assert import_quietly(("nlmg_tui.no_such_module", "json")) == ["nlmg_tui.no_such_module"]


def test_the_app_imports_the_search_screen_only_after_the_first_frame(tmp_path) -> None:
    """Before the first frame nothing imports it (start-up stays as fast); after it the
    warm-up worker does, so ``/`` finds it imported."""
    code = """
import asyncio, sys
from nlmg_tui.tui.app import make_app
import nlmg_tui.tui.warm_up as warm_up
assert "nlmg_tui.tui.screens.search" not in sys.modules
async def main():
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        print(sorted(m for m in warm_up.WARM_MODULES if m in sys.modules))
asyncio.run(main())
"""
    env = {**os.environ, "NLMG_TUI_DATA_DIR": str(tmp_path / "data"),
           "NLMG_TUI_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(sorted(WARM_MODULES))
