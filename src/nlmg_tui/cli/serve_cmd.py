"""`nlmg-tui serve`: the app in a web browser, through textual-serve.

textual-serve starts one app process per browser tab from a shell command and talks to it over
pipes (Textual's web driver sets itself up from ``$TEXTUAL_DRIVER``). That process cannot be
``nlmg-tui`` itself, which refuses to open the app without a terminal, so the command runs this
module: ``python -m nlmg_tui.cli.serve_cmd [--data-dir DIR]``.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import shlex
import socket
import sys
import threading
import time
from typing import Any

import click

from nlmg_tui.cli.context import AppContext, fail, report_error
from nlmg_tui.textsafety import one_line

DEFAULT_PORT = 8000
DEFAULT_HOST = "127.0.0.1"
PAGE_TITLE = "nlmg-tui: Never Let Me Go (2010), the reviews"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")

log = logging.getLogger("nlmg-tui.serve")


def served_app_command(data_dir: str | None, debug: bool) -> str:
    """The shell command textual-serve runs for each tab: this Python, this module, quoted.

    ``exec`` leaves no shell between server and app; ``-P`` keeps the current folder off
    ``sys.path``, so a stray ``click.py`` where the user started the server is not imported.
    ``trap '' INT`` makes the app ignore SIGINT from its first instruction (an ignored signal
    stays ignored across ``exec``, and Python then installs no KeyboardInterrupt handler):
    Ctrl+C in the server's terminal reaches every process of its group, and the server stops
    its apps itself, so an app that was still starting prints no traceback.
    """
    words = [sys.executable, "-P", "-m", "nlmg_tui.cli.serve_cmd"]
    if data_dir:
        words += ["--data-dir", os.path.abspath(os.path.expanduser(data_dir))]
    if debug:
        words.append("--debug")
    return "trap '' INT; exec " + shlex.join(words)


def url_host(host: str) -> str:
    """``host`` as it is written in a URL (IPv6 literals in brackets)."""
    return f"[{host}]" if ":" in host else host


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free one), or a one-line failure.

    Bound here, before the server starts, so a busy port is reported plainly and ``--port 0``
    knows its real port before the page (which embeds its own URL) is served.
    """
    try:
        return socket.create_server((host, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is already in use: pick another with --port N "
                 "(--port 0 takes any free port)")
        reason = error.strerror or str(error)
        fail(f"cannot serve on {host} port {port}: {reason}")


def make_server(command: str, sock: socket.socket, host: str):  # -> ReviewServer
    """The textual-serve server for ``command`` on an already-bound ``sock``."""
    from aiohttp import WSCloseCode, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    class ReviewServer(Server):
        """textual-serve's server on our socket, with two changes to its WebSocket handler.

        - It refuses WebSockets opened by pages from other sites: browsers let any page
          connect to localhost, and through ``/ws`` such a page could drive the app and read
          the user's library.
        - It remembers the open tabs, so that stopping the server closes them and their apps
          quit, instead of being left running after the server is gone.
        """

        def __init__(self) -> None:
            port = sock.getsockname()[1]
            super().__init__(command, host=host, port=port, title=PAGE_TITLE)
            self.public_url = f"http://{url_host(host)}:{port}"
            names = {url_host(host), *LOOPBACK_NAMES} if is_loopback(host) else {url_host(host)}
            self.allowed_origins = frozenset(f"http://{name}:{port}" for name in names)
            self.open_tabs: set[web.WebSocketResponse] = set()

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            origin = request.headers.get("Origin")
            if origin is not None and origin not in self.allowed_origins:
                log.warning("refused a connection from another site (Origin %r)", origin)
                raise web.HTTPForbidden(text="nlmg-tui: connections from other sites are refused")
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            await websocket.prepare(request)
            async def close() -> None:
                await websocket.close()

            app_service = AppService(self.command, write_bytes=websocket.send_bytes,
                                     write_str=websocket.send_str, close=close,
                                     download_manager=self.download_manager, debug=self.debug)
            self.open_tabs.add(websocket)
            try:
                await app_service.start(width, height)
                await self._process_messages(websocket, app_service)
            finally:
                self.open_tabs.discard(websocket)
                await app_service.stop()  # tells the app to quit and waits for it
            return websocket

        async def on_startup(self, app: web.Application) -> None:
            click.echo(f"nlmg-tui: serving the app at {self.public_url}  (Ctrl+C stops)")

        async def on_shutdown(self, app: web.Application) -> None:
            for websocket in list(self.open_tabs):
                await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")

        def serve(self, debug: bool = False) -> None:
            self.debug = debug
            self.initialize_logging()
            web.run_app(self._make_app(), sock=sock, print=None, access_log=None,
                        handle_signals=True, shutdown_timeout=5.0)

    return ReviewServer()


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on; 0 takes any free port (the URL printed says which).")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on. Anything but a loopback address lets other machines "
                   "use the app and your library, with no password.")
@click.pass_obj
def serve_command(context: AppContext, port: int, host: str) -> None:
    """Serve the app to a web browser (textual-serve) until Ctrl+C.

    Each browser tab runs its own copy of the app, on the same reviews and the same data dir
    (bookmarks, watchlist, imports, settings) as `nlmg-tui` in a terminal.
    """
    if is_wildcard(host):  # the page tells the browser where to connect: it needs a real address
        fail(f"--host {host} would give browsers no address to connect back to: give this "
             "machine's address as the other machines reach it, e.g. --host 192.168.1.20")
    command = served_app_command(context.data_dir, context.debug)
    sock = listen(host, port)
    if not is_loopback(host):
        click.echo(f"nlmg-tui: warning: {one_line(host)} is not a loopback address: anyone who can reach "
                   "it can use the app and your library", err=True)
    make_server(command, sock, host).serve(debug=context.debug)


def quit_when_orphaned(app: Any, poll_s: float = 1.0) -> threading.Thread:
    """Quit ``app`` once the server that started it is gone.

    The server tells its apps to quit when it stops; killed outright, it cannot, and Textual's
    web driver keeps an app running after its pipes close. Orphaned, this process gets a new
    parent, which a thread notices.
    """
    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(poll_s)
        try:
            app.call_from_thread(app.exit)
        except RuntimeError:  # not running (yet, or any more): nothing to save, just go
            os._exit(1)

    watcher = threading.Thread(target=watch, name="nlmg-serve-orphan-watch", daemon=True)
    watcher.start()
    return watcher


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", default=None)
@click.option("--debug", is_flag=True)
def run_served_app(data_dir: str | None, debug: bool) -> None:
    """The app for one browser tab (started by textual-serve, not by hand)."""
    try:
        from nlmg_tui.tui.app import make_app

        app = make_app(data_dir=data_dir)
        quit_when_orphaned(app)
        app.run()
    except Exception as error:  # noqa: BLE001 - textual-serve shows stderr in the server log
        report_error(error, debug=debug)
        sys.exit(1)


if __name__ == "__main__":
    run_served_app.main(prog_name="nlmg-tui (served app)")
