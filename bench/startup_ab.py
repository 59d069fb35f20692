"""Start-up of `coopshare --version` and `status` for two source trees, alternating (in the
style of hyperfine): wall time from spawn to exit and the child's user+sys CPU (os.wait4), RUNS
rounds; and the number of modules `python -X importtime` lists for each.

    .venv/bin/python bench/startup_ab.py RUNS HOME NAME=SRC NAME=SRC

HOME is an initialised data folder with a cooperative; the passphrase is taken from
COOPSHARE_PASSPHRASE. Each tree runs with this interpreter and PYTHONPATH=SRC.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

COMMANDS = {"--version": ["--version"], "status": ["status"]}


def _env(src: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return {**keep, "PYTHONPATH": src}


def _once(src: str, args: list[str]) -> tuple[float, float]:
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "coopshare", *args],
        env=_env(src),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise RuntimeError(f"{src}: coopshare {' '.join(args)} failed ({status})")
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime


def _modules(src: str, args: list[str]) -> int:
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "coopshare", *args],
        env=_env(src),
        capture_output=True,
        text=True,
        check=True,
    )
    lines = r.stderr.splitlines()
    return sum(1 for x in lines if x.startswith("import time:") and "cumulative" not in x)


def main() -> int:
    runs, home = int(sys.argv[1]), sys.argv[2]
    trees = dict(a.split("=", 1) for a in sys.argv[3:])
    argv = {c: (a if c == "--version" else ["--home", home, *a]) for c, a in COMMANDS.items()}
    wall: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in COMMANDS}
    cpu: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in COMMANDS}
    for i in range(runs):
        for tree, src in trees.items():
            for c in COMMANDS:
                w, u = _once(src, argv[c])
                wall[tree, c].append(w)
                cpu[tree, c].append(u)
        print(f"round {i + 1}/{runs}, load {os.getloadavg()[0]:.1f}", flush=True)
    out = {
        f"{t} {c}": {
            "wall_median": round(statistics.median(wall[t, c]), 3),
            "cpu_median": round(statistics.median(cpu[t, c]), 3),
            "wall_min": round(min(wall[t, c]), 3),
            "cpu_min": round(min(cpu[t, c]), 3),
            "modules": _modules(src, argv[c]),
        }
        for t, src in trees.items()
        for c in COMMANDS
    }
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
