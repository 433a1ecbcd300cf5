"""Every field of every test page comes out right (the figures in docs/import.md)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from nlmg_tui.corpus.clean import clean_page

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "importer" / "pages"
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "extraction_accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)

CASES = [
    (folder, name, want)
    for folder in accuracy.SETS.values()
    for name, want in sorted(json.loads((folder / "expected.json").read_text(encoding="utf-8")).items())
]


@pytest.mark.parametrize(("folder", "name", "expected"), CASES, ids=[c[1] for c in CASES])
def test_page_extracts_right(folder: Path, name: str, expected: dict) -> None:
    scores = accuracy.score_page(name, expected, folder)
    assert scores == {field: True for field in accuracy.FIELDS}


def test_no_page_of_the_film_itself_is_used_as_a_fixture() -> None:
    for folder in accuracy.SETS.values():
        for path in folder.iterdir():
            assert "never let me go" not in path.read_bytes().decode("utf-8", "ignore").casefold()


LAYOUTS = ROOT / "tests" / "importer" / "layouts"
LAYOUT_CASES = sorted(json.loads((LAYOUTS / "expected.json").read_text(encoding="utf-8")).items())
_LAYOUT_FIELDS = ("critic", "published", "outlet", "headline")


@pytest.mark.parametrize(("name", "expected"), LAYOUT_CASES, ids=[c[0] for c in LAYOUT_CASES])
def test_layout_extracts_right(name: str, expected: dict) -> None:
    """Each layout that taught a rule, in our own words (invented film and critic)."""
    review = clean_page((LAYOUTS / name).read_text(encoding="utf-8"), source=name)
    assert {f: getattr(review, f) for f in _LAYOUT_FIELDS} == {f: expected[f] for f in _LAYOUT_FIELDS}
    rating = review.rating.value if review.rating else None
    wanted = expected["rating"]
    assert rating == (None if wanted is None else pytest.approx(wanted, abs=0.001))
    assert review.paragraphs[0].text.startswith(expected["first"])
    assert review.paragraphs[-1].text.startswith(expected["last"])
    body = "\n".join(p.text for p in review.paragraphs)
    assert [chrome for chrome in expected["chrome"] if chrome in body] == []
    assert len(review.comments) == expected["comments"]


def test_no_layout_is_about_the_film_itself() -> None:
    for path in LAYOUTS.iterdir():
        assert "never let me go" not in path.read_text(encoding="utf-8").casefold()


def test_real_page_facts_hold_no_page_text() -> None:
    """The real pages' facts: 25+ sites, about a third of the first pages held out, fresh sets
    collected after each round's data (rounds 2 and 3 before any rule changed), each of its own
    sites, body paragraphs only as hashes
    (the pages' sentences are not ours), and never a page about the film itself."""
    from urllib.parse import urlparse

    facts = json.loads(accuracy.REAL_FACTS.read_text(encoding="utf-8"))
    hosts = {urlparse(page["url"]).hostname.removeprefix("www.") for page in facts.values()}
    assert len(hosts) >= 25
    first_split = [page["set"] for page in facts.values() if page["set"] in ("dev", "heldout")]
    assert 0.25 <= first_split.count("heldout") / len(first_split) <= 0.4
    assert {page["set"] for page in facts.values()} == set(accuracy.REAL_SETS)
    for later, at_least in (("fresh2", 20), ("fresh3", 20), ("fresh4", 10), ("fresh5", 9),
                              ("fresh6", 20), ("fresh7", 25),
                              ("fresh8", 25), ("fresh9", 28), ("fresh10", 28),
                              ("fresh11", 28), ("fresh12", 30), ("fresh13", 30),
                              ("fresh14", 30), ("fresh15", 30), ("fresh16", 30),
                              ("fresh17", 30), ("fresh19", 30)):
        hosts = {urlparse(page["url"]).hostname for page in facts.values() if page["set"] == later}
        others = {urlparse(page["url"]).hostname for page in facts.values() if page["set"] != later}
        assert len(hosts) >= at_least and not hosts & others, later
    for name, page in facts.items():
        assert "never-let-me-go" not in page["url"] and "never let me go" not in name
        assert all(set(p) == {"sha1", "words"} and len(p["sha1"]) == 16 for p in page["body"])
        assert all(h is None or len(h) == 16 for h in page["headline"])


@pytest.mark.skipif(not os.environ.get("NLMG_REAL_PAGES"),
                    reason="set NLMG_REAL_PAGES to the real pages' folder")
def test_real_development_pages_keep_their_floor() -> None:
    """With the real pages at hand (they are not in the repository), the in-sample sets keep
    what the rules were written to get: every critic, date, rating and body paragraph."""
    found = accuracy.real_results(Path(os.environ["NLMG_REAL_PAGES"]))
    results = {name: r for set_name in accuracy.FLOOR_SETS for name, r in found[set_name].items()}
    assert results, "no real page found in NLMG_REAL_PAGES"
    for field in ("critic", "date", "rating", "body start", "no chrome"):
        assert [name for name, r in results.items() if r[field] is False] == [], field
    assert all(r["recall"][0] == r["recall"][1] for r in results.values())


# The misses round 3 left on the sets it looked at (fresh-2, fresh-3): page -> fields.
_ROUND_3_MISSES = {
    "aintitcool_fighter.txt": {"body start", "no chrome"},
    "filmfed_dagenham.txt": {"body start", "no chrome"},
    "theage_rabbit_hole.txt": {"body start"},
    "ultraculture_fighter.txt": {"rating"},
    "viewauckland_tamara_drewe.txt": {"body start", "no chrome"},
    "eyeforfilm_moon.txt": {"body start"},
    "moviebuzzard_education.txt": {"rating"},
    "necn_take_shelter.txt": {"no chrome"},
}


@pytest.mark.skipif(not os.environ.get("NLMG_REAL_PAGES"),
                    reason="set NLMG_REAL_PAGES to the real pages' folder")
def test_real_pages_looked_at_in_round_3_keep_their_score() -> None:
    """Fresh-2 and fresh-3 (in-sample since round 3) lose nothing they had: no critic, date,
    rating, body start or clean body beyond round 3's known misses, and every body paragraph."""
    found = accuracy.real_results(Path(os.environ["NLMG_REAL_PAGES"]))
    results = {name: r for set_name in ("fresh2", "fresh3") for name, r in found[set_name].items()}
    assert results, "no real page found in NLMG_REAL_PAGES"
    for name, r in results.items():
        missed = {field for field in ("critic", "date", "rating", "body start", "no chrome")
                  if r[field] is False}
        assert missed <= _ROUND_3_MISSES.get(name, set()), name
        assert r["recall"][0] == r["recall"][1], name
