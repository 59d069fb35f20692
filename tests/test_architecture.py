"""Layering (DESIGN.md §3): a lower layer never imports a higher one; edge libraries stay put."""

from __future__ import annotations

import ast
import re
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
    "evidence_check": 2,  # the standalone verifier: cryptography only, copied into bundles
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
# pure data the model may read besides the stdlib: the Dutch holiday calendar of the claim-lapse
# rule (no I/O, no clock; its version is pinned because every replica must share it)
PURE_DATA = {"holidays"}
ONLY_IN["holidays"] = {"model"}
# shipped inside every evidence ZIP and run there by Python alone: its modules import each other
# relatively (the only relative imports allowed) and nothing but the stdlib and `cryptography`
# (its entry script, `script.py`, imports the package by the name it has in the ZIP)
STANDALONE = "evidence_check"
STANDALONE_LIBS = {"cryptography", STANDALONE}
STANDALONE_DIR = SRC / STANDALONE
# the one door (service/api.py): above `service`, only these modules of the core are imported
# and service.api_unlock, the door's light entry: the CLI starts the Argon2id unlock through it
# before it imports service.api (tests/test_startup_imports.py)
DOOR = {
    "coopshare.errors",
    "coopshare.service.api",
    "coopshare.service.api_unlock",
    "coopshare.__version__",
}
ABOVE_THE_DOOR = {"cli", "gui", "launcher"}


def _modules() -> list[tuple[str, Path]]:
    out = []
    for f in sorted(SRC.rglob("*.py")):
        rel = f.relative_to(SRC)
        layer = rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem
        out.append((layer, f))
    return out


def _imports(path: Path) -> list[str]:
    """Every module `path` imports: `import a.b`, `from a.b import c` (as a.b, and a.b.c when c
    may be a module: `from coopshare import gui`), `importlib.import_module("a.b")` and
    `__import__("a.b")`. A relative import (outside the standalone package), or a dynamic
    import whose name is not a literal, fails the check outright: the layering could not be
    read from it."""
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level and _in_standalone(path):
            assert node.level == 1, f"{path.name}: relative import out of {STANDALONE}"
            base = f"coopshare.{STANDALONE}"
            subs = [node.module] if node.module else [a.name for a in node.names]
            names += [f"{base}.{sub}" for sub in subs]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module, f"{path.name}: relative import"
            if _is_package(node.module):  # `from coopshare.service import api`: the modules
                subs = [a.name for a in node.names if _is_module(f"{node.module}.{a.name}")]
                names += [f"{node.module}.{s}" for s in subs]
                if len(subs) < len(node.names):  # `from coopshare.errors import DiskFull`
                    names.append(node.module)
            else:
                names.append(node.module)
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            arg = node.args[0] if node.args else None
            assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
                f"{path.name}: dynamic import of a computed name"
            )
            names.append(arg.value)
    return names


def _in_standalone(path: Path) -> bool:
    return path.resolve().is_relative_to(STANDALONE_DIR)


def _is_package(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "coopshare" and (SRC.joinpath(*parts[1:]) / "__init__.py").is_file()


def _is_module(name: str) -> bool:
    """Whether `name` (coopshare.…) is a module or a package of the source tree."""
    parts = name.split(".")
    path = SRC.joinpath(*parts[1:])
    return parts[0] == "coopshare" and (path.with_suffix(".py").is_file() or _is_package(name))


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


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
        if (
            layer in STDLIB_ONLY
            and top != "coopshare"
            and not (layer == "model" and top in PURE_DATA)
        ):
            assert top in sys.stdlib_module_names, (
                f"{path.name}: {layer} must use the stdlib only ({top})"
            )


@pytest.mark.parametrize(("layer", "path"), _modules(), ids=lambda v: str(v))
def test_the_app_reaches_the_core_only_through_the_door(layer: str, path: Path) -> None:
    """gui, cli and launcher import nothing of the core but service.api and errors."""
    if layer not in ABOVE_THE_DOOR:
        return
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] != "coopshare" or len(parts) < 2 or parts[1] in ABOVE_THE_DOOR:
            continue
        assert name in DOOR, f"{path.name}: {layer} reaches past the service API: {name}"


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from coopshare.service.coop import Coop\nimport sqlite3\n")
    assert _imports(bad) == ["coopshare.service.coop", "sqlite3"]
    with pytest.raises(AssertionError, match="higher layer"):
        test_imports_flow_downward("model", bad)


HOLES = {
    "relative": ("from ..service.coop import Coop\n", "relative import"),
    "from-package": ("from coopshare import gui\n", "higher layer gui"),
    "import_module": (
        "import importlib\nimportlib.import_module('coopshare.gui.app')\n",
        "higher layer gui",
    ),
    "dunder-import": ("__import__('coopshare.cli.main')\n", "higher layer cli"),
    "computed-name": (
        "import importlib\nimportlib.import_module('coop' + 'share.gui')\n",
        "computed",
    ),
}


@pytest.mark.parametrize("hole", sorted(HOLES))
def test_the_checker_has_no_holes(hole: str, tmp_path: Path) -> None:
    """Each way around the layering that an earlier checker let through is caught."""
    source, message = HOLES[hole]
    bad = tmp_path / "bad.py"
    bad.write_text(source)
    with pytest.raises(AssertionError, match=message):
        test_imports_flow_downward("service", bad)


def test_the_door_check_catches_a_back_channel(tmp_path: Path) -> None:
    bad = tmp_path / "page.py"
    bad.write_text(
        "from coopshare.service.api import Api\nfrom coopshare.service.coop import Coop\n"
    )
    with pytest.raises(AssertionError, match=r"past the service API: coopshare\.service\.coop"):
        test_the_app_reaches_the_core_only_through_the_door("gui", bad)
    ok = tmp_path / "ok.py"
    ok.write_text(
        "from coopshare.service.api import Api\nfrom coopshare.errors import NotAllowed\n"
    )
    test_the_app_reaches_the_core_only_through_the_door("gui", ok)
    section = tmp_path / "section.py"  # errors is a package: its sections are not the door
    section.write_text("from coopshare.errors import network\n")
    with pytest.raises(AssertionError, match=r"past the service API: coopshare\.errors\.network"):
        test_the_app_reaches_the_core_only_through_the_door("gui", section)


# Read models cross the door as frozen dataclasses (service/read_models.py): no module above
# the door holds a `dict[str, Any]`. A file still being moved over would be listed here
# (relative to src/coopshare) until it reads typed models; none is left.
UNTYPED_LEFT: frozenset[str] = frozenset()
_UNTYPED = re.compile(r"\b(?:dict|Dict|Mapping|MutableMapping)\[\s*str\s*,\s*(?:typing\.)?Any\s*\]")


def _above_the_door() -> list[Path]:
    return [p for layer, p in _modules() if layer in ABOVE_THE_DOOR]


def _untyped_lines(path: Path) -> list[int]:
    lines = path.read_text("utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if _UNTYPED.search(line)]


@pytest.mark.parametrize("path", _above_the_door(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_untyped_read_models_above_the_door(path: Path) -> None:
    if str(path.relative_to(SRC)) in UNTYPED_LEFT:
        return
    found = _untyped_lines(path)
    assert not found, f"{path.name}: dict[str, Any] on lines {found}: use a typed read model"


def test_the_untyped_check_catches_one(tmp_path: Path) -> None:
    bad = tmp_path / "page.py"
    bad.write_text(
        "def _got(self, rows: list[dict[str, Any]]) -> None: ...\n"
        "x: Mapping[str,Any] = {}\n"
        "ok: dict[str, int] = {}\n"
    )
    assert _untyped_lines(bad) == [1, 2]


def test_the_untyped_exceptions_are_still_needed() -> None:
    """The list shrinks as files are typed: an entry that no longer holds one must go."""
    for rel in sorted(UNTYPED_LEFT):
        assert _untyped_lines(SRC / rel), f"{rel} is typed now: remove it from UNTYPED_LEFT"


def _node_privates(path: Path) -> list[str]:
    """`node._x` read or written in `path` (a variable named `node`, as the service names it)."""
    return [
        n.attr
        for n in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(n, ast.Attribute)
        and isinstance(n.value, ast.Name)
        and n.value.id == "node"
        and n.attr.startswith("_")
    ]


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_reaches_into_the_nodes_privates(path: Path) -> None:
    """Listener, dialler, admission, joining use Node's public attributes and methods."""
    assert not _node_privates(path), f"{path.name} reaches into Node: {_node_privates(path)}"


def test_the_node_privates_check_catches_one(tmp_path: Path) -> None:
    bad = tmp_path / "listener.py"
    bad.write_text("def f(node):\n    node._trusted = 1\n    return node.trusted, node._spawn\n")
    assert _node_privates(bad) == ["_trusted", "_spawn"]


PACKAGES = [
    "errors",
    "model",
    "crypto",
    "evidence_check",
    "identity",
    "protocol",
    "store",
    "sync",
    "transport",
    "discovery",
]


@pytest.mark.parametrize("package", [*PACKAGES, "service", "cli", "gui"])
def test_each_package_imports_alone(package: str) -> None:
    """No import cycles: each package, and each of its modules, imports in a fresh interpreter."""
    mods = [
        "coopshare." + ".".join(f.relative_to(SRC).with_suffix("").parts)
        for f in sorted((SRC / package).rglob("*.py"))
        if f.stem != "__init__"
    ]
    code = "\n".join(f"import {m}" for m in [f"coopshare.{package}", *mods])
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


MAX_LINES = 400  # a module past this is split by responsibility (issue 9)


def _too_long(path: Path, limit: int = MAX_LINES) -> int | None:
    """The module's line count if it is over `limit`, else None."""
    n = len(path.read_text("utf-8").splitlines())
    return n if n > limit else None


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    """Every module, without exception (the evidence verifier is a package for this)."""
    n = _too_long(path)
    assert n is None, f"{path.name} has {n} lines (at most {MAX_LINES}): split it"


def test_the_length_check_catches_one(tmp_path: Path) -> None:
    long = tmp_path / "long.py"
    long.write_text("x = 1\n" * (MAX_LINES + 1))
    assert _too_long(long) == MAX_LINES + 1
    long.write_text("x = 1\n" * MAX_LINES)
    assert _too_long(long) is None


def test_a_module_over_400_lines_fails_the_check(tmp_path: Path) -> None:
    """The test itself, not only its helper, fails on a long module and passes a short one."""
    long = tmp_path / "long.py"
    long.write_text("x = 1\n" * (MAX_LINES + 1))
    with pytest.raises(AssertionError, match=f"long.py has {MAX_LINES + 1} lines"):
        test_no_module_is_over_400_lines(long)
    long.write_text("x = 1\n" * MAX_LINES)
    test_no_module_is_over_400_lines(long)


def _standalone_outsiders(path: Path) -> list[str]:
    """What a module of the standalone verifier imports besides the stdlib, `cryptography` and
    its own package (a relative import that leaves the package counts too)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level != 1:
                out.append("." * node.level + (node.module or ""))
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            arg = node.args[0] if node.args else None
            value = arg.value if isinstance(arg, ast.Constant) else None
            names = [value if isinstance(value, str) else "<computed>"]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top not in STANDALONE_LIBS:
                out.append(name)
    return out


@pytest.mark.parametrize(
    "path", sorted((SRC / STANDALONE).glob("*.py")), ids=lambda p: str(p.relative_to(SRC))
)
def test_the_standalone_verifier_needs_only_python_and_cryptography(path: Path) -> None:
    """It runs from an unpacked evidence ZIP, where there is no CoopShare and no msgpack."""
    found = _standalone_outsiders(path)
    assert not found, f"{path.name} imports {found}: the ZIP's verifier cannot"


def test_the_standalone_check_catches_an_outsider(tmp_path: Path) -> None:
    bad = tmp_path / "bundle.py"
    bad.write_text(
        "import json\nfrom cryptography import x509\nfrom .wire import fail\n"
        "from coopshare.crypto import primitives\nimport msgpack\nfrom ..service import api\n"
        "import importlib\nimportlib.import_module('coop' + 'share')\n"
    )
    assert _standalone_outsiders(bad) == ["coopshare.crypto", "msgpack", "..service", "<computed>"]
    ok = tmp_path / "ok.py"
    ok.write_text("import sys\nfrom .ops import Op\nfrom cryptography import x509\n")
    assert _standalone_outsiders(ok) == []


def test_relative_imports_only_inside_the_standalone_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside it a relative import is read as the sibling module; leaving it still fails (and
    outside it any relative import fails: HOLES["relative"])."""
    assert f"coopshare.{STANDALONE}.wire" in _imports(SRC / STANDALONE / "bundle.py")
    monkeypatch.setattr(sys.modules[__name__], "STANDALONE_DIR", tmp_path)
    leaving = tmp_path / "probe.py"
    leaving.write_text("from . import wire\nfrom ..service import api\n")
    with pytest.raises(AssertionError, match=f"relative import out of {STANDALONE}"):
        _imports(leaving)
    leaving.write_text("from . import wire\n")
    assert _imports(leaving) == [f"coopshare.{STANDALONE}.wire"]
