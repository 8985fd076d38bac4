"""Soak: the app's writer is killed (SIGKILL) mid-write again and again; nothing acknowledged
is lost, nothing is set aside as damaged, and killed saves leave no pile of temporary files."""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from guide.core.store import settings
from guide.core.store.history import History

ROOT = Path(__file__).resolve().parents[3]
KILLS = 40

# Writes sessions and settings in turn as fast as it can and acknowledges each one on stdout
# once the call has returned: from then on the user has been told it is kept.
_WRITER = textwrap.dedent("""
    import datetime as dt, sys
    from guide.core.routine.session import Summary
    from guide.core.store import settings
    from guide.core.store.history import History
    round_, = sys.argv[1:]
    history = History()
    for n in range(100000):
        started = dt.datetime(2026, 3, 1 + n % 28, 21, 30).timestamp()
        uid = history.record(Summary("r", "R", "custom", started, 60.0, 6, True, None, None))
        print("H", uid, flush=True)
        loaded = settings.load()
        if loaded.message:
            print("M", loaded.message, flush=True)
        loaded.settings.voice_name = f"{round_}-{n}"
        settings.save(loaded.settings)
        print("S", f"{round_}-{n}", flush=True)
""")


def test_killed_writers_lose_nothing_acknowledged(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(11)
    acked_sessions: set[str] = set()
    last_setting = ""  # the default
    for round_ in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(round_)], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        wanted = rng.randint(1, 12)  # acknowledgements to let through before the kill
        saves = 0
        for _ in range(wanted):
            kind, value = proc.stdout.readline().rstrip("\n").split(" ", 1)
            assert kind != "M", value  # a settings file found damaged after a kill
            if kind == "H":
                acked_sessions.add(value)
            else:
                last_setting, saves = value, saves + 1
        proc.send_signal(signal.SIGKILL)  # mid-way through the next write, most likely
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL

        loaded = settings.load()
        assert loaded.message is None, loaded.message
        # The last acknowledged value, or the one being saved when the kill came.
        assert loaded.settings.voice_name in (last_setting, f"{round_}-{saves}")

    history = History()
    stored = {r.uid for r in history.sessions()}
    assert acked_sessions <= stored, f"lost {len(acked_sessions - stored)} sessions"
    assert history.take_messages() == []
    config = settings.settings_path().parent
    assert not [p for p in config.iterdir() if ".corrupt-" in p.name]
    data = history.path.parent
    assert not [p for p in data.iterdir() if ".corrupt-" in p.name]
    json.loads(settings.settings_path().read_text())
    # Temporary files of killed saves: the next save (a while later) removes every one.
    for temp in config.glob(".settings.json.*"):
        os.utime(temp, (1e9, 1e9))
    settings.save(settings.load().settings)
    assert sorted(p.name for p in config.iterdir()) == ["settings.json"]
