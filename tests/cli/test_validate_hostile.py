"""`validate` and `start` with odd input: a clear word and an exit code, never a traceback."""

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from guide.cli import main

ROOT = Path(__file__).resolve().parents[2]
ROUTINE = """\
id: my-evening
name: My evening
kind: custom
description: Mine.
items:
  - stretch: my-calf
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    """The real command, with 1 GiB of memory at most and 30 s: a hang or a blow-up fails."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "guide", *args], capture_output=True,
                          timeout=30, preexec_fn=limit, cwd=ROOT, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_an_empty_folder_is_not_ok(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert out == ""
    assert "Nothing to check" in err and str(tmp_path) in err


def test_ok_says_how_many_files_were_checked(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path, my_calf: str) -> None:
    (tmp_path / "stretches").mkdir()
    (tmp_path / "stretches" / "mine.yaml").write_text(my_calf)
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert (code, out) == (0, "OK: 1 file checked, no problems\n")


def test_one_user_routine_file_knows_the_users_stretches(
        capsys: pytest.CaptureFixture[str], user_exercises: Path, my_calf: str) -> None:
    (user_exercises / "stretches" / "mine.yaml").write_text(my_calf)
    routine = user_exercises / "routines" / "evening.yaml"
    routine.write_text(ROUTINE)
    code, out, _ = run(capsys, "validate", str(routine))
    assert (code, out) == (0, "OK: 1 file checked, no problems\n")


def test_a_file_name_too_long(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path / ("a" * 300 + ".yaml")))
    assert code == 2 and out == ""
    assert "File name too long" in err


def test_start_an_unknown_routine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "start", "cramp-cal")
    assert code == 2 and out == ""
    assert err == "unknown routine `cramp-cal` (did you mean `cramp-calf`, `cramp-thigh`?)\n"


def test_validate_dev_zero_neither_hangs_nor_grows() -> None:
    result = run_process("validate", "/dev/zero")
    assert result.returncode == 1
    assert result.stdout.decode().startswith("/dev/zero: cannot read the file: not a regular")
    assert b"Traceback" not in result.stderr


def test_validate_a_fifo_named_yaml(tmp_path: Path) -> None:
    fifo = tmp_path / "stretches" / "wait.yaml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    result = run_process("validate", str(fifo))
    assert result.returncode == 1
    assert b"not a regular file" in result.stdout


def test_validate_prints_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "stretches"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.yaml"), "w") as handle:
        handle.write("id: [")
    result = run_process("validate", str(tmp_path))
    assert result.returncode == 1, result.stderr
    assert b"caf\\xe9.yaml:" in result.stdout
    assert b"Traceback" not in result.stderr
