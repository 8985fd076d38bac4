"""`stretch-guide diary log|show` and `history export --csv` as a user or a script meets them."""

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

import guide.cli.diary as cli_diary
from guide.cli import main
from guide.core.routine.session import Summary
from guide.core.store.history import History

NOW = dt.datetime(2026, 3, 10, 7, 45)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_diary, "_now", lambda: NOW)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def played(when: dt.datetime, kind: str = "bedtime", name: str = "Bedtime") -> None:
    History().record(Summary(kind, name, kind, when.timestamp(), 300.0, 12, True, None, None))


def test_log_then_show_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    played(dt.datetime(2026, 3, 9, 22, 30))
    code, out, err = run(capsys, "diary", "log", "--cramps", "3", "--severity", "6",
                         "--where", "calf,foot", "--where", "thigh-back", "--note", "Woke, ça va")
    assert (code, err) == (0, "")
    assert "2026-03-09" in out  # last night by default
    code, _, _ = run(capsys, "diary", "log", "--cramps", "0", "--date", "2026-03-01")
    assert code == 0
    code, out, _ = run(capsys, "diary", "show", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"date": "2026-03-09", "cramps": 3, "severity": 6,
         "where": ["calf", "thigh-back", "foot"], "note": "Woke, ça va",
         "logged": "2026-03-10T07:45:00", "bedtime_routine": True},
        {"date": "2026-03-01", "cramps": 0, "severity": 0, "where": [], "note": "",
         "logged": "2026-03-10T07:45:00", "bedtime_routine": False},
    ]


def test_show_prints_a_table_with_the_bedtime_routine_column(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diary", "show")
    assert code == 0 and "diary is empty" in out
    played(dt.datetime(2026, 3, 9, 0, 30))  # after midnight: the night of the 8th
    run(capsys, "diary", "log", "--cramps", "2", "--severity", "4", "--date", "2026-03-08")
    run(capsys, "diary", "log", "--cramps", "1", "--severity", "2", "--date", "2026-03-07",
        "--note", "two\nlines")
    code, out, _ = run(capsys, "diary", "show")
    header, _rule, *rows = out.strip().splitlines()
    assert header.split() == ["DATE", "CRAMPS", "SEVERITY", "WHERE", "BEDTIME", "ROUTINE",
                              "NOTE"]
    assert rows[0].split() == ["2026-03-08", "2", "4/10", "-", "done"]
    assert rows[1].split() == ["2026-03-07", "1", "2/10", "-", "-", "two", "lines"]


def test_logging_the_same_night_again_replaces_it(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "diary", "log", "--cramps", "2", "--severity", "4")
    code, out, _ = run(capsys, "diary", "log", "--cramps", "1", "--severity", "3")
    assert code == 0 and "Replaced" in out
    _, out, _ = run(capsys, "diary", "show", "--json")
    assert [(e["cramps"], e["severity"]) for e in json.loads(out)] == [(1, 3)]


@pytest.mark.parametrize(("args", "words"), [
    (["--cramps", "-1", "--severity", "2"], "number of cramps must be"),
    (["--cramps", "51", "--severity", "2"], "number of cramps must be"),
    (["--cramps", "2", "--severity", "11"], "severity must be"),
    (["--cramps", "2", "--severity", "3", "--date", "2026-03-11"], "in the future"),
    (["--cramps", "2", "--severity", "3", "--date", "11/03/2026"], "YYYY-MM-DD"),
    (["--cramps", "2", "--severity", "3", "--where", "knee"], "unknown place `knee`"),
    (["--cramps", "2"], "--severity"),
    (["--cramps", "0", "--severity", "4"], "no cramps"),
    (["--cramps", "two", "--severity", "4"], "invalid int value"),
])
def test_bad_values_are_refused_with_exit_2(capsys: pytest.CaptureFixture[str],
                                            args: list[str], words: str) -> None:
    try:
        code, out, err = run(capsys, "diary", "log", *args)
    except SystemExit as exit_:  # argparse's own refusal of a non-number
        code, (out, err) = int(exit_.code or 0), capsys.readouterr()
    assert code == 2
    assert words in err and out == ""
    _, out, _ = run(capsys, "diary", "show", "--json")
    assert json.loads(out) == []


def test_history_export_writes_one_csv_that_parses_back(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    played(dt.datetime(2026, 3, 8, 22, 10))
    played(dt.datetime(2026, 3, 9, 12, 0), kind="desk", name='Desk "break", short')
    run(capsys, "diary", "log", "--cramps", "2", "--severity", "5", "--date", "2026-03-08",
        "--where", "calf", "--note", 'Left calf, "sharp"\nthen eased')
    target = tmp_path / "export.csv"
    code, _, err = run(capsys, "history", "export", "--csv", str(target))
    assert (code, err) == (0, "")
    raw = target.read_bytes()
    assert raw.count(b"record,") == 1  # one header row
    assert raw.endswith(b"\r\n")
    with open(target, encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["record"], r["date"], r["kind"]) for r in table] == [
        ("session", "2026-03-08", "bedtime"), ("diary", "2026-03-08", ""),
        ("session", "2026-03-09", "desk")]
    assert table[0]["start"] == "2026-03-08T22:10:00" and table[0]["completed"] == "yes"
    assert table[1]["note"] == 'Left calf, "sharp"\nthen eased'
    assert (table[1]["cramps"], table[1]["severity"], table[1]["where"]) == ("2", "5", "calf")
    assert table[1]["bedtime_routine"] == "yes"
    assert table[2]["routine_name"] == 'Desk "break", short'
    assert dt.date.fromisoformat(table[2]["date"])


def test_history_export_to_a_folder_or_unwritable_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "history", "export", "--csv", str(tmp_path))
    assert code == 2 and "is a folder" in err
    code, _, err = run(capsys, "history", "export", "--csv", str(tmp_path / "no" / "x.csv"))
    assert code == 1 and "Could not write" in err and "Traceback" not in err
