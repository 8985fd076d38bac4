"""User settings: one JSON file in the config folder, written atomically.

A corrupt or unreadable file is moved aside with a timestamp and defaults are used; the caller
gets a message to show the user once. Nothing here raises on bad input.
"""

import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from guide.core.i18n import tr
from guide.core.store import paths

FILE_NAME = "settings.json"


@dataclass(kw_only=True)
class Reminder:
    enabled: bool = False
    time: str = "22:00"  # HH:MM, local time
    days: list[int] = field(default_factory=lambda: list(range(7)))  # 0 = Monday
    routine: str = "bedtime"
    snooze_minutes: int = 10
    grace_minutes: int = 120
    last_fired: str | None = None  # ISO 8601 of the last occurrence delivered
    paused_until: str | None = None
    snoozed_until: str | None = None  # ISO 8601; a snoozed reminder comes back then


@dataclass(kw_only=True)
class Settings:
    disclaimer_accepted: bool = False
    sound: bool = True
    voice: bool = True
    voice_name: str = ""
    voice_rate: float = 0.0  # -1.0 .. 1.0, QTextToSpeech's scale
    volume: float = 0.8
    autostart: bool = False
    background_notice_shown: bool = False
    language: str = ""  # "" follows the desktop; else a code of guide.core.i18n.LANGUAGES
    reminder: Reminder = field(default_factory=Reminder)


# Plain dataclasses with a small checker rather than msgspec: settings are read before the first
# paint, and the content model's import is kept off that path.
_CHECKS: dict[str, Any] = {
    "bool": lambda v: isinstance(v, bool),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "str": lambda v: isinstance(v, str),
    "str | None": lambda v: v is None or isinstance(v, str),
    "list[int]": lambda v: isinstance(v, list) and all(
        isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in v),
}


def _build(cls: Any, data: Any, where: str) -> Any:
    """An instance of dataclass ``cls`` from JSON data; unknown keys are ignored (newer
    versions may add some), a wrong type raises ValueError naming the key."""
    if not isinstance(data, dict):
        raise ValueError(tr("`{key}` must be an object").format(key=where or "settings"))
    values = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value, key = data[f.name], f"{where}.{f.name}" if where else f.name
        kind = f.type.__name__ if isinstance(f.type, type) else str(f.type)
        if kind == "Reminder":
            values[f.name] = _build(Reminder, value, key)
        elif _CHECKS[kind](value):
            values[f.name] = value
        else:
            raise ValueError(tr("`{key}` has the wrong type ({value!r})").format(
                key=key, value=value))
    return cls(**values)


@dataclass
class Loaded:
    settings: Settings
    message: str | None = None  # tell the user once, when the file had to be set aside


def settings_path() -> Path:
    return paths.config_dir() / FILE_NAME


def load(path: Path | None = None) -> Loaded:
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(Settings())
    except OSError as exc:
        return Loaded(Settings(), tr("Could not read your settings ({error}); using defaults.")
                      .format(error=exc.strerror or exc))
    try:
        return Loaded(_build(Settings, json.loads(raw), ""))
    except ValueError as exc:
        aside = _move_aside(path)
        where = tr(" It was kept as {name}.").format(name=aside.name) if aside else ""
        return Loaded(Settings(), tr(
            "Your settings file was damaged ({error}), so defaults are in use.{where}"
        ).format(error=exc, where=where))


def _move_aside(path: Path) -> Path | None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


def save(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a temporary file in the same folder, fsync, then rename over."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n"
    atomic_write(path, data.encode())


def atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
