"""Fill unfinished translations from a small table and drop vanished entries.

    .venv/bin/python tools/fill_translations.py NEW.json    # {"English source": "Nederlands", ...}
    .venv/bin/python tools/fill_translations.py EN.json en  # the English plural forms

A plural message ("%n note(s)", tr(text, "", n)) takes a list: its forms, singular first
(["%n notitie", "%n notities"]). Then run tools/update_translations.sh again to compile the .qm.
Prints what stays unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "src/coopshare/gui/i18n"


def main() -> int:
    table: dict[str, str | list[str]] = (
        json.loads(Path(sys.argv[1]).read_text("utf-8")) if len(sys.argv) > 1 else {}
    )
    ts = I18N / f"coopshare_{sys.argv[2] if len(sys.argv) > 2 else 'nl'}.ts"
    tree = ET.parse(ts)  # noqa: S314 - our own translation file, from this repository
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
                value = table.get(src)
                if isinstance(value, list) and m.get("numerus") == "yes":
                    for form in t.findall("numerusform"):
                        t.remove(form)
                    for text in value:
                        ET.SubElement(t, "numerusform").text = text
                    t.attrib.pop("type")
                elif isinstance(value, str) and m.get("numerus") != "yes":
                    t.text = value
                    t.attrib.pop("type")
                else:
                    left.append(src)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    for src in left:
        print("unfinished:", src)
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
