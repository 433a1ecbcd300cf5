"""`nlmg-tui serve` without a browser: options, one-line failures, the command each tab runs,
and the server over plain HTTP and WebSocket."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner

from nlmg_tui.cli import cli, main, serve_cmd


def run_main(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    return exited.value.code, out, err


@pytest.fixture
def no_serving(monkeypatch):
    """Fails the test instead of serving forever if a check lets the server start."""
    def refuse(*args, **kwargs):
        raise AssertionError("the server was about to start")

    monkeypatch.setattr(serve_cmd, "make_server", refuse)


def test_help_names_the_options_and_defaults() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "web browser" in result.output
    assert "--port" in result.output and "default: 8000" in result.output
    assert "--host" in result.output and "default: 127.0.0.1" in result.output
    assert "0 takes any free port" in result.output
    assert "serve" in CliRunner().invoke(cli, ["--help"]).output


@pytest.mark.parametrize(("port", "message"), [
    ("70000", "70000 is not in the range 0<=x<=65535"),
    ("-1", "-1 is not in the range 0<=x<=65535"),
    ("http", "'http' is not a valid integer"),
])
def test_a_bad_port_is_one_line(port, message, capsys, no_serving) -> None:
    code, out, err = run_main(["serve", "--port", port], capsys)
    assert code == 2 and out == ""
    assert err.startswith("nlmg-tui: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_busy_port_is_one_line(capsys, no_serving) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        code, out, err = run_main(["serve", "--port", str(port)], capsys)
    assert code == 1 and out == ""
    assert err == (f"nlmg-tui: error: port {port} on 127.0.0.1 is already in use: pick another "
                   "with --port N (--port 0 takes any free port)\n")


def test_an_address_this_machine_lacks_is_one_line(capsys, no_serving) -> None:
    code, out, err = run_main(["serve", "--host", "192.0.2.1", "--port", "0"], capsys)  # TEST-NET-1
    assert code == 1
    assert err.startswith("nlmg-tui: error: cannot serve on 192.0.2.1 port 0: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_wildcard_host_is_refused(host, capsys, no_serving) -> None:
    code, out, err = run_main(["serve", "--host", host], capsys)
    assert code == 1
    assert err.startswith(f"nlmg-tui: error: --host {host} would give browsers no address")


def test_a_non_loopback_host_is_warned_about(capsys, monkeypatch, no_serving) -> None:
    with socket.create_server(("127.0.0.1", 0)) as stand_in:  # (this machine may have no LAN)
        monkeypatch.setattr(serve_cmd, "listen", lambda host, port: stand_in)
        code, out, err = run_main(["serve", "--host", "192.168.1.20"], capsys)
    assert err.splitlines()[0] == (
        "nlmg-tui: warning: 192.168.1.20 is not a loopback address: anyone who can reach it can "
        "use the app and your library")
    assert "the server was about to start" in err  # (no_serving stopped it there)


LAUNCH = ["trap", "", "INT;", "exec", sys.executable, "-P", "-m"]
"""How each tab's app is started: SIGINT ignored, then this Python on the app module."""

@pytest.mark.parametrize("name", ["plain", "with space", "it's", 'say "hi"', "$(touch pwned)",
                                  "`touch pwned`; touch pwned", "ünïcødé"])
def test_the_tab_command_quotes_the_data_dir(name, tmp_path) -> None:
    data_dir = tmp_path / name
    command = serve_cmd.served_app_command(str(data_dir), debug=False)
    assert shlex.split(command) == [*LAUNCH, "nlmg_tui.cli.serve_cmd",
                                    "--data-dir", str(data_dir)]
    # Through a real shell, as textual-serve runs it: nothing in the name is executed.
    result = subprocess.run(["sh", "-c", command + " --help"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "browser tab" in result.stdout
    assert not (tmp_path / "pwned").exists()


def test_the_tab_command_ignores_modules_in_the_current_folder(tmp_path) -> None:
    (tmp_path / "click.py").write_text("raise SystemExit('a stray click.py was imported')\n")
    command = serve_cmd.served_app_command(None, debug=False)
    result = subprocess.run(["sh", "-c", command + " --help"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_c_while_a_tab_app_starts_prints_no_traceback(tmp_path) -> None:
    """Ctrl+C in the server's terminal reaches the tab apps too; one still importing used to
    die with a KeyboardInterrupt traceback. The app ignores SIGINT (the server stops it)."""
    command = serve_cmd.served_app_command(str(tmp_path), debug=False)
    app = subprocess.Popen(["sh", "-c", command + " --help"], cwd=tmp_path, text=True,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 30
    cmdline = Path(f"/proc/{app.pid}/cmdline")
    while app.poll() is None and time.monotonic() < deadline:  # until sh has exec'd Python
        # (sh's own command line holds the module name too, in its -c script: wait for argv[0])
        if not cmdline.read_bytes().split(b"\0")[0].endswith(b"sh"):
            break
        time.sleep(0.005)
    while app.poll() is None and time.monotonic() < deadline:  # Ctrl+C all through its start
        app.send_signal(signal.SIGINT)
        time.sleep(0.01)
    out, err = app.communicate(timeout=30)
    assert "KeyboardInterrupt" not in err and "Traceback" not in err, err
    assert "Aborted" not in out + err
    assert app.returncode == 0 and "browser tab" in out


def test_the_tab_command_without_a_data_dir_inherits_the_environment() -> None:
    command = serve_cmd.served_app_command(None, debug=True)
    assert shlex.split(command) == [*LAUNCH, "nlmg_tui.cli.serve_cmd",
                                    "--debug"]


def test_a_relative_data_dir_is_made_absolute(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    words = shlex.split(serve_cmd.served_app_command("data", debug=False))
    assert words[-2:] == ["--data-dir", str(tmp_path / "data")]


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("::", False), ("example.org", False),
])
def test_which_hosts_are_loopback(host, loopback) -> None:
    assert serve_cmd.is_loopback(host) is loopback


def test_an_orphaned_app_quits(monkeypatch) -> None:
    class FakeApp:
        def __init__(self) -> None:
            self.exited = threading.Event()

        def call_from_thread(self, callback) -> None:
            callback()

        def exit(self) -> None:
            self.exited.set()

    parents = iter([100, 100, 100])  # the server (100), then init (1) once the server is killed
    app = FakeApp()
    monkeypatch.setattr(os, "getppid", lambda: next(parents, 1))
    watcher = serve_cmd.quit_when_orphaned(app, poll_s=0.001)
    watcher.join(timeout=30)
    assert app.exited.is_set() and next(parents, None) is None


ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|.)")  # CSI, OSC, other


def children(pid: int) -> list[int]:
    """The running (not zombie) processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def is_running(pid: int) -> bool:
    """False once ``pid`` is gone or a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_the_page_and_its_script_come_from_the_server(served_app) -> None:
    assert served_app.url.startswith("http://127.0.0.1:") and not served_app.url.endswith(":0")
    async with aiohttp.ClientSession() as http:
        async with http.get(served_app.url) as response:
            assert response.status == 200
            page = await response.text()
        assert serve_cmd.PAGE_TITLE in page
        script = f"{served_app.url}/static/js/textual.js"
        assert f'src="{script}"' in page  # served here: the page needs no network
        async with http.get(script) as response:
            assert response.status == 200 and len(await response.read()) > 100_000


async def test_other_sites_cannot_open_the_app(served_app) -> None:
    ws_url = served_app.url.replace("http://", "ws://") + "/ws"
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(ws_url, headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403
        port = served_app.url.rsplit(":", 1)[1]
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await http.ws_connect(ws_url, headers={"Origin": f"http://127.0.0.1.evil.example:{port}"})


async def open_tab(http: aiohttp.ClientSession, served_app) -> aiohttp.ClientWebSocketResponse:
    """A WebSocket as the page opens it; returns once the app has drawn its first screen."""
    ws_url = served_app.url.replace("http://", "ws://") + "/ws?width=100&height=32"
    tab = await http.ws_connect(ws_url, headers={"Origin": served_app.url})
    screen = ""
    while "Sort: date" not in screen:
        message = await asyncio.wait_for(tab.receive(), 30)
        assert message.type == aiohttp.WSMsgType.BINARY, message
        screen += ESCAPES.sub("", message.data.decode(errors="replace"))
    return tab


async def wait_until_gone(pid: int) -> None:
    """An app closes its output first and then finishes exiting: wait, with a deadline."""
    deadline = time.monotonic() + 30
    while is_running(pid):
        assert time.monotonic() < deadline, f"the app (pid {pid}) is still running"
        await asyncio.sleep(0.05)


async def wait_until_gone_one_of(pids: list[int]) -> None:
    while all(is_running(pid) for pid in pids):
        await asyncio.sleep(0.05)


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="reads processes from /proc")


@needs_proc
async def test_closing_a_tab_quits_its_app(served_app) -> None:
    async with aiohttp.ClientSession() as http:
        first = await open_tab(http, served_app)
        second = await open_tab(http, served_app)
        apps = children(served_app.process.pid)
        assert len(apps) == 2  # one app per tab; `exec`: no shell in between
        await first.close()
        await asyncio.wait_for(wait_until_gone_one_of(apps), 30)
        assert len(children(served_app.process.pid)) == 1  # the other tab's app runs on
        await second.close()
    for pid in apps:
        await wait_until_gone(pid)
    assert served_app.process.returncode is None  # the server serves on


@needs_proc
async def test_ctrl_c_closes_the_tabs_and_their_apps(served_app) -> None:
    server = served_app.process
    async with aiohttp.ClientSession() as http:
        tab = await open_tab(http, served_app)
        apps = children(server.pid)
        assert len(apps) == 1
        server.send_signal(signal.SIGINT)
        assert await asyncio.wait_for(server.wait(), 30) == 0
        message = await asyncio.wait_for(tab.receive(), 30)
        while message.type == aiohttp.WSMsgType.BINARY:  # what the app drew before quitting
            message = await asyncio.wait_for(tab.receive(), 30)
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), message
        await tab.close()
    await wait_until_gone(apps[0])
