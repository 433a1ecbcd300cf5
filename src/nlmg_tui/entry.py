"""The console script. A bare ``nlmg-tui`` opens the app without loading the CLI (click and the
subcommands cost start-up time the app does not need); anything else goes to ``cli.main``."""

from __future__ import annotations

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
    try:
        from nlmg_tui.tui.app import make_app

        make_app().run()
    except Exception as error:  # noqa: BLE001 - one line for the user, as the CLI does
        from nlmg_tui.cli.context import report_error

        report_error(error, debug=bool(os.environ.get("NLMG_TUI_DEBUG")))
        sys.exit(1)
