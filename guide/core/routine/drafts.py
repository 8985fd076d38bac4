"""The routine the builder is editing and has not saved yet, kept on disk as it changes.

If the app is closed without a word (a crash, a logout, a kill) the next builder finds the draft
and offers it again. One draft at a time, a small JSON file in the data folder, written
atomically; a draft that cannot be read is dropped, never shown half.
"""

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

import msgspec

from guide.core.content.model import Routine, RoutineItem
from guide.core.store import paths
from guide.core.store.files import atomic_write, read_user_file

FILE_NAME = "builder-draft.json"
_PLACEHOLDER = [RoutineItem(action="-", hold=1)]  # a draft may have no item yet


@dataclass
class Draft:
    routine: Routine  # as the editor shows it; its items may be empty
    original_id: str | None  # the saved routine it changes, None for a new one
    id_edited: bool


def draft_path() -> Path:
    return paths.data_dir() / FILE_NAME


def save_draft(draft: Draft, path: Path | None = None) -> None:
    """Raises OSError when it cannot be written (the caller keeps going)."""
    path = path or draft_path()
    routine = draft.routine
    data = {
        "original_id": draft.original_id,
        "id_edited": draft.id_edited,
        # Text fields as typed (possibly empty); the rest as a routine that passes the checks.
        "text": {"id": routine.id, "name": routine.name, "description": routine.description},
        "base": msgspec.to_builtins(msgspec.structs.replace(
            routine, id="draft", name="draft", description="draft", items=_PLACEHOLDER)),
        "items": [msgspec.to_builtins(item) for item in routine.items],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def load_draft(path: Path | None = None) -> Draft | None:
    path = path or draft_path()
    try:
        data = json.loads(read_user_file(path, 1024 * 1024))
        base = msgspec.convert(data["base"], Routine)
        items = [msgspec.convert(item, RoutineItem) for item in data["items"]]
        text = {key: data["text"][key] for key in ("id", "name", "description")}
        original = data["original_id"]
        if (original is not None and not isinstance(original, str)) or not all(
                isinstance(v, str) for v in text.values()):
            raise TypeError(original)
        return Draft(msgspec.structs.replace(base, items=items, **text), original,
                     bool(data["id_edited"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, RecursionError,
            msgspec.ValidationError):
        clear_draft(path)  # damaged: dropping it beats offering half a routine
        return None


def clear_draft(path: Path | None = None) -> None:
    with contextlib.suppress(OSError):
        (path or draft_path()).unlink()
