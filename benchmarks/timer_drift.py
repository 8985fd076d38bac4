"""Play a real routine in real time with the real PlayerView and QTimer; report drift and CPU.

    python benchmarks/timer_drift.py [--seconds 60]

Prints how late the routine ended compared with its planned length (the goal: within 50 ms over
60 s), how often the timer woke and the countdown repainted (about once a second: it shows whole
seconds), how much of the countdown each repaint covered, and the process CPU time over the run
as a share of one core (at most 0.3 %). Exits 1 when a goal is missed. Runs offscreen; needs no
audio device.

Side by side with the routine, a bare 1 Hz countdown (a QLabel and a QTimer, nothing else) runs
in a process of its own for as long, and its CPU share is printed too: it is the floor any
once-a-second display pays on this machine at this moment (wake-ups, event loop, one small
repaint), and it moves with the machine's load and clock speed as the player's figure does.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STRETCH_GUIDE_TTS_ENGINE", "mock")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QPaintEvent
from PySide6.QtWidgets import QApplication

from guide.core.content.catalog import Catalog
from guide.core.content.model import (
    MuscleGroups,
    Position,
    Routine,
    RoutineItem,
    RoutineKind,
    Source,
    Step,
    Stretch,
)
from guide.core.routine.plan import Plan, build_plan
from guide.core.routine.session import Session
from guide.core.store.settings import Settings
from guide.ui.common import qt_env
from guide.ui.player.cues import Cues
from guide.ui.player.view import PlayerView

WARM_UP = 10.0  # seconds; the first cues load QtMultimedia and the speech engine

# The reference: a label showing the seconds left, changed once a second by a precise timer.
BARE_COUNTDOWN = """
import sys, time
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel(); font = QFont("DejaVu Sans"); font.setPixelSize(120); label.setFont(font)
label.setAlignment(Qt.AlignmentFlag.AlignCenter); label.resize(1000, 700); label.show()
seconds, warm_up = int(sys.argv[1]), float(sys.argv[2])
left, steady = [seconds], []
def tick():
    left[0] -= 1
    label.setText(str(left[0]))
    if not steady and seconds - left[0] >= warm_up:
        steady.append((time.monotonic(), time.process_time()))
    if left[0] <= 0:
        app.quit()
timer = QTimer(); timer.setTimerType(Qt.TimerType.PreciseTimer)
timer.timeout.connect(tick); timer.start(1000); label.setText(str(seconds))
app.exec()
wall, cpu = time.monotonic() - steady[0][0], time.process_time() - steady[0][1]
print(f"{cpu!r} {wall!r}")
"""


def routine_of(seconds: int) -> Plan:
    """A per-side stretch whose plan lasts ``seconds``: prepare, holds, rests and a switch."""
    stretch = Stretch(
        id="calf", name="Calf stretch", summary="s", muscles=MuscleGroups(primary=["calf"]),
        position=[Position.STANDING], steps=[Step(text="Lean on the wall.")],
        sources=[Source(title="t", publisher="p", url="https://example.org/")],
        per_side=True, side_label="leg", hold=max(1, (seconds - 20) // 4), reps=2, rest=5,
    )
    fixed = 5 + 5 + 5 + 5  # prepare, switch, two rests
    hold = max(1, (seconds - fixed) // 4)
    prepare = max(1, seconds - 4 * hold - 15)
    routine = Routine(id="bench", name="Benchmark", kind=RoutineKind.CUSTOM, description="d",
                      prepare=prepare, switch=5,
                      items=[RoutineItem(stretch="calf", hold=hold, rest=5)])
    return build_plan(routine, {"calf": stretch})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the routine")
    args = parser.parse_args()

    qt_env.prepare()  # as the app does
    app = QApplication(sys.argv[:1])
    app.setFont(QFont("DejaVu Sans", 10))
    plan = routine_of(args.seconds)
    session = Session(plan)
    catalog = Catalog(stretches={"calf": Stretch(
        id="calf", name="Calf stretch", summary="s", muscles=MuscleGroups(primary=["calf"]),
        position=[Position.STANDING], steps=[Step(text="s")],
        sources=[Source(title="t", publisher="p", url="https://example.org/")])})
    view = PlayerView(session, catalog, Cues(Settings()), autostart=False)
    view.resize(1000, 700)
    view.show()
    app.processEvents()

    countdown = view.countdown
    painted: list[float] = []  # share of the countdown's area each repaint covered

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if isinstance(event, QPaintEvent):
                area = countdown.width() * countdown.height()
                # The region repainted, not the box around it: a second repaints the
                # digits that changed and the stretch of ring the arc grew by.
                painted.append(sum(r.width() * r.height() for r in event.region()) / area)
            return False

    paints = Paints()
    countdown.installEventFilter(paints)
    ticks = 0
    texts: list[float] = []
    last_text = [""]

    steady: list[tuple[float, float]] = []  # (wall, CPU) once the first segments are over

    def on_tick() -> None:
        nonlocal ticks
        ticks += 1
        if not steady and time.monotonic() - started >= WARM_UP:
            steady.append((time.monotonic(), time.process_time()))
        if countdown.text != last_text[0]:
            last_text[0] = countdown.text
            texts.append(time.monotonic() - started)

    view.timer.timeout.connect(on_tick)
    ended: list[float] = []
    view.finished.connect(lambda _summary: (ended.append(time.monotonic()), app.quit()))

    reference = subprocess.Popen(  # side by side, for as long (see the module's docstring)
        [sys.executable, "-c", BARE_COUNTDOWN, str(round(plan.total_seconds)), str(WARM_UP)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    cpu0 = time.process_time()
    started = time.monotonic()
    session.start()
    view._sync()
    app.exec()
    wall = time.monotonic() - started
    cpu = time.process_time() - cpu0
    steady_wall = time.monotonic() - steady[0][0] if steady else wall
    steady_cpu = time.process_time() - steady[0][1] if steady else cpu

    if not ended:
        print("the routine did not finish", file=sys.stderr)
        return 1
    drift_ms = (ended[0] - started - plan.total_seconds) * 1000
    # How late each whole-second change of the countdown was shown, after the second itself.
    late = [(t - round(t)) * 1000 for t in texts[1:]]
    print(f"routine: {plan.total_seconds} s planned, {wall:.3f} s wall")
    print(f"end drift: {drift_ms:+.1f} ms (goal: within 50 ms)")
    print(f"timer ticks: {ticks} ({ticks / wall:.2f} per second; goal: about 1)")
    print(f"countdown repaints: {len(painted)} ({len(painted) / wall:.2f} per second), median "
          f"{100 * statistics.median(painted):.0f} % of its area")
    if late:
        print(f"countdown digit changes: {len(texts)}, shown {min(late):.1f} to {max(late):.1f} "
              f"ms after the second")
    share = 100 * steady_cpu / steady_wall
    print(f"CPU, whole run: {cpu:.3f} s = {100 * cpu / wall:.2f} % of one core (it includes "
          f"loading the sound and speech modules at the first cue)")
    print(f"CPU after the first {WARM_UP:.0f} s: {steady_cpu:.3f} s over {steady_wall:.1f} s = "
          f"{share:.2f} % of one core (goal: at most 0.3 %)")
    out, _ = reference.communicate()
    try:
        ref_cpu, ref_wall = (float(value) for value in out.split())
    except ValueError:
        print("the bare 1 Hz countdown gave no figure", file=sys.stderr)
    else:
        ref_share = 100 * ref_cpu / ref_wall
        print(f"bare 1 Hz countdown alongside, after its first {WARM_UP:.0f} s: {ref_cpu:.3f} s "
              f"over {ref_wall:.1f} s = {ref_share:.2f} % of one core (the player: "
              f"{share / ref_share:.1f}x)")
    ok = abs(drift_ms) <= 50 and ticks / wall <= 1.2 and len(painted) / wall <= 1.5 \
        and share <= 0.3
    # Tear down in order (widgets before the application): letting Python drop the locals in
    # any order at exit once crashed PySide during finalization.
    view.close()
    view.deleteLater()
    app.processEvents()
    del view, session
    app.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
