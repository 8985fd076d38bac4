"""Start-up to the first painted main window, against a bare PySide6 window in the same run.

Both programs write the time right after their first paint; the figure is that moment minus
the launch. Targets: within 1.5x of the bare window, and under 80 MB peak RSS.
Usage: python benchmarks/startup.py [--runs N]
"""

import argparse
import compileall
import os
import sys
import tempfile

from _measure import compare, run

BARE = """
import os, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1100, 720); w.show(); w.repaint(); app.processEvents()
with open(os.environ["STRETCH_GUIDE_PAINTED_AT"], "w") as out:
    out.write(repr(time.time()))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed app has its bytecode compiled; so does the benchmark, even where
    # PYTHONDONTWRITEBYTECODE is set.
    import guide

    compileall.compile_dir(os.path.dirname(guide.__file__), quiet=1)
    with tempfile.TemporaryDirectory() as home:
        # A first run: empty config and data folders, so the disclaimer is up too.
        env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
        env["XDG_DATA_HOME"] = os.path.join(home, "data")
        env["XDG_CACHE_HOME"] = os.path.join(home, "cache")
        app = [sys.executable, "-m", "guide", "--exit-after-startup"]
        cold = run(app, env)  # the very first start: no content cache yet
        bare, warm = compare([[sys.executable, "-c", BARE], app], args.runs, env)
    ratio = warm.painted / bare.painted
    print(f"bare PySide6 window : painted after {bare.painted * 1000:6.1f} ms "
          f"(exit {bare.total * 1000:6.1f} ms), peak {bare.peak_mb:5.1f} MB")
    print(f"stretch-guide       : painted after {warm.painted * 1000:6.1f} ms "
          f"(exit {warm.total * 1000:6.1f} ms), peak {warm.peak_mb:5.1f} MB")
    print(f"  very first start, before the content cache exists: painted after "
          f"{cold.painted * 1000:.1f} ms, peak {cold.peak_mb:.1f} MB")
    print(f"ratio               : {ratio:.2f}x (target <= 1.5x); "
          f"whole process {warm.total / bare.total:.2f}x; peak RSS target < 80 MB")
    sys.exit(0 if ratio <= 1.5 and warm.peak_mb < 80 else 1)


if __name__ == "__main__":
    main()
