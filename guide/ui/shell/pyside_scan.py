"""Sparing PySide6 a scan of Python sources at start-up.

PySide6 reads the whole source of each module the first time it is imported, or imported again,
after PySide6 itself: it looks for the word "PySide6" to decide whether the module may use the
optional ``__feature__`` switches (snake_case names, true properties). On the way to the first
paint that means the app's own modules and large standard ones that were loaded before PySide6
(``typing``, ``argparse``, ``pathlib`` ...): 7–8 ms on these machines, more than anything else
the imports do. The app switches no feature on, so the answer makes no difference to it:
:func:`declare_modules` writes it down up front, "uses PySide6, nothing switched on" for the
app's modules and "ignore" for the rest, which is what the scan concludes for such modules. It
touches PySide6's private table only if it is there, as a dict; with another PySide6 the sources
are scanned as before.
"""

import os
import sys

import PySide6  # noqa: F401 - the table exists once PySide6 is loaded

import guide

# Standard modules the start-up imports after PySide6 (the others come earlier, see above).
LATER = ("copy", "dataclasses", "datetime", "fcntl", "hashlib", "json", "json.decoder",
         "json.encoder", "json.scanner", "queue", "resource", "string", "tempfile", "weakref")


def declare_modules() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in (*sys.modules, *LATER):
        if not name.startswith(("guide", "PySide6", "shiboken")):
            table.setdefault(name, -1)
    root = os.path.dirname(os.path.abspath(guide.__file__))
    for folder, dirs, files in os.walk(root):
        # Packages only: the shipped content and media next to the code are not modules.
        dirs[:] = [d for d in dirs if os.path.isfile(os.path.join(folder, d, "__init__.py"))]
        package = "guide" + folder[len(root):].replace(os.sep, ".")
        for name in files:
            if name.endswith(".py"):
                table.setdefault(package if name == "__init__.py" else f"{package}.{name[:-3]}",
                                 0)
