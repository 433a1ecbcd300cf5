"""One app process in a pseudo-terminal, for the benchmarks: wait for text, press keys, read
the process's CPU time (Linux ``/proc``). Quits with ctrl+q and kills what does not exit."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time

TIMEOUT_S = 60.0
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_TICKS = os.sysconf("SC_CLK_TCK")


class TerminalSession:
    """``with TerminalSession(argv, env) as s: s.wait_for("Sort:")``; times are seconds."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.argv = argv
        self.env = env
        self.seen = b""

    def __enter__(self) -> TerminalSession:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
        self.start = time.perf_counter()
        self.process = subprocess.Popen(self.argv, stdin=slave, stdout=slave, stderr=slave,
                                        env=self.env, close_fds=True, start_new_session=True)
        os.close(slave)
        return self

    def __exit__(self, *_: object) -> None:
        try:
            if self.process.poll() is None:
                os.write(self.master, b"\x11")  # ctrl+q
                deadline = time.perf_counter() + 10
                while self.process.poll() is None and time.perf_counter() < deadline:
                    self._read(0.1)
        except OSError:
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            os.close(self.master)

    def _read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            chunk = b""
        self.seen += chunk
        return chunk

    def forget_output(self) -> None:
        self.seen = b""

    def wait_for(self, marker: str | re.Pattern[str]) -> float:
        """Seconds since spawn when ``marker`` (text or pattern) is on the terminal."""
        pattern = marker if isinstance(marker, re.Pattern) else re.compile(re.escape(marker))
        deadline = time.perf_counter() + TIMEOUT_S
        while time.perf_counter() < deadline:
            if not self._read(0.2) and self.process.poll() is not None:
                break
            if pattern.search(_ESCAPES.sub(b"", self.seen).decode("utf-8", "replace")):
                return time.perf_counter() - self.start
        raise RuntimeError(f"{self.argv}: {pattern.pattern!r} not seen (exit code "
                           f"{self.process.poll()}); "
                           f"output ended {self.seen[-300:]!r}")

    def write(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def idle(self, seconds: float) -> None:
        """Read (and drop) output for ``seconds``."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self._read(left)
        self.seen = self.seen[-4096:]

    def key_to_output(self, key: str) -> float:
        """Seconds from writing ``key`` until the terminal receives output."""
        while self._read(0):  # drop what is already waiting
            pass
        start = time.perf_counter()
        self.write(key)
        while time.perf_counter() - start < TIMEOUT_S:
            if self._read(1.0):
                return time.perf_counter() - start
        raise RuntimeError(f"{self.argv}: no output after {key!r}")

    def cpu_seconds(self) -> float:
        """User + system CPU seconds of the app process so far."""
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
