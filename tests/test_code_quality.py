"""The code stays readable: ruff passes with the complexity (C90, at most 12) and
private-member (SLF) rules of pyproject.toml. CI runs it through this file, so the one test
command in the README checks it too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        pytest.skip("ruff is not installed (pip install '.[test]')")
    result = subprocess.run([str(ruff), "check", "src", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
