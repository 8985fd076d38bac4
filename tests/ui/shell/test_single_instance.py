"""A second start hands its request to the running app instead of running twice."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide.ui.shell.single_instance import InstanceServer, forward, socket_path


@pytest.fixture(autouse=True)
def _runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))


def test_no_running_app_means_forward_fails() -> None:
    assert forward({"action": "show"}) is False


def test_request_reaches_the_running_app(qtbot: QtBot) -> None:
    server = InstanceServer()
    try:
        with qtbot.waitSignal(server.request, timeout=5000) as blocker:
            assert forward({"action": "start", "routine": "cramp-calf"})
        assert blocker.args == [{"action": "start", "routine": "cramp-calf"}]
    finally:
        server.close()
    assert not socket_path().exists()


def test_a_stale_socket_from_a_crash_is_replaced(qtbot: QtBot) -> None:
    socket_path().write_text("")  # left behind, nobody listening
    assert forward({"action": "show"}) is False
    server = InstanceServer()
    try:
        with qtbot.waitSignal(server.request, timeout=5000):
            assert forward({"action": "show"})
    finally:
        server.close()
