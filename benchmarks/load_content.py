"""`stretch-guide validate` of many stretch files against plain libyaml parsing of the same files.

Both run as fresh processes, interleaved (paired runs), so load on the machine affects both:
- bare parse: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of each file, one after the other;
- ``python -m guide validate FOLDER``: every check, one problem per line, the count at the end.
Figures: wall time and peak RSS, medians with min–max.
Targets: with 10,000 files the time within 1.3x of the bare parse; with 50,000 files the peak
memory at most 3x the bare parse's (run with ``--files 50000``).
Usage: python benchmarks/load_content.py [--files N] [--runs R]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from guide.core.content.catalog import builtin_source

BARE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1], "stretches").glob("*.yaml")):
    with open(path, "rb") as handle:
        yaml.load(handle.read().decode("utf-8"), Loader=yaml.CSafeLoader)
"""


def make_files(folder: Path, count: int) -> list[Path]:
    """``count`` stretch files in ``folder``/stretches, copies of the shipped ones with new ids."""
    shipped = sorted((builtin_source().root or Path()).glob("stretches/*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in shipped]
    ids = [yaml.load(text, Loader=yaml.CSafeLoader)["id"] for text in texts]
    stretches = folder / "stretches"
    stretches.mkdir(parents=True)
    out = []
    for n in range(count):
        text, ident = texts[n % len(texts)], ids[n % len(texts)]
        path = stretches / f"gen-{n:05d}.yaml"
        path.write_text(text.replace(f"id: {ident}", f"id: gen-{n:05d}", 1), encoding="utf-8")
        out.append(path)
    return out


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MiB and the last line printed."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, _status, usage = os.wait4(proc.pid, 0)
    lines = out.strip().splitlines()
    return time.perf_counter() - started, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def spread(values: list[float], unit: str, digits: int = 0) -> str:
    return (f"{statistics.median(values):.{max(digits, 1)}f} "
            f"({min(values):.{digits}f}–{max(values):.{digits}f}) {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_files(folder, args.files)
        os.sync()
        bare = [sys.executable, "-c", BARE, str(folder)]
        app = [sys.executable, "-m", "guide", "validate", str(folder)]
        timed(bare), timed(app)  # warm-up: page cache, bytecode
        runs: list[tuple[tuple[float, float, str], tuple[float, float, str]]] = []
        for _ in range(args.runs):
            runs.append((timed(bare), timed(app)))
    last = runs[-1][1][2]
    ratio = [a[0] / b[0] for b, a in runs]
    memory = [a[1] / b[1] for b, a in runs]
    print(f"{args.files} files, {args.runs} paired runs, medians (min–max)")
    print(f"bare CSafeLoader parse : {spread([b[0] for b, _ in runs], 's', 2):>24}   "
          f"peak {spread([b[1] for b, _ in runs], 'MiB', 1)}")
    print(f"stretch-guide validate : {spread([a[0] for _, a in runs], 's', 2):>24}   "
          f"peak {spread([a[1] for _, a in runs], 'MiB', 1)}")
    print(f"  says: {last}")
    print(f"time, validate / parse   : {spread(ratio, 'x', 2)} (target <= 1.3x at 10,000 files)")
    print(f"memory, validate / parse : {spread(memory, 'x', 2)} (target <= 3x at 50,000 files)")
    ok = "no problems" in last and statistics.median(memory) <= 3
    if args.files <= 10_000:
        ok = ok and statistics.median(ratio) <= 1.3
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
