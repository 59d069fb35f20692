"""gui_bench for an A/B pair of source trees: build a store, or measure a store built before,
with the tree's own bench/gui_bench.py (run from <tree>/bench with PYTHONPATH=<tree>/src).

    cd TREE/bench && PYTHONPATH=TREE/src python PATH/TO/gui_ab.py build HOME N
    cd TREE/bench && PYTHONPATH=TREE/src python PATH/TO/gui_ab.py measure HOME N RUNS

(an older tree has no gui_ab.py: run this file from the tree's bench folder, whose gui_bench.py
it imports first).

`measure`: RUNS cold starts and one full run (every row, scrolling, search as you type over
the same queries for every tree: TextMaker(seed=99), >= 200 keystrokes); prints one JSON line.
Run each tree's store with that tree's code (schemas may differ between trees).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, ".")  # the tree's own bench/ (cwd)
import gui_bench
from _common import TextMaker, percentile


def main() -> int:
    mode, home, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    if mode == "build":
        t = time.perf_counter()
        gui_bench.build(home, n, TextMaker(seed=7))
        print(f"built {n} in {time.perf_counter() - t:.1f} s", flush=True)
        return 0
    maker, queries = TextMaker(seed=99), list[str]()
    while sum(len(q) for q in queries) < 200:
        queries.append(" ".join(maker.sample(2)))
    colds: list[Any] = [gui_bench.child(home, "cold", n, []) for _ in range(int(sys.argv[4]))]
    full: Any = gui_bench.child(home, "full", n, queries)
    lat = [float(s) * 1000 for s in full["keystrokes"]]
    steps = [float(s) * 1000 for s in full["scroll_steps"]]
    out = {
        "cold": [round(float(c["start_to_usable"]), 3) for c in colds],
        "cold_median": statistics.median(float(c["start_to_usable"]) for c in colds),
        "imports_app": [round(float(c["imports_app"]), 3) for c in colds],
        "all_rows": full["all_rows_loaded"],
        "search_p50": percentile(lat, 50),
        "search_p95": percentile(lat, 95),
        "search_n": len(lat),
        "scroll_p95": percentile(steps, 95),
        "rss_peak_mb": full["rss_peak_mb"],
        "phases": full["phases"],
    }
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
