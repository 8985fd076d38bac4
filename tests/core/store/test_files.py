"""The one way to read a user file and the one way to set a damaged one aside."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide.core.store.files import UnsafeFile, atomic_write, move_aside, read_user_file


def test_size_is_capped_by_what_is_read_not_by_stat(tmp_path: Path) -> None:
    with pytest.raises(UnsafeFile, match="not a regular file"):
        read_user_file(Path("/dev/zero"), limit=1024)  # stat says 0 bytes; it never ends
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2049)
    with pytest.raises(UnsafeFile, match="larger"):
        read_user_file(big, limit=2048)
    assert read_user_file(big, limit=4096) == b"x" * 2049


def test_a_fifo_does_not_hang_the_read(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)  # nobody writes: a blocking open would wait for ever
    with pytest.raises(UnsafeFile):
        read_user_file(fifo)


def test_move_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    names = set()
    for n in range(20):  # all within the same second
        path.write_text(f"damaged {n}")
        aside = move_aside(path)
        assert aside is not None and not path.exists()
        names.add(aside)
    assert sorted(p.read_text() for p in names) == sorted(f"damaged {n}" for n in range(20))


def test_move_aside_leaves_a_fresh_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_text("damaged")
    seen = os.stat(path)
    assert move_aside(path) is not None  # another process was quicker
    path.write_text("fresh")
    assert move_aside(path, expect=seen) is None
    assert path.read_text() == "fresh"


def test_temporary_files_of_killed_saves_are_cleaned_up(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    for _ in range(5):  # each child dies after creating its temporary file
        code = ("import os, tempfile; tempfile.mkstemp(prefix='.settings.json.', "
                f"suffix='.tmp', dir={str(tmp_path)!r}); os._exit(9)")
        subprocess.run([sys.executable, "-c", code], check=False)
    old = 1_000_000_000
    for temp in tmp_path.glob(".settings.json.*"):
        os.utime(temp, (old, old))  # older than the second a live save may need to lock it
    atomic_write(target, b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
