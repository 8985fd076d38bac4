"""Start-up to the first painted main window, against a bare PySide6 window in the same run.

Target: within 1.5x of the bare window's time, and under 80 MB peak RSS.
Usage: python benchmarks/startup.py [--runs N]
"""

import argparse
import compileall
import os
import sys
import tempfile

from _measure import compare, run

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1100, 720); w.show(); w.repaint(); app.processEvents()
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
        app = [sys.executable, "-m", "guide", "--exit-after-startup"]
        env["XDG_CACHE_HOME"] = os.path.join(home, "cache")
        cold_t, cold_mb = run(app, env)  # the very first start: no content cache yet
        (bare_t, bare_mb), (app_t, app_mb) = compare(
            [[sys.executable, "-c", BARE], app], args.runs, env)
    ratio = app_t / bare_t
    print(f"bare PySide6 window : {bare_t * 1000:7.1f} ms  peak {bare_mb:5.1f} MB")
    print(f"stretch-guide       : {app_t * 1000:7.1f} ms  peak {app_mb:5.1f} MB")
    print(f"  (very first start, before the content cache exists: {cold_t * 1000:.1f} ms, "
          f"peak {cold_mb:.1f} MB)")
    print(f"ratio               : {ratio:.2f}x (target <= 1.5x); peak RSS target < 80 MB")
    sys.exit(0 if ratio <= 1.5 and app_mb < 80 else 1)


if __name__ == "__main__":
    main()
