"""Benchmark: adding one bookmark to a store that already holds 10,000.

Each add locks the store, re-reads and parses the whole file, checks for a duplicate, writes a
new file, fsyncs it, keeps a backup link, renames and fsyncs the directory; this measures all of
it. Run: ``python benchmarks/bookmarks.py [--stored 10000] [--runs 30] [--dir DIR]``.
``--dir`` picks the filesystem (the default is a temp dir, which may be tmpfs).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from nlmg_tui.corpus.store import CorpusError, load_corpus
from nlmg_tui.library import Library
from nlmg_tui.library.bookmarks import Bookmark, now_iso


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


def filesystem_of(path: Path) -> str:
    try:
        best = ""
        fstype = "?"
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                _, mount_point, kind, *_ = line.split()
                if str(path.resolve()).startswith(mount_point) and len(mount_point) > len(best):
                    best, fstype = mount_point, kind
        return fstype
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    quotes = sample_quotes()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        library = Library(Path(folder) / "data")
        seed(library, args.stored, quotes)
        size = library.bookmarks_path.stat().st_size
        adds = []
        for run in range(args.runs):
            quote = quotes[run % len(quotes)]
            start = time.perf_counter()
            library.add_bookmark("bench", f"run{run}", quote, note="benchmark")
            adds.append(time.perf_counter() - start)
        relists = []
        for run in range(min(args.runs, 10)):
            library.add_bookmark("bench", f"relist{run}", "another quote")
            start = time.perf_counter()
            library.bookmarks()
            relists.append(time.perf_counter() - start)
        reads = []
        for _ in range(min(args.runs, 10)):
            fresh = Library(library.data_dir)
            start = time.perf_counter()
            fresh.bookmarks()
            reads.append(time.perf_counter() - start)
        assert len(Library(library.data_dir).bookmarks()) == args.stored + args.runs + len(relists)
        fs = filesystem_of(Path(folder))
    print(
        f"machine: {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()} ({sys.implementation.name}), "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"store: {args.stored:,} bookmarks, {size / 1e6:.1f} MB file on {fs}")
    print(
        f"add one bookmark: median {statistics.median(adds) * 1000:.1f} ms "
        f"(min {min(adds) * 1000:.1f}, max {max(adds) * 1000:.1f}; {args.runs} runs)"
    )
    print(
        f"list all after one add (same Library): median "
        f"{statistics.median(relists) * 1000:.1f} ms ({len(relists)} runs)"
    )
    print(
        f"list all (fresh Library, parse + validate): median "
        f"{statistics.median(reads) * 1000:.1f} ms ({len(reads)} runs)"
    )


if __name__ == "__main__":
    main()
