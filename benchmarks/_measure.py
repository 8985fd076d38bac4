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
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def median_run(cmd: Sequence[str], runs: int, env: dict[str, str] | None = None
               ) -> tuple[float, float]:
    results = [run(cmd, env) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results))
