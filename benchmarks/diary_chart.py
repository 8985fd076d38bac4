"""History's cramp diary with a year of entries: time to build the chart page and paint it once.

Target: the diary page (read the diary and the sessions from sqlite, work out the weeks, fill the
QtCharts chart and the entries table) built and grabbed once in under 100 ms, median of the runs.
Also printed, without a target: importing QtCharts (once), the first run, and opening the whole
History page as the window does (the sessions tab too, refreshed twice), diary tab showing.
Usage: python benchmarks/diary_chart.py [--repeat R]
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from guide.core.routine.session import Summary
from guide.core.store.diary import Diary, make_entry
from guide.core.store.history import History

TARGET_MS = 100
NOW = dt.datetime(2026, 11, 29, 8, 0)


def ms(seconds: float) -> float:
    return seconds * 1000


def a_year(path: Path) -> Diary:
    """365 nights logged; the bedtime routine on most of the last 150 (about 130 sessions)."""
    rng = random.Random(14)
    history = History(path)
    store = Diary(history)
    for n in range(1, 366):
        night = NOW.date() - dt.timedelta(days=n)
        if n <= 150 and rng.random() < 0.85:
            when = dt.datetime.combine(night, dt.time(22, 30)).timestamp()
            history.record(Summary("bedtime", "Bedtime", "bedtime", when, 300.0, 12, True,
                                   None, None))
        cramps = rng.choice([0, 1, 2, 3])
        store.log(make_entry(night=night, cramps=cramps,
                             severity=rng.randint(2, 9) if cramps else 0,
                             places=["calf"] if cramps else [],
                             note="woke at 3" if cramps > 2 else "", now=NOW))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = a_year(Path(tmp) / "history.sqlite3")
        started = time.perf_counter()
        from guide.ui.diary.panel import DiaryPanel
        from guide.ui.shell.history import HistoryPage

        imported = time.perf_counter() - started
        runs: list[float] = []
        pages: list[float] = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            panel = DiaryPanel(store, now=lambda: NOW)
            panel.refresh()
            panel.resize(1000, 640)
            image = panel.grab()
            runs.append(time.perf_counter() - started)
            if image.isNull() or len(panel.chart.cramp_nights) != 53:
                sys.exit("the chart was not drawn")
            panel.deleteLater()
            started = time.perf_counter()
            page = HistoryPage(store.history, today=NOW.date, now=lambda: NOW)
            page.refresh()  # the window refreshes the page it shows
            page.show_diary()
            page.resize(1000, 760)
            page.grab()
            pages.append(time.perf_counter() - started)
            page.deleteLater()
            app.processEvents()
        count = len(store.entries())
    med = ms(statistics.median(runs))
    print(f"{count} entries, {args.repeat} runs")
    print(f"import QtCharts and the History page  {ms(imported):7.1f} ms (once)")
    print(f"diary page, first run                  {ms(runs[0]):7.1f} ms")
    print(f"whole History page, diary tab          median {ms(statistics.median(pages)):7.1f} ms"
          f"   max {ms(max(pages)):7.1f} ms")
    print(f"diary page: build + first grab         median {med:7.1f} ms   "
          f"max {ms(max(runs)):7.1f} ms   (target: median < {TARGET_MS} ms)")
    sys.exit(0 if med < TARGET_MS else 1)


if __name__ == "__main__":
    main()
