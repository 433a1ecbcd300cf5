"""`nlmg-tui import URL…` end to end (in process, so the network guard covers it)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlmg_tui.cli import cli
from nlmg_tui.importer.address import address_id
from nlmg_tui.importer.store import ImportedReviews, load_full_corpus
from nlmg_tui.importer.wayback import API_ENV
from nlmg_tui.library.anchoring import anchor_bookmark
from nlmg_tui.library.library import Library

FAST = ("--allow-local", "--request-interval", "0", "--timeout", "3")
PAGES = Path(__file__).resolve().parent / "pages"


@pytest.fixture(autouse=True)
def fake_archive(local_site, monkeypatch):
    monkeypatch.setenv(API_ENV, local_site.api)
    monkeypatch.setenv("COLUMNS", "220")


def run(*args: str):
    return CliRunner().invoke(cli, ["import", *args])


def listed() -> list[dict]:
    result = CliRunner().invoke(cli, ["imports", "list", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_paths_and_addresses_mixed_one_bad_address_never_stops_the_rest(local_site, tmp_path):
    result = run(*FAST, local_site.url("/reviews/lantern"), str(PAGES / "archived.html"),
                 local_site.url("/private/lantern"), local_site.url("/image.png"),
                 local_site.url("/reviews/tidewater"))
    assert result.exit_code == 1
    assert "3 imported, 0 already imported, 2 skipped" in result.stdout
    assert "import summary" in result.stdout and "file or address" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"nlmg-tui: skipped {local_site.url('/private/lantern')}: the site's robots.txt does not "
        "allow fetching /private/lantern",
        f"nlmg-tui: skipped {local_site.url('/image.png')}: the address serves image/png, not an "
        "HTML or text page",
    ]
    critics = {r["critic"]: r for r in listed()}
    assert set(critics) == {"Marta Villanueva", "Rowan Ellery", "Walter Pembridge"}
    lantern = critics["Marta Villanueva"]
    assert lantern["id"] == address_id(local_site.url("/reviews/lantern"))
    assert lantern["address"]["url"] == local_site.url("/reviews/lantern")
    assert lantern["address"]["snapshot_url"] is None
    assert critics["Rowan Ellery"]["address"] is None  # the saved file


@pytest.mark.parametrize(
    ("address", "options", "sentence"),
    [
        ("/slow", (*FAST, "--timeout", "0.5"), "the server did not answer within 0.5 s"),
        ("/huge/streamed", FAST, "the page is larger than 5,242,880 bytes"),
        ("http://nosnapshot.invalid/gone", FAST, "the Internet Archive has no snapshot of the address"),
        ("/reviews/lantern", ("--request-interval", "0"),
         "the host 127.0.0.1 resolves to a local address (127.0.0.1); use --allow-local to import "
         "from it"),
    ],
)
def test_errors_are_one_sentence(local_site, address, options, sentence):
    url = address if address.startswith("http") else local_site.url(address)
    result = run(*options, url)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"nlmg-tui: skipped {url}: {sentence}"


def test_from_file_with_comments_and_archive(local_site, tmp_path):
    addresses = tmp_path / "addresses.txt"
    addresses.write_text(
        "# reviews to fetch\n\n"
        f"{local_site.url('/reviews/orchard')}   # the Polish critic\n"
        "http://coastal-courier.invalid/reviews/saltmarsh\n", encoding="utf-8")
    result = run(*FAST, "--from", str(addresses))
    assert result.exit_code == 0, result.stderr
    assert "2 imported" in result.stdout and "from the archive, 2010-10-03" in result.stdout
    archived = next(r for r in listed() if r["critic"] == "Rowan Ellery")
    assert archived["address"]["url"] == "http://coastal-courier.invalid/reviews/saltmarsh"
    assert archived["address"]["snapshot_date"] == "2010-10-03T12:00:00Z"
    assert "/web/20101003120000/" in archived["address"]["snapshot_url"]
    assert "Małgorzata Wiśniewska" in {r["critic"] for r in listed()}


def test_archive_flag_takes_the_snapshot_of_a_live_page(local_site):
    result = run(*FAST, "--archive", "--archive-date", "20101101", local_site.url("/reviews/lantern"))
    assert result.exit_code == 0, result.stderr
    (record,) = listed()
    assert record["critic"] == "Rowan Ellery"
    assert record["address"]["archived_because"] == "asked for (--archive)"
    asked = [p for p in local_site.paths() if p.startswith("/wayback/available")]
    assert asked and "timestamp=20101101" in asked[-1]


def test_reimport_updates_in_place_and_keeps_bookmarks(local_site, user_data_dir):
    url = local_site.url("/reviews/lantern")
    assert run(*FAST, url).exit_code == 0
    review_id = address_id(url)
    corpus, _ = load_full_corpus()
    review = corpus.get(review_id)
    passage = review.paragraphs[1]
    quote = "shoots the island in long, grey takes"
    assert quote in passage.text
    library = Library(user_data_dir)
    bookmark = library.add_bookmark(review_id, passage.id, quote, note="the sea").item
    assert anchor_bookmark(bookmark, corpus).how == "exact"

    local_site.overrides["/reviews/lantern"] = ("lantern_revised.html", "text/html")
    try:
        again = run(*FAST, url)
    finally:
        local_site.overrides.clear()
    assert again.exit_code == 0, again.stderr
    assert "1 updated" in again.stdout
    store = ImportedReviews(user_data_dir)
    assert [r.review.id for r in store.all()] == [review_id]  # replaced, not duplicated
    updated, _ = load_full_corpus()
    assert len(updated.get(review_id).paragraphs) == len(review.paragraphs) + 1
    assert [b.id for b in library.bookmarks()] == [bookmark.id]
    anchor = anchor_bookmark(library.bookmarks()[0], updated)
    assert anchor is not None and anchor.review_id == review_id and anchor.how == "moved"
    assert anchor.paragraph_id == "p3"
    kept = gzip.decompress(store.raw_path_for(review_id).read_bytes())
    assert kept == (PAGES / "lantern_revised.html").read_bytes()


def test_dry_run_json_and_bad_arguments(local_site):
    result = run(*FAST, "--dry-run", "--json", local_site.url("/reviews/tidewater"))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["critic"] == "Walter Pembridge"
    assert listed() == []
    assert run().exit_code == 1
    refused = run("file:///etc/passwd", "ftp://example.com/x")
    assert refused.exit_code == 1 and "2 skipped" in refused.stdout
    assert "only http and https addresses are imported (file:// is not)" in refused.stderr


def test_reimport_says_which_bookmarks_lost_their_passage(local_site, user_data_dir):
    url = local_site.url("/reviews/lantern")
    assert run(*FAST, url).exit_code == 0
    review_id = address_id(url)
    library = Library(user_data_dir)
    library.add_bookmark(review_id, "p2", "shoots the island in long, grey takes")
    local_site.overrides["/reviews/lantern"] = ("archived.html", "text/html")  # a new page
    try:
        again = run(*FAST, url)
    finally:
        local_site.overrides.clear()
    assert again.exit_code == 0 and "1 updated" in again.stdout
    assert "1 bookmark(s) on it no longer find their passage" in again.stdout
    assert len(library.bookmarks()) == 1  # kept, never dropped
