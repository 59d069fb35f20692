"""Fuzz every decoder of peer input (bench/fuzz_targets.py); see bench/README.md §Fuzzing.

    .venv/bin/python bench/fuzz.py --make-corpus            # (re)write tests/fuzz_corpus/
    .venv/bin/python bench/fuzz.py --all --runs 1000000     # every target, one after another
    .venv/bin/python bench/fuzz.py --target op --runs 100000 [--engine own]

Engines: ``atheris`` (libFuzzer, coverage-guided; coopshare's bytecode is instrumented; our
structure-aware mutator from fuzz_mutate.py is its custom mutator half of the time, libFuzzer's
own byte mutations the other half), used when ``pip install atheris`` worked; ``own`` (the
structure-aware mutator alone, seeded from the corpus, no coverage feedback). An input that
raises anything but the target's documented outcome is a finding: counted, its type and the
line that raised it recorded, the input saved under ``--findings``, and the run goes on.
``--all`` runs each target in a child process, one at a time (one core), and prints a table.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "tests" / "fuzz_corpus"
sys.path.insert(0, str(HERE))


class Stats:
    def __init__(self, target: str, engine: str, out: Path | None, findings: Path) -> None:
        self.target, self.engine, self.out, self.findings_dir = target, engine, out, findings
        self.execs = 0
        self.findings: dict[str, int] = {}
        self.slowest = 0.0
        self.start = time.perf_counter()

    def record(self, data: bytes, error: BaseException) -> None:
        tb = traceback.extract_tb(error.__traceback__)
        where = next((f for f in reversed(tb) if "coopshare" in f.filename), tb[-1])
        key = f"{type(error).__name__} at {Path(where.filename).name}:{where.lineno}"
        if key not in self.findings:
            self.findings_dir.mkdir(parents=True, exist_ok=True)
            name = f"{self.target}-{len(self.findings)}.bin"
            (self.findings_dir / name).write_bytes(data)
            print(f"FINDING {key} ({error!r:.200}) saved as {name}", flush=True)
        self.findings[key] = self.findings.get(key, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        secs = time.perf_counter() - self.start
        return {
            "target": self.target,
            "engine": self.engine,
            "execs": self.execs,
            "seconds": round(secs, 1),
            "exec_per_s": round(self.execs / secs) if secs else 0,
            "slowest_input_s": round(self.slowest, 3),
            "findings": self.findings,
        }

    def save(self) -> None:
        if self.out is not None:
            self.out.write_text(json.dumps(self.as_dict()))


def runner(target: str, stats: Stats) -> Any:
    from fuzz_targets import TARGETS

    fn, expected = TARGETS[target]

    def one(data: bytes) -> None:
        t0 = time.perf_counter()
        try:
            fn(data)
        except expected:
            pass
        except Exception as e:
            stats.record(data, e)
        stats.slowest = max(stats.slowest, time.perf_counter() - t0)
        stats.execs += 1
        if stats.execs % 20_000 == 0:
            stats.save()

    return one


def run_own(target: str, runs: int, stats: Stats, seed: int) -> None:
    from fuzz_mutate import load_corpus, mutate

    rng = random.Random(seed)
    seeds = load_corpus(CORPUS, target)
    one = runner(target, stats)
    for s in seeds:
        one(s)
    while stats.execs < runs:
        data = rng.choice(seeds)
        for _ in range(rng.choice([1, 1, 2, 3])):
            data = mutate(target, data, rng, seeds)
        one(data[:65536])


def run_atheris(target: str, runs: int, stats: Stats, seed: int) -> None:
    import atheris  # type: ignore[import-untyped]

    with atheris.instrument_imports(include=["coopshare"]):
        import fuzz_targets

        fuzz_targets.world()
    from fuzz_mutate import load_corpus, mutate

    seeds = load_corpus(CORPUS, target)
    one = runner(target, stats)
    rng = random.Random(seed)

    def test_one(data: bytes) -> None:
        one(data)
        if stats.execs >= runs:
            stats.save()

    def custom(data: bytes, max_size: int, mseed: int) -> bytes:
        rng.seed(mseed)
        if rng.random() < 0.5:
            return atheris.Mutate(data, max_size)  # type: ignore[no-any-return]
        return mutate(target, data, rng, seeds)[:max_size]

    work = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))  # libFuzzer adds new inputs here
    args = [sys.argv[0], str(work), str(CORPUS / target), f"-runs={runs}", f"-seed={seed}"]
    args += ["-max_len=8192", "-rss_limit_mb=2048", "-timeout=10", "-print_final_stats=1"]
    atheris.Setup(args, test_one, custom_mutator=custom)
    atheris.Fuzz()


def make_corpus() -> None:
    from fuzz_mutate import make_seeds

    for target, seeds in make_seeds().items():
        folder = CORPUS / target
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for i, s in enumerate(seeds):
            (folder / f"seed-{i:02d}").write_bytes(s)
        print(f"{target}: {len(seeds)} seeds, {sum(map(len, seeds))} bytes")


def run_all(runs: int, engine: str, seed: int, only: list[str] | None = None) -> None:
    from fuzz_targets import TARGETS

    rows = []
    for target in only or TARGETS:
        out = Path(tempfile.mkstemp(suffix=".json")[1])
        cmd = [sys.executable, __file__, "--target", target, "--runs", str(runs)]
        cmd += ["--engine", engine, "--stats", str(out), "--seed", str(seed)]
        print("$", " ".join(cmd[1:]), flush=True)
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
        rows.append(json.loads(out.read_text()))
        print(json.dumps(rows[-1]), flush=True)
    print("\n| target | engine | executions | seconds | exec/s | slowest input | findings |")
    print("|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        found = "; ".join(f"{k} ×{v}" for k, v in r["findings"].items()) or "0"
        print(
            f"| {r['target']} | {r['engine']} | {r['execs']:,} | {r['seconds']:,} "
            f"| {r['exec_per_s']:,} | {r['slowest_input_s']} s | {found} |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--target")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--targets", help="with --all: these targets, comma-separated, in order")
    ap.add_argument("--make-corpus", action="store_true")
    ap.add_argument("--runs", type=int, default=100_000)
    ap.add_argument("--engine", choices=["atheris", "own", "auto"], default="auto")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stats", type=Path)
    ap.add_argument("--findings", type=Path, default=Path(tempfile.gettempdir()) / "fuzz-findings")
    a = ap.parse_args()
    if a.engine == "auto":
        try:
            import atheris  # noqa: F401

            a.engine = "atheris"
        except ImportError:
            a.engine = "own"
    if a.make_corpus:
        make_corpus()
    elif a.all:
        run_all(a.runs, a.engine, a.seed, a.targets.split(",") if a.targets else None)
    else:
        stats = Stats(a.target, a.engine, a.stats, a.findings)
        (run_atheris if a.engine == "atheris" else run_own)(a.target, a.runs, stats, a.seed)
        stats.save()
        print(json.dumps(stats.as_dict()))


if __name__ == "__main__":
    main()
