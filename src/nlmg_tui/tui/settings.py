"""The app's small settings file (the theme name) in the user data dir.

Written atomically (temp file, fsync, ``os.replace``) so a crash leaves the old file or the
new one, never half of one. A file that cannot be read is moved aside, not overwritten, and
the caller is told where it went.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, NamedTuple

from nlmg_tui.atomic_file import write_atomically

SETTINGS_FILE_NAME = "tui-settings.json"
MAX_SETTINGS_BYTES = 64 * 1024


class SettingsError(Exception):
    """The settings could not be written; the message says why."""


class LoadedSettings(NamedTuple):
    values: dict[str, Any]
    problem: str | None = None
    """A sentence for the user when the file was unreadable and moved aside."""


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE_NAME


def load_settings(path: Path) -> LoadedSettings:
    """Read the settings; a missing file is empty settings, a bad one is quarantined."""
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            raise ValueError("file too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return LoadedSettings(data)
    except FileNotFoundError:
        return LoadedSettings({})
    except (OSError, ValueError) as error:
        return LoadedSettings({}, _quarantine(path, error))


def _quarantine(path: Path, error: Exception) -> str:
    aside = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, aside)
    except OSError:
        return f"Settings file {path} is unreadable ({type(error).__name__}); using defaults."
    return f"Settings file was unreadable ({type(error).__name__}); moved it to {aside}."


def save_settings(path: Path, values: dict[str, Any]) -> None:
    """Write ``values`` as the whole new file; raises SettingsError on any OS failure."""
    text = json.dumps(values, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise SettingsError(f"could not save settings to {path}: {error.strerror or error}") from None

