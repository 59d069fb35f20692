"""The door's signatures are typed: every public method of `Api` and `Runtime`, and every public
function of `service/api.py`, says what it takes and returns, and none of it is a
`dict`, a `Mapping`, `Any` or `object` (read models are frozen dataclasses, command arguments
typed values). The check reads the annotations as written (`from __future__ import annotations`)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from coopshare.service import api
from coopshare.service.api_commands import Api
from coopshare.service.api_runtime import Runtime

UNTYPED = re.compile(r"\b(?:dict|Dict|Mapping|MutableMapping|Any|object)\b")


def _callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    for cls in (Api, Runtime):
        for name, member in inspect.getmembers(cls):
            if name.startswith("_"):
                continue
            fn = member.fget if isinstance(member, property) else member
            if callable(fn):
                yield f"{cls.__name__}.{name}", fn
    for name, obj in vars(api).items():
        if not name.startswith("_") and inspect.isfunction(obj) and obj.__module__ == api.__name__:
            yield f"api.{name}", obj


def untyped(fn: Callable[..., Any]) -> list[str]:
    """What in `fn`'s signature is missing or untyped: 'return' and parameter names."""
    sig = inspect.signature(fn)
    found = []
    for name, param in sig.parameters.items():
        if name in ("self", "cls"):
            continue
        ann = param.annotation
        if ann is inspect.Parameter.empty or UNTYPED.search(str(ann)):
            found.append(name)
    ret = sig.return_annotation
    if ret is inspect.Signature.empty or UNTYPED.search(str(ret)):
        found.append("return")
    return found


CALLABLES = sorted(_callables())


def test_the_door_has_methods_to_check() -> None:
    names = {n for n, _ in CALLABLES}
    assert {"Api.status", "Api.idea_detail", "Api.add_lead", "Runtime.write", "api.join"} <= names


@pytest.mark.parametrize(("name", "fn"), CALLABLES, ids=[n for n, _ in CALLABLES])
def test_door_signatures_are_typed(name: str, fn: Callable[..., Any]) -> None:
    assert not untyped(fn), f"{name}: untyped {untyped(fn)} (use a typed read model or argument)"


def test_the_signature_check_catches_one() -> None:
    def detail(item_id: str) -> dict[str, Any] | None: ...
    def edit(item_id: bytes, fields: Mapping[str, Any]) -> None: ...
    def loose(x, y: int) -> object: ...  # type: ignore[no-untyped-def]
    def fine(item_id: str, limit: int = 3) -> list[api.Row]:
        return []

    assert untyped(detail) == ["return"]
    assert untyped(edit) == ["fields"]
    assert untyped(loose) == ["x", "return"]
    assert untyped(fine) == []
