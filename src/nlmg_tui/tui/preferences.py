"""What the app remembers between launches, in ``tui-settings.json``: the theme, spoiler-free
mode and which reviews were read.

A change is saved at once (the settings module writes atomically); when saving fails the
change holds for this session and the caller tells the user why.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from nlmg_tui.tui.settings import SettingsError, load_settings, save_settings, settings_path
from nlmg_tui.tui.spoiler_shield import SETTING as SPOILER_SETTING
from nlmg_tui.tui.spoiler_shield import spoiler_free_setting

READ_SETTING = "read_reviews"
"""The ids of the reviews read, sorted."""
MAX_READ_IDS = 500
"""More ids than any corpus holds: a hand-edited file cannot make the settings file huge."""


class Preferences:
    """The settings file's values, with one save path."""

    def __init__(self, data_dir: Path) -> None:
        self.path = settings_path(data_dir)
        loaded = load_settings(self.path)
        self.values = dict(loaded.values)
        self.problem = loaded.problem
        """Why the file could not be read (it was moved aside), for a notice at start."""

    @property
    def spoiler_free(self) -> bool:
        return spoiler_free_setting(self.values)

    def read_reviews(self) -> set[str]:
        """The reviews read in earlier sessions (ids that are not strings are ignored)."""
        stored = self.values.get(READ_SETTING)
        if not isinstance(stored, list):
            return set()
        return {item for item in stored[:MAX_READ_IDS] if isinstance(item, str)}

    def set(self, name: str, value: object) -> str | None:
        """Keep ``value`` and save; returns why it could not be saved, or None."""
        if self.values.get(name) == value:
            return None
        self.values[name] = value
        try:
            save_settings(self.path, self.values)
        except SettingsError as error:
            return str(error)
        return None

    def set_spoiler_free(self, enabled: bool) -> str | None:
        return self.set(SPOILER_SETTING, enabled)

    def set_read(self, review_ids: Iterable[str]) -> str | None:
        return self.set(READ_SETTING, sorted(review_ids)[:MAX_READ_IDS])
