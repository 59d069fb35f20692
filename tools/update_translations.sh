#!/usr/bin/env bash
# Regenerate the Dutch translation source from the GUI code and compile it.
#
#   tools/update_translations.sh
#
# 1. pyside6-lupdate scans every .py under src/coopshare/gui (recursively) and merges new and
#    changed source strings into gui/i18n/coopshare_nl.ts; existing translations are kept, strings
#    gone from the code are marked vanished/obsolete.
# 2. A fix-up step moves strings to the context Qt looks them up in at run time, where lupdate
#    cannot know it: window.tr(...) in notify.py runs as MainWindow.tr, and the _t(...) helpers of
#    the lead and idea forms call QCoreApplication.translate("LeadForm"/"IdeaForm", ...).
# 3. pyside6-lrelease compiles coopshare_nl.qm (what gui/i18n.py loads).
# The same for coopshare_en.ts, which holds only the plural messages (lupdate -pluralonly): the
# English forms of "%n note(s)" ("1 note", "2 notes"), loaded when the interface is English.
#
# Then translate the unfinished entries (Qt Linguist: .venv/bin/pyside6-linguist, or
# tools/fill_translations.py) and run again.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
GUI=src/coopshare/gui

mkdir -p "$GUI/i18n"
SOURCES="$(mktemp)"
trap 'rm -f "$SOURCES"' EXIT
find "$GUI" -name '*.py' | LC_ALL=C sort > "$SOURCES"

fixup() {
"$BIN/python" - "$1" <<'PY'
"""Move messages lupdate put in a variable's context ('window', 'self.window', '') to the class
context Qt uses at run time; a translation already there (now vanished) is carried over."""
import copy
import sys
import xml.etree.ElementTree as ET

RUNTIME_CONTEXT = {
    "notify.py": "MainWindow",
    "lead_form.py": "LeadForm",
    "idea_form.py": "IdeaForm",
    "lead_detail.py": "LeadsPage",
    "lead_history.py": "LeadHistory",
    "profile_panel.py": "PeoplePage",
    "errors_text.py": "Errors",
    "idea_terms.py": "IdeaTerms",
    "idea_proof.py": "IdeaProof",
    "who_fits.py": "WhoFits",
    "consent_box.py": "ConsentBox",
    "activity_model.py": "ActivityPage",
    "device_naming.py": "NearbyPage",
    "bench_box.py": "BenchBox",
    "bench_window.py": "BenchWindow",
    "coi_box.py": "CoiBox",
}
BOGUS = {"", "window", "self.window"}

path = sys.argv[1]
tree = ET.parse(path)
root = tree.getroot()
contexts = {(c.findtext("name") or ""): c for c in root.findall("context")}


def key(m):
    return (m.findtext("source"), m.findtext("comment"), m.get("numerus"))


def copy_message(m, locs):
    """`m` with only the locations `locs` (a deep copy)."""
    c = copy.deepcopy(m)
    for loc in c.findall("location"):
        c.remove(loc)
    for i, loc in enumerate(locs):
        c.insert(i, copy.deepcopy(loc))
    return c


def target_context(name):
    c = contexts.get(name)
    if c is None:
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = name
        contexts[name] = c
    return c


moved = 0
for name in sorted(BOGUS & contexts.keys()):
    bogus = contexts[name]
    for m in bogus.findall("message"):
        # one message per run-time context of its locations: the same text called through _t in
        # two files (say lead_form.py and profile_panel.py) is looked up in both contexts
        by_context: dict[str, list] = {}
        for loc in m.findall("location"):
            file = (loc.get("filename") or "").rsplit("/", 1)[-1]
            if file not in RUNTIME_CONTEXT:
                print(f"warning: {file}: no run-time context for {key(m)[0]!r}", file=sys.stderr)
                continue
            by_context.setdefault(RUNTIME_CONTEXT[file], []).append(loc)
        if not by_context:
            continue
        bogus.remove(m)
        moved += 1
        for ctx_name, locs in sorted(by_context.items()):
            dup = copy_message(m, locs)
            dest = target_context(ctx_name)
            old = next((o for o in dest.findall("message") if key(o) == key(dup)), None)
            if old is None:
                dest.append(dup)
                continue
            kept = old.find("translation")
            if kept.get("type") in ("vanished", "obsolete"):  # translated before (lupdate:
                old.remove(kept)  # vanished = was finished, obsolete = was unfinished)
                if kept.get("type") == "vanished":
                    kept.attrib.pop("type")
                else:
                    kept.set("type", "unfinished")
                for loc in old.findall("location"):
                    old.remove(loc)
                dup.remove(dup.find("translation"))
                dup.append(kept)
                dest.remove(old)
                dest.append(dup)
            else:  # also in the code under the right context: one message, every location
                for i, loc in enumerate(dup.findall("location")):
                    old.insert(1 + i, loc)
    if not bogus.findall("message"):
        root.remove(bogus)
ET.indent(tree, space="    ")
body = ET.tostring(root, encoding="unicode")
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
print(f"    Moved {moved} message(s) to their run-time context")
PY
}

for lang in nl en; do
    TS="$GUI/i18n/coopshare_$lang.ts"
    only=()
    [ "$lang" = en ] && only=(-pluralonly)  # English needs only the plural forms
    target=nl_NL
    [ "$lang" = en ] && target=en_GB
    "$BIN/pyside6-lupdate" -source-language en -target-language "$target" "${only[@]}" \
        -tr-function-alias tr+=_t "@$SOURCES" -ts "$TS"
    fixup "$TS"
    "$BIN/pyside6-lrelease" "$TS" -qm "$GUI/i18n/coopshare_$lang.qm"
done
