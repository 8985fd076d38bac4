"""The command line: ``stretch-guide [start|validate|list|plan|sheet|reminder|desktop|...] ...``.

Qt is imported only by the commands that open a window, so scripting commands start fast.
"""

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from guide import __version__
from guide.core.i18n import ntr, tr
from guide.launch import APP_FLAGS

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog


def build_parser() -> argparse.ArgumentParser:
    from guide.cli import argparse_text

    argparse_text.install()
    parser = argparse.ArgumentParser(
        prog="stretch-guide",
        description=tr("Short stretching routines that may help with muscle cramps."),
    )
    parser.add_argument("--version", action="version", version=f"stretch-guide {__version__}",
                        help=tr("show program's version number and exit", "argparse"))
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

    sheet = sub.add_parser("sheet", help=tr("save a routine as a printable PDF sheet"))
    sheet.add_argument("routine", metavar="ROUTINE")
    sheet.add_argument("--pdf", type=Path, required=True, metavar="FILE",
                       help=tr("the PDF file to write"))

    reminder = sub.add_parser("reminder", help=tr("the bedtime stretching reminder"))
    rsub = reminder.add_subparsers(dest="action", metavar="ACTION", required=True)
    rset = rsub.add_parser("set", help=tr("turn the reminder on at HH:MM"))
    rset.add_argument("time", metavar="HH:MM")
    rset.add_argument("--days", help=tr("comma-separated days (mon,tue,...), or weekdays, "
                                        "weekends or daily"))
    rset.add_argument("--routine", help=tr("routine id (default: bedtime)"))
    rsub.add_parser("show", help=tr("print the reminder and its next occurrence"))
    rsub.add_parser("off", help=tr("turn the reminder off"))

    desktop = sub.add_parser("desktop", help=tr("add or remove the menu entry and icons of this "
                                                "installation"))
    desktop.add_argument("action", choices=["install", "uninstall"])

    from guide.cli.diary import add_parsers

    add_parsers(sub)

    i18n = sub.add_parser("i18n", help=tr("for translators: extract, compile or check the "
                                           "translation catalogues"))
    i18n.add_argument("action", choices=["extract", "compile", "status", "template"])
    i18n.add_argument("pack", nargs="?", type=Path, metavar="PATH",
                      help=tr("template: your pack's folder (default: your data folder); "
                              "prints a .po to translate its texts"))
    i18n.add_argument("--verbose", "-v", action="store_true",
                      help=tr("list every untranslated or fuzzy message"))
    return parser


def use_language() -> str:
    """The language chosen in Settings, else the desktop's; cheap (no settings checks)."""
    import json

    from guide.core import i18n
    from guide.core.store.settings import settings_path

    try:
        chosen = json.loads(settings_path().read_text(encoding="utf-8")).get("language", "")
    except (OSError, ValueError, AttributeError):
        chosen = ""
    return i18n.set_language(chosen if isinstance(chosen, str) else "")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_language()
    if all(arg in APP_FLAGS for arg in argv):
        # Plain app launch: skip building the parser, it costs start-up time.
        return open_app(argparse.Namespace(
            command=None, routine=None, exit_after_startup="--exit-after-startup" in argv,
            background="--background" in argv))
    args = build_parser().parse_args(argv)
    if args.command == "start":
        catalog = _load()  # an unknown id is said here, before anything starts or hands over
        if args.routine not in catalog.routines:
            return _unknown_routine(catalog, args.routine)
    if args.command in (None, "start"):
        return open_app(args)
    if args.command in ("validate", "list", "plan") and not _shipped_content_found():
        return 2
    if args.command == "validate":
        return cmd_validate(args.paths)
    if args.command == "list":
        return cmd_list(args.what, args.muscle, args.json)
    if args.command == "plan":
        return cmd_plan(args.routine, args.json)
    if args.command == "sheet":
        return cmd_sheet(args.routine, args.pdf)
    if args.command == "i18n" and args.action == "template":
        return cmd_pack_template(args.pack)
    if args.command == "i18n":
        from guide.cli.translations import run

        return run(args.action, args.verbose)
    if args.command == "reminder":
        from guide.cli.reminder import run_reminder

        code: int = run_reminder(args)
        return code
    if args.command == "diary":
        from guide.cli.diary import run_diary

        return run_diary(args)
    if args.command == "history":
        from guide.cli.diary import run_history

        return run_history(args)
    if args.command == "desktop":
        from guide.cli.desktop import run_desktop

        return run_desktop(args.action)
    return 2


def open_app(args: argparse.Namespace) -> int:
    """The window, once nothing Qt would abort on is missing (no display, no xcb library).

    Start-up runs without the garbage collector (see :mod:`guide.launch`, which turns it off
    even earlier for a plain launch), which the app turns on again once it has started
    (:func:`guide.ui.shell.app.collect_from_now`).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        from guide.ui.shell.display_check import EXIT_CODE, problem

        message = problem()
        if message is not None:
            sys.stderr.write(message + "\n")
            return EXIT_CODE
        from guide.ui.shell.pyside_scan import declare_modules

        declare_modules()
        from guide.ui.shell.app import run_app

        return run_app(args)
    finally:
        if enabled:
            gc.enable()


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _shipped_content_found() -> bool:
    """Say so when the installation lacks the built-in content (a wheel without its data)."""
    from guide.core.store import shipped

    if shipped.has_content():
        return True
    sys.stderr.write(tr(
        "No shipped content found (looked for {path}): this installation of Stretch Guide is "
        "incomplete. Reinstall it from a complete package, e.g. `pipx install --force .` in a "
        "clone of the repository.").format(path=shipped.exercises() / "muscles.yaml") + "\n")
    return False


def cmd_validate(paths: list[Path]) -> int:
    from guide.core.content.catalog import builtin_source, check_sources, sources_for, user_source
    from guide.core.store.files import describe_error, display_path

    refused = False
    for path in paths:
        try:
            os.stat(path)
        except FileNotFoundError:
            message = tr("{path}: no such file or folder").format(path=display_path(path))
        except OSError as exc:  # a name too long, a loop of links, no permission
            message = tr("{path}: {error}").format(path=display_path(path),
                                                   error=describe_error(exc))
        else:
            continue
        sys.stderr.write(message + "\n")
        refused = True
    if refused:
        return 2
    given = sources_for(paths) if paths else [builtin_source(), user_source()]
    documents = [path for source in given for kind, path in source.documents()
                 if kind != "unreadable"]
    if not documents and not any(kind == "unreadable" for source in given
                                 for kind, _path in source.documents()):
        where = ", ".join(display_path(p) for p in paths)
        sys.stderr.write(tr("Nothing to check: no .yaml content files found in {where}. "
                            "Give content files, or folders laid out like exercises/ "
                            "(stretches/, routines/).").format(where=where) + "\n")
        return 1
    # The user's own files may use the user's own stretches: validate them in that company.
    mine = [user_source()] if paths and any(_inside_user_folder(p) for p in paths) else []
    sources = [builtin_source(), *mine, *given] if paths else given
    found, _checked = check_sources(sources)  # keeps no stretches: 50,000 files fit
    shown = {display_path(p) for p in documents} | {
        display_path(source.root / sub) for source in given if source.root is not None
        for sub in ("stretches", "routines")}
    problems = sorted({p for p in found if p.path in shown})
    for problem in problems:
        _out(str(problem))
    if problems:
        _out(ntr("{n} problem found", "{n} problems found", len(problems)).format(
            n=len(problems)))
        return 1
    _out(ntr("OK: {files} file checked, no problems", "OK: {files} files checked, no problems",
             len(documents)).format(files=len(documents)))
    return 0


def cmd_pack_template(folder: Path | None) -> int:
    """A .po of a pack's own texts with their contexts, for ``<pack>/locale/<lang>.po``."""
    from guide.core.content.catalog import Source, builtin_source, read_catalog
    from guide.core.content.pack_locale import template
    from guide.core.store import paths

    folder = folder or paths.user_exercises()
    if not folder.is_dir():
        sys.stderr.write(tr("{path}: no such folder").format(path=folder) + "\n")
        return 2
    catalog = read_catalog([builtin_source(), Source(folder, folder.parent / "media")])
    _out(template(catalog, folder))
    return 0


def _inside_user_folder(path: Path) -> bool:
    from guide.core.store import paths

    try:
        return path.resolve().is_relative_to(paths.user_exercises().resolve())
    except OSError:
        return False


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


def _unknown_routine(catalog: "Catalog", routine_id: str) -> int:
    from guide.core.content.problems import did_you_mean

    hint = did_you_mean(routine_id, catalog.routines)
    sys.stderr.write(tr("unknown routine `{id}`{hint}").format(id=routine_id, hint=hint) + "\n")
    return 2


def cmd_sheet(routine_id: str, pdf: Path) -> int:
    from guide.cli.sheet import write_sheet

    catalog = _load()
    routine = catalog.routines.get(routine_id)
    if routine is None:
        return _unknown_routine(catalog, routine_id)
    return write_sheet(routine, catalog, pdf)


def cmd_plan(routine_id: str, as_json: bool) -> int:
    from guide.cli import listing
    from guide.core.routine.guidance import routine_sources
    from guide.core.routine.plan import build_plan

    catalog = _load()
    routine = catalog.routines.get(routine_id)
    if routine is None:
        return _unknown_routine(catalog, routine_id)
    plan = build_plan(routine, catalog.stretches)
    if as_json:
        import json

        data = plan.to_json(routine_sources(routine, catalog.stretches))
        _out(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _out(listing.plan_table(plan))
    return 0
