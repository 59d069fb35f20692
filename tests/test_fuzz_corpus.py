"""A short run of the fuzz harness (bench/fuzz.py, own engine) over the checked-in corpus:
every seed and a few hundred structure-aware mutations per target, seconds in all. The long
runs (a million executions per target) are reported in bench/README.md."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import fuzz  # type: ignore[import-not-found]  # bench/ on sys.path
import fuzz_targets  # type: ignore[import-not-found]

from coopshare.model import field_checks

RUNS = 400


@pytest.fixture(scope="module", autouse=True)
def _world(tmp_path_factory: pytest.TempPathFactory) -> None:
    fuzz_targets._world = None
    fuzz_targets.world(tmp_path_factory.mktemp("fuzz"))


def _run(target: str, runs: int, tmp: Path) -> fuzz.Stats:
    stats = fuzz.Stats(target, "own", None, tmp / "findings")
    fuzz.run_own(target, runs, stats, seed=3)
    return stats


@pytest.mark.parametrize("target", list(fuzz_targets.TARGETS))
def test_corpus_and_mutations_raise_only_the_documented_errors(target: str, tmp_path: Path) -> None:
    seeds = list((fuzz.CORPUS / target).iterdir())
    assert seeds, f"no seeds for {target}: run bench/fuzz.py --make-corpus"
    stats = _run(target, len(seeds) + RUNS, tmp_path)
    assert stats.execs >= RUNS and stats.findings == {}, stats.findings


def test_the_short_run_finds_a_planted_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Positive control: with the numeric check as it was before issue 10 (any digits go to
    int(), which raises ValueError past 4,300 digits) the same short run reports a finding."""
    monkeypatch.setattr(field_checks, "_NUMBER", re.compile(r"-?\d+"))
    stats = _run("change", 3000, tmp_path)
    assert any(k.startswith("ValueError at field_checks.py") for k in stats.findings), (
        stats.findings
    )
    assert list((tmp_path / "findings").iterdir())  # the input was saved
