"""Benchmark: importing 20 addresses from a local server vs the same 20 pages as saved files.

Each address costs what a user pays: a name lookup, robots.txt (once per host), the page, the
one-request-per-second-per-host wait, extraction and an atomic save. The saved files go through
the same extraction and save. The target is ``addresses <= 1.5 x (files + politeness delay)``,
where the delay is what the pacing rule makes the importer wait (measured by the pacer).

By default the 20 addresses are on 20 hosts (127.0.0.2 … 127.0.0.21, one server socket each), so
each host sees robots.txt then the page: one wait of ``--interval`` per host. ``--same-host``
puts all 20 on 127.0.0.1: one robots.txt, then a wait before every page.

Run: ``python benchmarks/import_urls.py [--runs 3] [--interval 1.0] [--same-host]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiohttp import web

from nlmg_tui.importer.fetch import Fetcher, FetchSettings
from nlmg_tui.importer.one_source import read_source, save_found
from nlmg_tui.importer.store import ImportedReviews

PAGES = Path(__file__).resolve().parent.parent / "tests" / "importer_web" / "pages"
COUNT = 20


def page_bodies() -> list[bytes]:
    """20 distinct pages: the test fixtures, each with a numbered closing paragraph."""
    bases = [(PAGES / name).read_bytes() for name in ("lantern.html", "archived.html")]
    bodies = []
    for index in range(COUNT):
        extra = (f"<p>Postscript {index}: this copy of the page was numbered for the benchmark, "
                 f"so that every one of the twenty reviews has its own body.</p>").encode()
        base = bases[index % len(bases)]
        bodies.append(base.replace(b"</article>", extra + b"</article>", 1))
    return bodies


def start_server(hosts: list[str], bodies: list[bytes]) -> tuple[dict[str, int], callable]:
    """One aiohttp app, listening on each host; returns host -> port and a stop function."""
    loop = asyncio.new_event_loop()
    ports: dict[str, int] = {}
    ready = threading.Event()

    async def page(request: web.Request) -> web.Response:
        return web.Response(body=bodies[int(request.match_info["n"])], content_type="text/html",
                            charset="utf-8")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /private/\n", content_type="text/plain")

    app = web.Application()
    app.router.add_get("/robots.txt", robots)
    app.router.add_get("/review/{n}", page)
    runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=1.0)

    async def start() -> None:
        await runner.setup()
        for host in hosts:
            site = web.TCPSite(runner, host, 0)
            await site.start()
            ports[host] = site.port

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    if not ready.wait(10):
        sys.exit("the local server did not start")

    def stop() -> None:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)

    return ports, stop


def import_all(sources: list[str | Path], fetcher: Fetcher, folder: Path) -> float:
    store = ImportedReviews(folder)
    start = time.perf_counter()
    for source in sources:
        found = read_source(source, fetcher)
        saved = save_found(found, store, {})
        assert saved.status in ("imported", "updated"), saved
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--interval", type=float, default=1.0,
                        help="seconds between two requests to one host (the importer's rule: 1)")
    parser.add_argument("--same-host", action="store_true")
    args = parser.parse_args()

    bodies = page_bodies()
    hosts = ["127.0.0.1"] if args.same_host else [f"127.0.0.{n}" for n in range(2, 2 + COUNT)]
    ports, stop = start_server(hosts, bodies)
    addresses = [f"http://{hosts[i % len(hosts)]}:{ports[hosts[i % len(hosts)]]}/review/{i}"
                 for i in range(COUNT)]
    file_times, url_times, delays = [], [], []
    try:
        with tempfile.TemporaryDirectory() as temp:
            saved_dir = Path(temp) / "saved"
            saved_dir.mkdir()
            files: list[str | Path] = []
            for index, body in enumerate(bodies):
                path = saved_dir / f"review-{index:02}.html"
                path.write_bytes(body)
                files.append(path)
            for run in range(args.runs):
                file_times.append(import_all(files, Fetcher(), Path(temp) / f"files-{run}"))
                fetcher = Fetcher(FetchSettings(allow_local=True, min_interval=args.interval))
                url_times.append(import_all(list(addresses), fetcher, Path(temp) / f"urls-{run}"))
                delays.append(fetcher.pacer.waited)
    finally:
        stop()

    files_median = statistics.median(file_times)
    urls_median = statistics.median(url_times)
    delay_median = statistics.median(delays)
    ratio = urls_median / (files_median + delay_median)
    print(f"python {platform.python_version()} on {platform.platform()}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"{COUNT} pages, {args.runs} runs, {len(hosts)} host(s), interval {args.interval:g} s")
    print(f"saved files        median {files_median * 1000:8.1f} ms  "
          f"({files_median / COUNT * 1000:.1f} ms/page)")
    print(f"politeness delay   median {delay_median * 1000:8.1f} ms  (waited by the pacer)")
    print(f"addresses          median {urls_median * 1000:8.1f} ms")
    print(f"fetch overhead     {(urls_median - delay_median - files_median) / COUNT * 1000:.1f} ms/page")
    print(f"ratio addresses / (files + delay) = {ratio:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
