"""Fetching an address: bounds, redirects, robots.txt, pacing, charsets, local addresses, and
the Internet Archive fallback, all against the local server (no test reaches the network)."""

from __future__ import annotations

import gzip
import socket
import zlib

import pytest

from nlmg_tui.importer import address as address_module
from nlmg_tui.importer.address import FetchError, address_id, is_public, normalise_address
from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.fetch import USER_AGENT, Fetcher, FetchSettings
from nlmg_tui.importer.from_address import ArchiveChoice, import_address
from nlmg_tui.importer.robots import HostPacer
from nlmg_tui.importer.wayback import snapshot_from_url, strip_toolbar

FAST = FetchSettings(allow_local=True, min_interval=0.0, timeout=3.0, deadline=5.0)
IMPATIENT = FetchSettings(allow_local=True, min_interval=0.0, timeout=0.5, deadline=0.5)
"""For the slow (3 s before answering) and trickling (2 s in all) pages: generous timeouts
elsewhere keep the tests steady on a loaded machine."""


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(FAST)


def fetch_error(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value


@pytest.mark.parametrize(
    ("path", "kind", "words"),
    [
        ("/redirect/loop-a", "redirects", "redirects in a loop"),
        ("/redirect/chain-8", "redirects", "more than 5 times"),
        ("/redirect/to-file", "address", "only http and https"),
        ("/slow", "timeout", "did not answer within 0.5 s"),
        ("/trickle", "timeout", "took longer than 0.5 s"),
        ("/huge/declared", "too-large", "larger than 5,242,880 bytes"),
        ("/huge/streamed", "too-large", "larger than 5,242,880 bytes"),
        ("/image.png", "not-text", "serves image/png, not an HTML or text page"),
        ("/status/503", "http", "answered 503 Service Unavailable"),
        ("/status/404", "gone", "the page is gone"),
        ("/status/410", "gone", "the page is gone"),
        ("/private/lantern", "robots", "robots.txt does not allow fetching /private/lantern"),
        ("/redirect/to-private", "robots", "robots.txt does not allow"),
    ],
)
def test_refusals_are_one_sentence(local_site, fetcher, path, kind, words):
    if kind == "timeout":
        fetcher = Fetcher(IMPATIENT)
    error = fetch_error(fetcher, local_site.url(path))
    assert error.kind == kind
    assert words in str(error)
    assert "\n" not in str(error) and len(str(error)) < 160


def test_redirects_are_followed_and_each_hop_checked(local_site, fetcher):
    page = fetcher.get(local_site.url("/redirect/chain-3"))
    assert page.final_url == local_site.url("/reviews/lantern")
    assert len(page.redirects) == 4
    assert b"Marta Villanueva" in page.data


def test_stops_reading_past_the_cap(local_site):
    small = Fetcher(FetchSettings(allow_local=True, min_interval=0, max_bytes=1_000))
    assert fetch_error(small, local_site.url("/huge/streamed")).kind == "too-large"
    assert fetch_error(small, local_site.url("/reviews/lantern")).kind == "too-large"


def test_user_agent_names_the_app_and_robots_is_read_once_per_site(local_site, fetcher):
    start = len(local_site.requests)
    fetcher.get(local_site.url("/reviews/lantern"))
    fetcher.get(local_site.url("/reviews/tidewater"))
    fetcher.get(local_site.url("/reviews/lantern", host="localhost"))  # another site
    made = local_site.requests[start:]
    assert [path for path, _, _ in made].count("/robots.txt") == 2
    assert {agent for _, agent, _ in made} == {USER_AGENT}
    assert USER_AGENT.startswith("nlmg-tui/0.")


def test_one_request_per_interval_per_host(local_site):
    paced = Fetcher(FetchSettings(allow_local=True, min_interval=0.2))
    start = len(local_site.requests)
    paced.get(local_site.url("/reviews/lantern"))  # robots.txt, then the page
    paced.get(local_site.url("/reviews/tidewater"))
    times = [when for _, _, when in local_site.requests[start:]]
    assert len(times) == 3
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.19, gaps
    assert paced.pacer.waited >= 0.35


def test_pacer_keeps_hosts_apart():
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    pacer = HostPacer(1.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait_turn("a.example")
    pacer.wait_turn("b.example")  # another host: no wait
    pacer.wait_turn("A.example")  # same host, any case: waits the rest of the second
    now[0] += 0.25
    pacer.wait_turn("a.example")
    assert slept == [1.0, 0.75]
    pacer.finished("a.example")  # a request that took 2 s: the next waits a second from its end
    now[0] += 2.0
    pacer.finished("a.example")
    pacer.wait_turn("a.example")
    assert slept == [1.0, 0.75, 1.0]


@pytest.mark.parametrize(
    ("path", "critic", "decoding"),
    [
        ("/reviews/tidewater", "Walter Pembridge", "cp1252 (declared)"),
        ("/reviews/orchard", "Małgorzata Wiśniewska", "cp1250 (declared)"),
        ("/reviews/orchard-undeclared", None, "guessed cp1252"),  # what the header is for
        ("/reviews/mislabelled", "Marta Villanueva", "utf-8"),  # UTF-8 declared as latin-1
    ],
)
def test_declared_charset_reaches_the_decoder(local_site, fetcher, path, critic, decoding):
    imported = import_address(local_site.url(path), fetcher)
    assert imported.extracted.decoding.split(" (the page said")[0] == decoding
    assert imported.review.critic == critic
    if path == "/reviews/mislabelled":  # UTF-8 bytes under a latin-1 label: read as UTF-8
        assert "Tomás Brekke" in imported.review.paragraphs[1].text
    if path == "/reviews/tidewater":
        assert "“naïve”" in imported.review.paragraphs[0].text


def test_local_addresses_are_refused_unless_allowed(local_site):
    strict = Fetcher(FetchSettings(min_interval=0))
    error = fetch_error(strict, local_site.url("/reviews/lantern"))
    assert error.kind == "blocked" and "--allow-local" in str(error)
    assert fetch_error(strict, "file:///etc/passwd").kind == "address"
    assert fetch_error(strict, "http://user:pw@127.0.0.1/").kind == "address"


def test_every_resolved_address_is_checked(monkeypatch):
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
               (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answers)
    with pytest.raises(FetchError) as caught:
        Fetcher(FetchSettings(min_interval=0)).get("http://two-faced.example/review")
    assert caught.value.kind == "blocked" and "10.0.0.7" in str(caught.value)
    assert address_module.resolve(address_module.parse_address("http://x.example/"), True, 1).addresses \
        == ("93.184.216.34", "10.0.0.7")


@pytest.mark.parametrize(
    ("ip", "public"),
    [("93.184.216.34", True), ("127.0.0.2", False), ("10.1.2.3", False), ("192.168.0.1", False),
     ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False),
     ("0.0.0.0", False), ("224.0.0.1", False), ("2606:4700::1111", True)],
)
def test_is_public(ip, public):
    assert is_public(ip) is public


@pytest.mark.parametrize(
    ("address", "normal"),
    [
        ("HTTP://Example.COM", "http://example.com/"),
        ("https://example.com:443/a?b=1#top", "https://example.com/a?b=1"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/r?id=7&utm_source=x&fbclid=y", "https://example.com/r?id=7"),
    ],
)
def test_normal_addresses_share_an_id(address, normal):
    assert normalise_address(address) == normal
    assert address_id(address) == address_id(normal)
    assert address_id(address).startswith("imp-")


def test_a_gone_host_is_imported_from_its_snapshot(local_site, fetcher):
    imported = import_address("http://coastal-courier.invalid/reviews/saltmarsh", fetcher,
                              archive=ArchiveChoice(api=local_site.api))
    source = imported.source
    assert source.url == "http://coastal-courier.invalid/reviews/saltmarsh"
    assert source.snapshot_date == "2010-10-03T12:00:00Z"
    assert source.snapshot_url.endswith("/web/20101003120000/http://coastal-courier.invalid/reviews/saltmarsh")
    assert "/web/20101003120000id_/" in source.fetched_from
    assert "could not be found" in source.archived_because
    assert imported.review.critic == "Rowan Ellery"
    body = " ".join(p.text for p in imported.review.paragraphs)
    assert "Wayback" not in body and "captures" not in body and "ARCHIVED" not in body
    assert b"wm-ipp" not in imported.raw and b"FILE ARCHIVED" not in imported.raw
    # only the raw form was asked for, never the playback page with its toolbar
    snapshots = [p for p in local_site.paths() if p.startswith("/web/")]
    assert snapshots and all("id_/" in p for p in snapshots)


def test_archive_on_request_and_no_snapshot(local_site, fetcher):
    live = local_site.url("/reviews/lantern")
    imported = import_address(live, fetcher, archive=ArchiveChoice(always=True, api=local_site.api))
    assert imported.review.critic == "Rowan Ellery"  # the (fake) snapshot, not the live page
    assert imported.source.archived_because == "asked for (--archive)"
    assert imported.review.id == address_id(live)
    with pytest.raises(FetchError) as caught:
        import_address("http://nosnapshot.invalid/x", fetcher, archive=ArchiveChoice(api=local_site.api))
    assert caught.value.kind == "no-snapshot"
    assert str(caught.value) == "the Internet Archive has no snapshot of the address"


def test_a_page_without_a_review_is_refused(local_site, fetcher):
    with pytest.raises(NotTextError):
        import_address(local_site.url("/status/200"), fetcher)


def test_snapshot_addresses_and_toolbar():
    snapshot = snapshot_from_url("http://web.archive.org/web/20101003120000/http://a.example/r")
    assert snapshot.raw_url == "https://web.archive.org/web/20101003120000id_/http://a.example/r"
    assert snapshot.date == "2010-10-03T12:00:00Z"
    assert snapshot_from_url("https://web.archive.org/web/2010im_/http://a.example/").timestamp == "2010"
    with pytest.raises(FetchError):
        snapshot_from_url("https://web.archive.org/about")
    page = (b"<body><!-- BEGIN WAYBACK TOOLBAR INSERT --><div id=wm-ipp>x</div>"
            b"<!-- END WAYBACK TOOLBAR INSERT --><p>kept</p></body>"
            b"<!--\n     FILE ARCHIVED ON 1:00 AND RETRIEVED FROM THE INTERNET ARCHIVE\n-->")
    assert strip_toolbar(page) == b"<body><p>kept</p></body>"


def test_compressed_answers_are_bounded():
    from nlmg_tui.importer.fetch import _decompress

    bomb = gzip.compress(b"a" * 2_000_000)
    assert len(_decompress(bomb, "gzip", 3_000_000)) == 2_000_000
    with pytest.raises(FetchError) as caught:
        _decompress(bomb, "gzip", 1_000_000)
    assert caught.value.kind == "too-large"
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert _decompress(raw.compress(b"<p>raw</p>") + raw.flush(), "deflate", 100) == b"<p>raw</p>"
    assert _decompress(zlib.compress(b"<p>z</p>"), "deflate", 100) == b"<p>z</p>"
    with pytest.raises(FetchError, match="corrupt"):
        _decompress(b"not compressed at all", "gzip", 100)


def test_no_test_reached_the_network(no_network):
    probe = socket.socket()
    with probe, pytest.raises(OSError, match="offline"):
        probe.connect(("192.0.2.1", 80))
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.com", 80)
    assert no_network == ["connect 192.0.2.1", "lookup example.com"]
    no_network.clear()  # the guard's own check must still pass


@pytest.mark.parametrize(
    ("status", "body", "allowed"),
    [(200, b"User-agent: nlmg-tui\nDisallow: /r\n\nUser-agent: *\nAllow: /\n", False),
     (200, b"User-agent: *\nDisallow: /private/\n", True),
     (404, b"", True), (403, b"", True), (503, b"", False)],
)
def test_robots_answers(status, body, allowed):
    from nlmg_tui.importer.robots import RobotsRules

    asked = []

    def fetch(url):
        asked.append(url)
        return status, body

    rules = RobotsRules(fetch)
    assert rules.allows("https://site.example/r/1") is allowed
    assert rules.allows("https://SITE.example/r/2") is allowed
    assert asked == ["https://site.example/robots.txt"]  # once per site


def test_https_is_verified(local_site, fetcher):
    """The local server speaks plain HTTP: a TLS handshake with it must fail, in one sentence."""
    error = fetch_error(fetcher, f"https://127.0.0.1:{local_site.port}/reviews/lantern")
    assert error.kind == "connect" and error.args[0].startswith("the connection to 127.0.0.1 failed (")
    assert "\n" not in str(error)


def test_crawl_delay_slows_the_pacer_within_a_cap():
    from nlmg_tui.importer.robots import MAX_CRAWL_DELAY, RobotsRules

    rules = RobotsRules(lambda url: (200, b"User-agent: *\nCrawl-delay: 4\nDisallow: /x\n"))
    assert rules.allows("http://slow.example/r")
    assert rules.crawl_delay("http://slow.example/r") == 4.0
    greedy = RobotsRules(lambda url: (200, b"User-agent: *\nCrawl-delay: 3600\n"))
    greedy.allows("http://greedy.example/")
    assert greedy.crawl_delay("http://greedy.example/") == MAX_CRAWL_DELAY
    now, slept = [0.0], []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(1.0, clock=lambda: now[0], sleep=sleep)
    pacer.slow_down("slow.example", 4.0)
    pacer.wait_turn("slow.example")
    pacer.finished("slow.example")
    pacer.wait_turn("slow.example")
    pacer.wait_turn("other.example")
    assert slept == [4.0]
