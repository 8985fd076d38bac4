"""What the translation layer costs at start-up: English against Spanish, paired runs.

Both start the app to its first paint (`--exit-after-startup`) with warm caches; the only
difference is the language, so the gap is what reading the catalogues, installing Qt's
translators and looking every string up costs. It also checks that Babel (a development tool)
is never imported on the way, and times the pieces in-process.
Targets: Spanish within 25 ms of English; Babel not imported.
Usage: python benchmarks/translations.py [--runs N]
"""

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile

from _measure import run
from startup import launcher

PIECES = """
import json, sys, time
t0 = time.perf_counter()
from guide.core import i18n
t1 = time.perf_counter()
i18n.set_language("es"); i18n.catalog(); i18n.catalog("content")
t2 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
t3 = time.perf_counter()
from guide.ui.common.translator import install_translations
install_translations(app, "es")
t4 = time.perf_counter()
from PySide6.QtCore import QCoreApplication
for _ in range(1000):
    QCoreApplication.translate("MainWindow", "Browse")
t5 = time.perf_counter()
print(json.dumps({"import i18n": t1 - t0, "read both .mo": t2 - t1,
                  "install Qt translators": t4 - t3, "1000 tr() calls": t5 - t4,
                  "babel imported": "babel" in sys.modules}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    import guide

    compileall.compile_dir(os.path.dirname(guide.__file__), quiet=1)
    with tempfile.TemporaryDirectory() as home:
        envs = {}
        for lang in ("en_US.UTF-8", "es_ES.UTF-8"):
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG=lang, LANGUAGE="",
                       LC_ALL="", XDG_CONFIG_HOME=f"{home}/{lang}/config",
                       XDG_DATA_HOME=f"{home}/{lang}/data", XDG_CACHE_HOME=f"{home}/{lang}/cache")
            os.makedirs(f"{home}/{lang}/config/stretch-guide")
            with open(f"{home}/{lang}/config/stretch-guide/settings.json", "w") as out:
                out.write('{"disclaimer_accepted": true}')
            envs[lang] = env
        app = [*launcher(), "--exit-after-startup"]
        for env in envs.values():
            run(app, env)  # fills the content cache for that language
        results: dict[str, list[float]] = {lang: [] for lang in envs}
        for _ in range(args.runs):
            for lang, env in envs.items():
                results[lang].append(run(app, env).painted)
        pieces = json.loads(subprocess.run(
            [sys.executable, "-c", PIECES], capture_output=True, text=True, check=True,
            env=envs["es_ES.UTF-8"]).stdout)
    english, spanish = (sorted(r)[len(r) // 2] for r in results.values())
    print(f"first paint, English : {english * 1000:6.1f} ms (median of {args.runs})")
    print(f"first paint, Spanish : {spanish * 1000:6.1f} ms ({(spanish - english) * 1000:+.1f} ms)")
    for name, value in pieces.items():
        print(f"  {name:24s}: {value if isinstance(value, bool) else f'{value * 1000:.1f} ms'}")
    ok = spanish - english < 0.025 and not pieces["babel imported"]
    print("target: Spanish within 25 ms of English, Babel not imported:", "met" if ok else "MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
