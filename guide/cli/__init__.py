"""The command line: ``stretch-guide [start|validate|list|plan|reminder] ...``.

Qt is imported only by the commands that open a window, so scripting commands start fast.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from guide import __version__
from guide.core.i18n import tr

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretch-guide",
        description=tr("Evidence-based stretching routines against muscle cramps."),
    )
    parser.add_argument("--version", action="version", version=f"stretch-guide {__version__}")
    parser.add_argument("--exit-after-startup", action="store_true",
                        help=tr("load the content, paint the main window once and exit"))
    parser.add_argument("--background", action="store_true",
                        help=tr("start without a window; reminders keep working"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    start = sub.add_parser("start", help=tr("open the app straight into a routine's player"))
    start.add_argument("routine", metavar="ROUTINE", help=tr("routine id, e.g. cramp-calf"))
    start.add_argument("--exit-after-startup", action="store_true", help=argparse.SUPPRESS)

    validate = sub.add_parser("validate", help=tr("check content files; exit 1 on problems"))
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help=tr("files or folders laid out like exercises/ "
                                  "(default: shipped content and your data folder)"))

    listing = sub.add_parser("list", help=tr("list exercises, routines or muscles"))
    listing.add_argument("what", choices=["exercises", "routines", "muscles"])
    listing.add_argument("--muscle", metavar="M",
                         help=tr("only exercises for this muscle id or everyday word"))
    listing.add_argument("--json", action="store_true", help=tr("print JSON"))

    plan = sub.add_parser("plan", help=tr("print a routine's timeline"))
    plan.add_argument("routine", metavar="ROUTINE")
    plan.add_argument("--json", action="store_true", help=tr("print JSON"))

    reminder = sub.add_parser("reminder", help=tr("the bedtime stretching reminder"))
    rsub = reminder.add_subparsers(dest="action", metavar="ACTION", required=True)
    rset = rsub.add_parser("set", help=tr("turn the reminder on at HH:MM"))
    rset.add_argument("time", metavar="HH:MM")
    rset.add_argument("--days", help=tr("comma-separated days (mon,tue,...), or weekdays, "
                                        "weekends or daily"))
    rset.add_argument("--routine", help=tr("routine id (default: bedtime)"))
    rsub.add_parser("show", help=tr("print the reminder and its next occurrence"))
    rsub.add_parser("off", help=tr("turn the reminder off"))
    return parser


_APP_FLAGS = ("--exit-after-startup", "--background")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if all(arg in _APP_FLAGS for arg in argv):
        # Plain app launch: skip building the parser, it costs start-up time.
        from guide.ui.shell.app import run_app

        return run_app(argparse.Namespace(
            command=None, routine=None, exit_after_startup="--exit-after-startup" in argv,
            background="--background" in argv))
    args = build_parser().parse_args(argv)
    if args.command in (None, "start"):
        from guide.ui.shell.app import run_app

        return run_app(args)
    if args.command == "validate":
        return cmd_validate(args.paths)
    if args.command == "list":
        return cmd_list(args.what, args.muscle, args.json)
    if args.command == "plan":
        return cmd_plan(args.routine, args.json)
    if args.command == "reminder":
        from guide.cli.reminder import run_reminder

        code: int = run_reminder(args)
        return code
    return 2


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def cmd_validate(paths: list[Path]) -> int:
    from guide.core.content.catalog import builtin_source, check_sources, sources_for, user_source

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        sys.stderr.write(tr("{path}: no such file or folder").format(path=p) + "\n")
    if missing:
        return 2
    sources = [builtin_source(), *sources_for(paths)] if paths else [builtin_source(),
                                                                    user_source()]
    problems, files = check_sources(sources)
    for problem in sorted(problems):
        _out(str(problem))
    count = len(problems)
    if count:
        _out(tr("{n} problem(s) found").format(n=count))
        return 1
    _out(tr("OK: {n} definitions checked, no problems").format(n=files))
    return 0


def _load() -> "Catalog":
    from guide.core.content.cache import load_catalog

    return load_catalog()


def cmd_list(what: str, muscle: str | None, as_json: bool) -> int:
    from guide.cli import listing

    catalog = _load()
    if muscle is not None and what != "exercises":
        sys.stderr.write(tr("--muscle only applies to `list exercises`") + "\n")
        return 2
    try:
        rows = listing.rows(catalog, what, muscle)
    except listing.UnknownMuscle as exc:
        sys.stderr.write(str(exc) + "\n")
        return 2
    if as_json:
        import json

        _out(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        _out(listing.table(what, rows))
    return 0


def cmd_plan(routine_id: str, as_json: bool) -> int:
    from guide.cli import listing
    from guide.core.content.problems import did_you_mean
    from guide.core.routine.plan import build_plan

    catalog = _load()
    routine = catalog.routines.get(routine_id)
    if routine is None:
        hint = did_you_mean(routine_id, catalog.routines)
        sys.stderr.write(tr("unknown routine `{id}`{hint}").format(id=routine_id, hint=hint)
                         + "\n")
        return 2
    plan = build_plan(routine, catalog.stretches)
    if as_json:
        import json

        _out(json.dumps(plan.to_json(), indent=2, ensure_ascii=False))
    else:
        _out(listing.plan_table(plan))
    return 0
