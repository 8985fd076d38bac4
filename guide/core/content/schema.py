"""JSON Schemas for the content files, generated from the typed model.

``python -m guide.core.content.schema`` rewrites ``exercises/schema/``; a test checks they are
current.
"""

import json
import sys
from pathlib import Path
from typing import Any

import msgspec

from guide.core.content.model import MusclesFile, Routine, Stretch
from guide.core.store import paths

KINDS: dict[str, type[msgspec.Struct]] = {
    "muscles": MusclesFile,
    "stretch": Stretch,
    "routine": Routine,
}
TITLES = {
    "muscles": "Stretch Guide muscles file",
    "stretch": "Stretch Guide stretch",
    "routine": "Stretch Guide routine",
}


def generate(kind: str) -> dict[str, Any]:
    schema = msgspec.json.schema(KINDS[kind])
    out: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://stretch-guide.invalid/schema/{kind}.schema.json",
        "title": TITLES[kind],
    }
    out.update(schema)
    return out


def render(kind: str) -> str:
    return json.dumps(generate(kind), indent=2, sort_keys=True) + "\n"


def schema_dir() -> Path:
    return paths.builtin_exercises() / "schema"


def main() -> int:
    folder = schema_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        (folder / f"{kind}.schema.json").write_text(render(kind), encoding="utf-8")
    sys.stdout.write(f"wrote {len(KINDS)} schemas to {folder}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
