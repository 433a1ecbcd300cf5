"""A save that fails (disk full, I/O error, read-only folder, interrupt) loses nothing."""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
import textwrap

import pytest

from nlmg_tui import atomic_file
from nlmg_tui.library import (
    DiskFullError,
    Library,
    StoreBusyError,
    StoreReadOnlyError,
    StoreWriteError,
    journal,
)


@pytest.fixture
def stocked(library):
    """Two bookmarks in the snapshot (compacted), so the next change is a journal line."""
    library.add_bookmark("r1", "p1", "first")
    library.add_bookmark("r1", "p2", "second")
    library.compact()
    return library


def add_third(library):
    """A change: one journal line."""
    library.add_bookmark("r1", "p3", "third")


def compact_with_third(library):
    """A journal line, then a compaction (the whole snapshot rewritten)."""
    library.add_bookmark("r1", "p3", "third")
    library.compact()


def snapshot(directory):
    return {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}


def failing(code):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("change", "patched", "code", "error_class", "words"),
    [
        (add_third, "pwrite", errno.ENOSPC, DiskFullError, "disk is full"),
        (add_third, "pwrite", errno.EDQUOT, DiskFullError, "disk is full"),
        (add_third, "fdatasync", errno.EIO, StoreWriteError, "input/output error"),
        (add_third, "open", errno.EROFS, StoreReadOnlyError, "read-only"),
        (compact_with_third, "write", errno.ENOSPC, DiskFullError, "disk is full"),
        (compact_with_third, "fsync", errno.EIO, StoreWriteError, "input/output error"),
        (compact_with_third, "replace", errno.EROFS, StoreReadOnlyError, "read-only"),
    ],
)
def test_failed_save_raises_a_clear_error_and_keeps_every_file(
    stocked, monkeypatch, change, patched, code, error_class, words
):
    if change is compact_with_third:
        before_compaction = snapshot(stocked.data_dir)
        stocked.add_bookmark("r1", "p3", "third")
        monkeypatch.setattr(atomic_file.os, patched, failing(code))
        with pytest.raises(error_class, match=words) as caught:
            stocked.compact()
        monkeypatch.undo()
        after = snapshot(stocked.data_dir)
        assert after["bookmarks.json"] == before_compaction["bookmarks.json"]
        assert [b.quote for b in Library(stocked.data_dir).bookmarks()] == ["first", "second", "third"]
        assert "untouched" in str(caught.value)
        return
    before = snapshot(stocked.data_dir)
    if patched == "open":
        real_open = os.open

        def refuse_journal(path, *args, **kwargs):
            if str(path).endswith(".journal"):
                raise OSError(code, os.strerror(code))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(journal.os, "open", refuse_journal)
    else:
        monkeypatch.setattr(journal.os, patched, failing(code))
    with pytest.raises(error_class, match=words) as caught:
        change(stocked)
    monkeypatch.undo()
    message = str(caught.value)
    assert "\n" not in message and str(stocked.bookmarks_path) in message
    assert "untouched" in message
    after = snapshot(stocked.data_dir)
    def content(files):  # an empty journal left by a refused first line counts as none
        return {k: v for k, v in files.items() if k != "bookmarks.json.lock" and (v or "journal" not in k)}

    assert content(after) == content(before)
    assert [b.quote for b in Library(stocked.data_dir).bookmarks()] == ["first", "second"]
    stocked.add_bookmark("r1", "p3", "third")  # works again once the disk is fixed
    assert len(Library(stocked.data_dir).bookmarks()) == 3


def test_read_only_folder_simulated(stocked, monkeypatch):
    monkeypatch.setattr(atomic_file.tempfile, "mkstemp", failing(errno.EACCES))
    monkeypatch.setattr(journal.os, "ftruncate", failing(errno.EACCES))
    monkeypatch.setattr(journal.os, "pwrite", failing(errno.EACCES))
    with pytest.raises(StoreReadOnlyError, match="read-only"):
        stocked.update_note(stocked.bookmarks()[0].id, "nope")
    monkeypatch.undo()
    assert [b.note for b in Library(stocked.data_dir).bookmarks()] == ["", ""]


def test_read_only_folder_for_real(stocked):
    stocked.data_dir.chmod(0o500)
    try:
        if os.access(stocked.data_dir, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes (simulated test covers it)")
        fresh = Library(stocked.data_dir)
        assert len(fresh.bookmarks()) == 2  # browsing keeps working
        with pytest.raises(StoreReadOnlyError):
            fresh.add_bookmark("r1", "p3", "third")
        with pytest.raises(StoreReadOnlyError):
            fresh.add_film("Sunshine")  # no lock file can even be created
    finally:
        stocked.data_dir.chmod(0o700)
    assert len(Library(stocked.data_dir).bookmarks()) == 2


def test_damaged_file_in_a_folder_that_cannot_be_written_is_left_in_place(stocked, monkeypatch):
    stocked.bookmarks_path.write_bytes(b"{broken")
    monkeypatch.setattr(atomic_file.os, "link", failing(errno.EROFS))
    monkeypatch.setattr(atomic_file.os, "rename", failing(errno.EROFS))
    fresh = Library(stocked.data_dir)
    assert [b.quote for b in fresh.bookmarks()] == ["first", "second"]  # backup + old journal, shown
    assert "left in place" in fresh.read_only_reason
    with pytest.raises(StoreReadOnlyError):
        fresh.add_bookmark("r1", "p3", "third")
    monkeypatch.undo()
    assert stocked.bookmarks_path.read_bytes() == b"{broken"


def test_file_size_limit_for_real(stocked):
    """RLIMIT_FSIZE makes the kernel refuse the write (EFBIG) mid-save."""
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from nlmg_tui.library import Library, DiskFullError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        library = Library({str(stocked.data_dir)!r})
        resource.setrlimit(resource.RLIMIT_FSIZE, (600, 600))
        try:
            library.update_note(library.bookmarks()[0].id, "n" * 5000)
        except DiskFullError as error:
            print("refused:", error)
            sys.exit(0)
        sys.exit(3)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "size limit" in result.stdout
    assert [b.note for b in Library(stocked.data_dir).bookmarks()] == ["", ""]


@pytest.mark.parametrize("patched", ["fdatasync", "fsync"])
def test_interrupt_during_a_save_leaves_the_old_file(stocked, monkeypatch, patched):
    before = snapshot(stocked.data_dir)

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, patched, interrupted)
    with pytest.raises(KeyboardInterrupt):
        compact_with_third(stocked) if patched == "fsync" else add_third(stocked)
    monkeypatch.undo()
    after = snapshot(stocked.data_dir)
    assert after["bookmarks.json"] == before["bookmarks.json"]
    assert after.get("bookmarks.json.journal", b"") == b"" or patched == "fsync"
    assert len(Library(stocked.data_dir).bookmarks()) == (3 if patched == "fsync" else 2)
    assert not [p for p in stocked.data_dir.iterdir() if p.name.endswith(".tmp")]


def test_a_held_lock_times_out_with_a_clear_message(stocked):
    lock = stocked.bookmarks_path.with_name("bookmarks.json.lock")
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # our own second descriptor: a different lock owner
        fresh = Library(stocked.data_dir)
        fresh.bookmark_collection.store.lock.timeout = 0.05
        with pytest.raises(StoreBusyError, match="try again"):
            fresh.add_bookmark("r1", "p3", "third")
    finally:
        os.close(fd)
    assert len(Library(stocked.data_dir).bookmarks()) == 2


def test_a_killed_lock_holder_does_not_block_the_next_writer(stocked):
    script = textwrap.dedent(
        f"""
        import fcntl, os, sys
        fd = os.open({str(stocked.data_dir / "bookmarks.json.lock")!r}, os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        print("locked", flush=True)
        sys.stdin.read()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        holder.kill()
        holder.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
    stocked.add_bookmark("r1", "p3", "third")
    assert len(Library(stocked.data_dir).bookmarks()) == 3
