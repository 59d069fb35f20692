"""The bundled ESCO skill subset (resources/esco_skills.json, built by
tools/build_esco_subset.py): look-up and search of skills by English or Dutch label.

A skill is stored as ``esco:<uuid>`` (model/items.py keeps profile and lead skills as short
words); anything else in a skill list is free text, shown but never matched. ESCO is
(c) European Union, CC BY 4.0; the Dutch labels are CoopShare's own translation
(resources/NOTICE.esco.md).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

PREFIX = "esco:"
URI = "http://data.europa.eu/esco/skill/"


@dataclass(frozen=True, slots=True)
class Skill:
    """One ESCO skill: its stored id (``esco:<uuid>``) and labels; `nl` falls back to English."""

    id: str
    en: str
    nl: str
    nl_own: bool  # the Dutch label is the project's translation (False: English shown)

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    @property
    def uri(self) -> str:
        return URI + self.id.removeprefix(PREFIX)


@functools.cache
def catalog() -> dict[str, Skill]:
    """Every bundled skill by id (read once)."""
    data = json.loads(
        resources.files("coopshare").joinpath("resources", "esco_skills.json").read_text("utf-8")
    )
    out = {}
    for uuid, en, nl in data["skills"]:
        sid = PREFIX + uuid
        out[sid] = Skill(sid, en, nl or en, bool(nl))
    return out


@functools.cache
def _by_label() -> dict[str, str]:
    out: dict[str, str] = {}
    for s in catalog().values():
        for text in (s.en, s.nl):
            out.setdefault(text.casefold(), s.id)
    return out


def is_esco(skill: str) -> bool:
    return skill.startswith(PREFIX) and skill in catalog()


def resolve(text: str) -> str:
    """The stored form of what a user typed: an ESCO id for a known id, URI or exact label
    (English or Dutch, any case); else the text itself (free text)."""
    t = text.strip()
    if t.startswith(URI):
        t = PREFIX + t.removeprefix(URI)
    if t in catalog():
        return t
    return _by_label().get(t.casefold(), t)


def label(skill: str, lang: str = "en") -> str:
    """A skill as shown: its label for an ESCO id, else the free text as written."""
    s = catalog().get(skill)
    return skill if s is None else s.label(lang)


def search(text: str, lang: str = "en", limit: int = 20) -> list[Skill]:
    """Skills whose label in `lang` contains `text` (labels starting with it first)."""
    q = text.strip().casefold()
    if not q:
        return []
    hits = [s for s in catalog().values() if q in s.label(lang).casefold()]
    hits.sort(key=lambda s: (not s.label(lang).casefold().startswith(q), s.label(lang)))
    return hits[:limit]


def esco_ids(skills: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The ESCO ids among `skills`, free words resolved by exact label where they match."""
    return frozenset(r for s in skills if is_esco(r := resolve(str(s))))
