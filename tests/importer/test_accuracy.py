"""Every field of every test page comes out right (the figures in docs/import.md)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "importer" / "pages"
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "extraction_accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)

EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_extracts_right(name: str) -> None:
    scores = accuracy.score_page(name, EXPECTED[name])
    assert scores == {field: True for field in accuracy.FIELDS}


def test_no_page_of_the_film_itself_is_used_as_a_fixture() -> None:
    for path in PAGES.iterdir():
        assert "never let me go" not in path.read_bytes().decode("utf-8", "ignore").casefold()
