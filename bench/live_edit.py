"""Live edits between two desktops: a note saved in one app window shows in a connected
member's window. Two app instances (each its own bridge, network thread and node) in one
offscreen Qt process, joined in one cooperative, syncing over TLS on 127.0.0.1.

    .venv/bin/python bench/live_edit.py [--edits 20]

Each edit is timed from the moment Anna's editor saves (NotesPage._save_now, the autosave
timer's end) to the moment Bram's open editor shows the new text, on one clock; then as many
edits from the last keystroke (the autosave pause while a member is connected included). Run by
bench/gui_bench.py (--live) as well.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import PASSPHRASE, percentile, temp_home


def make_pair(root: Path) -> tuple[Path, Path, str]:
    """Anna (admin) and Bram (member) of one cooperative, and the id of a note by Anna."""
    from coopshare.model.roster import Role
    from coopshare.service import home as homes

    anna_home, bram_home = root / "anna", root / "bram"
    homes.init(anna_home, "Anna", PASSPHRASE)
    homes.init(bram_home, "Bram", PASSPHRASE)
    anna, bram = homes.open_coop(anna_home, PASSPHRASE), homes.open_coop(bram_home, PASSPHRASE)
    anna.create_coop("Live")
    bram.adopt_coop(anna.coop_id)  # type: ignore[arg-type]
    anna.add_member(bram.join_request(), Role.MEMBER)
    note = anna.add_note("Live note", "version 0", ["live"])
    for src, dst in ((anna, bram), (bram, anna)):
        for wire in list(src.wire_ops()):
            dst.apply(wire)
    anna.store.close()
    bram.store.close()
    return anna_home, bram_home, note.hex()


def measure(edits: int, both: bool = False) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from coopshare.gui.app import application
    from coopshare.gui.bridge import Bridge
    from coopshare.gui.main_window import MainWindow
    from coopshare.gui.settings import Prefs
    from coopshare.service.api import NetworkOptions

    app = application()
    with temp_home("coopshare-live-") as root:
        anna_home, bram_home, note = make_pair(root)
        windows = []
        bridges = []
        peers: list[tuple[str, int]] = []
        for home in (bram_home, anna_home):  # Bram listens, Anna dials him
            prefs = Prefs(home)
            prefs.set("mdns", False)
            prefs.set("last_page", "notes")
            bridge = Bridge()
            bridge.open(home, PASSPHRASE)
            opts = NetworkOptions(host="127.0.0.1", port=0, mdns=False, peers=list(peers))
            addr = bridge.call_sync(bridge.runtime.start_network(opts))
            peers = [("127.0.0.1", addr[1])]
            w = MainWindow(bridge, prefs, home)
            w.resize(1024, 700)
            w.show()
            w.show_page("notes")
            windows.append(w)
            bridges.append(bridge)
        bram_w, anna_w = windows
        if both:  # as on a LAN where both find each other: Bram dials Anna too
            anna_port = anna_w.bridge.runtime.listen_addr[1]  # type: ignore[index]
            bram_w.bridge.call_sync(
                bram_w.bridge.runtime.apply_network(
                    mdns=False, meetup=False, peers=[("127.0.0.1", anna_port)]
                )
            )

        def wait(cond: object, timeout: float = 30.0) -> None:
            end = time.perf_counter() + timeout
            while not cond():  # type: ignore[operator]
                app.processEvents()
                time.sleep(0.0005)
                if time.perf_counter() > end:
                    raise TimeoutError("the edit did not arrive")

        wait(lambda: anna_w.bridge.runtime.session_count and bram_w.bridge.runtime.session_count)
        for w in windows:
            w.notes.open_item(note)
        wait(lambda: all(w.notes.body.toPlainText() == "version 0" for w in windows))
        lat: list[float] = []  # saved -> shown
        typed: list[float] = []  # last keystroke -> shown (the autosave pause included)
        for i in range(1, 2 * edits + 1):
            text = f"version {i}"
            t0 = time.perf_counter()
            anna_w.notes.body.setPlainText(text)  # typed: autosave is pending
            if i <= edits:
                t0 = time.perf_counter()
                anna_w.notes._save_now()  # what the autosave timer does when it fires
            wait(lambda t=text: bram_w.notes.body.toPlainText() == t)  # type: ignore[misc]
            (lat if i <= edits else typed).append(time.perf_counter() - t0)
            for _ in range(20):  # settle between edits
                app.processEvents()
                time.sleep(0.005)
        for w in windows:
            w.close()
        for b in bridges:
            b.stop()
    QApplication.processEvents()
    ms = [x * 1000 for x in lat]
    tms = [x * 1000 for x in typed]
    return {
        "edits": edits,
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "max_ms": max(ms),
        "typed_p50_ms": percentile(tms, 50),
        "typed_p95_ms": percentile(tms, 95),
        "all_ms": [round(x, 1) for x in ms],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--both", action="store_true", help="both dial each other (as with mDNS)")
    args = ap.parse_args()
    out = measure(args.edits, args.both)
    if args.json:
        print(json.dumps(out), flush=True)
    else:
        print(
            f"live edit, saved in one window -> shown in a connected member's window, "
            f"{out['edits']} edits: p50 {out['p50_ms']:.0f} ms, p95 {out['p95_ms']:.0f} ms, "
            f"max {out['max_ms']:.0f} ms; from the last keystroke (autosave included): "
            f"p50 {out['typed_p50_ms']:.0f} ms, p95 {out['typed_p95_ms']:.0f} ms"
        )
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown


if __name__ == "__main__":
    raise SystemExit(main())
