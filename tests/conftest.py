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


@pytest.fixture
def app(corpus, user_data_dir):
    """The app on the folder's ``corpus`` fixture (each app test folder defines its own)."""
    from nlmg_tui.tui.app import make_app

    return make_app(corpus=corpus, data_dir=user_data_dir)


@pytest.fixture
def real_app(user_data_dir):
    """The app on the bundled reviews (data/corpus.json)."""
    from nlmg_tui.corpus.store import load_corpus
    from nlmg_tui.tui.app import make_app

    return make_app(corpus=load_corpus(), data_dir=user_data_dir)
