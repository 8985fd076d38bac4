"""Widget tests never wait on a modal question nobody will answer."""

import pytest

from guide.ui.builder import unsaved
from guide.ui.builder.unsaved import Answer


@pytest.fixture(autouse=True)
def _discard_unsaved_routines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window at the end of a test drops a routine left unsaved (tests that are about
    the question answer it themselves, through ``builder.unsaved.ask``)."""
    monkeypatch.setattr(unsaved, "ask_unsaved", lambda _parent, _name: Answer.DISCARD)
