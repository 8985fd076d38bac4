"""One odd entry in the user's exercises folder costs that entry, never the app's start.

A symbolic link loop, a folder that cannot be listed, a file name that is not UTF-8, a FIFO or a
device named like a content file: each is reported as a problem of its own and the rest loads.
"""

import os
from pathlib import Path

import pytest

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import builtin_source, user_source
from guide.core.routine.summary import load_summary, load_with_summary


def app_start() -> None:
    """What the app does with the content on start-up, twice (the second time from the cache)."""
    for _ in range(2):
        load_summary()  # Home, as stored; the files are listed by the next line
        catalog, summary = load_with_summary()
        assert "bedtime" in catalog.routines and summary.routines


def user_problems(user_exercises: Path) -> list[str]:
    catalog = load_catalog([builtin_source(), user_source()])
    assert "my-calf" in catalog.stretches  # the good file next to the odd entry still loads
    return [str(p) for p in catalog.problems]


def test_a_symlink_loop_is_one_problem(user_exercises: Path, my_calf: str) -> None:
    (user_exercises / "stretches" / "good.yaml").write_text(my_calf)
    os.symlink("loop.yaml", user_exercises / "stretches" / "loop.yaml")
    app_start()
    problems = user_problems(user_exercises)
    assert len(problems) == 1
    assert "loop.yaml" in problems[0] and "symbolic links" in problems[0]


def test_an_unreadable_folder_is_one_problem(user_exercises: Path, my_calf: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Root (CI) reads any folder whatever its mode, so the refusal is made by hand.
    (user_exercises / "stretches" / "good.yaml").write_text(my_calf)
    routines = user_exercises / "routines"
    real_scandir = os.scandir

    def scandir(path: "os.PathLike[str] | str") -> "os._ScandirIterator[str]":  # type: ignore[name-defined]
        if Path(path) == routines:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    app_start()
    problems = user_problems(user_exercises)
    assert len(problems) == 1
    assert str(routines) in problems[0] and "Permission denied" in problems[0]


def test_a_file_name_that_is_not_utf8(user_exercises: Path, my_calf: str) -> None:
    folder = os.fsencode(user_exercises / "stretches")
    with open(os.path.join(folder, b"caf\xe9.yaml"), "w", encoding="utf-8") as handle:
        handle.write(my_calf)
    with open(os.path.join(folder, b"bad\xff.yaml"), "w", encoding="utf-8") as handle:
        handle.write("id: [")
    app_start()
    catalog = load_catalog([builtin_source(), user_source()])
    assert "my-calf" in catalog.stretches
    assert os.fsencode(catalog.files[("stretch", "my-calf")]).endswith(b"caf\xe9.yaml")
    [problem] = [str(p) for p in catalog.problems]
    assert "bad\\xff.yaml" in problem
    problem.encode("utf-8")  # printable as it stands


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_fifo_device_or_folder_named_yaml(user_exercises: Path, kind: str,
                                           my_calf: str) -> None:
    (user_exercises / "stretches" / "good.yaml").write_text(my_calf)
    odd = user_exercises / "stretches" / "odd.yaml"
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "device":
        os.symlink("/dev/zero", odd)
    else:
        odd.mkdir()
    app_start()
    problems = user_problems(user_exercises)
    if kind == "folder":
        assert problems == []  # a folder is not a content file; nothing to say
    else:
        assert len(problems) == 1 and "not a regular file" in problems[0]
