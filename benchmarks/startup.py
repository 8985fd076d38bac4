"""Start-up as users take it, against a bare PySide6 window, in one interleaved run.

Three programs take turns (bare window, the app, the app with a large user pack), each started
fresh with warm caches, as a returning user (the first-run disclaimer already accepted):
- the bare window: QApplication + QMainWindow.show(), done at its first paint;
- ``stretch-guide --exit-after-startup`` (the installed command), which follows the real
  launch (first frame, then the deferred work: content, shortcuts, reminder) and exits once
  that work has run;
- the same with N generated stretches in the user's data folder (a temporary XDG_DATA_HOME).
Each reports the moment of its first paint (with its peak RSS then) and of being interactive
(the catalogue loaded). Figures: medians with min–max over paired runs.

Offscreen, and under Xvfb inside ``dbus-run-session`` (no orphaned bus daemons).
Targets: the app's first paint <= 1.3x the bare window's on each platform; peak RSS at first
paint < 70 MiB; with the pack, a warm start <= 1.5x one without and a first paint < 300 ms.
Usage: python benchmarks/startup.py [--runs N] [--pack N] [--platform offscreen|xcb|both]
"""

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import Run, interleave, ratios, spread
from load_content import make_files

BARE = """
import os, resource, sys, time
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class Window(QMainWindow):  # notices its first paint as the app's window does
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QCoreApplication.postEvent(self, QEvent(QEvent.Type(QEvent.registerEventType())))
    def customEvent(self, event):  # handled once the frame is flushed
        with open(os.environ["STRETCH_GUIDE_PAINTED_AT"], "w") as out:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            out.write(f"painted {time.time()!r} {peak}\\n")
        app.quit()
w = Window(); w.resize(1100, 720); w.show()
app.exec()
"""


def launcher() -> list[str]:
    """What a user runs: the installed ``stretch-guide`` command (``python -m guide`` adds
    runpy's imports, a few ms no user pays), else ``python -m guide`` from a checkout."""
    installed = Path(sys.executable).with_name("stretch-guide")
    return [str(installed)] if installed.is_file() else [sys.executable, "-m", "guide"]


def series(platform: str, runs: int, pack: int) -> dict[str, list[Run]]:
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    with tempfile.TemporaryDirectory() as home:
        def folders(name: str) -> dict[str, str]:
            return {**env, "XDG_CONFIG_HOME": f"{home}/{name}/config",
                    "XDG_DATA_HOME": f"{home}/{name}/data",
                    "XDG_CACHE_HOME": f"{home}/{name}/cache"}

        plain, packed = folders("plain"), folders("pack")
        for env_ in (plain, packed):  # a returning user: the first-run disclaimer was accepted
            settings = Path(env_["XDG_CONFIG_HOME"]) / "stretch-guide" / "settings.json"
            settings.parent.mkdir(parents=True)
            settings.write_text('{"disclaimer_accepted": true}\n', encoding="utf-8")
        if pack:
            make_files(Path(packed["XDG_DATA_HOME"]) / "stretch-guide" / "exercises", pack)
        app = [*launcher(), "--exit-after-startup"]
        commands = [([sys.executable, "-c", BARE], env), (app, plain)]
        if pack:
            commands.append((app, packed))
        results = interleave(commands, runs)
    names = ["bare window", "stretch-guide", f"with {pack} stretches"]
    return dict(zip(names, results, strict=False))


def report(platform: str, results: dict[str, list[Run]], pack: int) -> bool:
    print(f"\n{platform}: {len(next(iter(results.values())))} paired runs, medians (min–max)")
    print(f"{'':24} {'first paint':>24} {'interactive':>24} {'peak RSS at paint':>24}")
    for name, rs in results.items():
        print(f"{name:24} {spread([r.painted for r in rs]):>24} "
              f"{spread([r.interactive for r in rs]):>24} "
              f"{spread([r.painted_mb for r in rs], 1, 'MiB', 1):>24}")
    bare, app = results["bare window"], results["stretch-guide"]
    paint_ratio = ratios([r.painted for r in app], [r.painted for r in bare])
    rss = statistics.median(r.painted_mb for r in app)
    print(f"first paint, app / bare window      : {spread(paint_ratio, 1, 'x', 2)} "
          "(target <= 1.3x)")
    print(f"peak RSS at first paint             : {rss:.1f} MiB (target < 70 MiB)")
    ok = statistics.median(paint_ratio) <= 1.3 and rss < 70
    if pack:
        big = results[f"with {pack} stretches"]
        paint_big = ratios([r.painted for r in big], [r.painted for r in app])
        ready_big = ratios([r.interactive for r in big], [r.interactive for r in app])
        first = statistics.median(r.painted for r in big)
        print(f"with the pack / without, first paint: {spread(paint_big, 1, 'x', 2)} "
              f"(target <= 1.5x; first paint {first * 1000:.0f} ms, target < 300 ms)")
        print(f"with the pack / without, interactive: {spread(ready_big, 1, 'x', 2)}")
        ok = ok and statistics.median(paint_big) <= 1.5 and first < 0.3
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--pack", type=int, default=50_000, help="user stretches (0: none)")
    parser.add_argument("--platform", choices=["offscreen", "xcb", "both"], default="both")
    args = parser.parse_args()
    # An installed app has its bytecode compiled; so does the benchmark, even where
    # PYTHONDONTWRITEBYTECODE is set.
    import guide

    compileall.compile_dir(os.path.dirname(guide.__file__), quiet=1)
    ok = True
    if args.platform in ("offscreen", "both"):
        ok = report("offscreen", series("offscreen", args.runs, args.pack), args.pack)
    if args.platform in ("xcb", "both"):
        if os.environ.get("DISPLAY") and os.environ.get("STRETCH_GUIDE_BENCH_XVFB"):
            ok = report("Xvfb", series("xcb", args.runs, args.pack), args.pack) and ok
        elif not (shutil.which("xvfb-run") and shutil.which("dbus-run-session")):
            sys.exit("Xvfb figures need xvfb-run and dbus-run-session (Debian xvfb, dbus)")
        else:
            # One X server and one session bus for the whole series, both gone afterwards.
            cmd = ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                   sys.executable, __file__, "--runs", str(args.runs), "--pack", str(args.pack),
                   "--platform", "xcb"]
            env = {**os.environ, "STRETCH_GUIDE_BENCH_XVFB": "1"}
            ok = subprocess.run(cmd, env=env, check=False).returncode == 0 and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
