"""Read an application's accessibility tree from the AT-SPI bus, as a screen reader does.

Run with the SYSTEM Python (Debian's python3-pyatspi): ``/usr/bin/python3 atspi_reader.py APP``.
Prints one JSON object per accessible: role, name, description, text, value and maximum.
Exit 2 when the application is not (yet) on the bus.
"""

import json
import sys

import pyatspi  # type: ignore[import-not-found]


def _node(acc) -> dict:  # type: ignore[no-untyped-def]
    node = {"role": acc.getRoleName(), "name": acc.name or "",
            "description": acc.description or ""}
    try:
        text = acc.queryText()
        node["text"] = text.getText(0, text.characterCount)
    except NotImplementedError:
        pass
    try:
        value = acc.queryValue()
        node["value"] = value.currentValue
        node["maximum"] = value.maximumValue
    except NotImplementedError:
        pass
    return node


def _walk(acc, depth: int = 0):  # type: ignore[no-untyped-def]
    if acc is None or depth > 40:
        return
    try:
        if not acc.getState().contains(pyatspi.STATE_SHOWING):
            return
    except Exception:  # a widget may go away while we read
        return
    yield _node(acc)
    for n in range(acc.childCount):
        yield from _walk(acc.getChildAtIndex(n), depth + 1)


def main() -> int:
    wanted = sys.argv[1]
    desktop = pyatspi.Registry.getDesktop(0)
    for n in range(desktop.childCount):
        app = desktop.getChildAtIndex(n)
        if app is not None and app.name == wanted:
            for node in _walk(app):
                print(json.dumps(node))
            return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
