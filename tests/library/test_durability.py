"""Crash and concurrency: kills during a stream of saves, and two writers at once."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap

from nlmg_tui.library import Library

KILLS = 40

WRITER = textwrap.dedent(
    """
    import sys
    from nlmg_tui.library import Library

    data_dir, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    library = Library(data_dir)
    print("ready", flush=True)
    sys.stdin.readline()  # start line: lets the parent start several writers at once
    for number in range(count):
        bookmark = library.add_bookmark("r1", f"{tag}-{number}", f"quote {tag} {number}").item
        if number % 5 == 4:
            library.update_note(bookmark.id, f"note {number}")
        print(bookmark.id, flush=True)  # the ack: printed only after the save returned
    """
)


def start_writers(data_dir, tags: list[str], count: int) -> list[subprocess.Popen]:
    """Start writers, wait until each is ready, then release them together."""
    writers = [_spawn(data_dir, tag, count) for tag in tags]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.close()
    return writers


def _spawn(data_dir, tag: str, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), tag, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def test_kills_during_saves_never_lose_an_acknowledged_change(user_data_dir):
    rng = random.Random(5)
    signals = [signal.SIGKILL] * 5 + [signal.SIGTERM, signal.SIGINT, signal.SIGHUP]
    acked: set[str] = set()
    for run in range(KILLS):
        [writer] = start_writers(user_data_dir, [f"run{run}"], 10_000)
        try:
            for _ in range(rng.randint(1, 12)):
                acked.add(writer.stdout.readline().strip())
            writer.send_signal(signals[run % len(signals)])
            acked.update(line.strip() for line in writer.stdout)  # acks already in the pipe
        finally:
            writer.kill()
            writer.wait()
        acked.discard("")
        data = json.loads((user_data_dir / "bookmarks.json").read_text(encoding="utf-8"))
        stored = {doc["id"] for doc in data["bookmarks"].values()}
        missing = acked - stored
        assert not missing, f"run {run}: {len(missing)} acknowledged bookmarks lost"
    library = Library(user_data_dir)
    bookmarks = library.bookmarks()
    assert library.take_notices() == []  # nothing was ever damaged
    assert len({b.id for b in bookmarks}) == len(bookmarks)
    assert len(bookmarks) >= len(acked) >= KILLS
    library.add_bookmark("r1", "final", "after all the kills")
    assert not [p for p in user_data_dir.iterdir() if p.name.endswith(".tmp")]


def test_two_processes_adding_two_hundred_each_end_with_four_hundred(user_data_dir):
    writers = start_writers(user_data_dir, ["a", "b"], 200)
    acks = [writer.stdout.read().split() for writer in writers]
    for writer in writers:
        writer.wait()
    assert [writer.returncode for writer in writers] == [0, 0]
    assert [len(a) for a in acks] == [200, 200]
    bookmarks = Library(user_data_dir).bookmarks()
    assert len(bookmarks) == 400
    assert {b.id for b in bookmarks} == set(acks[0]) | set(acks[1])
    assert len([b for b in bookmarks if b.note]) == 80
    order = "".join(b.paragraph_id[0] for b in bookmarks)
    assert "ab" in order and "ba" in order  # the writers really did interleave
