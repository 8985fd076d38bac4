"""The cramp diary: what it accepts, what it refuses, where it is kept and how weeks add up."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from guide.core.routine.session import Summary
from guide.core.store import diary
from guide.core.store.diary import Diary, Entry, Refused, make_entry
from guide.core.store.history import SCHEMA_VERSION, History

NOW = dt.datetime(2026, 3, 10, 8, 15)

# The database as version 1 of the app wrote it (before the diary existed).
V1_SCHEMA = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, routine TEXT NOT NULL,
    routine_name TEXT NOT NULL, kind TEXT NOT NULL, started REAL NOT NULL,
    local_start TEXT NOT NULL, duration REAL NOT NULL, holds INTEGER NOT NULL,
    completed INTEGER NOT NULL, stopped_at INTEGER, stopped_name TEXT, feeling TEXT
);
CREATE INDEX sessions_local_start ON sessions(local_start);
PRAGMA user_version=1;
"""


def bedtime(history: History, when: dt.datetime, completed: bool = True) -> None:
    history.record(Summary("bedtime", "Bedtime", "bedtime", when.timestamp(), 300.0, 12,
                           completed, None if completed else 2, None if completed else "Calf"))


def entry(day: int, cramps: int = 2, severity: int = 5, month: int = 3, **kw: object) -> Entry:
    return make_entry(night=dt.date(2026, month, day), cramps=cramps, severity=severity,
                      now=NOW, **kw)  # type: ignore[arg-type]


def test_a_version_1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    db.execute("INSERT INTO sessions (uid, routine, routine_name, kind, started, local_start, "
               "duration, holds, completed, feeling) VALUES ('a', 'bedtime', 'Bedtime', "
               "'bedtime', 1773000000, '2026-03-08T22:40:00', 300, 12, 1, 'good')")
    db.commit()
    db.close()

    history = History(path)
    store = Diary(history)
    assert store.log(entry(8, places=["calf"]))
    # The old session is still there, untouched, and the diary sits beside it.
    sessions = history.sessions()
    assert [(s.uid, s.night, s.feeling) for s in sessions] == [
        ("a", dt.date(2026, 3, 8), "good")]
    assert store.bedtime_nights() == {dt.date(2026, 3, 8)}
    assert [e.night for e in store.entries()] == [dt.date(2026, 3, 8)]
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert not list(tmp_path.glob("*.corrupt-*"))
    assert history.messages == []


def test_log_and_read_back_replacing_the_same_night(tmp_path: Path) -> None:
    store = Diary(History(tmp_path / "h.sqlite3"))
    assert store.log(entry(8, places=["foot", "calf"], note="  woke at 3  "))
    assert store.log(entry(9, cramps=0, severity=0))
    assert store.log(entry(8, cramps=4, severity=7, places=["thigh-back"]))
    got = store.entries()
    assert [(e.night.day, e.cramps, e.severity, e.places) for e in got] == [
        (9, 0, 0, ()), (8, 4, 7, ("thigh-back",))]
    assert store.entry(dt.date(2026, 3, 9)) == got[0]
    assert store.entry(dt.date(2026, 3, 1)) is None


def test_places_are_kept_in_a_fixed_order_and_the_note_trimmed() -> None:
    e = entry(8, places=["foot,calf", "calf"], note="  woke at 3  ")
    assert e.places == ("calf", "foot") and e.note == "woke at 3"
    assert e.logged == "2026-03-10T08:15:00"


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"cramps": -1}, "number of cramps"),
    ({"cramps": 51}, "number of cramps"),
    ({"severity": 11}, "severity"),
    ({"severity": -1}, "severity"),
    ({"day": 11}, "in the future"),
    ({"places": ["knee"]}, "unknown place `knee`"),
    ({"cramps": 0, "severity": 3}, "no cramps"),
    ({"note": "x" * 1001}, "too long"),
])
def test_bad_input_is_refused_with_a_message(kwargs: dict[str, object], words: str) -> None:
    with pytest.raises(Refused) as caught:
        entry(**{"day": 8, **kwargs})  # type: ignore[arg-type]
    assert words in str(caught.value)


def test_today_can_be_logged_as_a_day() -> None:
    assert entry(10).night == NOW.date()


def test_dates_are_read_in_iso_form_only() -> None:
    assert diary.parse_date("2026-03-09") == dt.date(2026, 3, 9)
    with pytest.raises(Refused, match="YYYY-MM-DD"):
        diary.parse_date("9.3.2026")


@pytest.mark.parametrize(("now", "night"), [
    (dt.datetime(2026, 3, 10, 2, 30), dt.date(2026, 3, 9)),   # awake in the night
    (dt.datetime(2026, 3, 10, 7, 0), dt.date(2026, 3, 9)),    # the morning after
    (dt.datetime(2026, 3, 10, 23, 0), dt.date(2026, 3, 9)),   # late, about the night before
])
def test_last_night_follows_the_bedtime_rule(now: dt.datetime, night: dt.date) -> None:
    assert diary.last_night(now) == night


def test_home_asks_in_the_morning_after_a_bedtime_routine_until_it_is_logged() -> None:
    routine = {dt.date(2026, 3, 9)}
    morning = dt.datetime(2026, 3, 10, 7, 30)
    assert diary.night_to_ask(morning, routine, set()) == dt.date(2026, 3, 9)
    assert diary.night_to_ask(morning, routine, {dt.date(2026, 3, 9)}) is None
    assert diary.night_to_ask(morning.replace(hour=13), routine, set()) is None
    assert diary.night_to_ask(morning.replace(hour=2), routine, set()) is None
    assert diary.night_to_ask(morning, {dt.date(2026, 3, 8)}, set()) is None


def test_weeks_count_cramp_nights_severity_and_routine_nights() -> None:
    entries = [entry(2, cramps=1, severity=4), entry(3, cramps=3, severity=8),
               entry(4, cramps=0, severity=0), entry(10, cramps=2, severity=6)]
    routine = {dt.date(2026, 3, 4), dt.date(2026, 3, 5), dt.date(2026, 3, 9)}
    weeks = diary.weeks(entries, routine, today=dt.date(2026, 3, 10))
    assert [w.start for w in weeks] == [dt.date(2026, 3, 2), dt.date(2026, 3, 9)]
    first, second = weeks
    assert (first.logged, first.cramp_nights, first.mean_severity, first.routine_nights) == (
        3, 2, 6.0, 2)
    assert (second.logged, second.cramp_nights, second.mean_severity, second.routine_nights) == (
        1, 1, 6.0, 1)
    assert diary.weeks([], set(), today=dt.date(2026, 3, 10)) == []


def test_weeks_stop_at_a_year_back() -> None:
    old = make_entry(night=dt.date(2024, 1, 1), cramps=1, severity=1, now=NOW)
    weeks = diary.weeks([old], set(), today=dt.date(2026, 3, 10))
    assert len(weeks) == 53
    assert weeks[-1].start == dt.date(2026, 3, 9)


def test_a_hand_edited_row_is_left_out(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    store = Diary(history)
    store.log(entry(8))
    db = sqlite3.connect(tmp_path / "h.sqlite3")
    db.execute("INSERT INTO diary VALUES ('2026-03-07', 99, 3, '', '', '')")
    db.execute("INSERT INTO diary VALUES ('yesterday', 1, 3, '', '', '')")
    db.commit()
    assert [e.night.day for e in store.entries()] == [8]


def test_a_busy_database_says_so_and_keeps_running(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = Diary(History(path, timeout=0.05))
    store.log(entry(8))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    assert not store.log(entry(9))
    assert any("diary is in use" in m for m in store.take_messages())
    blocker.execute("ROLLBACK")
    assert store.log(entry(9))


def test_the_diary_answers_homes_question_from_the_database(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    store = Diary(history)
    morning = dt.datetime(2026, 3, 10, 7, 30)
    assert store.night_to_ask(morning) is None  # no routine yet
    bedtime(history, dt.datetime(2026, 3, 10, 0, 40), completed=False)
    assert store.night_to_ask(morning) is None  # stopped halfway: not asked
    bedtime(history, dt.datetime(2026, 3, 10, 0, 50))  # after midnight, still that night
    assert store.night_to_ask(morning) == dt.date(2026, 3, 9)
    store.log(entry(9, cramps=0, severity=0))
    assert store.night_to_ask(morning) is None
