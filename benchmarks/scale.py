"""Does a library of a thousand reviews open as fast as five? Issue 14's figures, on this machine.

For each size (the 5 bundled reviews, +100 and +1,000 generated pages imported with
``nlmg-tui import`` into a temp data dir, see ``scale_pages.py``) the app is started as a user
starts it: a fresh process in a pseudo-terminal (100x32, TERM=xterm-256color). Every figure is
taken on a *second* launch or later (the first launch of each size is a warm-up that fills the
caches) and is the median over ``--runs`` launches:

- first screen: spawn to the browse screen's sort header, against a minimal Textual app (ratio);
- search ready: from the first screen, ``/garfield`` is typed at once; the time until the search
  screen shows its hit count;
- CPU after the first screen: the process's user+system CPU seconds (``/proc``) from the first
  screen until it is idle (under 30 ms of CPU in the last ``--window`` seconds), no key
  pressed;
- key-to-screen: from the first screen on, ``j``/``k`` every 30 ms; each key's time until the
  terminal receives output; p95 over all keys of all runs;
- ``nlmg-tui search garfield``: wall time of the CLI, median, at each size against 5 (ratio).

    python benchmarks/scale.py [--runs 5] [--sizes 100,1000] [--python PATH] [--quick]

``--python`` runs another checkout's code (with ``PYTHONPATH`` pointing at its ``src``) to
compare before and after. ``--quick`` (tiny sizes, one run) is the smoke test CI runs; its
figures mean nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_pages import write_pages  # noqa: E402
from startup import MINIMAL_APP, MINIMAL_MARKER, NLMG_MARKER  # noqa: E402
from terminal_session import TerminalSession  # noqa: E402

SEARCH_QUERY = "garfield"
SEARCH_SCREEN = "\"a phrase\""
SEARCH_DONE = re.compile(r"\d+ best of [\d,]+ hits|\d+ hits?\b|No hits\.")
KEY_INTERVAL_S = 0.03
IDLE_CPU_S = 0.03
CPU_LIMIT_S = 60.0


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def first_screen(argv: list[str], marker: str, env: dict[str, str]) -> float:
    with TerminalSession(argv, env) as session:
        return session.wait_for(marker)


def search_ready(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from the first screen until ``/garfield`` shows its hits."""
    with TerminalSession(argv, env) as session:
        session.wait_for(NLMG_MARKER)
        start = time.perf_counter()
        session.forget_output()
        session.write("/")
        session.wait_for(SEARCH_SCREEN)  # keys typed before the box has focus would be lost
        session.write(SEARCH_QUERY)
        session.wait_for(SEARCH_DONE)
        return time.perf_counter() - start


def cpu_after_first_screen(argv: list[str], env: dict[str, str], window: float) -> float:
    """CPU seconds from the first screen until the app is idle: less than ``IDLE_CPU_S`` in
    the last ``window`` seconds (at most ``CPU_LIMIT_S``; the idle window itself included)."""
    with TerminalSession(argv, env) as session:
        session.wait_for(NLMG_MARKER)
        samples = [(time.perf_counter(), session.cpu_seconds())]
        while samples[-1][0] - samples[0][0] < CPU_LIMIT_S:
            session.idle(0.25)
            samples.append((time.perf_counter(), session.cpu_seconds()))
            recent = [cpu for at, cpu in samples if at >= samples[-1][0] - window]
            if samples[-1][0] - samples[0][0] >= window and recent[-1] - recent[0] <= IDLE_CPU_S:
                break
        return samples[-1][1] - samples[0][1]


def key_latencies(argv: list[str], env: dict[str, str], keys: int) -> list[float]:
    """Each key's seconds until the terminal gets output, pressed from the first screen on."""
    latencies = []
    with TerminalSession(argv, env) as session:
        session.wait_for(NLMG_MARKER)
        for number in range(keys):
            session.idle(KEY_INTERVAL_S)
            latencies.append(session.key_to_output("j" if number % 10 < 5 else "k"))
    return latencies


def search_cli(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([*argv, "search", "garfield"], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False, timeout=120)
    return time.perf_counter() - start


def prepare(python: str, env: dict[str, str], root: Path, size: int) -> dict[str, str]:
    """A data dir (and cache dir) holding ``size`` imported generated pages."""
    data = root / f"data-{size}"
    size_env = {**env, "NLMG_TUI_DATA_DIR": str(data), "NLMG_TUI_CACHE_DIR": str(root / f"cache-{size}")}
    if size:
        pages = write_pages(root / f"pages-{size}", size)
        subprocess.run([python, "-m", "nlmg_tui", "import", str(pages[0].parent)], env=size_env,
                       stdout=subprocess.DEVNULL, check=True, timeout=3600)
    return size_env


def measure(python: str, env: dict[str, str], runs: int, window: float, keys: int,
            minimal: list[str]) -> dict:
    app = [python, "-m", "nlmg_tui"]
    # Warm-up (first launch: caches filled, .pyc written), then the second launch onwards.
    cpu_after_first_screen(app, env, window)
    search_cli(app, env)
    figures: dict[str, list[float]] = {"minimal": [], "first": [], "search": [], "cpu": [],
                                       "keys": [], "cli": []}
    for _ in range(runs):  # interleaved with the minimal app, so drift in load hits both alike
        figures["minimal"].append(first_screen(minimal, MINIMAL_MARKER, env))
        figures["first"].append(first_screen(app, NLMG_MARKER, env))
        figures["search"].append(search_ready(app, env))
        figures["cpu"].append(cpu_after_first_screen(app, env, window))
        figures["keys"].extend(key_latencies(app, env, keys))
        figures["cli"].append(search_cli(app, env))
    return figures


def machine() -> str:
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"{platform.platform()}; {platform.processor() or platform.machine()}; "
            f"{os.cpu_count()} CPUs; Python {platform.python_version()}; load average {load}")


def report(results: dict[int, dict], runs: int) -> None:
    base_cli = statistics.median(results[0]["cli"])
    print(f"machine: {machine()}")
    print(f"{runs} run(s) per figure, after one warm-up launch per size; the minimal Textual "
          "app is started beside each run")
    print()
    print("| reviews | first screen vs minimal | search ready after first screen | "
          "CPU after first screen (2nd launch) | key-to-screen p95 (max) | "
          "`search garfield` (vs 5) |")
    print("|---|---|---|---|---|---|")
    for size, figures in results.items():
        first = statistics.median(figures["first"])
        base_first = statistics.median(figures["minimal"])
        cli = statistics.median(figures["cli"])
        print(f"| 5 + {size:,} | {first / base_first:.2f}x ({first * 1000:.0f} vs "
              f"{base_first * 1000:.0f} ms) "
              f"| {statistics.median(figures['search']) * 1000:.0f} ms "
              f"| {statistics.median(figures['cpu']):.2f} s "
              f"| {_percentile(figures['keys'], 0.95) * 1000:.1f} ms "
              f"({max(figures['keys']) * 1000:.0f}) "
              f"| {cli * 1000:.0f} ms ({cli / base_cli:.2f}x) |")
    print()
    print("targets at 1,000: first screen <= 1.3x; search ready <= 300 ms; CPU <= 0.3 s; "
          "key p95 <= 20 ms; search CLI <= 1.5x its time at 5")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="100,1000", help="imported reviews, comma-separated")
    parser.add_argument("--window", type=float, default=2.0,
                        help="seconds of (near) zero CPU that count as idle")
    parser.add_argument("--keys", type=int, default=60, help="keys pressed per launch")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--src", default=None, help="a checkout's src/ to put on PYTHONPATH")
    parser.add_argument("--quick", action="store_true", help="smoke test: tiny sizes, one run")
    args = parser.parse_args()
    sizes = [0] + [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.quick:
        sizes, args.runs, args.window, args.keys = [0, 3], 1, 0.5, 5
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
    env.pop("NO_COLOR", None)
    # An installed package has its bytecode compiled (pip does it at install); a shell with
    # PYTHONDONTWRITEBYTECODE would compile every module of the app at every launch.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    with tempfile.TemporaryDirectory(prefix="nlmg-scale-") as tmp:
        root = Path(tmp)
        minimal_file = root / "minimal_app.py"
        minimal_file.write_text(MINIMAL_APP, encoding="utf-8")
        minimal_argv = [args.python, str(minimal_file)]
        first_screen(minimal_argv, MINIMAL_MARKER, env)
        results = {}
        for size in sizes:
            results[size] = measure(args.python, prepare(args.python, env, root, size),
                                    args.runs, args.window, args.keys, minimal_argv)
    report(results, args.runs)


if __name__ == "__main__":
    main()
