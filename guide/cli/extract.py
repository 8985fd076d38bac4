"""Extraction of every translatable message, for ``stretch-guide i18n extract``.

Code: ``self.tr("...")`` (context: the enclosing class, as Qt records it),
``QCoreApplication.translate("Context", "...")``, the core's ``tr("...", context)``,
``ntr(singular, plural, n)`` and ``N_("...")``, with ``# Translators:`` comments. Content: every
translatable field of the built-in YAML (``guide.core.content.localize``). Babel writes the
templates and merges them into each language; it is a development tool, never imported by the
app itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from guide.core.store import shipped

QT_TRANSLATE = {"QCoreApplication", "QApplication", "QGuiApplication"}


@dataclass
class Message:
    context: str
    msgid: str
    plural: str | None
    location: str
    comments: list[str] = field(default_factory=list)


class ExtractError(Exception):
    pass


def checkout() -> Path:
    """The repository the code runs from: extraction reads its sources and its YAML."""
    root = shipped.package_dir().parent
    if not (root / "pyproject.toml").is_file():
        raise ExtractError(f"{root}: extraction runs from a checkout of the repository")
    return root


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _comments(lines: list[str], lineno: int) -> list[str]:
    found: list[str] = []
    i = lineno - 2
    while i >= 0 and lines[i].strip().startswith("#"):
        found.insert(0, lines[i].strip().lstrip("#").strip())
        i -= 1
    text = " ".join(found)
    marker = text.find("Translators:")
    return [text[marker + len("Translators:"):].strip()] if marker >= 0 else []


def _calls(tree: ast.AST) -> Iterator[tuple[ast.Call, str | None]]:
    """Every call with the name of its innermost enclosing class (None at module level)."""
    def walk(node: ast.AST, cls: str | None) -> Iterator[tuple[ast.Call, str | None]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                yield child, cls
            yield from walk(child, inner)
    yield from walk(tree, None)


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module functions such as ``def _tr(text): return QCoreApplication.translate("Ctx",
    text)``: their calls are extracted under that context."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = node.body[-1]
        call = body.value if isinstance(body, ast.Return) else None
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and \
                call.func.attr == "translate" and len(call.args) == 2 and \
                isinstance(call.args[1], ast.Name) and \
                call.args[1].id == node.args.args[0].arg:
            context = _literal(call.args[0])
            if context is not None:
                found[node.name] = context
    return found


def code_messages(root: Path) -> list[Message]:
    out: list[Message] = []
    errors: list[str] = []
    for path in sorted((root / "guide").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        wrappers = _wrappers(tree)
        for call, cls in _calls(tree):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            owner = func.value if isinstance(func, ast.Attribute) else None
            args = call.args
            kw = {k.arg: k.value for k in call.keywords}
            where = f"{rel}:{call.lineno}"
            context: str | None
            msgid: str | None
            plural: str | None = None
            if owner is None and name in wrappers:
                context, msgid = wrappers[name], _literal(args[0]) if args else None
            elif name == "translate" and len(args) == 2 and isinstance(args[1], ast.Name) and \
                    any(w for w in wrappers):
                continue  # the wrapper's own body
            elif name == "tr" and owner is not None and not (
                    isinstance(owner, ast.Name) and owner.id == "i18n"):
                if cls is None:
                    errors.append(f"{where}: .tr() outside a class has no Qt context")
                    continue
                context, msgid = cls, _literal(args[0]) if args else None
            elif name == "translate" and (owner is None or (isinstance(owner, ast.Name)
                                          and owner.id in QT_TRANSLATE)):
                context = _literal(args[0]) if args else None
                msgid = _literal(args[1]) if len(args) > 1 else None
            elif name == "tr":
                msgid = _literal(args[0]) if args else None
                context = _literal(args[1]) if len(args) > 1 else _literal(kw.get("context"))
                if len(args) < 2 and "context" not in kw:
                    context = ""
            elif name == "ntr":
                msgid = _literal(args[0]) if args else None
                plural = _literal(args[1]) if len(args) > 1 else None
                context = _literal(args[3]) if len(args) > 3 else _literal(kw.get("context"))
                if len(args) < 4 and "context" not in kw:
                    context = ""
                if plural is None:
                    msgid = None
            elif name == "N_":
                msgid, context = (_literal(args[0]) if args else None), ""
            else:
                continue
            if msgid is None and name in ("tr", "ntr") and owner is None and args and \
                    not isinstance(args[0], ast.Constant):
                continue  # a message marked with N_() where it is defined, translated here
            if msgid is None or context is None:
                errors.append(f"{where}: {name}() needs literal strings to be translatable")
                continue
            if rel == "guide/cli/argparse_text.py":
                context = "argparse"
            out.append(Message(context, msgid, plural, rel, _comments(lines, call.lineno)))
    if errors:
        raise ExtractError("\n".join(errors))
    return out


def content_messages() -> list[Message]:
    from guide.core.content.catalog import builtin_source, read_catalog
    from guide.core.content.localize import catalog_entries
    from guide.core.content.pictures import COMMENT, picture_entries

    source = builtin_source()
    catalog = read_catalog([source])
    if catalog.problems:
        raise ExtractError("\n".join(str(p) for p in catalog.problems))
    root = checkout()
    out = []
    for (context, text, comment), file in catalog_entries(catalog):
        location = file.relative_to(root).as_posix() if file and file.is_relative_to(root) \
            else str(file)
        out.append(Message(context, text, None, location, [comment] if comment else []))
    for context, text, file in picture_entries(source.media):
        out.append(Message(context, text, None, file.relative_to(root).as_posix(), [COMMENT]))
    return out


def template(domain: str, messages: list[Message]) -> object:
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="stretch-guide", msgid_bugs_address="", fuzzy=False,
                      header_comment=f"# Stretch Guide: {domain} template. "
                                     "Regenerate with `stretch-guide i18n extract`.")
    for m in messages:
        msgid: str | tuple[str, str] = (m.msgid, m.plural) if m.plural else m.msgid
        flags = ["python-brace-format"] if "{" in m.msgid else []
        existing = catalog.get(m.msgid, m.context or None)
        if existing is not None:
            existing.locations.append((m.location, 0))
            existing.auto_comments.extend(c for c in m.comments
                                          if c not in existing.auto_comments)
            continue
        catalog.add(msgid, "", locations=[(m.location, 0)], flags=flags,
                    auto_comments=m.comments, context=m.context or None)
    return catalog
