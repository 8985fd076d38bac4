"""Library view with 50,000 stretches: time to open, to apply a muscle filter, per search keystroke.

Targets: the view opens in under 200 ms; a muscle filter or a keystroke updates the list in under
30 ms (measured until the proxy reflects the change and the window has repainted). Figures are
medians with min–max. The generated pack is read once (through the app's cache); ``--home DIR``
keeps it between runs.
Usage: python benchmarks/library_filter.py [--files N] [--repeat R] [--home DIR]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_content import make_files
from PySide6.QtWidgets import QApplication

from guide.core.content.cache import load_catalog

WORDS = "charley horse"
MUSCLES = ("gastrocnemius", "hamstrings", "quadriceps", "")


def ms(seconds: float) -> float:
    return seconds * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--home", type=Path, help="keep the generated pack and cache here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(home / "data")
        os.environ["XDG_CACHE_HOME"] = str(home / "cache")
        exercises = home / "data" / "stretch-guide" / "exercises"
        if not (exercises / "stretches").is_dir():
            make_files(exercises, args.files)
        catalog = load_catalog()  # the app's sources, through its cache
    from guide.ui.library.view import LibraryView

    opens: list[float] = []
    muscle: list[float] = []
    keys: list[float] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        view = LibraryView(catalog)
        view.resize(910, 720)
        view.show()
        app.processEvents()
        opens.append(time.perf_counter() - started)
        for muscle_id in MUSCLES:
            started = time.perf_counter()
            view.select_muscle(muscle_id)
            view.proxy.rowCount()
            app.processEvents()  # and the list repainted
            muscle.append(time.perf_counter() - started)
        for n in range(1, len(WORDS) + 1):
            started = time.perf_counter()
            view.search.setText(WORDS[:n])  # what one keystroke does: textChanged -> proxy
            view.proxy.rowCount()
            app.processEvents()  # and the list repainted
            keys.append(time.perf_counter() - started)
        view.close()
        view.deleteLater()
        app.processEvents()
    print(f"{len(catalog.stretches)} stretches, {args.repeat} runs")
    if os.environ.get("BENCH_VERBOSE"):
        print("muscle", [round(ms(t), 1) for t in muscle])
        print("keys", [round(ms(t), 1) for t in keys])
    rows = [("open library view", opens, 200), ("muscle filter", muscle, 30),
            (f"search keystroke ({WORDS!r})", keys, 30)]
    ok = True
    for name, times, target in rows:
        med = ms(statistics.median(times))
        ok = ok and med < target
        print(f"{name:32} median {med:6.1f} ms ({ms(min(times)):.1f}–{ms(max(times)):.1f})"
              f"   (target < {target} ms)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
