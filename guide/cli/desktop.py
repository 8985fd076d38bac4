"""``stretch-guide desktop install|uninstall``: the menu entry and icons for this installation."""

import sys
from pathlib import Path

from guide.core.i18n import tr
from guide.core.store import desktop_files, launcher


def run_desktop(action: str) -> int:
    written: list[Path] = []
    try:
        if action == "install":
            written, removed = desktop_files.install()
        else:
            removed = desktop_files.uninstall()
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        sys.stderr.write(tr("cannot change the menu entry: {where}{error}").format(
            where=where, error=exc.strerror or exc) + "\n")
        return 1
    for path in written:
        sys.stdout.write(tr("wrote {path}").format(path=path) + "\n")
    for path in removed:
        sys.stdout.write(tr("removed {path}").format(path=path) + "\n")
    if action == "install":
        sys.stdout.write(tr("Stretch Guide is in your applications menu; it runs {command}").format(
            command=launcher.exec_value(launcher.command())) + "\n")
    elif not removed:
        sys.stdout.write(tr("No menu entry to remove.") + "\n")
    return 0
