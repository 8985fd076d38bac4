"""Start-up to the first painted main window, against a bare PySide6 window in the same run.

Target: within 1.5x of the bare window's time, and under 80 MB peak RSS.
Usage: python benchmarks/startup.py [--runs N]
"""

import argparse
import os
import sys
import tempfile

from _measure import median_run

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1100, 720); w.show(); w.repaint(); app.processEvents()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        # A first run: empty config and data folders, so the disclaimer is up too.
        env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
        env["XDG_DATA_HOME"] = os.path.join(home, "data")
        bare_t, bare_mb = median_run([sys.executable, "-c", BARE], args.runs, env)
        app_t, app_mb = median_run([sys.executable, "-m", "guide", "--exit-after-startup"],
                                   args.runs, env)
    ratio = app_t / bare_t
    print(f"bare PySide6 window : {bare_t * 1000:7.1f} ms  peak {bare_mb:5.1f} MB")
    print(f"stretch-guide       : {app_t * 1000:7.1f} ms  peak {app_mb:5.1f} MB")
    print(f"ratio               : {ratio:.2f}x (target <= 1.5x); peak RSS target < 80 MB")
    sys.exit(0 if ratio <= 1.5 and app_mb < 80 else 1)


if __name__ == "__main__":
    main()
