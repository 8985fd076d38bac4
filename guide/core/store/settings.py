"""User settings: one JSON file in the config folder, written atomically.

A damaged file (bad JSON, a wrong type, a value out of range, not a regular file) is moved
aside under a unique name and defaults are used; the caller gets a message to show the user
once. Nothing here raises on bad input.
"""

import json
import os
import re
from pathlib import Path
from typing import Any, ClassVar, Self

from guide.core.i18n import tr
from guide.core.store import paths
from guide.core.store.files import (
    UnsafeFile,
    atomic_write,
    describe_error,
    move_aside,
    read_user_file,
)

__all__ = ["Loaded", "Reminder", "Settings", "atomic_write", "load", "save", "settings_path"]

FILE_NAME = "settings.json"
MAX_BYTES = 256 * 1024


class _Record:
    """Settings as plain records: keyword construction, equality and a readable repr, from the
    class's annotated fields and their defaults (a list or record default is made anew for
    each instance). Not dataclasses: the settings are read on the way to the first paint, and
    a dataclass costs about a millisecond to make."""

    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        cls.FIELDS = tuple(name for name in cls.__annotations__ if name != "FIELDS")

    def __init__(self, **values: Any) -> None:
        for name in self.FIELDS:
            if name in values:
                value = values.pop(name)
            else:
                default = getattr(type(self), name)
                value = type(default)(default) if isinstance(default, list) else (
                    type(default)() if isinstance(default, _Record) else default)
            setattr(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(values)}")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name in self.FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the settings it holds

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={value!r}" for name, value in self.to_dict().items())
        return f"{type(self).__name__}({values})"

    def to_dict(self) -> dict[str, Any]:
        """The fields as JSON-ready data (records within become dicts, lists are copied)."""
        return {name: value.to_dict() if isinstance(value, _Record) else
                list(value) if isinstance(value, list) else value
                for name in self.FIELDS for value in [getattr(self, name)]}

    def copy(self) -> Self:
        return type(self)(**{name: getattr(self, name) for name in self.FIELDS})


class Reminder(_Record):
    enabled: bool = False
    time: str = "22:00"  # HH:MM, local time
    days: list[int] = [0, 1, 2, 3, 4, 5, 6]  # copied for each instance; 0 = Monday
    routine: str = "bedtime"
    snooze_minutes: int = 10
    grace_minutes: int = 120
    last_fired: str | None = None  # ISO 8601 of the last occurrence delivered
    paused_until: str | None = None
    snoozed_until: str | None = None  # ISO 8601; a snoozed reminder comes back then


class Settings(_Record):
    disclaimer_accepted: bool = False
    sound: bool = True
    voice: bool = True
    voice_name: str = ""
    voice_rate: float = 0.0  # -1.0 .. 1.0, QTextToSpeech's scale
    volume: float = 0.8
    autostart: bool = False
    background_notice_shown: bool = False
    language: str = ""  # "" follows the desktop; else a code of guide.core.i18n.LANGUAGES
    reminder: Reminder = Reminder()


# Plain records with a small checker rather than msgspec: settings are read before the first
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
_HH_MM = re.compile(r"([01]?\d|2[0-3]):[0-5]\d", re.ASCII)
# Instants the reminder keeps (last fired, paused or snoozed until): anything outside these
# years is a hand edit or damage, and date arithmetic near year 1 or 9999 overflows.
_YEARS = (1970, 2999)
_INSTANTS = ("last_fired", "paused_until", "snoozed_until")


def _in_range(key: str, value: Any) -> bool:
    """Values of the right type that the app can still not use (checked after the type)."""
    name = key.rsplit(".", 1)[-1]
    if name == "time":
        return bool(_HH_MM.fullmatch(value))
    if name in _INSTANTS:
        return value is None or _instant_ok(value)
    if name == "snooze_minutes":
        return bool(1 <= value <= 24 * 60)
    if name == "grace_minutes":
        return bool(0 <= value <= 24 * 60)
    if name == "volume":
        return bool(0.0 <= value <= 1.0)
    if name == "voice_rate":
        return bool(-1.0 <= value <= 1.0)
    if name in ("routine", "voice_name"):
        return len(value) <= 200
    return True


def _instant_ok(text: str) -> bool:
    from datetime import datetime  # only for a reminder that has fired: off the first paint

    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return False
    return value.tzinfo is not None and _YEARS[0] <= value.year <= _YEARS[1]


def _build(cls: Any, data: Any, where: str) -> Any:
    """An instance of record ``cls`` from JSON data; unknown keys are ignored (newer
    versions may add some), a wrong type or a value out of range raises ValueError naming
    the key."""
    if not isinstance(data, dict):
        raise ValueError(tr("`{key}` must be an object").format(key=where or "settings"))
    values = {}
    for name in cls.FIELDS:
        if name not in data:
            continue
        value, key = data[name], f"{where}.{name}" if where else name
        kind_of = cls.__annotations__[name]
        kind = kind_of.__name__ if isinstance(kind_of, type) else str(kind_of)
        if kind == "Reminder":
            values[name] = _build(Reminder, value, key)
        elif not _CHECKS[kind](value):
            raise ValueError(tr("`{key}` has the wrong type ({value!r:.40})").format(
                key=key, value=value))
        elif not _in_range(key, value):
            raise ValueError(tr("`{key}` is out of range ({value!r:.40})").format(
                key=key, value=value))
        else:
            values[name] = value
    return cls(**values)


class Loaded:
    def __init__(self, settings: Settings, message: str | None = None) -> None:
        self.settings = settings
        self.message = message  # tell the user once, when the file had to be set aside


def settings_path() -> Path:
    return paths.config_dir() / FILE_NAME


def load(path: Path | None = None) -> Loaded:
    path = path or settings_path()
    try:
        info = os.stat(path)
        raw = read_user_file(path, MAX_BYTES)
    except FileNotFoundError:
        return Loaded(Settings())
    except UnsafeFile as exc:
        return _set_aside(path, info, exc.strerror or str(exc))
    except OSError as exc:
        return Loaded(Settings(), tr("Could not read your settings ({error}); using defaults.")
                      .format(error=describe_error(exc)))
    try:
        return Loaded(_build(Settings, json.loads(raw), ""))
    except RecursionError:
        return _set_aside(path, info, tr("nested too deeply"))
    except ValueError as exc:  # also bad UTF-8 and bad JSON
        return _set_aside(path, info, str(exc))


def _set_aside(path: Path, info: os.stat_result, error: str) -> Loaded:
    """Keep the damaged file under a new name, use defaults, and say so (once)."""
    aside = move_aside(path, expect=info)
    where = tr(" It was kept as {name}.").format(name=aside.name) if aside else ""
    return Loaded(Settings(), tr(
        "Your settings file was damaged ({error}), so defaults are in use.{where}"
    ).format(error=error, where=where))


def save(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a temporary file in the same folder, fsync, then rename over."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(settings.to_dict(), indent=2, sort_keys=True) + "\n"
    atomic_write(path, data.encode())
