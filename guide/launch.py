"""The ``stretch-guide`` command (and ``python -m guide``): the command line of
:mod:`guide.cli`, with the garbage collector off from the first import when it opens the window.

Importing the command line (argparse, pathlib, typing), then Qt's bindings, then building the
window make tens of thousands of objects that live as long as the app. The collector rescanned
them 15 times before Qt was even imported, and about 40 times more before the first frame,
finding a few hundred objects of garbage. The window turns it on again once it has started
(:func:`guide.ui.shell.app.collect_from_now`); every other command runs with it as usual.
"""

import gc
import sys

# The arguments of a plain app launch (no subcommand): guide.cli reads them without a parser.
APP_FLAGS = ("--exit-after-startup", "--background")


def main() -> int:
    argv = sys.argv[1:]
    if all(arg in APP_FLAGS for arg in argv):
        gc.disable()
    from guide.cli import main as command_line

    return command_line(argv)
