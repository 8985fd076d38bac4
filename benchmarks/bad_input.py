"""How fast hostile content files are refused: each must take well under a second.

Files: one over 1 MiB, an alias bomb ("billion laughs"), 5,000 levels of nesting, invalid UTF-8;
entries that are not files: a FIFO nobody writes to, a link to /dev/zero (stat says 0 bytes, it
never ends), a symbolic link loop.
Usage: python benchmarks/bad_input.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

from guide.core.content.reading import read_document


def cases() -> dict[str, bytes]:
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return {
        "over 1 MiB": b"id: x\nsummary: " + b"a" * (1024 * 1024 + 10),
        "alias bomb": "\n".join(bomb).encode(),
        "5,000 levels of nesting": b"a: " + b"[" * 5000 + b"]" * 5000,
        "invalid UTF-8 in a large file": b"id: x\nsummary: " + b"a" * 900_000 + b"\xff\n",
    }


def odd_entries(folder: Path) -> dict[str, Path]:
    fifo, zero, loop = folder / "fifo.yaml", folder / "zero.yaml", folder / "loop.yaml"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    loop.symlink_to(loop.name)
    return {"a FIFO named .yaml": fifo, "a link to /dev/zero": zero, "a symbolic link loop": loop}


def main() -> None:
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        entries: dict[str, Path | bytes] = {**cases(), **odd_entries(Path(tmp))}
        for name, entry in entries.items():
            path = Path(tmp) / "stretch.yaml"
            if isinstance(entry, bytes):
                path.write_bytes(entry)
            else:
                path = entry
            started = time.perf_counter()
            doc = read_document(path)
            elapsed = time.perf_counter() - started
            worst = max(worst, elapsed)
            message = doc.problems[0] if doc.problems else "ACCEPTED"
            print(f"{name:30} {elapsed * 1000:7.1f} ms  {message}")
    print(f"slowest: {worst * 1000:.1f} ms (target < 1000 ms)")
    sys.exit(0 if worst < 1.0 else 1)


if __name__ == "__main__":
    main()
