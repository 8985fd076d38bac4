"""Turn a parsed mapping into a typed struct, collecting every problem rather than the first.

msgspec stops at the first error, which is what the fast path wants. When that fails, this module
walks the struct's fields one by one so the user sees all mistakes in a file at once.
"""

import re
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

import msgspec

from guide.core.content.problems import did_you_mean
from guide.core.content.reading import PathPart
from guide.core.i18n import N_, tr

T = TypeVar("T", bound=msgspec.Struct)
Report = Callable[[list[PathPart], str, bool], None]


def convert(data: dict[str, Any], cls: type[T], report: Report) -> T | None:
    """``cls`` built from ``data``; on failure every problem goes to ``report`` and None returns."""
    try:
        return msgspec.convert(data, cls, strict=True)
    except msgspec.ValidationError as exc:
        before = _Counter(report)
        _check(data, cls, [], before)
        if not before.count:  # the walk found nothing: report msgspec's own words
            report([], _humane(str(exc)), False)
        return None


class _Counter:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.count = 0

    def __call__(self, where: list[PathPart], message: str, at_key: bool) -> None:
        self.count += 1
        self.report(where, message, at_key)


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _min_length(tp: Any) -> int:
    if typing.get_origin(tp) is typing.Annotated:
        for meta in typing.get_args(tp)[1:]:
            if isinstance(meta, msgspec.Meta) and meta.min_length:
                return meta.min_length
    return 0


def _is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


def _check(value: Any, tp: Any, where: list[PathPart], report: _Counter) -> None:
    base = _unwrap(tp)
    if _is_struct(base):
        _check_struct(value, base, where, report)
        return
    origin = typing.get_origin(base)
    if origin is list:
        (item_type,) = typing.get_args(base)
        if not isinstance(value, list):
            report(where, tr("must be a list (one `- item` per line)"), False)
            return
        if len(value) < _min_length(tp):
            report(where, tr("must have at least one entry"), False)
        for i, item in enumerate(value):
            _check(item, item_type, [*where, i], report)
        return
    try:
        msgspec.convert(value, tp, strict=True)
    except msgspec.ValidationError as exc:
        report(where, _value_message(value, base, str(exc)), False)


def _check_struct(value: Any, cls: type[msgspec.Struct], where: list[PathPart],
                  report: _Counter) -> None:
    if not isinstance(value, dict):
        report(where, tr("must be a mapping of `key: value` lines"), False)
        return
    fields = {f.encode_name: f for f in msgspec.structs.fields(cls)}
    for key, item in value.items():
        field = fields.get(key)
        if field is None:
            hint = did_you_mean(str(key), fields)
            report([*where, key], tr("unknown key{hint}").format(hint=hint), True)
            continue
        if item is None and field.required:
            report([*where, key], tr("needs a value"), False)
            continue
        _check(item, field.type, [*where, key], report)
    for name, field in fields.items():
        if field.required and name not in value:
            report(where, tr("missing required key `{name}`").format(name=name), False)


def _enum_of(tp: Any) -> type[Enum] | None:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    for arg in typing.get_args(tp):
        found = _enum_of(_unwrap(arg))
        if found:
            return found
    return None


def _value_message(value: Any, tp: Any, raw: str) -> str:
    enum = _enum_of(tp)
    if enum is not None and isinstance(value, str):
        allowed = [str(m.value) for m in enum]
        hint = did_you_mean(value, allowed, n=1)
        return tr("`{value}` is not one of: {allowed}{hint}").format(
            value=value, allowed=", ".join(allowed), hint=hint
        )
    return _humane(raw)


_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Expected `int` >= 1"), N_("must be a whole number, at least 1")),
    (re.compile(r"Expected `int` >= 0"), N_("must be a whole number, 0 or more")),
    (re.compile(r"Expected `int` <= (?P<limit>\d+)"), N_("must be at most {limit}")),
    (re.compile(r"Expected `str` of length >= 1"), N_("must not be empty")),
    (re.compile(r"Expected `str` of length <= (?P<limit>\d+)"),
     N_("is too long (at most {limit} characters)")),
    (re.compile(r"Expected `array` of length >= 1"), N_("must have at least one entry")),
    (re.compile(r"Expected `str` matching regex '\^https"), N_("must be a web address starting "
     "with https:// or http://")),
    (re.compile(r"Expected `str` matching regex '\^\[a-z0-9\]"), N_("must use only lower-case "
     "letters, digits, '-' and '_'")),
    (re.compile(r"Expected `str` matching regex '\^\[\^/"), N_("must be a relative path to an "
     ".svg or .png file inside the media folder")),
    (re.compile(r"Expected `int`, got `float`"), N_("must be a whole number of seconds")),
    (re.compile(r"Expected `(?P<expected>\w+)( \| null)?`, got `(?P<found>\w+)`"),
     N_("expected {expected}, got {found}")),
]

_NAMES = {"str": N_("text"), "int": N_("a whole number"), "bool": N_("true or false"),
          "array": N_("a list"), "object": N_("a mapping"), "null": N_("nothing"),
          "float": N_("a decimal number")}


def _humane(raw: str) -> str:
    message = raw.split(" - at `")[0]
    for pattern, text in _RULES:
        match = pattern.search(message)
        if match:
            values = {k: tr(_NAMES[v]) if v in _NAMES else v or ""
                      for k, v in match.groupdict().items()}
            return tr(text).format(**values)
    return message
