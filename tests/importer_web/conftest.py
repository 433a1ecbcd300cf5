"""A local web server for address imports, and a guard that no test reaches the network.

The server (aiohttp, in a thread with its own event loop, on a free loopback port) serves the
pages in ``pages/`` (written for these tests: reviews of invented films) with chosen content
types and charsets, redirects (a loop, a long chain, a hop to file://), slow, trickling and
oversized answers, a robots.txt disallowing ``/private/``, and a fake Wayback availability API
with its snapshots.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

PAGES = Path(__file__).resolve().parent / "pages"
STARTUP_WAIT = 10.0
TOOLBAR = (b'<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp-base"><p>Wayback Machine '
           b'toolbar: 1,234 captures, Close, Help</p></div><!-- END WAYBACK TOOLBAR INSERT -->')
ARCHIVE_NOTE = b"<!-- FILE ARCHIVED ON 12:00:00 Oct 03, 2010 AND RETRIEVED FROM THE INTERNET ARCHIVE -->"

# path -> (file in pages/, Content-Type header)
PAGE_ROUTES = {
    "/reviews/lantern": ("lantern.html", "text/html; charset=utf-8"),
    "/reviews/tidewater": ("tidewater.cp1252.txt", "text/plain; charset=windows-1252"),
    "/reviews/orchard": ("polish.cp1250.txt", "text/plain; charset=windows-1250"),
    "/reviews/orchard-undeclared": ("polish.cp1250.txt", "text/plain"),
    "/reviews/mislabelled": ("lantern.html", "text/html; charset=iso-8859-1"),
    "/private/lantern": ("lantern.html", "text/html"),
}


@dataclass
class LocalSite:
    """What the tests need to know about the running server."""

    port: int
    requests: list[tuple[str, str, float]] = field(default_factory=list)
    """(path with query, User-Agent, arrival time) for every request, in order."""
    overrides: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Path -> (file, Content-Type) served instead of ``PAGE_ROUTES`` (re-import tests)."""

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def api(self) -> str:
        return self.url("/wayback/available")

    def paths(self) -> list[str]:
        return [path for path, _, _ in self.requests]


class _Handlers:
    """The server's routes; ``site`` is where requests are recorded."""

    def __init__(self, site: LocalSite) -> None:
        self.site = site

    @web.middleware
    async def record(self, request: web.Request, handler):
        self.site.requests.append((request.path_qs, request.headers.get("User-Agent", ""), time.monotonic()))
        return await handler(request)

    async def page(self, request: web.Request) -> web.StreamResponse:
        name, content_type = self.site.overrides.get(request.path) or PAGE_ROUTES[request.path]
        return web.Response(body=(PAGES / name).read_bytes(), headers={"Content-Type": content_type})

    async def robots(self, request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /private/\n", content_type="text/plain")

    async def redirect(self, request: web.Request) -> web.Response:
        targets = {"once": "/reviews/lantern", "loop-a": "/redirect/loop-b",
                   "loop-b": "/redirect/loop-a", "to-file": "file:///etc/passwd",
                   "to-private": "/private/lantern"}
        name = request.match_info["name"]
        if name.startswith("chain-"):
            left = int(name.removeprefix("chain-"))
            target = "/reviews/lantern" if left == 0 else f"/redirect/chain-{left - 1}"
        else:
            target = targets[name]
        raise web.HTTPFound(target)

    async def slow(self, request: web.Request) -> web.Response:
        await asyncio.sleep(3)
        return web.Response(text="too late", content_type="text/html")

    async def trickle(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        for _ in range(40):
            await response.write(b"<p>drip</p>\n")
            await asyncio.sleep(0.05)
        return response

    async def huge(self, request: web.Request) -> web.StreamResponse:
        declared = request.match_info["how"] == "declared"
        headers = {"Content-Type": "text/html"}
        if declared:
            headers["Content-Length"] = str(6 * 1024 * 1024)
        response = web.StreamResponse(headers=headers)
        await response.prepare(request)
        block = b"<p>" + b"padding " * 8000 + b"</p>\n"
        try:
            for _ in range(6 * 1024 * 1024 // len(block) + 2):
                await response.write(block)
        except (ConnectionResetError, ConnectionError):
            pass  # the client stopped reading past its cap, as it should
        return response

    async def image(self, request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")

    async def gone(self, request: web.Request) -> web.Response:
        status = int(request.match_info["status"])
        return web.Response(status=status, text="not here", content_type="text/html")

    async def availability(self, request: web.Request) -> web.Response:
        address = request.query.get("url", "")
        if "nosnapshot" in address:
            return web.json_response({"url": address, "archived_snapshots": {}})
        snapshot = self.site.url(f"/web/20101003120000/{address}")
        return web.json_response({"url": address, "archived_snapshots": {"closest": {
            "status": "200", "available": True, "url": snapshot, "timestamp": "20101003120000"}}})

    async def snapshot(self, request: web.Request) -> web.Response:
        stamp = request.match_info["stamp"]
        body = (PAGES / "archived.html").read_bytes()
        if stamp.endswith("id_"):  # raw form: only a stray note and a leftover toolbar slip in
            body = body.replace(b"<body>", b"<body>" + TOOLBAR) + ARCHIVE_NOTE
        else:  # the playback form a person sees: the toolbar inside the body
            body = body.replace(b"<body>", b"<body>" + TOOLBAR * 3)
        return web.Response(body=body, content_type="text/html")



def _app(site: LocalSite) -> web.Application:
    handlers = _Handlers(site)
    app = web.Application(middlewares=[handlers.record])
    app.router.add_get("/robots.txt", handlers.robots)
    for path in PAGE_ROUTES:
        app.router.add_get(path, handlers.page)
    app.router.add_get("/redirect/{name}", handlers.redirect)
    app.router.add_get("/slow", handlers.slow)
    app.router.add_get("/trickle", handlers.trickle)
    app.router.add_get("/huge/{how}", handlers.huge)
    app.router.add_get("/image.png", handlers.image)
    app.router.add_get("/status/{status}", handlers.gone)
    app.router.add_get("/wayback/available", handlers.availability)
    app.router.add_get("/web/{stamp}/{original:.*}", handlers.snapshot)
    return app


@pytest.fixture(scope="session")
def local_site() -> Iterator[LocalSite]:
    """The server, started once per session (bounded wait) and stopped at the end."""
    loop = asyncio.new_event_loop()
    site = LocalSite(port=0)
    ready = threading.Event()
    problems: list[BaseException] = []
    runner = web.AppRunner(_app(site), handle_signals=False, shutdown_timeout=1.0)

    async def start() -> None:
        await runner.setup()
        tcp = web.TCPSite(runner, "127.0.0.1", 0)
        await tcp.start()
        site.port = runner.addresses[0][1]

    def serve() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(start())
        except BaseException as error:  # noqa: BLE001 - reported to the fixture below
            problems.append(error)
            ready.set()
            return
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, name="local-site", daemon=True)
    thread.start()
    assert ready.wait(STARTUP_WAIT), "the local server did not start"
    assert not problems, problems
    yield site
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=STARTUP_WAIT)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=STARTUP_WAIT)
    loop.close()


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@pytest.fixture(autouse=True)
def no_network(monkeypatch) -> Iterator[list[str]]:
    """Every name lookup and connection must stay on loopback: other names fail as unknown
    hosts (so "a host that no longer exists" is tested without a DNS server) and any other
    connection fails the test."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    attempts: list[str] = []

    def getaddrinfo(host, *args, **kwargs):
        if host is None or _loopback(str(host)):
            return real_getaddrinfo(host, *args, **kwargs)
        attempts.append(f"lookup {host}")
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (tests are offline)")

    def connect(self, address):
        if isinstance(address, tuple) and not _loopback(str(address[0])):
            attempts.append(f"connect {address[0]}")
            raise OSError("tests are offline")
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    yield attempts
    assert not [a for a in attempts if a.startswith("connect")], attempts
