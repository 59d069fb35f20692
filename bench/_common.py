"""Shared helpers for the benchmark scripts: random note text, timing, throwaway data folders.

Everything here is deterministic for a given seed, so two runs write the same notes.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
VENV_BIN = Path(sys.executable).parent
PASSPHRASE = "bench-passphrase-not-secret"  # throwaway data folders only

_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vo",
    "bri",
    "dan",
    "fel",
    "gor",
    "hul",
    "jan",
    "kes",
    "lim",
    "mor",
    "nis",
    "pol",
    "quen",
    "ros",
    "stu",
    "tor",
    "ven",
    "wil",
)


class TextMaker:
    """Makes note titles and bodies from a fixed vocabulary with a Zipf-like word frequency."""

    def __init__(self, seed: int = 1, vocabulary: int = 20_000) -> None:
        self.rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            words.add("".join(self.rng.choices(_SYLLABLES, k=self.rng.randint(2, 4))))
        self.words = sorted(words)
        self.rng.shuffle(self.words)
        self.weights = [1.0 / (rank + 1) for rank in range(len(self.words))]
        self._cum = list(_accumulate(self.weights))

    def sample(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self._cum, k=k)

    def title(self) -> str:
        return " ".join(self.sample(4)).capitalize()

    def body(self, size: int = 2048) -> str:
        """Markdown paragraphs of roughly `size` characters (no '#', so no inline tags)."""
        out: list[str] = []
        length = 0
        while length < size:
            sentence = " ".join(self.sample(self.rng.randint(6, 14))).capitalize() + "."
            out.append(sentence)
            length += len(sentence) + 1
            if self.rng.random() < 0.15:
                out.append("\n\n")
        return " ".join(out).replace(" \n\n ", "\n\n")[:size]


def _accumulate(values: Sequence[float]) -> Iterator[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


@contextmanager
def temp_home(prefix: str = "coopshare-bench-") -> Iterator[Path]:
    """A throwaway data folder, removed afterwards (also on error)."""
    base = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


def make_coop(home: Path, name: str = "Bench"):  # type: ignore[no-untyped-def]
    """A fresh identity and cooperative in `home`; returns the open Coop."""
    from coopshare.service import home as homes

    homes.init(home, name, PASSPHRASE)
    coop = homes.open_coop(home, PASSPHRASE)
    coop.create_coop(f"{name} coop")
    return coop


def cli_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["COOPSHARE_PASSPHRASE"] = PASSPHRASE
    env["COOPSHARE_HOME"] = str(home)
    return env


class Timer:
    """`with Timer() as t: ...` then `t.seconds`."""

    def __enter__(self) -> Timer:
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(pct) - 1]


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def table_bytes(db: Path) -> dict[str, int]:
    """Bytes of pages per table (indexes counted with their table) via SQLite's dbstat."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT coalesce(m.tbl_name, d.name), sum(d.pgsize) FROM dbstat d"
            " LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY 1"
        ).fetchall()
    except sqlite3.OperationalError:  # SQLite built without dbstat
        rows = []
    finally:
        con.close()
    return {name: size for name, size in rows}


def parser(doc: str | None, default_n: int) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0])
    ap.add_argument(
        "--n", type=int, default=default_n, help=f"number of notes (default {default_n})"
    )
    ap.add_argument("--seed", type=int, default=1)
    return ap


def row(label: str, value: str) -> None:
    print(f"  {label:<48} {value}")
