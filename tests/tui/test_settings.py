"""The theme setting: written atomically, bad files moved aside, failures reported."""

from __future__ import annotations

import json
import os

import pytest

from nlmg_tui.tui.app import make_app
from nlmg_tui.tui.settings import (
    SettingsError,
    load_settings,
    save_settings,
    settings_path,
)


def test_missing_file_is_empty_settings(tmp_path):
    loaded = load_settings(tmp_path / "nope" / "settings.json")
    assert loaded.values == {} and loaded.problem is None


def test_save_then_load_round_trips_and_leaves_no_temp_files(tmp_path):
    path = settings_path(tmp_path / "data")
    save_settings(path, {"theme": "nord"})
    assert load_settings(path).values == {"theme": "nord"}
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


@pytest.mark.parametrize(
    "content",
    [b"", b"   ", b"\x00\x00", b'{"theme": "nord"', b"[1, 2]", b'"text"', b"\xff\xfe{"],
)
def test_unreadable_file_is_moved_aside_not_lost(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded = load_settings(path)
    assert loaded.values == {}
    assert loaded.problem and "moved it to" in loaded.problem
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.unreadable-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert not path.exists()


def test_failed_write_raises_and_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save_settings(path, {"theme": "nord"})

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(SettingsError, match="No space left"):
        save_settings(path, {"theme": "gruvbox"})
    assert json.loads(path.read_text()) == {"theme": "nord"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_data_dir_that_is_a_file_raises_settings_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a directory")
    with pytest.raises(SettingsError):
        save_settings(settings_path(blocker), {"theme": "nord"})


async def test_theme_is_remembered_across_runs(corpus, user_data_dir):
    app = make_app(corpus=corpus, data_dir=user_data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        app.theme = "gruvbox"
        await pilot.pause()
    saved = json.loads(settings_path(user_data_dir).read_text())
    assert saved == {"theme": "gruvbox"}
    again = make_app(corpus=corpus, data_dir=user_data_dir)
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert again.theme == "gruvbox"


async def test_theme_save_failure_is_a_notice_not_a_crash(corpus, tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the data dir should be")
    app = make_app(corpus=corpus, data_dir=blocker)
    async with app.run_test(size=(100, 32)) as pilot:
        app.theme = "nord"
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Theme not saved") for m in messages)
        assert app.theme == "nord"


async def test_corrupt_settings_are_reported_on_start(corpus, user_data_dir):
    path = settings_path(user_data_dir)
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    app = make_app(corpus=corpus, data_dir=user_data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("moved it to" in m for m in messages)
