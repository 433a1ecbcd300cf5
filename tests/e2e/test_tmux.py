"""The installed ``nlmg-tui`` driven in a real terminal (tmux): open, read, help, quit.

Needs tmux (skipped without it) and the built corpus. Each test runs its own tmux server
(``-L``) so nothing touches the user's sessions; the server is killed at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlmg_tui import paths

pytestmark = pytest.mark.e2e

WAIT_S = 20.0


def find_app() -> str | None:
    beside = Path(sys.executable).parent / "nlmg-tui"
    return str(beside) if beside.exists() else shutil.which("nlmg-tui")


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                                text=True, timeout=10, check=True)
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "e2e", *keys)

    def wait_for(self, text: str) -> str:
        """Poll the pane until ``text`` shows (a condition, not a fixed sleep)."""
        deadline = time.monotonic() + WAIT_S
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")
            time.sleep(0.05)

    def wait_until_gone(self, text: str) -> str:
        deadline = time.monotonic() + WAIT_S
        while True:
            shown = self.screen()
            if text not in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never went away; the screen was:\n{shown}")
            time.sleep(0.05)


@pytest.fixture
def tmux(tmp_path) -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    app = find_app()
    if app is None:
        pytest.skip("nlmg-tui is not installed next to this Python or on PATH")
    if not paths.corpus_file().exists():
        pytest.fail(f"the corpus {paths.corpus_file()} is missing; run `nlmg-tui corpus build`")
    session = Tmux(f"nlmg-e2e-{uuid.uuid4().hex[:8]}")
    status_file = tmp_path / "exit-status"
    # The shell prints a marker after the app exits, then waits, so the pane stays readable.
    script = f'{app}; echo "nlmg-exit=$?" > {status_file}; echo "after-app"; exec sleep 600'
    env = {"NLMG_TUI_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color"}
    env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    session.run("-f", os.devnull, "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "32",
                *env_args, "sh", "-c", script)
    session.status_file = status_file  # type: ignore[attr-defined]
    try:
        yield session
    finally:
        subprocess.run(["tmux", "-L", session.socket, "kill-server"], capture_output=True,
                       timeout=10)
        socket_dir = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (socket_dir / session.socket).unlink(missing_ok=True)  # kill-server leaves the file


def test_open_read_help_quit(tmux: Tmux) -> None:
    shown = tmux.wait_for("Sort: date")
    assert "Never Let Me Go (2010)" in shown and "5 reviews" in shown
    assert tmux.run("display", "-p", "-t", "e2e", "#{alternate_on}").strip() == "1"

    tmux.keys("Enter")  # open the highlighted review
    shown = tmux.wait_for("% read")
    first = next(line for line in shown.splitlines() if line.lstrip().startswith("¶"))
    assert first.lstrip().startswith("¶ 1/")

    tmux.keys("j", "j")
    shown = tmux.wait_for("¶ 3/")
    tmux.keys("G")
    tmux.wait_for("100% read")

    tmux.keys("?")
    shown = tmux.wait_for("Keys: Reader")
    assert "Search" in shown  # the app-wide keys come first
    tmux.keys("Escape")  # (a key sent right after Escape would read as alt+key: wait)
    tmux.wait_until_gone("Keys: Reader")

    tmux.keys("q")  # back to the list
    tmux.wait_for("Sort: date")
    tmux.keys("q")  # on the list, q asks first…
    tmux.wait_for("Press q again to quit")
    tmux.keys("q")  # …and a second q quits
    shown = tmux.wait_for("after-app")
    status = Path(tmux.status_file).read_text().strip()  # type: ignore[attr-defined]
    assert status == "nlmg-exit=0"
    # The terminal was restored: alternate screen left, cursor shown, mouse reporting off.
    assert tmux.run("display", "-p", "-t", "e2e", "#{alternate_on}").strip() == "0"
    assert tmux.run("display", "-p", "-t", "e2e", "#{cursor_flag}").strip() == "1"
    assert tmux.run("display", "-p", "-t", "e2e", "#{mouse_any_flag}").strip() == "0"
    assert "Sort: date" not in shown  # the app's screen is gone from the shell's view


def test_spoilers_hidden_on_first_run_and_the_choice_remembered(tmux: Tmux, tmp_path) -> None:
    import json

    tmux.wait_for("Sort: date")
    tmux.keys("Enter")  # the newest review tells the twist: some paragraphs are bars
    tmux.wait_for("spoiler ¶ hidden (s, S)")
    tmux.keys(*"jjjjjj")  # down to them
    tmux.wait_for("¶ 7/")
    tmux.wait_for("▒▒ Spoiler hidden")
    tmux.keys("S")  # show them all
    tmux.wait_until_gone("▒▒ Spoiler hidden")
    tmux.keys("S")  # and hide them again
    tmux.wait_for("▒▒ Spoiler hidden")
    tmux.keys("Z")  # spoiler-free mode off: every paragraph shown, and remembered
    tmux.wait_for("Spoiler-free mode off")
    tmux.wait_until_gone("▒▒ Spoiler hidden")
    tmux.keys("q")
    tmux.wait_for("Sort: date")
    tmux.keys("q")
    tmux.wait_for("Press q again to quit")
    tmux.keys("q")
    tmux.wait_for("after-app")
    assert Path(tmux.status_file).read_text().strip() == "nlmg-exit=0"  # type: ignore[attr-defined]
    settings = json.loads((tmp_path / "data" / "tui-settings.json").read_text())
    assert settings["spoiler_free"] is False


def test_ctrl_z_suspends_to_the_shell_and_fg_resumes(tmp_path) -> None:
    """Like any terminal program: ctrl+z hands the terminal back (main screen, cursor shown,
    mouse off) with the app stopped; ``fg`` brings it back as it was."""
    if shutil.which("tmux") is None or shutil.which("bash") is None:
        pytest.skip("tmux and bash are needed")
    app = find_app()
    if app is None:
        pytest.skip("nlmg-tui is not installed next to this Python or on PATH")
    session = Tmux(f"nlmg-e2e-{uuid.uuid4().hex[:8]}")
    env = {"NLMG_TUI_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color", "PS1": "$ "}
    env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    session.run("-f", os.devnull, "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "32",
                *env_args, "bash", "--norc", "--noprofile", "-i")
    try:
        session.keys(app, "Enter")
        session.wait_for("Sort: date")
        session.keys("Enter")  # into the reader, so there is a place to come back to
        session.wait_for("% read")
        session.keys("C-z")
        shown = session.wait_for("Stopped")
        assert "% read" not in shown
        assert session.run("display", "-p", "-t", "e2e", "#{alternate_on}").strip() == "0"
        assert session.run("display", "-p", "-t", "e2e", "#{cursor_flag}").strip() == "1"
        assert session.run("display", "-p", "-t", "e2e", "#{mouse_any_flag}").strip() == "0"
        session.keys("fg", "Enter")
        session.wait_for("% read")  # the same screen, as it was
        session.keys("C-q")
        session.wait_until_gone("% read")
        session.keys("echo status=$?", "Enter")
        session.wait_for("status=0")
    finally:
        subprocess.run(["tmux", "-L", session.socket, "kill-server"], capture_output=True,
                       timeout=10)
        socket_dir = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (socket_dir / session.socket).unlink(missing_ok=True)
