"""`nlmg-tui import` and `nlmg-tui imports`, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NLMG_TUI_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "nlmg_tui", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_import_then_list_show_and_remove(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run(data, "import", str(PAGES / "02_magazine.html"))
    assert result.returncode == 0, result.stderr
    assert "1 imported" in result.stdout
    listed = json.loads(run(data, "imports", "list", "--json").stdout)
    assert [(r["critic"], r["source_name"]) for r in listed] == [("Daniel Okafor", "02_magazine.html")]
    review_id = listed[0]["id"]
    reviews = json.loads(run(data, "reviews", "--json").stdout)
    assert reviews[-1]["id"] == review_id and len(reviews) == 6
    assert "Glasshouse" in run(data, "show", review_id).stdout
    stored = data / "imports" / f"{review_id}.json"
    assert oct(stored.stat().st_mode & 0o777) == "0o600"
    again = run(data, "import", str(PAGES / "02_magazine.html"))
    assert "already imported" in again.stdout and again.returncode == 0
    removed = run(data, "imports", "remove", review_id[:10])
    assert removed.returncode == 0 and not stored.exists()
    assert json.loads(run(data, "imports", "list", "--json").stdout) == []


def test_directory_import_goes_on_past_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a_good.txt").write_bytes((PAGES / "10_no_byline_blog.txt").read_bytes())
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "d_good.md").write_bytes((PAGES / "04_blog.md").read_bytes())
    result = run(tmp_path / "data", "import", str(folder))
    assert result.returncode == 1
    assert "2 imported" in result.stdout and "2 skipped" in result.stdout
    assert "b_empty.txt: the file is empty" in result.stderr
    assert "c_image.png: the file is a PNG image" in result.stderr
    assert len(list((tmp_path / "data" / "imports").glob("imp-*.json"))) == 2


def test_dry_run_json_saves_nothing_and_corrections_apply(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run(data, "import", "--dry-run", "--json", "--critic", "A. N. Other",
                 "--date", "2011-06-01", "--film", "The Salt Road", str(PAGES / "01_newspaper.txt"))
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)
    assert review["critic"] == "A. N. Other" and review["published"] == "2011-06-01"
    assert review["evidence"]["critic"]["text"] == "set by hand"
    assert review["film"] == "The Salt Road"
    assert not (data / "imports").exists()


def test_importing_a_bundled_page_is_recognised(tmp_path: Path) -> None:
    from nlmg_tui import paths

    result = run(tmp_path / "data", "import", str(paths.raw_dir() / "002_7dec3e1bad76db94.txt"))
    assert "the same review is bundled as 002_7dec3e1bad76db94" in result.stdout


def test_bad_date_correction_is_one_line(tmp_path: Path) -> None:
    result = run(tmp_path / "data", "import", "--date", "someday", str(PAGES / "01_newspaper.txt"))
    assert result.returncode == 1
    assert "is not a date" in result.stderr and "Traceback" not in result.stderr


def test_a_corrupt_import_is_set_aside_not_lost(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(data, "import", str(PAGES / "11_duplicated.txt"))
    stored = next((data / "imports").glob("imp-*.json"))
    stored.write_text("{ not json")
    result = run(data, "imports", "list", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []
    assert "could not be read" in result.stderr and "moved to" in result.stderr
    assert list((data / "imports").glob("imp-*.json.corrupt-*"))
