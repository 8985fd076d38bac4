"""Safe, strict reading of one YAML content file.

Fast path: libyaml (``CSafeLoader``) with a constructor that also notices duplicate keys, which
PyYAML would otherwise silently accept. Only when something is wrong is the file composed a second
time to find the line and column a problem belongs to, so clean files cost about a plain parse.
"""

import errno
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guide.core.content.problems import Problem
from guide.core.i18n import tr
from guide.core.store.files import UnsafeFile, describe_error, display_path, read_user_file

MAX_BYTES = 1024 * 1024
PathPart = str | int


class _AliasUsed(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


class _Loader(yaml.CSafeLoader):
    """CSafeLoader that records duplicate keys instead of keeping the last value."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[Any, str]] = []

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                ) from None
            if key in mapping:
                self.duplicates.append((key_node.start_mark, str(key)))
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


# A date-like value is text here: no field holds a date, and "0000-00-00" is no date at all.
def _as_text(loader: _Loader, node: Any) -> Any:
    return loader.construct_yaml_str(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


class _NoAliasLoader(_Loader):
    """Used only when the text contains '*': refuses aliases, so alias bombs cannot expand."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise _AliasUsed(node.start_mark)
        return super().construct_object(node, deep=deep)



@dataclass
class Document:
    """A parsed file: its data (None when unreadable), its text and the problems found."""

    path: Path
    data: dict[str, Any] | None
    text: str = ""
    problems: list[Problem] = field(default_factory=list)
    _tree: Any = None

    def problem(self, where: Sequence[PathPart], message: str, *, at_key: bool = False) -> Problem:
        """A problem located at ``where`` (keys and list indexes from the document root)."""
        line, col = self.locate(where, at_key=at_key)
        return Problem(display_path(self.path), line, col, dotted(where), message)

    def locate(self, where: Sequence[PathPart], *, at_key: bool = False) -> tuple[int, int]:
        if self._tree is None:
            try:
                self._tree = yaml.compose(self.text, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                return (0, 0)
        node = self._tree
        mark = node.start_mark if node is not None else None
        for part in where:
            found = None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        found = (key_node, value_node)
            elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
                  and 0 <= part < len(node.value)):
                found = (node.value[part], node.value[part])
            if found is None:
                break
            node = found[1]
            mark = found[0].start_mark if at_key else found[1].start_mark
        if mark is None:
            return (0, 0)
        return (mark.line + 1, mark.column + 1)


def dotted(where: Sequence[PathPart]) -> str:
    out = ""
    for part in where:
        # Keys may be any YAML scalar (numbers, null, booleans): show them as text.
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_document(path: Path) -> Document:
    """Read and parse one file. Never raises for bad content; problems are on the document."""
    doc = Document(path, None)

    def fail(message: str, line: int = 0, col: int = 0) -> Document:
        doc.problems.append(Problem(display_path(path), line, col, "", message))
        return doc

    try:
        raw = read_user_file(path, MAX_BYTES)
    except UnsafeFile as exc:
        if exc.errno == errno.EFBIG:
            return fail(tr("file is larger than 1 MiB; split it up"))
        return fail(tr("cannot read the file: {error}").format(error=describe_error(exc)))
    except OSError as exc:
        return fail(tr("cannot read the file: {error}").format(error=describe_error(exc)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(tr("the file is not UTF-8 text (save it as UTF-8)"), line, col)
    doc.text = text
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return fail(tr("the file is empty"))
    loader_class = _NoAliasLoader if "*" in text else _Loader
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    except _AliasUsed as exc:
        return fail(
            tr("anchors and aliases (&name / *name) are not allowed: write the value out"),
            exc.mark.line + 1,
            exc.mark.column + 1,
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _yaml_message(exc)
        if mark is None:
            return fail(message)
        return fail(message, mark.line + 1, mark.column + 1)
    except yaml.YAMLError as exc:
        return fail(tr("not valid YAML: {error}").format(error=exc))
    except RecursionError:
        return fail(tr("the file is nested too deeply"))
    except (ValueError, OverflowError) as exc:  # a value YAML parsed but Python cannot hold
        return fail(tr("not valid YAML: {error}").format(error=exc))
    finally:
        loader.dispose()
    for mark, key in loader.duplicates:
        doc.problems.append(
            Problem(
                display_path(path),
                mark.line + 1,
                mark.column + 1,
                key,
                tr("duplicate key: `{key}` is already set above in the same mapping").format(
                    key=key
                ),
            )
        )
    if data is None:
        return fail(tr("the file is empty"))
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({data!r:.40})"
        return fail(
            tr("the file must be a mapping of keys such as `id: ...`, found {kind}").format(
                kind=kind
            ),
            1,
            1,
        )
    bad_keys = [k for k in data if not isinstance(k, str)]
    if bad_keys:
        doc.problems.append(doc.problem([], tr("keys must be text, found {key!r}").format(
            key=bad_keys[0])))
    doc.data = data
    return doc


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    if "maximum nesting depth" in problem:
        return tr("the file is nested too deeply (more than 1000 levels)")
    if "expected a single document" in (exc.context or "") + problem:
        return tr("the file holds more than one YAML document (remove the `---` separators)")
    if "could not determine a constructor" in problem:
        return tr("custom YAML tags such as `!!python/...` are not allowed")
    context = (exc.context or "").strip()
    detail = f"{context}: {problem}" if context and problem else (problem or context)
    return tr("not valid YAML: {detail}").format(detail=detail)
