"""The installed app in real terminals: odd TERM and locale values, NO_COLOR, tiny sizes, and
hostile text that must never reach the terminal as escape sequences.

Driven through tmux (skipped where tmux is missing; CI installs it) and a raw pty.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlmg_tui.corpus.store import load_corpus

APP = Path(sys.executable).parent / "nlmg-tui"
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
needs_app = pytest.mark.skipif(not APP.exists(), reason="nlmg-tui is not installed beside python")
TIMEOUT = 30.0


class Tmux:
    """One detached tmux session running the app; the pane stays after exit to read its status."""

    def __init__(self, env: dict[str, str], width: int, height: int) -> None:
        self.name = f"nlmg-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]  # a private server: no races with other sessions
        # A clean environment: nothing from the test runner (COLUMNS, LINES...) leaks in.
        # The shell prints the app's exit status after it leaves (tmux's own pane_dead_status
        # can lag behind a zombie for seconds).
        command = ("-i " + " ".join(f"{k}={v}" for k, v in env.items())
                   + f" sh -c '{APP}; echo NLMG-EXIT=$?'")
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(width), "-y",
                        str(height), "sh"], check=True)
        subprocess.run([*self.tmux, "set-option", "-t", self.name, "remain-on-exit", "on"], check=True)
        subprocess.run([*self.tmux, "respawn-pane", "-k", "-t", self.name, f"env {command}"], check=True)

    def capture(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True,
                              text=True).stdout

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            screen = self.capture()
            if text in screen:
                return screen
            time.sleep(0.1)  # polling interval of a condition with a deadline, not a fixed wait
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.capture()}")

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def resize(self, width: int, height: int) -> None:
        subprocess.run([*self.tmux, "resize-window", "-t", self.name, "-x", str(width), "-y", str(height)],
                       check=True)

    def exit_status(self) -> int:
        """The app's exit status: echoed by the wrapping shell, or from tmux's "Pane is dead
        (status N" line when tmux drops a dying pane's last output (it can, under load)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            screen = self.capture()
            found = re.search(r"NLMG-EXIT=(\d+)|Pane is dead \(status (\d+)", screen)
            if found:
                return int(found.group(1) or found.group(2))
            time.sleep(0.1)
        raise AssertionError(f"the app did not exit; the screen was:\n{self.capture()}")

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)
        socket_dir = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (socket_dir / self.name).unlink(missing_ok=True)  # kill-server leaves the socket file


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator:
    sessions: list[Tmux] = []

    def start(width: int = 100, height: int = 32, **env: str) -> Tmux:
        base = {"NLMG_TUI_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color",
                "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
        session = Tmux({**base, **env}, width, height)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.kill()


@needs_tmux
@needs_app
@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb"},
        {"TERM": "linux"},
        {"LANG": "C", "LC_ALL": "C"},
        {"NO_COLOR": "1"},
    ],
    ids=["TERM=dumb", "TERM=linux", "LANG=C", "NO_COLOR"],
)
def test_app_starts_and_quits_cleanly(tmux, env: dict[str, str]) -> None:
    session = tmux(**env)
    session.wait_for("James Rocchi")
    session.keys("q", "q")  # on the list the first q asks, the second quits
    assert session.exit_status() == 0


@needs_tmux
@needs_app
def test_tiny_terminal_and_rapid_resizes_lose_nothing(tmux) -> None:
    session = tmux(width=40, height=12)
    screen = session.wait_for("too small")
    assert "(40x12)" in screen
    session.resize(30, 8)
    screen = session.wait_for("too small")  # the note, where the layout cannot fit
    assert "Traceback" not in screen
    for step in range(30):
        session.resize(40 + (step * 7) % 90, 12 + (step * 5) % 30)
    session.resize(100, 32)
    screen = session.wait_for("James Rocchi")
    session.keys("q", "q")  # on the list the first q asks, the second quits
    assert session.exit_status() == 0


def _hostile_import(data_dir: Path) -> None:
    """A stored import whose text carries escape sequences, as if hand-edited or from an old
    version: the app must strip them at the output boundary too, not only at ingest."""
    review = load_corpus().reviews[0].to_json()
    evil = "\x1b]0;PWNED-TITLE\x07\x1b]52;c;UFdORUQ=\x07\x1b]8;;http://evil.invalid\x07link\x1b]8;;\x07"
    review.update(
        id="imp-hostile000001",
        source="evil\x1b[2J.txt",
        critic=f"Eve{evil}Hacker",
        headline=f"[@click=app.quit]Click[/] {evil}",
        paragraphs=[{"id": "p1", "text": f"Body {evil} \x9b31m end. [/b] [b]bold[/b]",
                     "section": None, "spoiler_warning": False}],
        pull_quotes=[{"text": f"Quote {evil}", "rule": "lead-sentence", "paragraph_id": "p1"}],
    )
    folder = data_dir / "imports"
    folder.mkdir(parents=True)
    payload = {"format": 1, "source_name": "evil.txt", "imported_at": "2026-01-01T00:00:00+00:00",
               "decoding": "utf-8", "review": review}
    (folder / "imp-hostile000001.json").write_text(json.dumps(payload), encoding="utf-8")


FORBIDDEN = [b"\x1b]0;PWNED", b"\x1b]52;", b"\x1b]8;;http://evil", b"\x1b]2;PWNED", b"\x9b31m",
             b"UFdORUQ=", b"PWNED-TITLE"]


@needs_app
def test_no_escape_sequence_from_review_text_leaves_the_app(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _hostile_import(data_dir)
    env = {**os.environ, "NLMG_TUI_DATA_DIR": str(data_dir), "TERM": "xterm-256color",
           "COLUMNS": "120", "LINES": "40"}
    pid, fd = pty.fork()
    if pid == 0:  # child: the app on the pty
        os.execve(str(APP), [str(APP)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    output = bytearray()
    try:
        _read_until(fd, output, b"Eve")
        os.write(fd, b"G")  # to the last review (the hostile import) if the list supports it
        os.write(fd, b"\r")  # open it in the reader
        _read_until(fd, output, b"Body", required=False)
        os.write(fd, b"q")  # back to the list
        os.write(fd, b"q")  # the list asks…
        os.write(fd, b"q")  # …and quits
        _read_until(fd, output, b"\x00never", required=False, timeout=5)
    finally:
        _, status = os.waitpid(pid, 0)
    for forbidden in FORBIDDEN:
        assert forbidden not in output, forbidden
    assert b"Eve" in output and b"Hacker" in output
    assert os.waitstatus_to_exitcode(status) == 0


def _read_until(fd: int, output: bytearray, marker: bytes, required: bool = True,
                timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output.extend(chunk)
            if marker in output:
                return
    if required:
        raise AssertionError(f"{marker!r} never appeared")
