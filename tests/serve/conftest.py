"""`nlmg-tui serve` under test: the server as a subprocess, headless Chromium over the DevTools
protocol (a WebSocket, with aiohttp, which textual-serve already brings).

textual.js draws the terminal with xterm.js on a canvas, so the page's DOM holds no text. A
script injected before the page loads keeps the xterm.js ``Terminal`` textual.js creates (it is
assigned to ``.terminal`` on textual.js' session object), and ``screen()`` reads its buffer: the
rows of characters the canvas shows.

Every process started here gets its own session (process group) and is killed by that group's
id. docs/images/make_serve_screenshot.py reuses these classes for the user guide's picture.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

WAIT_S = 30.0  # generous: CI runs the browser next to the rest of the suite
POLL_S = 0.05
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Headless as root on a machine without network: no sandbox, no GPU, nothing that calls home.
# Every host name but the loopback address fails to resolve, so the page is shown exactly as
# it is offline (its Google Fonts stylesheet link fails at once; the fonts fall back).
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
# Keeps textual.js' xterm.js Terminal as window.__nlmgTerminal when textual.js assigns it.
KEEP_TERMINAL = """
(() => {
  const key = "terminal";
  Object.defineProperty(Object.prototype, key, {
    configurable: true,
    set(value) {
      Object.defineProperty(this, key, {value, writable: true, configurable: true,
                                        enumerable: true});
      if (value && value.buffer && value.buffer.active && value.onData) {
        window.__nlmgTerminal = value;
        delete Object.prototype[key];
      }
    },
  });
})();
"""
READ_SCREEN = """
(() => {
  const terminal = window.__nlmgTerminal;
  if (!terminal) return null;
  const buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""
# (key, code, Windows virtual key code, text) for the keys the tests press.
KEYS = {
    "Enter": ("Enter", "Enter", 13, "\r"),
    "Escape": ("Escape", "Escape", 27, ""),
    "Down": ("ArrowDown", "ArrowDown", 40, ""),
    "Up": ("ArrowUp", "ArrowUp", 38, ""),
}


def chromium_or_skip() -> str:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not installed ({CHROMIUM}): apt-get install chromium")
    return CHROMIUM


async def kill_group(process: asyncio.subprocess.Process, grace_s: float = 5.0) -> None:
    """SIGTERM the process group we created for ``process``, then SIGKILL what is left."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        await asyncio.wait_for(process.wait(), grace_s)
    except TimeoutError:
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    await process.wait()


async def wait_until(check, what: str, timeout: float = WAIT_S):
    """Poll the async ``check`` until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(POLL_S)


class ServedApp:
    """``nlmg-tui serve --port 0`` in its own process group; ``url`` is the address it printed."""

    def __init__(self, data_dir: Path, log_path: Path) -> None:
        self.data_dir = data_dir
        self.log_path = log_path
        self.url = ""
        self.process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> ServedApp:
        command = [sys.executable, "-m", "nlmg_tui", "--data-dir", str(self.data_dir),
                   "serve", "--port", "0"]
        with open(self.log_path, "wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                *command, stdout=asyncio.subprocess.PIPE, stderr=log, start_new_session=True)
        try:
            assert self.process.stdout is not None
            text = (await asyncio.wait_for(self.process.stdout.readline(), WAIT_S)).decode()
            if "serving the app at http://" not in text:
                raise AssertionError(f"serve printed {text!r}; its log:\n{self.log()}")
            self.url = text.split("serving the app at ", 1)[1].split()[0]
        except BaseException:
            await kill_group(self.process)
            raise
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self.process is not None:
            await kill_group(self.process)

    def log(self) -> str:
        """What the server wrote to stderr (textual-serve logs there, with apps' errors)."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class ChromiumPage:
    """One tab of a headless Chromium, driven over the DevTools protocol (flat sessions)."""

    def __init__(self, width: int = 1200, height: int = 800) -> None:
        self.width = width
        self.height = height
        self.profile = tempfile.TemporaryDirectory(prefix="nlmg-chromium-", ignore_cleanup_errors=True)
        self.process: asyncio.subprocess.Process | None = None
        self._http: Any = None
        self._socket: Any = None
        self._session = ""
        self._next_id = 0

    async def __aenter__(self) -> ChromiumPage:
        try:
            await self._start()
        except BaseException:
            await self.__aexit__()
            raise
        return self

    async def _start(self) -> None:
        import aiohttp

        profile = Path(self.profile.name)
        log_path = profile.parent / f"{profile.name}.log"
        with open(log_path, "wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                chromium_or_skip(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                "--remote-debugging-port=0", f"--window-size={self.width},{self.height}",
                "about:blank", stdout=asyncio.subprocess.DEVNULL, stderr=log,
                start_new_session=True)
        port_file = profile / "DevToolsActivePort"  # Chromium writes port and path here

        async def endpoint() -> str | None:
            if self.process.returncode is not None:
                tail = log_path.read_text(errors="replace")[-2000:]
                raise AssertionError(f"Chromium exited with {self.process.returncode}:\n{tail}")
            lines = port_file.read_text().split() if port_file.exists() else []
            return f"ws://127.0.0.1:{lines[0]}{lines[1]}" if len(lines) >= 2 else None

        try:
            url = await wait_until(endpoint, "Chromium's DevTools endpoint")
        finally:
            log_path.unlink(missing_ok=True)
        self._http = aiohttp.ClientSession()
        self._socket = await self._http.ws_connect(url, max_msg_size=0)
        target = await self.call("Target.createTarget", url="about:blank")
        attached = await self.call("Target.attachToTarget", targetId=target["targetId"],
                                   flatten=True)
        self._session = attached["sessionId"]
        await self.call("Page.enable")  # (scripts for new documents need the Page domain on)
        await self.call("Page.addScriptToEvaluateOnNewDocument", source=KEEP_TERMINAL)
        await self.call("Emulation.setDeviceMetricsOverride", width=self.width,
                        height=self.height, deviceScaleFactor=1, mobile=False)

    async def __aexit__(self, *exc_info: object) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._http is not None:
            await self._http.close()
        if self.process is not None:
            await kill_group(self.process)
        self.profile.cleanup()

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result (events in between are dropped)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self._session:
            message["sessionId"] = self._session
        await self._socket.send_str(json.dumps(message))
        while True:
            reply = await asyncio.wait_for(self._socket.receive_json(), WAIT_S)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise AssertionError(f"{method} failed: {reply['error']}")
                return reply["result"]

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def open(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    async def screen(self) -> str | None:
        """The terminal's visible rows as text; None until textual.js has made its terminal."""
        return await self.evaluate(READ_SCREEN)

    async def wait_for_screen(self, shows: Callable[[str], bool], what: str) -> str:
        """Poll the screen until ``shows(screen)`` is true; return that screen."""
        last: str | None = None

        async def check() -> str | None:
            nonlocal last
            last = await self.screen()
            return last if last is not None and shows(last) else None

        try:
            return await wait_until(check, what)
        except AssertionError as error:
            if last is None:
                raise AssertionError(f"{error}: the page has no xterm.js terminal that the "
                                     "injected script could find (has textual.js changed?)") from None
            raise AssertionError(f"{error}; the page showed:\n{last}") from None

    async def wait_for(self, *texts: str) -> str:
        """Poll the screen until it shows every one of ``texts``; return the screen."""
        return await self.wait_for_screen(lambda screen: all(text in screen for text in texts),
                                          f"{texts!r} on the page")

    async def focus(self) -> None:
        """Focus the terminal, as a click on it does: xterm.js reads keys only when focused,
        and the app, told it has the focus, shows its key bar."""
        await self.evaluate("window.__nlmgTerminal && window.__nlmgTerminal.focus()")

    async def press(self, key: str) -> None:
        """A key press as the browser delivers it to xterm.js (named keys or one character)."""
        if key in KEYS:
            name, code, key_code, text = KEYS[key]
        else:
            name, code, key_code, text = key, f"Key{key.upper()}", ord(key.upper()), key
        await self.focus()
        down = {"key": name, "code": code, "windowsVirtualKeyCode": key_code, "text": text}
        await self.call("Input.dispatchKeyEvent", type="keyDown" if text else "rawKeyDown",
                        **down)
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=name, code=code,
                        windowsVirtualKeyCode=key_code)

    async def screenshot(self, path: Path) -> None:
        shot = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))


@pytest.fixture
async def served_app(tmp_path) -> AsyncIterator[ServedApp]:
    """The server, with a data dir whose name needs shell quoting (the app is a shell command).

    Its log is printed at teardown: pytest shows it when the test failed."""
    async with ServedApp(tmp_path / "served data 'quoted' $HOME", tmp_path / "serve.log") as served:
        yield served
    print(f"--- nlmg-tui serve's log ---\n{served.log()}")


@pytest.fixture
async def page() -> AsyncIterator[ChromiumPage]:
    async with ChromiumPage() as chromium_page:
        yield chromium_page
