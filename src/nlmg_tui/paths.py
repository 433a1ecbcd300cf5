"""Every path the app uses: bundled data, and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "nlmg-tui"
DATA_DIR_ENV = "NLMG_TUI_DATA_DIR"
CACHE_DIR_ENV = "NLMG_TUI_CACHE_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_data_dir() -> Path:
    """The shipped ``data/`` folder: inside the wheel, or at the top of a source checkout."""
    installed = _PACKAGE_DIR / "data"
    if (installed / "raw").is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / "data"


def raw_dir() -> Path:
    return bundled_data_dir() / "raw"


def corpus_file() -> Path:
    return bundled_data_dir() / "corpus.json"


def derived_file() -> Path:
    """Derived data of the bundled reviews (``nlmg-tui corpus build`` writes it)."""
    return bundled_data_dir() / "derived.json"


def gazetteer_file() -> Path:
    return bundled_data_dir() / "gazetteer.json"


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data dir: ``override``, else ``$NLMG_TUI_DATA_DIR``, else platformdirs'.

    Not created here: the store creates it on first write.
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir(override: str | os.PathLike[str] | None = None,
                   data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Disposable caches (search index, derived data): ``override``, else
    ``$NLMG_TUI_CACHE_DIR``, else ``cache/`` in the data dir when one is given (``data_dir``,
    e.g. ``--data-dir``, or ``$NLMG_TUI_DATA_DIR``: a data dir override keeps everything
    together, as tests and benchmarks need), else platformdirs' user cache dir. Not created
    here."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    data_env = data_dir or os.environ.get(DATA_DIR_ENV)
    if data_env:
        return Path(data_env).expanduser() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
