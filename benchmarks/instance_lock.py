"""What the single-instance lock adds to a launch: import, claim (lock, bind, listen), release.

Measured after the modules a launch has already imported by then (``guide.ui.shell.app``), so
the figure is what the lock adds. It runs before the QApplication on every normal launch
(``--exit-after-startup``, which the start-up benchmark uses, skips it). Target: the claim
under 10 ms.
Usage: python benchmarks/instance_lock.py [--runs N]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = """
import time
import guide.ui.shell.app  # what a launch has imported when it reaches the lock
t0 = time.perf_counter()
from guide.ui.shell import single_instance
t1 = time.perf_counter()
claim = single_instance.claim()
t2 = time.perf_counter()
assert claim.primary and claim.listener is not None
print(t1 - t0, t2 - t1)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    imports, claims = [], []
    with tempfile.TemporaryDirectory() as runtime:
        os.chmod(runtime, 0o700)
        env = {**os.environ, "XDG_RUNTIME_DIR": runtime}
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, "-c", PROBE], env=env, check=True,
                                 capture_output=True, text=True).stdout.split()
            imports.append(float(out[0]) * 1000)
            claims.append(float(out[1]) * 1000)
    total = [a + b for a, b in zip(imports, claims, strict=True)]
    print(f"import single_instance: median {statistics.median(imports):.2f} ms")
    print(f"claim (lock + listen) : median {statistics.median(claims):.2f} ms")
    print(f"together              : median {statistics.median(total):.2f} ms, "
          f"max {max(total):.2f} ms")
    print("(the launch imported the socket module before this change too, to forward a request)")
    ok = statistics.median(claims) < 10
    print(f"target: the claim under 10 ms -> {'ok' if ok else 'MISSED'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
