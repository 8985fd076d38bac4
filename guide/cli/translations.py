"""``stretch-guide i18n extract|compile|status``: the translator's workflow.

``extract`` regenerates ``guide/translations/{messages,content}.pot`` from the code and the
built-in YAML and merges them into every ``<lang>/*.po`` (a changed English text becomes
fuzzy, a removed one obsolete); ``compile`` writes the ``.mo`` files the app reads (fuzzy
entries left out, so they show in English); ``status`` counts and lists what is left to do.
Needs Babel (``pip install -e '.[dev]'``); the app itself never imports it.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from guide.core.i18n import TRANSLATIONS

DOMAINS = ("messages", "content")
_FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def languages(folder: Path = TRANSLATIONS) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("_"))


def _render_po(catalog: Any, template: bool) -> str:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, omit_header=False,
             ignore_obsolete=False, include_previous=not template, sort_output=False)
    text = out.getvalue().decode("utf-8")
    # The creation date changes on every run; keep it out so an unchanged template is unchanged.
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:')))


def templates(root: Path | None = None) -> dict[str, str]:
    """The current templates, rendered: {domain: text of the .pot}."""
    from guide.cli.extract import checkout, code_messages, content_messages, template

    root = root or checkout()
    return {"messages": _render_po(template("messages", code_messages(root)), True),
            "content": _render_po(template("content", content_messages()), True)}


def _read(path: Path, locale: str | None = None) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as fp:
        return read_po(fp, locale=locale)


def merge(po_path: Path, pot_path: Path, lang: str) -> str:
    """The language's .po brought up to date with the template (msgmerge's work)."""
    from babel.messages.catalog import Catalog

    template = _read(pot_path)
    if po_path.is_file():
        catalog = _read(po_path, lang)
    else:
        catalog = Catalog(locale=lang, project="stretch-guide", fuzzy=False)
    catalog.update(template, update_header_comment=True)
    return _render_po(catalog, False)


def compiled(po_path: Path, lang: str) -> bytes:
    from babel.messages.mofile import write_mo

    catalog = _read(po_path, lang)
    # Dates Babel would fill in with "now": fixed, so compiling twice gives the same bytes.
    catalog.creation_date = catalog.revision_date = _FIXED_DATE
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def extract(folder: Path = TRANSLATIONS) -> list[Path]:
    """Write the templates, merge them into every language and compile; the files changed."""
    changed = []
    for domain, text in templates().items():
        pot = folder / f"{domain}.pot"
        changed += _write(pot, text)
        for lang in languages(folder):
            changed += _write(folder / lang / f"{domain}.po", merge(
                folder / lang / f"{domain}.po", pot, lang))
    return changed + compile_all(folder)


def compile_all(folder: Path = TRANSLATIONS) -> list[Path]:
    changed = []
    for lang in languages(folder):
        for domain in DOMAINS:
            po = folder / lang / f"{domain}.po"
            if po.is_file():
                changed += _write(po.with_suffix(".mo"), compiled(po, lang))
    return changed


def _write(path: Path, data: str | bytes) -> list[Path]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == raw:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return [path]


@dataclass
class Status:
    lang: str
    domain: str
    total: int
    untranslated: list[str]
    fuzzy: list[str]

    def __str__(self) -> str:
        return (f"{self.lang}/{self.domain}.po: {self.total} messages, "
                f"{len(self.untranslated)} untranslated, {len(self.fuzzy)} fuzzy")


def status(folder: Path = TRANSLATIONS) -> list[Status]:
    out = []
    for lang in languages(folder):
        for domain in DOMAINS:
            po = folder / lang / f"{domain}.po"
            if not po.is_file():
                continue
            catalog = _read(po, lang)
            untranslated, fuzzy, total = [], [], 0
            for message in catalog:
                if not message.id:
                    continue
                total += 1
                name = f"[{message.context}] {message.id!r}" if message.context else repr(
                    message.id)
                strings = message.string if isinstance(message.string, tuple) else (
                    message.string,)
                if message.fuzzy:
                    fuzzy.append(name)
                elif not all(strings):
                    untranslated.append(name)
            out.append(Status(lang, domain, total, untranslated, fuzzy))
    return out


def run(action: str, verbose: bool) -> int:
    try:
        import babel  # noqa: F401
    except ImportError:
        sys.stderr.write("`stretch-guide i18n` needs Babel: pip install -e '.[dev]'\n")
        return 2
    from guide.cli.extract import ExtractError

    try:
        if action == "extract":
            changed = extract()
        elif action == "compile":
            changed = compile_all()
        else:
            todo = 0
            for st in status():
                sys.stdout.write(f"{st}\n")
                todo += len(st.untranslated) + len(st.fuzzy)
                if verbose:
                    for name in st.untranslated:
                        sys.stdout.write(f"  untranslated: {name}\n")
                    for name in st.fuzzy:
                        sys.stdout.write(f"  fuzzy: {name}\n")
            return 1 if todo else 0
    except ExtractError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    for path in changed:
        sys.stdout.write(f"wrote {path}\n")
    return 0
