"""Notes written through the service API: one transaction per note vs. one for the whole batch.

    .venv/bin/python bench/notes_bench.py [--n 10000] [--size 2048]

Each mode gets its own fresh data folder (init + coop create), so the two do not share a store.
Bodies are generated before the clock starts; the timed part is Coop.add_note only.
"""

from __future__ import annotations

from _common import TextMaker, Timer, folder_bytes, make_coop, parser, row, temp_home


def run(mode: str, notes: list[tuple[str, str, list[str]]]) -> tuple[float, int]:
    """Seconds to write `notes` in `mode` ("single" or "batch"), and the data folder's size."""
    with temp_home() as home:
        coop = make_coop(home / "data")
        try:
            if mode == "single":
                with Timer() as t:
                    for title, body, tags in notes:
                        coop.add_note(title, body, tags)  # its own transaction and commit
            else:
                with Timer() as t, coop.transaction():
                    for title, body, tags in notes:
                        coop.add_note(title, body, tags)
            assert coop.store.count_items().get("note") == len(notes)
        finally:
            coop.store.close()
        return t.seconds, folder_bytes(home / "data")


def main() -> None:
    ap = parser(__doc__, 10_000)
    ap.add_argument("--size", type=int, default=2048, help="body size in characters")
    args = ap.parse_args()
    maker = TextMaker(args.seed)
    notes = [
        (maker.title(), maker.body(args.size), ["bench", maker.sample(1)[0]]) for _ in range(args.n)
    ]
    avg = sum(len(b.encode()) for _, b, _ in notes) / len(notes)
    print(f"notes_bench: {args.n} notes, body ~{avg:.0f} bytes")
    results = {}
    for mode in ("single", "batch"):
        seconds, size = run(mode, notes)
        results[mode] = seconds
        label = "one transaction per note" if mode == "single" else "one transaction for all"
        per_op = seconds / args.n * 1e3
        row(f"{label}: ops/s", f"{args.n / seconds:,.0f}  ({seconds:.2f} s, {per_op:.3f} ms/op)")
        row(f"{label}: data folder per note", f"{size / args.n:,.0f} bytes")
    row("batch speed-up", f"{results['single'] / results['batch']:.2f}x")


if __name__ == "__main__":
    main()
