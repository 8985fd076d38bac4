"""Helpers shared by the benchmark scripts: run a child process, time it, read its peak RSS."""

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence


def run(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run of ``cmd``."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)} exited with {code}")
    return elapsed, usage.ru_maxrss / 1024


def compare(commands: Sequence[Sequence[str]], runs: int, env: dict[str, str] | None = None
            ) -> list[tuple[float, float]]:
    """Median time and peak RSS of each command, runs interleaved so load affects all alike.

    One warm-up run of each comes first (it compiles bytecode and fills caches).
    """
    for cmd in commands:
        run(cmd, env)
    results: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            results[i].append(run(cmd, env))
    return [(statistics.median(r[0] for r in rs), max(r[1] for r in rs)) for rs in results]
