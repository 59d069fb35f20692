""" "Who fits" on my device over 500 member profiles and 1,000 open leads (issue 14).

    .venv/bin/python bench/who_fits_bench.py [--n 500] [--leads 1000] [--queries 200]

One data folder (init + coop create, the real keystore and store). --n members are admitted
(real roster ops); each signs, with its own device key, a profile (3-8 ESCO skills of the
bundled subset) and one or two availability windows (start within 60 days, 14-60 days long,
8-40 h/week, one of 12 provinces, 30 % remote). I give --leads open leads asking 2-5 skills of
the 200 most common ones, a start within 45 days, 4-26 weeks, 16-40 h/week, a province (20 %
remote). Then `Api.who_fits` (the door the app and `lead fits` use) on --queries random leads:
p50, p95, max in ms, and the mean number of members listed. Prints the ESCO subset size too.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from pathlib import Path

from _common import make_coop, parser, temp_home

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.identity.keys import Identity
from coopshare.model.items import Kind
from coopshare.protocol import content, roster_body
from coopshare.protocol.ops import OpKind, make_op
from coopshare.service import esco, fits
from coopshare.service.api_commands import Api
from coopshare.service.coop import Coop

PROVINCES = [
    "Groningen",
    "Friesland",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]


def signed_item(
    c: Coop, ident: Identity, seq: int, kind: Kind, item_id: bytes, fields: dict
) -> bytes:
    eid = c.roster.current_epoch
    assert eid is not None and c.coop_id is not None
    plain = content.encode_change(kind, item_id, fields)
    part, _ = envelope.seal_coop(plain, c.epoch_keys[eid], c.coop_id)
    op = make_op(
        ident.device_key,
        coop_id=c.coop_id,
        device=ident.device_id,
        seq=seq,
        backlink=None if seq == 1 else c.store.last_of(ident.device_id)[1],
        hlc=c.clock.tick(),
        parents=c.roster.heads,
        kind=OpKind.ITEM,
        epoch=eid,
        body=content.encode_parts([part]),
    )
    return op.encode()


def main() -> None:
    ap = parser(__doc__, 500)
    ap.add_argument("--leads", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    skills = sorted(esco.catalog())
    common = rnd.sample(skills, 200)
    data = Path(esco.__file__).parent.parent / "resources" / "esco_skills.json"
    dutch = sum(1 for s in esco.catalog().values() if s.nl_own)
    print(
        f"ESCO subset: {len(skills)} skills, {dutch} with Dutch labels, {data.stat().st_size} bytes"
    )
    today = dt.datetime.now(dt.UTC).date()
    with temp_home() as base:
        me = make_coop(base / "A", "Me")
        t0 = time.perf_counter()
        idents = [Identity.generate(f"Member {i}") for i in range(args.n)]
        with me.transaction():
            for ident in idents:
                me.add_member(
                    {
                        "member_pk": ident.member_pk,
                        "name": ident.name,
                        "device": roster_body.device_bundle(ident),
                    }
                )
        with me.transaction():
            for ident in idents:
                mine = rnd.sample(common, 2) + rnd.sample(skills, rnd.randint(1, 6))
                wires = [
                    signed_item(
                        me,
                        ident,
                        1,
                        Kind.PROFILE,
                        ident.member_id[:8] + b"profile\0",
                        {"skills": mine, "ambitions": ""},
                    )
                ]
                me.apply(wires[0])
                for seq in range(2, 2 + rnd.randint(1, 2)):
                    start = today + dt.timedelta(days=rnd.randint(0, 60))
                    end = min(
                        start + dt.timedelta(days=rnd.randint(14, 60)),
                        today + dt.timedelta(days=89),
                    )
                    w = {
                        "start": start.isoformat(),
                        "end": end.isoformat(),
                        "hours": rnd.randint(8, 40),
                        "region": rnd.choice(PROVINCES),
                        "remote": rnd.random() < 0.3,
                    }
                    me.apply(
                        signed_item(
                            me, ident, seq, Kind.WINDOW, ident.member_id[:8] + p.random_bytes(8), w
                        )
                    )
            leads = []
            for i in range(args.leads):
                leads.append(
                    me.write_item(
                        Kind.LEAD,
                        me.new_item_id(),
                        {
                            "title": f"Interim opdracht {i}",
                            "skills": rnd.sample(common, rnd.randint(2, 5)),
                            "start": (today + dt.timedelta(days=rnd.randint(0, 45))).isoformat(),
                            "duration_weeks": rnd.randint(4, 26),
                            "hours_per_week": rnd.randint(16, 40),
                            "region": rnd.choice(PROVINCES),
                            "remote": rnd.random() < 0.2,
                        },
                    )
                )
        print(
            f"built {args.n} members, their profiles and windows, {args.leads} leads "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        door = Api(me)
        door.who_fits(leads[0].hex())  # warm: catalog and caches
        door.who_fits(leads[1].hex())
        times, cpu, sizes = [], [], []
        for lead in rnd.sample(leads, min(args.queries, len(leads))):
            t, c = time.perf_counter(), time.process_time()
            rows = door.who_fits(lead.hex())
            cpu.append((time.process_time() - c) * 1000)
            times.append((time.perf_counter() - t) * 1000)
            sizes.append(len(rows or []))
        for label, values in (("wall", times), ("CPU", cpu)):
            values.sort()
            p95 = values[int(0.95 * (len(values) - 1))]
            print(
                f"who_fits over {args.n} profiles, {args.leads} open leads, {len(values)} "
                f"queries, {label} time: p50 {statistics.median(values):.1f} ms, "
                f"p95 {p95:.1f} ms, max {values[-1]:.1f} ms"
            )
        print(f"{statistics.mean(sizes):.1f} members listed on average")
        fits._POOLS.clear()  # as after any change to the log: every profile and window again
        t = time.perf_counter()
        door.who_fits(leads[2].hex())
        print(f"first query after a change: {(time.perf_counter() - t) * 1000:.0f} ms")
        if rows:
            print(f"example: {rows[0].name}: {rows[0].reason}")
        me.store.close()


if __name__ == "__main__":
    main()
