"""Layering (DESIGN.md §3): a lower layer never imports a higher one; edge libraries stay put."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "coopshare"

# rank: a package may import packages of lower or equal rank only (equal rank: siblings that
# must not import each other are listed in SIBLINGS)
RANK = {
    "errors": 0,
    "model": 1,
    "crypto": 2,
    "identity": 3,
    "protocol": 4,
    "store": 4,
    "sync": 5,
    "transport": 5,
    "discovery": 5,
    "service": 6,
    "cli": 7,
    "gui": 7,
    "launcher": 8,
}
SIBLINGS = [{"protocol", "store"}, {"sync", "transport", "discovery"}, {"cli", "gui"}]
ONLY_IN = {"sqlite3": {"store"}, "PySide6": {"gui"}, "zeroconf": {"discovery"}}
STDLIB_ONLY = {"model", "errors"}


def _modules() -> list[tuple[str, Path]]:
    out = []
    for f in sorted(SRC.rglob("*.py")):
        rel = f.relative_to(SRC)
        layer = rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem
        out.append((layer, f))
    return out


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_every_package_has_a_rank() -> None:
    layers = {layer for layer, _ in _modules()} - {"__init__", "__main__"}
    assert layers <= set(RANK), layers - set(RANK)


@pytest.mark.parametrize(("layer", "path"), _modules(), ids=lambda v: str(v))
def test_imports_flow_downward(layer: str, path: Path) -> None:
    if layer in ("__init__", "__main__"):
        return
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "coopshare" and "." in name:
            target = name.split(".")[1]
            if target == "__version__" or target not in RANK:
                continue
            assert RANK[target] <= RANK[layer], (
                f"{path.name}: {layer} imports higher layer {target}"
            )
            if target != layer:
                for group in SIBLINGS:
                    assert not {layer, target} <= group, (
                        f"{path.name}: sibling import {layer} -> {target}"
                    )
        for lib, allowed in ONLY_IN.items():
            if top == lib:
                assert layer in allowed, f"{path.name}: {lib} may only be imported under {allowed}"
        if layer in STDLIB_ONLY and top != "coopshare":
            assert top in sys.stdlib_module_names, (
                f"{path.name}: {layer} must use the stdlib only ({top})"
            )


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from coopshare.service.coop import Coop\nimport sqlite3\n")
    assert _imports(bad) == ["coopshare.service.coop", "sqlite3"]
    with pytest.raises(AssertionError, match="higher layer"):
        test_imports_flow_downward("model", bad)


@pytest.mark.parametrize(
    "package", ["model", "crypto", "identity", "protocol", "store", "service", "cli"]
)
def test_each_package_imports_alone(package: str) -> None:
    """No import cycles: each package imports in a fresh interpreter."""
    mods = [
        f"coopshare.{package}.{f.stem}"
        for f in sorted((SRC / package).glob("*.py"))
        if f.stem != "__init__"
    ]
    code = "\n".join(f"import {m}" for m in [f"coopshare.{package}", *mods])
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
