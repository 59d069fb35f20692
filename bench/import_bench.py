"""`coopshare note import DIR` of a folder of Markdown files, run as a real subprocess.

    .venv/bin/python bench/import_bench.py [--n 10000] [--size 2048]

Writes N .md files (front matter `title:` and `tags: [a, b]`) to a temp folder, runs
`coopshare --home H init` and `coop create`, then times `coopshare --home H note import DIR`
from process start to exit. To show the fixed cost in that figure (interpreter start, imports,
Argon2id unlock, store open) it also times `coopshare --home H status` on the empty coop.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _common import VENV_BIN, TextMaker, Timer, cli_env, folder_bytes, parser, row, temp_home

COOPSHARE = str(VENV_BIN / "coopshare")


def write_vault(folder: Path, n: int, size: int, seed: int) -> int:
    """N Markdown files with front matter in a few subfolders; returns total bytes."""
    maker = TextMaker(seed)
    total = 0
    for i in range(n):
        sub = folder / f"area-{i % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        a, b = maker.sample(2)
        text = f"---\ntitle: {maker.title()}\ntags: [{a}, {b}]\n---\n\n{maker.body(size)}\n"
        (sub / f"note-{i:06d}.md").write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def coopshare(home: Path, *args: str) -> tuple[float, str]:
    """Run the CLI; (wall seconds, stdout). Exits the benchmark if the command fails."""
    with Timer() as t:
        proc = subprocess.run(
            [COOPSHARE, "--home", str(home), *args],
            env=cli_env(home),
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0:
        sys.exit(f"coopshare {' '.join(args)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return t.seconds, proc.stdout.strip()


def main() -> None:
    ap = parser(__doc__, 10_000)
    ap.add_argument("--size", type=int, default=2048, help="body size in characters")
    args = ap.parse_args()
    with temp_home() as base:
        home, vault = base / "data", base / "vault"
        with Timer() as t:
            total = write_vault(vault, args.n, args.size, args.seed)
        print(
            f"import_bench: {args.n} files, {total / args.n:,.0f} bytes each on average"
            f" (written in {t.seconds:.1f} s)"
        )
        init_s, _ = coopshare(home, "init", "--name", "Bench")
        create_s, _ = coopshare(home, "coop", "create", "--name", "Bench coop")
        status_s, _ = coopshare(home, "status", "--json")
        import_s, out = coopshare(home, "note", "import", str(vault))
        if out != f"imported {args.n} notes":
            sys.exit(f"unexpected output: {out!r}")
        row("init (subprocess, incl. Argon2id)", f"{init_s:.2f} s")
        row("coop create (subprocess)", f"{create_s:.2f} s")
        row("status on empty coop (fixed cost per command)", f"{status_s:.2f} s")
        row("note import: total seconds", f"{import_s:.2f} s")
        row("note import: files/s", f"{args.n / import_s:,.0f}")
        row(
            "note import: files/s without the fixed cost",
            f"{args.n / max(import_s - status_s, 1e-9):,.0f}",
        )
        row("data folder per note", f"{folder_bytes(home) / args.n:,.0f} bytes")


if __name__ == "__main__":
    main()
