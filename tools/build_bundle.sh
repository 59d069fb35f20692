#!/usr/bin/env bash
# Build the PyInstaller onedir bundle (packaging/pyinstaller/coopshare.spec) and smoke-test it.
#
#   tools/build_bundle.sh            # build into build/bundle/dist/coopshare/, then test it
#   tools/build_bundle.sh --no-build # test the bundle built last time
#
# PyInstaller (requirements-build.txt) is installed into .venv for the build only; it is not a
# runtime dependency. Not part of ./dev test: it takes minutes.
#
# The smoke test runs the bundle's own executable, never the venv:
#   1. `coopshare --help` and `--version`;
#   2. `init` and `coop create` in a temporary home (needs the schema files collected);
#   3. a second member joins over loopback and `sync` brings it a note the first one wrote;
#   4. the desktop app offscreen (QT_QPA_PLATFORM=offscreen): it must open its main window (the
#      "main window shown" line in its log file) and quit cleanly on SIGTERM;
# and prints the bundle's size and its cold start to the main window next to the venv's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=.venv
OUT=build/bundle
BUNDLE=$OUT/dist/coopshare
EXE=$BUNDLE/coopshare
PASS="bundle smoke test passphrase"

say() { echo "build_bundle: $*" >&2; }

if [ "${1:-}" != "--no-build" ]; then
    ./dev setup
    say "installing PyInstaller into $VENV (build only)"
    "$VENV/bin/python" -m pip install -q -r requirements-build.txt 2>&1 |
        { grep -v '^WARNING: Location' || true; } >&2
    say "building (a few minutes)"
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath "$OUT/dist" --workpath "$OUT/work" packaging/pyinstaller/coopshare.spec
fi
[ -x "$EXE" ] || {
    say "no bundle at $EXE"
    exit 1
}

TMP=$(mktemp -d)
SERVER=""
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
# a clean environment: no venv on PATH, nothing of the developer's CoopShare settings
export COOPSHARE_PASSPHRASE=$PASS
unset COOPSHARE_HOME PYTHONPATH VIRTUAL_ENV || true
export PATH=/usr/local/bin:/usr/bin:/bin
A=$TMP/anna
B=$TMP/bram
cs() { "$EXE" "$@"; }

say "1. --help, --version"
cs --help | grep -q "usage: coopshare"
cs --version

say "2. init and coop create"
cs --home "$A" init --name Anna >/dev/null
cs --home "$A" coop create --name "Bundel test" >/dev/null
cs --home "$A" status

say "3. a second member joins and syncs on loopback"
cs --home "$A" serve --listen 127.0.0.1:0 --no-mdns >"$TMP/serve.out" 2>"$TMP/serve.err" &
SERVER=$!
for _ in $(seq 1 600); do
    grep -q '^listening on ' "$TMP/serve.out" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || {
        cat "$TMP/serve.err" >&2
        exit 1
    }
    sleep 0.1
done
ADDR=$(awk '/^listening on /{print $NF; exit}' "$TMP/serve.out")
[ -n "$ADDR" ] || {
    say "serve did not start"
    exit 1
}
cs --home "$B" init --name Bram >/dev/null
cs --home "$A" invite create --out "$TMP/invite.txt" >/dev/null
cs --home "$B" join "$TMP/invite.txt" --peer "$ADDR" >/dev/null
cs --home "$A" note add --title "Bundel-notitie" --body "over loopback" >/dev/null
cs --home "$B" sync --peer "$ADDR" >/dev/null
cs --home "$B" list notes | grep -q "Bundel-notitie" || {
    say "the note did not arrive"
    exit 1
}
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true
SERVER=""
say "   the note arrived"

# gui_start NAME CMD...: start the app offscreen on $A, wait for its main window, SIGTERM it;
# prints the seconds from start to the main window
gui_start() {
    local name=$1 logs=$TMP/logs-$1
    shift
    rm -rf "$logs"
    local t0
    t0=$(date +%s.%N)
    QT_QPA_PLATFORM=offscreen COOPSHARE_LOG_DIR=$logs "$@" --home "$A" >"$TMP/gui-$name.out" 2>&1 &
    local pid=$!
    for _ in $(seq 1 1200); do
        grep -q "main window shown" "$logs/coopshare.log" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || {
            cat "$TMP/gui-$name.out" >&2
            return 1
        }
        sleep 0.05
    done
    local t1
    t1=$(date +%s.%N)
    grep -q "main window shown" "$logs/coopshare.log" || return 1
    kill -TERM "$pid"
    local rc=0
    wait "$pid" || rc=$?
    [ "$rc" = 0 ] || {
        say "$name: exit $rc after SIGTERM"
        cat "$TMP/gui-$name.out" >&2
        return 1
    }
    grep -q "quitting" "$logs/coopshare.log" || return 1
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f\n", b - a}'
}

say "4. the desktop app offscreen: start, main window, quit"
# no mDNS from the smoke test (the app's default is on): only loopback traffic here
printf '[General]\nmdns=false\npeers=\n' >"$A/gui.ini"
bundle_first=$(gui_start bundle1 "$EXE")
bundle_s=$(gui_start bundle2 "$EXE")
venv_first=$(gui_start venv1 "$ROOT/$VENV/bin/coopshare")
venv_s=$(gui_start venv2 "$ROOT/$VENV/bin/coopshare")
say "   the app opened its main window and quit cleanly"

size=$(du -sh "$BUNDLE" | cut -f1)
say "OK. bundle $BUNDLE: $size ($(find "$BUNDLE" -type f | wc -l) files)"
say "start to main window, offscreen (first start, then again):"
say "   bundle ${bundle_first}s, ${bundle_s}s; venv (as ./dev run) ${venv_first}s, ${venv_s}s"
