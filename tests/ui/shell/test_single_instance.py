"""A second start hands its request to the running app instead of running twice."""

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from guide.ui.shell import instance_server, single_instance
from guide.ui.shell.single_instance import Claim, claim, forward, make_server, socket_path


@pytest.fixture(autouse=True)
def _runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))


@pytest.fixture
def running() -> Iterator[Claim]:
    first = claim()
    yield first
    first.release()


def test_no_running_app_means_forward_fails() -> None:
    assert forward({"action": "show"}, wait=0) is False


def test_only_the_first_claim_runs(running: Claim) -> None:
    assert running.primary and running.listener is not None
    second = claim()
    assert not second.primary
    running.release()
    third = claim()  # the lock goes with the process (here: with its descriptor)
    try:
        assert third.primary
    finally:
        third.release()


def test_request_reaches_the_running_app(qtbot: QtBot, running: Claim) -> None:
    server = make_server(running)
    assert server is not None
    with qtbot.waitSignal(server.request, timeout=5000) as blocker:
        assert forward({"action": "start", "routine": "cramp-calf"})
    assert blocker.args == [{"action": "start", "routine": "cramp-calf"}]
    server.close()


def test_a_request_sent_during_start_up_waits_for_the_server(qtbot: QtBot,
                                                             running: Claim) -> None:
    assert forward({"action": "show"})  # before the window is up: queued by the kernel
    server = make_server(running)
    assert server is not None
    with qtbot.waitSignal(server.request, timeout=5000) as blocker:
        pass
    assert blocker.args == [{"action": "show"}]


def test_a_socket_left_by_a_crash_is_replaced(qtbot: QtBot) -> None:
    path = socket_path()
    assert path is not None
    path.parent.mkdir(mode=0o700, exist_ok=True)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()  # the file stays, nobody listens
    assert forward({"action": "show"}, wait=0) is False
    fresh = claim()
    try:
        server = make_server(fresh)
        assert server is not None
        with qtbot.waitSignal(server.request, timeout=5000):
            assert forward({"action": "show"})
    finally:
        fresh.release()


def test_a_slow_writer_neither_freezes_the_window_nor_blocks_others(
        qtbot: QtBot, running: Claim) -> None:
    server = make_server(running)
    assert server is not None
    path = socket_path()
    slow = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    slow.connect(str(path))
    slow.sendall(b'{"action": "sh')  # and then nothing, for a long time
    ticked = []
    QTimer.singleShot(20, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked), timeout=500)  # the event loop keeps turning
    with qtbot.waitSignal(server.request, timeout=800) as blocker:
        assert forward({"action": "start", "routine": "bedtime"})
    assert blocker.args == [{"action": "start", "routine": "bedtime"}]
    slow.close()
    server.close()


def test_requests_from_another_user_are_not_heard(qtbot: QtBot, running: Claim,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    server = make_server(running)
    assert server is not None
    monkeypatch.setattr(instance_server, "peer_uid", lambda _sock: os.getuid() + 1)
    with qtbot.assertNotEmitted(server.request, wait=300):
        assert forward({"action": "start", "routine": "bedtime"})
    server.close()


def test_a_server_of_another_user_gets_no_request(running: Claim,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(single_instance, "peer_uid", lambda _sock: os.getuid() + 1)
    assert forward({"action": "show"}, wait=0) is False


def test_a_planted_fallback_folder_is_not_trusted(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """With no XDG_RUNTIME_DIR the folder is in /tmp, where another user may have made it."""
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    shared_tmp = tmp_path / "tmp"
    shared_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(shared_tmp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    planted = shared_tmp / f"stretch-guide-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)  # as if made by someone else: anybody can put a socket there
    trap = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    trap.bind(str(planted / "instance.sock"))
    trap.listen(4)
    trap.setblocking(False)
    try:
        assert forward({"action": "show"}, wait=0) is False
        with pytest.raises(BlockingIOError):
            trap.accept()  # nothing was sent to it
        started = claim()
        assert started.primary  # the launch is not swallowed: this copy runs
        assert started.listener is not None
        folder = Path(started.listener.getsockname()).parent
        assert folder == tmp_path / "cache" / "stretch-guide" / "run"  # private, in the home
        started.release()
    finally:
        trap.close()
