"""A problem found in a content file, reported as ``path:line:col: key: message``."""

from collections.abc import Iterable
from dataclasses import dataclass

from guide.core.i18n import tr


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    col: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """A ' (did you mean `x`?)' suffix when something close exists, else ''."""
    import difflib  # only needed when something is wrong

    matches = difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)
    if not matches:
        return ""
    listed = ", ".join(f"`{m}`" for m in matches)
    return tr(" (did you mean {listed}?)").format(listed=listed)
