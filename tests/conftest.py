"""Hermetic tests: the user's data dir always points at a fresh temporary folder."""

from __future__ import annotations

import pytest

from nlmg_tui.paths import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def user_data_dir(tmp_path, monkeypatch):
    """Every test gets its own empty data dir via $NLMG_TUI_DATA_DIR."""
    data_dir = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data_dir))
    return data_dir
