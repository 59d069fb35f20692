"""Data in and out on N notes: bundle export/import, Markdown export/import, take-out, leads.

    .venv/bin/python bench/data_bench.py [--n 10000] [--size 2048] [--leads 1000]

A (init + coop create) writes N ~2 KB notes and --leads leads (one transaction); B joins A at
the replica level (its admission op, then A's log applied). Timed, each once: a full bundle of
A (`export_bundle`), its import into B (new ops, one transaction through `apply_batch`), the
same import again (all known), a Markdown export of A's notes, their import into a fresh
cooperative C and a re-import (all unchanged), the take-out ZIP, and the leads as CSV and .ics.
"""

from __future__ import annotations

from _common import PASSPHRASE, TextMaker, Timer, folder_bytes, make_coop, parser, row, temp_home

from coopshare.model.roster import Role
from coopshare.service import bundles, exports, importer
from coopshare.service import home as homes


def main() -> None:
    ap = parser(__doc__, 10_000)
    ap.add_argument("--size", type=int, default=2048, help="body size in characters")
    ap.add_argument("--leads", type=int, default=1000)
    args = ap.parse_args()
    maker = TextMaker(args.seed)
    print(f"data_bench: {args.n} notes (~{args.size} chars), {args.leads} leads")
    with temp_home() as base:
        a, c = make_coop(base / "A", "A"), make_coop(base / "C", "C")
        homes.init(base / "B", "B", PASSPHRASE)
        b = homes.open_coop(base / "B", PASSPHRASE)
        try:
            b.adopt_coop(a.coop_id)
            a.add_member(b.join_request(), Role.MEMBER)
            with b.transaction():
                for wire in list(a.wire_ops()):
                    b.apply(wire)
            with a.transaction():
                for _ in range(args.n):
                    a.add_note(maker.title(), maker.body(args.size), ["bench"])
                for i in range(args.leads):
                    a.add_lead({"title": maker.title(), "respond_by": f"2027-{i % 12 + 1:02d}-15"})
            total = a.store.count_ops()
            path = base / "a.coopbundle"
            with Timer() as t:
                out = bundles.export_bundle(a, path, since=b.store.contiguous_vv())
            row(
                "bundle export",
                f"{out.ops:,} ops, {out.size / 1e6:.1f} MB, {t.seconds:.2f} s"
                f" ({out.ops / t.seconds:,.0f} ops/s)",
            )
            with Timer() as t:
                got = bundles.import_bundle(b, path)
            row(
                "bundle import (new)",
                f"{got.new:,} new, {t.seconds:.2f} s ({got.new / t.seconds:,.0f} ops/s)",
            )
            with Timer() as t:
                again = bundles.import_bundle(b, path)
            row("bundle import again", f"{again.known:,} known, {t.seconds:.2f} s")
            assert b.store.count_ops() == total
            md = base / "md"
            with Timer() as t:
                n = exports.export_notes(a, md).items
            row(
                "Markdown export",
                f"{n:,} notes, {folder_bytes(md) / 1e6:.1f} MB, {t.seconds:.2f} s"
                f" ({n / t.seconds:,.0f} notes/s)",
            )
            with Timer() as t:
                rep = importer.import_folder(c, md)
            row(
                "Markdown import (fresh coop)",
                f"{rep.imported:,} notes, {t.seconds:.2f} s"
                f" ({rep.imported / t.seconds:,.0f} notes/s)",
            )
            with Timer() as t:
                rep = importer.import_folder(c, md)
            row("Markdown re-import", f"{rep.unchanged:,} unchanged, {t.seconds:.2f} s")
            with Timer() as t:
                n = exports.take_out(a, base / "takeout.zip").items
            row(
                "take-out ZIP",
                f"{n:,} items, {(base / 'takeout.zip').stat().st_size / 1e6:.1f} MB,"
                f" {t.seconds:.2f} s",
            )
            with Timer() as t:
                exports.export_leads_csv(a, base / "leads.csv")
                exports.export_leads_ics(a, base / "leads.ics")
            row("leads CSV + .ics", f"{args.leads:,} leads, {t.seconds:.2f} s")
        finally:
            for coop in (a, b, c):
                coop.store.close()


if __name__ == "__main__":
    main()
