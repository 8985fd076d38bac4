"""Translations carried by a user's own pack: ``exercises/locale/<lang>.po`` next to its YAML.

The same gettext format and contexts as the built-in content catalogue, read directly (no
compile step for a pack author) and checked by ``stretch-guide validate``: each context must
name a text that exists (a list index within the list), placeholders must match the English,
and every problem says ``file:line``.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide.core.content.problems import Problem
from guide.core.i18n import tr

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog
    from guide.core.content.localize import Lookup

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass
class PoEntry:
    line: int
    context: str = ""
    msgid: str = ""
    msgstr: str = ""
    fuzzy: bool = False


def read_po(path: Path) -> tuple[list[PoEntry], list[Problem]]:
    """The entries of a .po file (header skipped) and any syntax problems, with line numbers."""
    entries: list[PoEntry] = []
    problems: list[Problem] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(str(path), 0, 0, "", tr("cannot read the file: {error}").format(
            error=exc))]
    current = PoEntry(0)
    fuzzy = False
    key = ""

    def finish() -> None:
        nonlocal current
        if current.line and current.msgid:
            entries.append(current)
        current = PoEntry(0)

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#,"):
            fuzzy = "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word in ("msgctxt", "msgid", "msgstr", "msgid_plural") or word.startswith("msgstr["):
            if word == "msgctxt" or (word == "msgid" and key != "msgctxt"):
                finish()
                current.line = number
                current.fuzzy = fuzzy
                fuzzy = False
            key = word
            line = rest.strip()
        if not (line.startswith('"') and line.endswith('"')):
            problems.append(Problem(str(path), number, 1, "", tr(
                "not a line of a .po file: {line}").format(line=raw[:60])))
            continue
        try:
            value = ast.literal_eval(line)
        except (ValueError, SyntaxError):
            problems.append(Problem(str(path), number, 1, "", tr("broken string")))
            continue
        if key == "msgctxt":
            current.context += value
        elif key == "msgid":
            current.msgid += value
        elif key == "msgstr" or key == "msgstr[0]":
            current.msgstr += value
    finish()
    return entries, problems


def template(catalog: "Catalog", only: Path) -> str:
    """A .po template of the texts that files under ``only`` define, ready to translate."""
    from guide.core.content.localize import catalog_entries

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    out = ['msgid ""', 'msgstr ""', quote("Content-Type: text/plain; charset=UTF-8\n"), ""]
    seen: set[tuple[str, str]] = set()
    for (context, text, comment), file in catalog_entries(catalog):
        if file is None or not file.resolve().is_relative_to(only.resolve()):
            continue
        if (context, text) in seen:
            continue
        seen.add((context, text))
        if comment:
            out.append(f"#. {comment}")
        out += [f"#: {file.name}", f"msgctxt {quote(context)}", f"msgid {quote(text)}",
                'msgstr ""', ""]
    return "\n".join(out)


def pack_lookup(entries: list[PoEntry]) -> "Lookup":
    table = {(e.context, e.msgid): e.msgstr for e in entries if e.msgstr and not e.fuzzy}

    def lookup(context: str, text: str) -> str | None:
        return table.get((context, text))

    return lookup


def check_pack_locale(path: Path, catalog: "Catalog") -> list[Problem]:
    """Problems in a pack's translation file, against the catalogue it translates."""
    from guide.core.content.localize import catalog_entries

    entries, problems = read_po(path)
    known: dict[str, set[str]] = {}
    for (context, text, _comment), _file in catalog_entries(catalog):
        known.setdefault(context, set()).add(text)
    for e in entries:
        texts = known.get(e.context)
        if texts is None:
            problems.append(Problem(str(path), e.line, 1, e.context, tr(
                "no such text to translate (check the id, the field and the list index)")))
            continue
        if e.msgid not in texts:
            problems.append(Problem(str(path), e.line, 1, e.context, tr(
                "the English text has changed; update the msgid and the translation")))
            continue
        if e.msgstr and sorted(_PLACEHOLDER.findall(e.msgid)) != sorted(
                _PLACEHOLDER.findall(e.msgstr)):
            problems.append(Problem(str(path), e.line, 1, e.context, tr(
                "the translation must keep the placeholders {names}").format(
                    names=", ".join(_PLACEHOLDER.findall(e.msgid)) or "-")))
    return problems
