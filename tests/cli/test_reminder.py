"""`stretch-guide reminder set|show|off`, in-process and as a real process under faketime."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide import cli
from guide.core.store import settings

ROUTINE = """\
id: bedtime
name: Bedtime leg-cramp prevention
kind: bedtime
description: Calf and hamstring stretches before bed.
items:
  - action: Stretch your calves
    hold: 10
"""


@pytest.fixture(autouse=True)
def _content(user_exercises: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A known `bedtime` routine in the user's folder, and Berlin as the local zone."""
    (user_exercises / "routines" / "bedtime.yaml").write_text(ROUTINE)
    monkeypatch.setenv("TZ", "Europe/Berlin")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["reminder", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_set_then_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "set", "21:45", "--days", "mon,wed,fri", "--routine", "bedtime")
    assert code == 0
    r = settings.load().settings.reminder
    assert (r.enabled, r.time, r.days, r.routine) == (True, "21:45", [0, 2, 4], "bedtime")
    code, out, _ = run(capsys, "show")
    lines = out.splitlines()
    assert lines[:4] == ["Reminder: on", "Time: 21:45", "Days: Mon, Wed, Fri",
                         "Routine: bedtime (Bedtime leg-cramp prevention)"]
    assert lines[4].startswith("Next: ") and lines[4].endswith(("+01:00", "+02:00"))
    assert "T21:45:00" in lines[4]


@pytest.mark.parametrize(("words", "days"), [
    ("weekdays", [0, 1, 2, 3, 4]), ("weekends", [5, 6]), ("daily", list(range(7))),
    ("Sat,SUN", [5, 6]), ("monday, friday", [0, 4]),
])
def test_day_words(capsys: pytest.CaptureFixture[str], words: str, days: list[int]) -> None:
    assert run(capsys, "set", "22:00", "--days", words)[0] == 0
    assert settings.load().settings.reminder.days == days


def test_off_keeps_the_rest(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "set", "22:15")
    code, out, _ = run(capsys, "off")
    assert code == 0
    assert "Reminder: off" in out and "Time: 22:15" in out and "Next: none" in out
    assert settings.load().settings.reminder.enabled is False


@pytest.mark.parametrize(("argv", "expected"), [
    (["set", "24:00"], "invalid time `24:00`; use HH:MM from 00:00 to 23:59"),
    (["set", "9pm"], "invalid time `9pm`"),
    (["set", "22:30", "--days", "mon,tuesday,fry"], "unknown day `fry` (did you mean `fri`?)"),
    (["set", "22:30", "--days", ","], "no days given"),
    (["set", "22:30", "--routine", "bedtim"], "unknown routine `bedtim` (did you mean `bedtime`"),
])
def test_bad_input_is_refused(capsys: pytest.CaptureFixture[str], argv: list[str],
                              expected: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert expected in err
    assert out == ""
    assert not settings.settings_path().exists()  # nothing was saved


def test_damaged_settings_are_reported_once(capsys: pytest.CaptureFixture[str]) -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{oops")
    code, out, err = run(capsys, "show")
    assert code == 0 and "damaged" in err and "Reminder: off" in out
    assert "damaged" not in run(capsys, "show")[2]


def _cli_process(*argv: str, fake: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "guide", "reminder", *argv]
    if fake is not None:
        command = ["faketime", fake, *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "TZ": "Europe/Berlin"}, check=False)


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs Debian's faketime")
@pytest.mark.parametrize(("fake", "expected"), [
    ("2026-03-29 01:00:00", "Next: 2026-03-29T22:30:00+02:00"),  # the day clocks go forward
    ("2026-03-28 23:00:00", "Next: 2026-03-29T22:30:00+02:00"),
    ("2026-10-25 12:00:00", "Next: 2026-10-25T22:30:00+01:00"),  # the day they go back
    ("2026-10-24 22:00:00", "Next: 2026-10-24T22:30:00+02:00"),
])
def test_show_under_faketime_in_berlin(fake: str, expected: str) -> None:
    done = _cli_process("set", "22:30", fake=fake)
    assert done.returncode == 0, done.stderr
    shown = _cli_process("show", fake=fake)
    assert shown.returncode == 0, shown.stderr
    assert expected in shown.stdout.splitlines()


@pytest.mark.parametrize("reminder", [
    {"enabled": True, "paused_until": "9999-12-31T23:59:59+00:00"},
    {"enabled": True, "snoozed_until": "0001-01-01T00:30:00+01:00"},
    {"enabled": True, "grace_minutes": 10**12},
    {"enabled": True, "time": "99:99"},
])
@pytest.mark.parametrize("action", [["show"], ["set", "22:15"]])
def test_out_of_range_settings_are_reported_not_a_traceback(
        capsys: pytest.CaptureFixture[str], reminder: dict[str, object],
        action: list[str]) -> None:
    import json

    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"reminder": reminder}))
    code, out, err = run(capsys, *action)
    assert code == 0
    assert "damaged" in err and "defaults" in err
    # "99:99" must not show as a reminder that is on: defaults are off until set again.
    assert ("Reminder: on" in out) == (action[0] == "set")
