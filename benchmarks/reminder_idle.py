"""CPU used by the app while it waits for the bedtime reminder (it should wake once a minute).

Starts `stretch-guide --background` offscreen with the reminder set for later today, lets it
settle, then reads its CPU time and wake-ups over the measuring window from /proc (Linux).
Usage: python benchmarks/reminder_idle.py [--seconds 120]
"""

import argparse
import contextlib
import datetime as dt
import os
import subprocess
import sys
import tempfile


def cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def wakeups(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("voluntary_ctxt_switches:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--settle", type=float, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data",
               "XDG_CACHE_HOME": f"{home}/cache", "XDG_RUNTIME_DIR": home}
        later = (dt.datetime.now() + dt.timedelta(hours=3)).strftime("%H:%M")
        cli = [sys.executable, "-m", "guide"]
        subprocess.run([*cli, "reminder", "set", later], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        app = subprocess.Popen([*cli, "--background"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        try:
            with contextlib.suppress(subprocess.TimeoutExpired):
                app.wait(timeout=args.settle)  # start-up work is not what we measure
            if app.poll() is not None:
                sys.exit(f"the app exited early ({app.returncode})")
            ticks, wakes = cpu_ticks(app.pid), wakeups(app.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                app.wait(timeout=args.seconds)
            ticks, wakes = cpu_ticks(app.pid) - ticks, wakeups(app.pid) - wakes
        finally:
            app.terminate()
            app.wait(timeout=30)
    hz = os.sysconf("SC_CLK_TCK")
    print(f"waiting {args.seconds:.0f} s: CPU {ticks / hz * 1000:.0f} ms "
          f"({ticks} ticks of {1000 / hz:.0f} ms), {wakes} wake-ups "
          f"(target: no measurable CPU, about one wake-up a minute)")
    sys.exit(0 if ticks <= 1 else 1)


if __name__ == "__main__":
    main()
