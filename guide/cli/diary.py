"""``stretch-guide diary log|show`` and ``stretch-guide history export --csv FILE``."""

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from guide.core.i18n import tr
from guide.core.store import diary, export
from guide.core.store.history import History


def _now() -> dt.datetime:
    return dt.datetime.now()


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _report(store: diary.Diary) -> None:
    for message in store.take_messages():
        _err(message)


def add_parsers(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """The ``diary`` and ``history`` commands, added to the main parser."""
    parser = sub.add_parser("diary", help=tr("the cramp diary: log a night, show the entries"))
    dsub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    log = dsub.add_parser("log", help=tr("log the cramps of a night (default: last night)"))
    log.add_argument("--cramps", type=int, required=True, metavar="N",
                     help=tr("how many cramps, 0 to {most}").format(most=diary.MAX_CRAMPS))
    log.add_argument("--severity", type=int, metavar="S",
                     help=tr("the worst one, 0 (no pain) to {most} (the worst imaginable); "
                             "needed when there were cramps").format(most=diary.MAX_SEVERITY))
    log.add_argument("--date", metavar="YYYY-MM-DD",
                     help=tr("the evening the night began, or the day (default: last night)"))
    log.add_argument("--where", action="append", default=[], metavar="W",
                     help=tr("where: {places}; repeat or separate with commas")
                     .format(places=", ".join(diary.PLACES)))
    log.add_argument("--note", default="", metavar="TEXT", help=tr("a short note"))
    show = dsub.add_parser("show", help=tr("print the diary, newest first"))
    show.add_argument("--json", action="store_true", help=tr("print JSON"))

    history = sub.add_parser("history", help=tr("the sessions played and the diary"))
    hsub = history.add_subparsers(dest="action", metavar="ACTION", required=True)
    exp = hsub.add_parser("export", help=tr("write sessions and diary to a file"))
    exp.add_argument("--csv", type=Path, required=True, metavar="FILE",
                     help=tr("a CSV file for a spreadsheet (UTF-8, one header row)"))


def run_diary(args: argparse.Namespace) -> int:
    store = diary.Diary(History())
    if args.action == "log":
        return _log(store, args)
    entries = store.entries()
    bedtime = store.bedtime_nights()
    _report(store)
    if args.json:
        data = [{**e.to_json(), "bedtime_routine": e.night in bedtime} for e in entries]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    elif not entries:
        sys.stdout.write(tr("The diary is empty. Log a night with "
                            "`stretch-guide diary log --cramps N --severity S`.") + "\n")
    else:
        sys.stdout.write(_table(entries, bedtime) + "\n")
    return 0


def _log(store: diary.Diary, args: argparse.Namespace) -> int:
    now = _now()
    try:
        night = diary.parse_date(args.date) if args.date else diary.last_night(now)
        if args.severity is None and args.cramps > 0:
            raise diary.Refused(tr("give the severity of the worst cramp with --severity S "
                                   "(0 to {most})").format(most=diary.MAX_SEVERITY))
        entry = diary.make_entry(night=night, cramps=args.cramps, severity=args.severity or 0,
                                 places=args.where, note=args.note, now=now)
    except diary.Refused as exc:
        _err(tr("stretch-guide diary: {message}").format(message=exc))
        return 2
    replaced = store.entry(night) is not None
    if not store.log(entry):
        _report(store)
        return 1
    _report(store)
    if replaced:
        sys.stdout.write(tr("Replaced the entry for {date}.").format(date=night.isoformat()))
    else:
        sys.stdout.write(tr("Logged {date}.").format(date=night.isoformat()))
    sys.stdout.write("\n")
    return 0


def _table(entries: list[diary.Entry], bedtime: set[dt.date]) -> str:
    headers = [tr("DATE"), tr("CRAMPS"), tr("SEVERITY"), tr("WHERE"), tr("BEDTIME ROUTINE"),
               tr("NOTE")]
    body = [[e.night.isoformat(), str(e.cramps), f"{e.severity}/10", ",".join(e.places) or "-",
             tr("done") if e.night in bedtime else "-", " ".join(e.note.split())]
            for e in entries]
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    return "\n".join(lines)


def run_history(args: argparse.Namespace) -> int:
    history = History()
    store = diary.Diary(history)
    sessions = history.sessions()
    entries = store.entries()
    messages = store.take_messages()
    for message in messages:
        _err(message)
    path: Path = args.csv
    if path.is_dir():
        _err(tr("{path} is a folder; give a file name, e.g. {path}/stretch-guide.csv")
             .format(path=path))
        return 2
    try:
        count = export.write_csv(path, sessions, entries)
    except OSError as exc:
        _err(tr("Could not write {path}: {error}").format(path=path,
                                                          error=exc.strerror or exc))
        return 1
    sys.stdout.write(tr("Wrote {path} (data rows: {n}).").format(n=count, path=path) + "\n")
    return 0
