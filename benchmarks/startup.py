"""Time to first screen: ``nlmg-tui`` against a minimal Textual app, on this machine.

Each app is started as a fresh process in a pseudo-terminal (100x32, TERM=xterm-256color),
exactly as a user would start it. The clock runs from just before the process is spawned until
the terminal output contains a string that only the finished first screen shows (for nlmg-tui:
the browse screen's sort header; for the minimal app: its one label). Then ``ctrl+q`` is sent
and the process is waited for. Python start-up, imports, corpus load and the first frame are
all inside the measurement.

    python benchmarks/startup.py [--runs 15] [--app PATH_TO_nlmg-tui]

Prints the machine, the median and spread of each, and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import platform
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

MINIMAL_MARKER = "minimal-app-ready"
NLMG_MARKER = "Sort:"  # the browse screen's sort header, present only once the list is shown
TIMEOUT_S = 30.0
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")

MINIMAL_APP = f'''
from textual.app import App
from textual.widgets import Footer, Label

class Minimal(App):
    def compose(self):
        yield Label("{MINIMAL_MARKER}")
        yield Footer()

Minimal().run()
'''


APP_ONLY = "from nlmg_tui.tui.app import make_app; make_app().run()"


def time_to_marker(argv: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from spawn to ``marker`` appearing on the terminal; the app is then quit."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               close_fds=True, start_new_session=True)
    os.close(slave)
    seen = b""
    elapsed = None
    try:
        while time.perf_counter() - start < TIMEOUT_S:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if marker.encode() in _ESCAPES.sub(b"", seen):
                elapsed = time.perf_counter() - start
                break
        if elapsed is None:
            raise RuntimeError(f"{argv[0]}: {marker!r} not seen in {TIMEOUT_S} s; "
                               f"output ended {seen[-300:]!r}")
        os.write(master, b"\x11")  # ctrl+q
        _drain_until_exit(master, process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    return elapsed


def _drain_until_exit(master: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while process.poll() is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                break
    process.wait(timeout=5)


def find_nlmg_tui() -> str:
    beside_python = Path(sys.executable).parent / "nlmg-tui"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("nlmg-tui")
    if found is None:
        raise SystemExit("nlmg-tui is not installed next to this Python or on PATH")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--app", default=None, help="path to the nlmg-tui executable")
    args = parser.parse_args()
    nlmg = args.app or find_nlmg_tui()
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "TERM": "xterm-256color", "NLMG_TUI_DATA_DIR": data_dir,
               "COLUMNS": "100", "LINES": "32"}
        env.pop("NO_COLOR", None)
        # An installed package has its bytecode compiled (pip does it at install); a shell with
        # PYTHONDONTWRITEBYTECODE would compile every module of the app at every launch.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        minimal_file = Path(data_dir) / "minimal_app.py"
        minimal_file.write_text(MINIMAL_APP, encoding="utf-8")
        commands = {
            "minimal Textual app": ([sys.executable, str(minimal_file)], MINIMAL_MARKER),
            "nlmg-tui": ([nlmg], NLMG_MARKER),
            # The same app without the CLI in front: tells the app's cost from the CLI's.
            "app without CLI": ([sys.executable, "-c", APP_ONLY], NLMG_MARKER),
        }
        for argv, marker in commands.values():  # warm the file cache and .pyc files
            time_to_marker(argv, marker, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so drift in machine load hits both alike
            for name, (argv, marker) in commands.items():
                times[name].append(time_to_marker(argv, marker, env))

    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"machine: {platform.platform()}; {platform.processor() or platform.machine()}; "
          f"{os.cpu_count()} CPUs; Python {platform.python_version()}; load average {load}")
    import textual

    print(f"textual {textual.__version__}; {args.runs} runs each, interleaved, after one warm-up")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        print(f"{name:>20}: median {medians[name] * 1000:6.0f} ms "
              f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})")
    base = medians["minimal Textual app"]
    print(f"{'ratio':>20}: nlmg-tui {medians['nlmg-tui'] / base:.2f}x, "
          f"app without CLI {medians['app without CLI'] / base:.2f}x (goal: at most 1.3x)")


if __name__ == "__main__":
    main()
