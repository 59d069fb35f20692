"""Fill unfinished Dutch translations from a small table and drop vanished entries.

    .venv/bin/python tools/fill_translations.py NEW.json    # {"English source": "Nederlands", ...}

Then run tools/update_translations.sh again to compile the .qm. Prints what stays unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "src/coopshare/gui/i18n/coopshare_nl.ts"


def main() -> int:
    table: dict[str, str] = (
        json.loads(Path(sys.argv[1]).read_text("utf-8")) if len(sys.argv) > 1 else {}
    )
    tree = ET.parse(TS)  # noqa: S314 - our own translation file, from this repository
    root = tree.getroot()
    left = []
    for ctx in root.findall("context"):
        for m in ctx.findall("message"):
            t = m.find("translation")
            if t is None:
                continue
            kind = t.get("type")
            if kind in ("vanished", "obsolete"):
                ctx.remove(m)
            elif kind == "unfinished":
                src = m.findtext("source") or ""
                if src in table:
                    t.text = table[src]
                    t.attrib.pop("type")
                else:
                    left.append(src)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    for src in left:
        print("unfinished:", src)
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
