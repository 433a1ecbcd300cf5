"""Shared CLI plumbing: the context object, safe printing and one-line failures."""

from __future__ import annotations

import json
import sys
import traceback
from dataclasses import dataclass
from typing import Any, NoReturn

import click
from rich.console import Console

from nlmg_tui.textsafety import one_line, strip_unsafe


@dataclass
class AppContext:
    data_dir: str | None = None
    debug: bool = False


def console() -> Console:
    """A console for stdout; Rich markup and emoji codes are off because data is untrusted."""
    return Console(markup=False, emoji=False, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    """JSON escapes every control character, so untrusted text cannot reach the terminal raw."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error and exit non-zero."""
    click.echo(f"nlmg-tui: error: {one_line(message)}", err=True)
    sys.exit(code)


def report_error(error: BaseException, debug: bool) -> None:
    if debug:  # the traceback may quote untrusted text: strip escape sequences from it too
        click.echo(strip_unsafe("".join(traceback.format_exception(error))), err=True)
    message = one_line(str(error)) or type(error).__name__
    click.echo(f"nlmg-tui: error: {message} (run with --debug for details)", err=True)
