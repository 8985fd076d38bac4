"""Helpers shared by the benchmark scripts: run a child process, time it, read its peak RSS."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass
class Run:
    painted: float  # seconds from launch to the first painted frame (the child reports it)
    interactive: float  # seconds from launch to the end of the deferred start-up work
    total: float  # seconds from launch to exit
    painted_mb: float  # peak RSS at the first paint (the child reports it)
    peak_mb: float  # peak RSS over the whole run


def run(cmd: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``cmd``; it writes "painted TIME PEAK_KIB" and "interactive TIME" lines to the file
    named by STRETCH_GUIDE_PAINTED_AT (as ``stretch-guide --exit-after-startup`` does)."""
    env = dict(os.environ if env is None else env)
    with tempfile.NamedTemporaryFile("r", suffix=".painted") as stamp:
        env["STRETCH_GUIDE_PAINTED_AT"] = stamp.name
        started = time.time()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        total = time.time() - started
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} exited with {proc.returncode}:\n{err[-2000:]}")
        moments = {}
        for line in stamp.read().splitlines():
            name, *values = line.split()
            moments[name] = [float(v) for v in values]
    peak = usage.ru_maxrss / 1024
    painted = moments.get("painted", [started + total, usage.ru_maxrss])
    interactive = moments.get("interactive", painted)
    return Run(painted[0] - started, interactive[0] - started, total, painted[1] / 1024, peak)


def interleave(commands: Sequence[tuple[Sequence[str], dict[str, str]]], runs: int,
               between: Callable[[], None] | None = None) -> list[list[Run]]:
    """Every command ``runs`` times, in turn (A B C A B C ...), so load affects all alike.

    One warm-up run of each comes first (it compiles bytecode and fills caches).
    """
    for cmd, env in commands:
        run(cmd, env)
    results: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for i, (cmd, env) in enumerate(commands):
            results[i].append(run(cmd, env))
            if between:
                between()
    return results


def spread(values: Sequence[float], scale: float = 1000, unit: str = "ms", digits: int = 0
           ) -> str:
    """'median (min–max) unit'."""
    med, low, high = (statistics.median(values) * scale, min(values) * scale,
                      max(values) * scale)
    return f"{med:.{max(digits, 1)}f} ({low:.{digits}f}–{high:.{digits}f}) {unit}"


def ratios(a: Sequence[float], b: Sequence[float]) -> list[float]:
    """Per-pair ratios a[i] / b[i] of two interleaved series."""
    return [x / y for x, y in zip(a, b, strict=True)]

