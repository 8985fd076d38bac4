"""Validating many stretch files against plain libyaml parsing of the same files.

Target: loading and validating 10,000 stretch files within 1.5x of `yaml.load(CSafeLoader)`.
Usage: python benchmarks/load_content.py [--files N]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Source, builtin_source


def make_files(folder: Path, count: int) -> list[Path]:
    shipped = sorted((builtin_source().root or Path()).glob("stretches/*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in shipped]
    stretches = folder / "stretches"
    stretches.mkdir(parents=True)
    out = []
    for n in range(count):
        text = texts[n % len(texts)]
        ident = yaml.load(text, Loader=yaml.CSafeLoader)["id"]
        path = stretches / f"gen-{n:05d}.yaml"
        path.write_text(text.replace(f"id: {ident}", f"id: gen-{n:05d}", 1), encoding="utf-8")
        out.append(path)
    return out


def plain_parse(files: list[Path]) -> float:
    started = time.perf_counter()
    for path in files:
        with open(path, "rb") as handle:
            yaml.load(handle.read().decode("utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def validate(folder: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    catalog = load_catalog([builtin_source(), Source(folder, builtin_source().media)])
    return time.perf_counter() - started, len(catalog.stretches), len(catalog.problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_files(folder, args.files)
        os.sync()
        parse = min(plain_parse(files) for _ in range(args.repeat))
        runs = [validate(folder) for _ in range(args.repeat)]
    best = min(r[0] for r in runs)
    _, loaded, problems = runs[0]
    ratio = best / parse
    print(f"plain CSafeLoader parse of {args.files} files : {parse * 1000:8.1f} ms")
    print(f"stretch-guide load + validate             : {best * 1000:8.1f} ms "
          f"({loaded} stretches, {problems} problems)")
    print(f"ratio                                     : {ratio:.2f}x (target <= 1.5x)")
    sys.exit(0 if ratio <= 1.5 and problems == 0 else 1)


if __name__ == "__main__":
    main()
