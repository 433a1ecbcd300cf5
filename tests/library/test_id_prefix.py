"""The one id-prefix rule (``nlmg_tui.ids``), and the three commands that use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.library.conftest import make_review

from nlmg_tui.cli import cli
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.corpus.store import find_review
from nlmg_tui.ids import IdPrefixError, find_id, resolve_id_prefix
from nlmg_tui.library import Library

IDS = ["002_7dec", "002_8abc", "013_ffee", "abc", "abcd"]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("002_7dec", "002_7dec"),  # exact
        ("002_7", "002_7dec"),  # unique prefix
        ("  013 ", "013_ffee"),  # surrounding blanks ignored
        ("abc", "abc"),  # an exact id wins over the longer id it prefixes
        ("abcd", "abcd"),
        ("002", "2 items have ids starting with '002'"),
        ("zzz", "no item has an id starting with 'zzz'"),
        ("", "an empty id matches nothing"),
        ("   ", "an empty id matches nothing"),
        ("\t\n", "an empty id matches nothing"),
    ],
)
def test_resolve_id_prefix(prefix, expected):
    if expected in IDS:
        assert resolve_id_prefix(prefix, IDS) == expected
        assert find_id(prefix, IDS) == expected
    else:
        with pytest.raises(IdPrefixError, match=expected):
            resolve_id_prefix(prefix, IDS)
        assert find_id(prefix, IDS) is None


def test_a_single_id_is_not_matched_by_an_empty_prefix():
    assert find_id("", ["only"]) is None


def test_find_review_uses_the_same_rule():
    corpus = Corpus((make_review("002_7dec", ["a"]), make_review("002_8abc", ["b"])))
    assert find_review(corpus, "002_7").id == "002_7dec"
    assert find_review(corpus, "002") is None
    assert find_review(corpus, "") is None


@pytest.mark.parametrize("blank", ["", "   "])
def test_bookmarks_remove_refuses_a_blank_id(tmp_path, blank):
    library = Library(tmp_path / "data")
    library.add_bookmark("r1", "p1", "the only bookmark")
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), "bookmarks", "remove", blank])
    assert result.exit_code == 1
    assert "empty id matches nothing" in result.stderr
    assert len(Library(tmp_path / "data").bookmarks()) == 1


def test_bookmarks_remove_names_an_ambiguous_prefix(tmp_path):
    library = Library(tmp_path / "data")
    ids = [library.add_bookmark("r1", f"p{n}", f"quote {n}").item.id for n in range(40)]
    shared = next(a[:1] for a in ids if sum(b.startswith(a[:1]) for b in ids) > 1)
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), "bookmarks", "remove", shared])
    assert result.exit_code == 1 and "give more of the id" in result.stderr
    assert len(Library(tmp_path / "data").bookmarks()) == 40


PAGE = Path(__file__).resolve().parents[1] / "importer" / "pages" / "02_magazine.html"


@pytest.mark.skipif(not PAGE.exists(), reason="the importer's sample page is missing")
def test_imports_remove_refuses_an_empty_id_even_with_one_import(tmp_path):
    env = {**os.environ, "NLMG_TUI_DATA_DIR": str(tmp_path / "data")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "nlmg_tui", *args], capture_output=True, text=True,
                              timeout=120, env=env)

    assert run("import", str(PAGE)).returncode == 0
    stored = list((tmp_path / "data" / "imports").glob("*.json"))
    assert len(stored) == 1
    for blank in ("", "  "):
        refused = run("imports", "remove", blank)
        assert refused.returncode == 1 and "no single imported review matches" in refused.stderr
    assert [p.exists() for p in stored] == [True]
