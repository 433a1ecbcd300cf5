"""`benchmarks/scale.py --quick` runs end to end (imports, pseudo-terminals, the search CLI) and
prints its table. Its figures are not checked: speed is for the benchmark, not for tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "scale.py"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the benchmark reads CPU time from /proc")


def test_quick_run_prints_the_table(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "--quick"], capture_output=True,
                            text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert out.startswith("machine: ")
    rows = [line for line in out.splitlines() if line.startswith("| 5 + ")]
    assert [row.split("|")[1].strip() for row in rows] == ["5 + 0", "5 + 3"]
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) == 6
        assert re.fullmatch(r"\d+\.\d\dx \(\d+ vs \d+ ms\)", cells[1]), cells[1]
        assert re.fullmatch(r"\d+ ms", cells[2]), cells[2]
        assert re.fullmatch(r"\d+\.\d\d s", cells[3]), cells[3]
        assert re.fullmatch(r"\d+\.\d ms \(\d+\)", cells[4]), cells[4]
        assert re.fullmatch(r"\d+ ms \(\d+\.\d\dx\)", cells[5]), cells[5]
