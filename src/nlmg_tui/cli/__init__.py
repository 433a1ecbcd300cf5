"""The ``nlmg-tui`` command: no subcommand opens the app; subcommands serve scripts.

Each group of subcommands lives in its own module and is registered here.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from nlmg_tui import __version__
from nlmg_tui.cli.context import AppContext, fail, report_error

DEBUG_ENV = "NLMG_TUI_DEBUG"


# Subcommands load on first use, so `nlmg-tui` (the app) starts without importing them all.
LAZY_COMMANDS = {
    "reviews": "nlmg_tui.cli.corpus_cmds:reviews_command",
    "show": "nlmg_tui.cli.corpus_cmds:show_command",
    "corpus": "nlmg_tui.cli.corpus_cmds:corpus_group",
    "search": "nlmg_tui.cli.search_cmd:search_command",
    "bookmarks": "nlmg_tui.cli.library_cmds:bookmarks_group",
    "watchlist": "nlmg_tui.cli.library_cmds:watchlist_group",
    "compare": "nlmg_tui.cli.compare_cmds:compare_command",
    "topics": "nlmg_tui.cli.compare_cmds:topics_command",
    "import": "nlmg_tui.cli.import_cmds:import_command",
    "imports": "nlmg_tui.cli.import_cmds:imports_group",
    "serve": "nlmg_tui.cli.serve_cmd:serve_command",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when named (or listed by --help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(LAZY_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="nlmg-tui")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Where bookmarks, watchlist and imports live (default: the user data dir; "
    "or $NLMG_TUI_DATA_DIR).",
)
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, debug: bool) -> None:
    """Read, search, compare and keep the reviews of Never Let Me Go (2010).

    With no command, opens the terminal app on the bundled reviews and your imports.
    """
    ctx.obj = AppContext(data_dir=data_dir, debug=debug or bool(os.environ.get(DEBUG_ENV)))
    if ctx.invoked_subcommand is None:
        launch_app(ctx.obj)


def launch_app(context: AppContext) -> None:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        fail("nlmg-tui needs a terminal to open the app; the subcommands (see --help) work piped.")
    from nlmg_tui.tui.app import make_app

    make_app(data_dir=context.data_dir).run()


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one-line errors, no tracebacks unless --debug."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get(DEBUG_ENV))
    try:
        cli.main(args=args, prog_name="nlmg-tui", standalone_mode=False)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.exceptions.Abort:
        click.echo("nlmg-tui: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        click.echo(f"nlmg-tui: error: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - last line of defence for the user
        report_error(error, debug=debug)
        sys.exit(1)
