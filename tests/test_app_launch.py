"""The real launch path, as a user starts the app: the event loop runs, a second start hands
over to the first, and nothing prints a traceback."""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide.ui.shell.single_instance import forward, socket_path


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def wait_for_socket(proc: subprocess.Popen[str], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    path = socket_path()
    assert path is not None
    while not path.exists():
        if proc.poll() is not None:
            _out, err = proc.communicate()
            pytest.fail(f"the app exited early ({proc.returncode}): {err[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail("the app did not start listening")
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.05)  # a short wait that also notices the app exiting


def test_the_app_runs_and_a_second_start_hands_over(app_env: dict[str, str]) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "guide"], env=app_env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for_socket(proc)
        second = subprocess.run([sys.executable, "-m", "guide", "start", "cramp-calf"],
                                env=app_env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert proc.poll() is None  # the first copy is still running
        assert forward({"action": "show"})
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err


def test_background_with_nothing_to_do_says_so(app_env: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-m", "guide", "--background"], env=app_env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "reminder is off" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_starts_at_once_leave_exactly_one_running(app_env: dict[str, str]) -> None:
    """A double-click on the launcher: both start within milliseconds, one hands over."""
    for _trial in range(3):
        procs = [subprocess.Popen([sys.executable, "-m", "guide"], env=app_env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(2)]
        try:
            deadline = time.monotonic() + 60
            while all(p.poll() is None for p in procs) and time.monotonic() < deadline:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    procs[0].wait(timeout=0.05)
            codes = [p.poll() for p in procs]
            assert codes.count(None) == 1, codes  # one runs on, the other has exited
            assert 0 in codes
            assert forward({"action": "show"})
        finally:
            errors = []
            for p in procs:
                p.terminate()
                errors.append(p.communicate(timeout=30)[1])
        assert not any("Traceback" in e for e in errors)
