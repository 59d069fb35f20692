"""The desktop app at scale, offscreen: cold start with N notes until the main window is usable,
search-as-you-type latency, scrolling the full notes list, and peak memory.

    .venv/bin/python bench/gui_bench.py [--n 100000] [--runs 3] [--keystrokes 200] [--live 20]

--live N adds live edits (bench/live_edit.py): N notes saved in one app window, each timed
until a connected member's window shows it (two app instances in one offscreen process, TLS on
127.0.0.1); --live N --n 0 measures only that.

"Usable" = the window is shown and the first rows of the notes list are painted. Each cold
start is a fresh process (median of --runs). Search latency is measured per keystroke as the
app does it (views.search on the store thread, answer back on the GUI thread).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import PASSPHRASE, TextMaker, make_coop, parser, percentile, temp_home

CHILD = r"""
import os, sys, time, json
t0 = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from coopshare.gui.app import application, start_node
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
home = Path(sys.argv[1]); mode = sys.argv[2]
def mem():  # (VmRSS, VmHWM) in MB
    f = {l.split(":")[0]: int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("Vm")}
    return [round(f["VmRSS"]), round(f["VmHWM"])]
phases = {}
app = application()
prefs = Prefs(home); prefs.set("mdns", False); prefs.set("last_page", "notes")
t_app = time.perf_counter(); phases["imports+app"] = mem()
bridge = start_node(home, sys.argv[3], prefs)
t_node = time.perf_counter(); phases["unlock+open+node"] = mem()
w = MainWindow(bridge, prefs, home); w.resize(1200, 760); w.show()
while w.notes.model.rowCount() == 0:
    app.processEvents(); time.sleep(0.001)
w.notes.table.viewport().repaint(); app.processEvents()
t_usable = time.perf_counter(); phases["first rows"] = mem()
out = {"start_to_usable": t_usable - t0 + float(sys.argv[4]), "imports_app": t_app - t0,
       "unlock_open_node": t_node - t_app, "window_first_rows": t_usable - t_node}
if mode == "full":
    while w.notes.model.rowCount() < int(sys.argv[5]):
        app.processEvents(); time.sleep(0.001)
    out["all_rows_loaded"] = time.perf_counter() - t0; phases["all rows"] = mem()
    bar = w.notes.table.verticalScrollBar(); steps = []
    for v in range(0, bar.maximum() + 1, max(1, bar.maximum() // 400)):
        s = time.perf_counter(); bar.setValue(v); w.notes.table.viewport().repaint(); app.processEvents()
        steps.append(time.perf_counter() - s)
    out["scroll_steps"] = steps; phases["scrolled"] = mem()
    t = time.perf_counter(); bridge.db(lambda a: a.search("zzzz")).result(600)
    out["index_build"] = time.perf_counter() - t; phases["index built"] = mem()
    lat = []
    for q in json.loads(sys.argv[6]):
        for i in range(1, len(q) + 1):
            s = time.perf_counter(); bridge.db(lambda a, p=q[:i]: a.search(p)).result(60)
            app.processEvents(); lat.append(time.perf_counter() - s)
    out["keystrokes"] = lat; phases["searched"] = mem()
    out["phases"] = phases
    out["rss_peak_mb"] = int([l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]) / 1024
bridge.stop()
print(json.dumps(out), flush=True)
os._exit(0)  # skip interpreter teardown: nothing left to clean up
"""


def build(home: Path, n: int, maker: TextMaker) -> None:
    coop = make_coop(home)
    for start in range(0, n, 5000):
        with coop.transaction():
            for _ in range(min(5000, n - start)):
                coop.add_note(maker.title(), maker.body(), maker.sample(2))
    coop.store.close()


def child(home: Path, mode: str, n: int, queries: list[str]) -> dict[str, object]:
    interp = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    spawn = time.perf_counter() - interp  # interpreter start-up, added to the child's own clock
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(home),
            mode,
            PASSPHRASE,
            f"{spawn:.4f}",
            str(n),
            json.dumps(queries),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-2000:])
    return dict(json.loads(r.stdout.strip().splitlines()[-1]))


def live(edits: int) -> None:
    """Live edits, in a fresh process (bench/live_edit.py)."""
    here = Path(__file__).resolve().parent
    r = subprocess.run(
        [sys.executable, str(here / "live_edit.py"), "--edits", str(edits), "--json"],
        capture_output=True,
        text=True,
        cwd=here,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-2000:])
    out = json.loads(r.stdout.strip().splitlines()[-1])
    print(
        f"live edits, saved in one window until shown in a connected member's window, "
        f"{out['edits']} edits: p50 {out['p50_ms']:.0f} ms, p95 {out['p95_ms']:.0f} ms, "
        f"max {out['max_ms']:.0f} ms; from the last keystroke (autosave included): "
        f"p50 {out['typed_p50_ms']:.0f} ms, p95 {out['typed_p95_ms']:.0f} ms",
        flush=True,
    )


def main() -> int:
    ap = parser(__doc__, 100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keystrokes", type=int, default=200)
    ap.add_argument("--live", type=int, default=0, help="live edits to time (0: none)")
    args = ap.parse_args()
    if args.live:
        live(args.live)
        if not args.n:
            return 0
    maker = TextMaker(seed=7)
    with temp_home("coopshare-guibench-") as root:
        home = root / "home"
        t = time.perf_counter()
        build(home, args.n, maker)
        print(f"built {args.n:,} notes in {time.perf_counter() - t:.1f} s", flush=True)
        colds = [child(home, "cold", args.n, []) for _ in range(args.runs)]
        queries: list[str] = []
        while sum(len(q) for q in queries) < args.keystrokes:
            queries.append(" ".join(maker.sample(2)))
        full = child(home, "full", args.n, queries)
    key = "start_to_usable"
    med = statistics.median(float(c[key]) for c in colds)  # type: ignore[arg-type]
    print(f"\nGUI with {args.n:,} notes (offscreen, 2 cores)")
    print(
        f"  cold start to usable window, median of {args.runs}: {med:.2f} s "
        f"(runs: {', '.join(f'{float(c[key]):.2f}' for c in colds)})"
    )  # type: ignore[arg-type]
    c0 = colds[len(colds) // 2]
    print(
        f"    imports+app {float(c0['imports_app']):.2f} s, unlock+open+node {float(c0['unlock_open_node']):.2f} s,"  # type: ignore[arg-type]
        f" window+first rows {float(c0['window_first_rows']):.2f} s"
    )  # type: ignore[arg-type]
    print(
        f"  all {args.n:,} rows in the list after {float(full['all_rows_loaded']):.2f} s (paged, in the background)"
    )  # type: ignore[arg-type]
    steps = [s * 1000 for s in full["scroll_steps"]]  # type: ignore[union-attr]
    print(
        f"  scrolling: {len(steps)} steps over the whole list, p50 {percentile(steps, 50):.1f} ms, "
        f"p95 {percentile(steps, 95):.1f} ms, max {max(steps):.1f} ms"
    )
    print(f"  search index build (first search): {float(full['index_build']):.2f} s")  # type: ignore[arg-type]
    lat = [s * 1000 for s in full["keystrokes"]]  # type: ignore[union-attr]
    print(
        f"  search as you type, {len(lat)} keystrokes: p50 {percentile(lat, 50):.1f} ms, "
        f"p95 {percentile(lat, 95):.1f} ms, max {max(lat):.1f} ms"
    )
    print(f"  peak RSS of the app process: {float(full['rss_peak_mb']):.0f} MB")  # type: ignore[arg-type]
    phases = full["phases"]
    assert isinstance(phases, dict)
    print(
        "    RSS / peak so far (MB) after: "
        + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in phases.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
