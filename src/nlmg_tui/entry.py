"""The console script. A bare ``nlmg-tui`` opens the app without loading the CLI (click and the
subcommands cost start-up time the app does not need); anything else goes to ``cli.main``."""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    if len(sys.argv) > 1:
        from nlmg_tui.cli import main as cli_main

        cli_main()
        return
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        print("nlmg-tui: error: nlmg-tui needs a terminal to open the app; the subcommands "
              "(see --help) work piped.", file=sys.stderr)
        sys.exit(1)
    # Nothing made before the first frame is garbage, yet the collector would scan the
    # modules, the corpus and the widgets several times over (tens of ms at 1,000 reviews).
    # Paused until the first frame; then what exists is frozen (kept out of later scans, which
    # keeps collections short while keys are pressed) and collection resumes.
    gc.disable()
    try:
        from nlmg_tui.tui.app import make_app

        app = make_app()
        app.when_ready.append(_resume_collection)
        app.run()
    except Exception as error:  # noqa: BLE001 - one line for the user, as the CLI does
        from nlmg_tui.cli.context import report_error

        report_error(error, debug=bool(os.environ.get("NLMG_TUI_DEBUG")))
        sys.exit(1)
    finally:
        gc.enable()


def _resume_collection() -> None:
    gc.freeze()
    gc.enable()
