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
