"""Soak: SIGKILL a writer at random moments during a stream of changes, many times over.

Each round starts one writer process on the same store; it adds bookmarks, edits every fifth
note, deletes every seventh bookmark it added and compacts now and then, printing an ack
("+id", "~id note", "-id") after each change returns. The parent kills it with SIGKILL after a
random delay, reads the acks that reached the pipe, and checks the store: every acknowledged
add is present unless its delete was acknowledged, every acknowledged delete is gone, every
acknowledged note is there (or a later one), and nothing is stored twice.

Run: ``python benchmarks/kill_soak.py [--kills 500] [--seed 1] [--dir DIR]``. Prints the
machine, acknowledged vs stored, and the number lost (must be 0); exits 1 if any was lost.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nlmg_tui.library import Library

WRITER = """
import signal, sys
for name in ("SIGINT", "SIGTERM", "SIGHUP"):
    if hasattr(signal, name):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
from nlmg_tui.library import Library
library = Library(sys.argv[1])
tag = sys.argv[2]
mine = []
print("ready", flush=True)
for number in range(int(sys.argv[3])):
    bookmark = library.add_bookmark("soak", f"{tag}-{number}", f"quote {tag} {number}").item
    mine.append(bookmark.id)
    print("+" + bookmark.id, flush=True)
    if number % 5 == 4:
        print(f"?~{bookmark.id}", flush=True)  # intent: if killed now, either note is right
        library.update_note(bookmark.id, f"note {number}")
        print(f"~{bookmark.id} note {number}", flush=True)
    if number % 7 == 6:
        gone = mine.pop(0)
        print(f"?-{gone}", flush=True)
        library.delete_bookmark(gone)
        print("-" + gone, flush=True)
    if number % 23 == 22:
        library.compact()
"""


class Acks:
    """What the writers acknowledged, across all rounds."""

    def __init__(self) -> None:
        self.added: set[str] = set()
        self.deleted: set[str] = set()
        self.notes: dict[str, str] = {}
        self.in_flight: set[str] = set()
        self.maybe_deleted: set[str] = set()
        self.maybe_noted: set[str] = set()
        """Ids a killed writer was changing when it died: either state is correct."""
        self.changes = 0

    def take(self, line: str) -> None:
        if not line or line == "ready":
            return
        kind, rest = line[0], line[1:]
        if kind == "?":
            self.in_flight.add(rest)
            return
        self.changes += 1
        self.in_flight.discard(kind + rest.split(" ", 1)[0])
        if kind == "+":
            self.added.add(rest)
        elif kind == "-":
            self.deleted.add(rest)
        elif kind == "~":
            bookmark_id, note = rest.split(" ", 1)
            self.notes[bookmark_id] = note

    def settle(self) -> None:
        """After a kill: an unacknowledged change may have landed or not; both are right."""
        for intent in self.in_flight:
            (self.maybe_deleted if intent[0] == "-" else self.maybe_noted).add(intent[1:])
        self.in_flight.clear()


def read_until_ready(process: subprocess.Popen, deadline: float) -> bytes:
    buffer = b""
    while b"ready\n" not in buffer:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or process.poll() is not None:
            raise RuntimeError("a writer did not start")
        ready, _, _ = select.select([process.stdout], [], [], remaining)
        if ready:
            buffer += os.read(process.stdout.fileno(), 65536)
    return buffer


def one_round(data_dir: Path, tag: str, rng: random.Random, acks: Acks) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), tag, "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        bufsize=0,
    )
    try:
        buffer = read_until_ready(process, time.monotonic() + 60)
        time.sleep(rng.uniform(0.0, 0.25))  # the random moment
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        while chunk := os.read(process.stdout.fileno(), 65536):
            buffer += chunk
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=60)
        process.stdout.close()
    for line in buffer.decode().splitlines():
        acks.take(line)
    acks.settle()


def check(data_dir: Path, acks: Acks) -> tuple[int, int, list[str]]:
    """(stored, lost, problems) for the store as it is now."""
    library = Library(data_dir)
    bookmarks = library.bookmarks()
    problems = [n for n in library.take_notices() if "could not" in n]
    ids = [b.id for b in bookmarks]
    if len(ids) != len(set(ids)):
        problems.append("a bookmark is stored twice")
    stored = {b.id: b for b in bookmarks}
    lost = [i for i in acks.added - acks.deleted - acks.maybe_deleted if i not in stored]
    lost += [i for i in acks.deleted if i in stored]
    lost += [i for i, note in acks.notes.items() if i in stored and stored[i].note != note]
    return len(stored), len(lost), problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    acks = Acks()
    started = time.monotonic()
    problems: list[str] = []
    lost = 0
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        data_dir = Path(folder) / "data"
        for round_number in range(args.kills):
            one_round(data_dir, f"k{round_number}", rng, acks)
            if round_number % 50 == 49 or round_number == args.kills - 1:
                stored, lost, problems = check(data_dir, acks)
                if lost or problems:
                    break
        files = sorted(p.name for p in data_dir.iterdir())
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"kills: {round_number + 1} SIGKILLs in {time.monotonic() - started:.0f} s (seed {args.seed})")
    print(f"acknowledged: {acks.changes} changes ({len(acks.added)} adds, {len(acks.notes)} notes, "
          f"{len(acks.deleted)} deletes)")
    print(f"stored: {stored} bookmarks ({len(acks.added - acks.deleted)} acknowledged and not deleted; a "
          "change killed before its ack, e.g. waiting on fdatasync, may have landed too)")
    print(f"lost: {lost}" + (f"; problems: {problems}" if problems else ""))
    print(f"files left: {', '.join(files)}")
    return 1 if lost or problems else 0


if __name__ == "__main__":
    sys.exit(main())
