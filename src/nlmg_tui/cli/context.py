"""Shared CLI plumbing: the context object, safe printing and one-line failures."""

from __future__ import annotations

import json
import os
import sys
import traceback
from dataclasses import dataclass
from typing import Any, NoReturn

import click
from rich.console import Console, RenderableType

from nlmg_tui.textsafety import one_line, strip_unsafe


@dataclass
class AppContext:
    data_dir: str | None = None
    debug: bool = False


PIPE_WIDTH = 120
"""Columns for output to a pipe or file when $COLUMNS does not say (Rich would assume 80)."""


def console() -> Console:
    """A console for stdout; Rich markup and emoji codes are off because data is untrusted."""
    out = Console(markup=False, emoji=False, highlight=False, soft_wrap=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out.size = (PIPE_WIDTH, out.height)
    return out


def emit(renderable: RenderableType) -> None:
    """Print to stdout; when it is not a terminal (a pipe, a file), without the spaces that pad
    each line to the table's width, so the output diffs and greps cleanly."""
    out = console()
    if out.is_terminal:
        out.print(renderable)
        return
    with out.capture() as captured:
        out.print(renderable)
    text = "\n".join(line.rstrip() for line in captured.get().split("\n"))
    click.echo(text, nl=False)


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
