"""Helpers shared by the benchmark scripts: run a child process, time it, read its peak RSS."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Run:
    painted: float  # seconds from launch to the first painted window (the child reports it)
    total: float  # seconds from launch to exit
    peak_mb: float


def run(cmd: Sequence[str], env: dict[str, str] | None = None) -> Run:
    env = dict(os.environ if env is None else env)
    with tempfile.NamedTemporaryFile("r", suffix=".painted") as stamp:
        env["STRETCH_GUIDE_PAINTED_AT"] = stamp.name
        started = time.time()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        total = time.time() - started
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            sys.exit(f"{' '.join(cmd)} exited with {code}")
        text = stamp.read().strip()
    painted = float(text) - started if text else total
    return Run(painted, total, usage.ru_maxrss / 1024)


def compare(commands: Sequence[Sequence[str]], runs: int, env: dict[str, str] | None = None
            ) -> list[Run]:
    """Median figures of each command, runs interleaved so load affects all alike.

    One warm-up run of each comes first (it compiles bytecode and fills caches).
    """
    for cmd in commands:
        run(cmd, env)
    results: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            results[i].append(run(cmd, env))
    return [Run(statistics.median(r.painted for r in rs), statistics.median(r.total for r in rs),
                max(r.peak_mb for r in rs)) for rs in results]
