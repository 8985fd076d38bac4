"""Where things live: shipped content and media, the user's data and config folders (XDG)."""

import os
from pathlib import Path

from guide import APP_ID
from guide.core.store import shipped


def builtin_exercises() -> Path:
    return shipped.exercises()


def builtin_media() -> Path:
    return shipped.media()


def _xdg(var: str, default: str) -> Path:
    value = os.environ.get(var, "")
    base = Path(value) if value and Path(value).is_absolute() else Path.home() / default
    return base / APP_ID


def data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share")


def config_dir() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config")


def cache_dir() -> Path:
    return _xdg("XDG_CACHE_HOME", ".cache")


def user_exercises() -> Path:
    return data_dir() / "exercises"


def user_media() -> Path:
    return data_dir() / "media"
