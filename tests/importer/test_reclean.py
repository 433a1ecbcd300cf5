"""Imports keep their page; `imports reclean` reruns the cleaner and bookmarks follow the text."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from nlmg_tui.corpus.models import Paragraph
from nlmg_tui.importer import reclean
from nlmg_tui.importer.pipeline import Corrections, extract, source_id
from nlmg_tui.importer.store import ImportedReviews
from nlmg_tui.library.library import Library

PAGES = Path(__file__).resolve().parent / "pages"
PAGE = PAGES / "01_newspaper.txt"


def _import(store: ImportedReviews, path: Path, corrections: Corrections | None = None):
    data = path.read_bytes()
    result = extract(data, path.name, corrections)
    corrections = corrections or Corrections()
    store.save(result.review, result.decoding, raw=data, corrections=corrections.as_record())
    return result.review


def test_the_id_comes_from_the_bytes_and_the_page_is_kept(user_data_dir: Path) -> None:
    store = ImportedReviews(user_data_dir)
    review = _import(store, PAGE)
    assert review.id == source_id(PAGE.read_bytes())
    assert gzip.decompress(store.raw_path_for(review.id).read_bytes()) == PAGE.read_bytes()
    assert store.read_raw(review.id) == PAGE.read_bytes()
    record = json.loads(store.path_for(review.id).read_text(encoding="utf-8"))
    assert record["format"] == 2 and record["raw"] == f"{review.id}.raw.gz"
    store.remove(review.id)
    assert not store.raw_path_for(review.id).exists()


def _shifted_cleaner(monkeypatch: pytest.MonkeyPatch, drop_text: str) -> None:
    """A "newer cleaner": one paragraph more at the top, and one sentence no longer there."""
    real = reclean.extract

    def newer(*args, **kwargs):
        result = real(*args, **kwargs)
        review = result.review
        paragraphs = [Paragraph("p1", "A new opening paragraph the old cleaner missed, in full.")]
        for number, paragraph in enumerate(review.paragraphs, 2):
            text = paragraph.text.replace(drop_text, "").strip() or "(gone)"
            paragraphs.append(paragraph._replace(id=f"p{number}", text=text))
        return replace(result, review=replace(review, paragraphs=tuple(paragraphs), sections=()))

    monkeypatch.setattr(reclean, "extract", newer)


def test_reclean_moves_bookmarks_and_reports_the_ones_it_cannot_place(
        user_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ImportedReviews(user_data_dir)
    review = _import(store, PAGE, Corrections(outlet="Hand Set Outlet"))
    library = Library(user_data_dir)
    first, second = review.paragraphs[0], review.paragraphs[1]
    kept = library.add_bookmark(review.id, first.id, first.text[:40], note="my note",
                                tags=["keep"]).item
    lost = library.add_bookmark(review.id, second.id, second.text).item
    imported_at = store.all()[0].imported_at
    _shifted_cleaner(monkeypatch, second.text)

    preview = reclean.reclean_imports(store, library, dry_run=True)
    assert preview.changed == [review.id] and [b.id for b in preview.orphaned] == [lost.id]
    assert store.all()[0].review == review  # a dry run saves nothing

    report = reclean.reclean_imports(store, library)
    assert report.changed == [review.id]
    assert [(b.id, a.paragraph_id) for b, a in report.moved] == [(kept.id, "p2")]
    assert [b.id for b in report.orphaned] == [lost.id]
    after = store.all()[0]
    assert after.review.id == review.id and after.review.paragraphs[1].text == first.text
    assert after.review.outlet == "Hand Set Outlet"  # corrections made at import still apply
    assert after.recleaned_at and after.imported_at == imported_at
    bookmarks = {(b.paragraph_id, b.quote): b for b in library.bookmarks()}
    moved = bookmarks[("p2", first.text[:40])]
    assert moved.note == "my note" and moved.tags == ("keep",)
    assert ("p2", second.text) in bookmarks  # the orphan is kept, not deleted

    again = reclean.reclean_imports(store, library)
    assert again.changed == [] and again.unchanged == [review.id]


def test_imports_without_a_kept_page_still_load_and_say_they_cannot_be_recleaned(
        user_data_dir: Path) -> None:
    store = ImportedReviews(user_data_dir)
    review = extract(PAGE.read_bytes(), PAGE.name).review
    old = {"format": 1, "source_name": PAGE.name, "imported_at": "2024-01-01T00:00:00+00:00",
           "decoding": "utf-8", "review": review.to_json()}
    store.folder.mkdir(parents=True)
    store.path_for(review.id).write_text(json.dumps(old), encoding="utf-8")
    records = store.all()
    assert [r.review.id for r in records] == [review.id] and not records[0].has_raw
    report = reclean.reclean_imports(store, Library(user_data_dir))
    assert [r.review.id for r in report.no_raw] == [review.id] and report.changed == []


def test_reclean_from_the_command_line(tmp_path: Path) -> None:
    env = {**os.environ, "NLMG_TUI_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "nlmg_tui", *args], capture_output=True,
                              text=True, timeout=120, env=env)

    assert run("import", str(PAGES / "02_magazine.html")).returncode == 0
    result = run("imports", "reclean")
    assert result.returncode == 0, result.stderr
    assert "recleaned 0, unchanged 1, cannot reclean 0, failed 0" in result.stdout
    assert "could not re-anchor 0" in result.stdout
