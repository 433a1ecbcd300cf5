"""Benchmark: the cost of one bookmark change as the store grows, a cold list, two writers.

For each store size (default 100, 1,000 and 10,000 bookmarks) it seeds the store in one import,
then times ``--runs`` adds, note edits and deletes through ``Library`` (each one locked,
re-read if another process wrote, saved durably before it returns). It then times a cold list
(a fresh ``Library`` reading and validating everything) at the largest size, and starts two
processes adding 200 bookmarks each to one empty store and counts what is stored.

Run: ``python benchmarks/bookmarks.py [--sizes 100 1000 10000] [--runs 30] [--dir DIR]``.
``--dir`` picks the filesystem (the default is a temp dir, which may be tmpfs; fsync costs
more on a real disk). Only the public ``Library`` API is used, so the same script measures
older versions of the store too.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from nlmg_tui.corpus.store import CorpusError, load_corpus
from nlmg_tui.library import Library
from nlmg_tui.library.bookmarks import Bookmark, now_iso

TARGETS_MS = {1_000: 2.0, 10_000: 5.0}
COLD_LIST_TARGET_MS = 60.0

WRITER = """
import signal, sys
for name in ("SIGINT", "SIGTERM", "SIGHUP"):
    if hasattr(signal, name):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
from nlmg_tui.library import Library
library = Library(sys.argv[1])
sys.stdin.readline()
for number in range(int(sys.argv[3])):
    library.add_bookmark("r1", f"{sys.argv[2]}-{number}", f"quote {sys.argv[2]} {number}")
"""


def sample_quotes() -> list[str]:
    """Real paragraph texts when the corpus is built, so the file has a realistic size."""
    try:
        return [p.text for r in load_corpus().reviews for p in r.paragraphs if p.text.strip()]
    except CorpusError:
        return ["A quoted passage of about the length of a review paragraph. " * 6]


def seed(library: Library, count: int, quotes: list[str]) -> None:
    stamp = now_iso()
    library.import_bookmarks(
        Bookmark(
            id=uuid.uuid4().hex,
            review_id="seed",
            paragraph_id=f"p{index}",
            quote=quotes[index % len(quotes)],
            prefix="before " * 5,
            suffix="after " * 6,
            note=f"note {index}" if index % 3 == 0 else "",
            tags=("seed",) if index % 2 else (),
            created=stamp,
            updated=stamp,
        )
        for index in range(count)
    )


CPU_MS: dict[str, list[float]] = {}


def timed(call, kind: str = "") -> float:
    """Wall-clock ms of ``call()``; its CPU ms go to ``CPU_MS[kind]`` (the part that is not
    waiting on the disk or on other processes)."""
    cpu = time.process_time()
    start = time.perf_counter()
    call()
    elapsed = (time.perf_counter() - start) * 1000
    CPU_MS.setdefault(kind, []).append((time.process_time() - cpu) * 1000)
    return elapsed


def sync_floor_ms(folder: Path, runs: int = 30) -> float:
    """Median time to append one 600-byte line and fdatasync it in ``folder``: the disk's share
    of every change, whatever the store does."""
    path = folder / "sync-probe"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        sync = getattr(os, "fdatasync", os.fsync)
        times = [timed(lambda: (os.write(fd, b"x" * 599 + b"\n"), sync(fd))) for _ in range(runs)]
    finally:
        os.close(fd)
        path.unlink()
    return statistics.median(times)


def store_bytes(data_dir: Path) -> int:
    return sum(p.stat().st_size for p in data_dir.glob("bookmarks.json*") if p.is_file()
               and not p.name.endswith((".bak", ".lock")))


def measure_size(folder: Path, stored: int, runs: int, quotes: list[str]) -> dict[str, object]:
    """Median add / edit / delete times (ms) on a store seeded with ``stored`` bookmarks."""
    library = Library(folder / f"data-{stored}")
    seed(library, stored, quotes)
    rng = random.Random(stored)
    existing = [b.id for b in library.bookmarks()]
    adds = [
        timed(lambda run=run: library.add_bookmark(
            "bench", f"run{run}", quotes[run % len(quotes)], note="benchmark"), f"add{stored}")
        for run in range(runs)
    ]
    edits = [
        timed(lambda run=run: library.update_note(rng.choice(existing), f"edited {run}"), f"edit{stored}")
        for run in range(runs)
    ]
    doomed = rng.sample(existing, runs)
    deletes = [timed(lambda item=item: library.delete_bookmark(item), f"delete{stored}") for item in doomed]
    count = len(Library(library.data_dir).bookmarks())
    assert count == stored, f"expected {stored} bookmarks after the runs, found {count}"
    return {
        "stored": stored,
        "add": statistics.median(adds),
        "edit": statistics.median(edits),
        "delete": statistics.median(deletes),
        "bytes": store_bytes(library.data_dir),
        "data_dir": library.data_dir,
    }


def cold_lists(data_dir: Path, runs: int) -> list[float]:
    return [timed(lambda: Library(data_dir).bookmarks(), "cold") for _ in range(runs)]


def two_writers(folder: Path, each: int = 200) -> int:
    """Two processes add ``each`` bookmarks at once; return how many are stored."""
    data_dir = folder / "two-writers"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), tag, str(each)],
                         stdin=subprocess.PIPE, env=env, text=True)
        for tag in ("a", "b")
    ]
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.close()
    for writer in writers:
        writer.wait(timeout=300)
    return len(Library(data_dir).bookmarks())


def machine() -> str:
    return (
        f"{platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"  (target <= {target:g} ms: {'ok' if value <= target else 'MISSED'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    quotes = sample_quotes()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(dir=args.dir) as name:
        folder = Path(name)
        print(f"append + fdatasync of one line on this disk: median {sync_floor_ms(folder):.2f} ms")
        print(f"{'stored':>8} {'add ms':>8} {'edit ms':>8} {'delete ms':>10} {'store MB':>9}   "
              "CPU ms (add / edit / delete)")
        results = [measure_size(folder, stored, args.runs, quotes) for stored in args.sizes]
        for row in results:
            size = row["stored"]
            cpu = " / ".join(f"{statistics.median(CPU_MS[kind + str(size)]):.2f}"
                             for kind in ("add", "edit", "delete"))
            print(f"{row['stored']:>8,} {row['add']:>8.2f} {row['edit']:>8.2f} "
                  f"{row['delete']:>10.2f} {row['bytes'] / 1e6:>9.2f}   {cpu}")
        for row in results:
            target = TARGETS_MS.get(row["stored"])
            worst = max(row["add"], row["edit"], row["delete"])
            if target is not None:
                print(f"slowest median at {row['stored']:,}: {worst:.2f} ms{verdict(worst, target)}")
        largest = results[-1]
        cold = cold_lists(largest["data_dir"], min(args.runs, 10))
        print(f"cold list at {largest['stored']:,}: median {statistics.median(cold):.1f} ms "
              f"(min {min(cold):.1f}, max {max(cold):.1f}; CPU median "
              f"{statistics.median(CPU_MS['cold']):.1f} ms)"
              f"{verdict(statistics.median(cold), COLD_LIST_TARGET_MS)}")
        stored = two_writers(folder)
        print(f"2 writers x 200 -> {stored} stored (target 400: {'ok' if stored == 400 else 'MISSED'})")


if __name__ == "__main__":
    main()
