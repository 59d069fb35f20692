#!/usr/bin/env bash
# Try the README's `./dev run` on a clean Debian, as a new user has it (root only).
#
#   tools/fresh_debian.sh [RELEASE...]        default: bookworm trixie (Debian 12 and 13)
#
# For each release: debootstrap a minbase chroot from Debian's own mirror, install only python3
# (what a desktop already has), then twice, each time in a fresh copy of that chroot:
#   root  as root, starting from the half-made .venv (no pip) that a bare `python3 -m venv`
#         leaves behind when python3-venv is missing (./dev must recreate it);
#   user  as a user "anna" in group sudo, with a sudo password typed on a terminal (script(1));
# copy the repository in (git archive HEAD: commit first), run `./dev run --version` (set-up
# time measured), run it again (must install nothing, no apt-get update), check that
# `./dev run` without a display fails with one line (exit 1), check Qt's xcb plugin with ldd,
# then start the demo app
# (`./dev run --demo`) on a real X server: an Xvfb started out here, its socket bind-mounted
# into the chroot. It waits for the main window (xdotool), takes a screenshot from inside the
# chroot (a Qt grab of the root window) and checks it is not blank. Screenshots go to
# screenshots/fresh-RELEASE-MODE.png (git-ignored). Prints set-up time and disk size per run.
#
# Everything lives under one temporary folder ($FRESH_DIR, default /var/tmp) that is unmounted
# and deleted on exit, whatever happens. The host gets debootstrap, xvfb and xdotool if missing.
# This sandbox reaches PyPI through a TLS proxy: the host's CA bundle is copied in and PIP_CERT
# set, as a desktop behind such a proxy would need.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "fresh_debian: needs root (debootstrap, chroot, mounts)" >&2; exit 77; }
REPO=$(cd "$(dirname "$0")/.." && pwd)
MIRROR=${FRESH_MIRROR:-http://deb.debian.org/debian}
RELEASES=("$@")
[ ${#RELEASES[@]} -gt 0 ] || RELEASES=(bookworm trixie)
HOST_CA=/etc/ssl/certs/ca-certificates.crt
CA=/usr/local/share/ca-certificates/fresh-debian-host.crt # in the chroot; no package rewrites it
PASSWORD=coopshare-test # anna's sudo password in the throwaway chroot
WINDOW_TIMEOUT=300
export CA PASSWORD
XVFB_PID=
WORK=

log() { echo "fresh_debian: $*" >&2; }

kill_chroot_procs() { # every process whose root is inside $1 (only what this script started)
    local p root
    for p in /proc/[0-9]*; do
        root=$(readlink "$p/root" 2>/dev/null || true)
        case "$root" in "$1"|"$1"/*) kill -9 "${p#/proc/}" 2>/dev/null || true ;; esac
    done
}

unmount_under() {
    local m
    kill_chroot_procs "$1"
    findmnt -rn -o TARGET | awk -v w="$1" 'index($0, w "/") == 1' | sort -r |
        while read -r m; do umount -l "$m" 2>/dev/null || true; done
}

cleanup() {
    local rc=$?
    set +e
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        unmount_under "$WORK"
        if findmnt -rn -o TARGET | grep -q "^$WORK/"; then
            log "mounts remain under $WORK: not deleting it"
        else
            rm -rf --one-file-system "$WORK"
        fi
    fi
    exit $rc
}
trap cleanup EXIT INT TERM

host_tools() {
    local missing=() t
    for t in debootstrap:debootstrap Xvfb:xvfb xdotool:xdotool; do
        command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t#*:}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing on this host: ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_xvfb() {
    local fifo="$WORK/xvfb.display"
    mkfifo "$fifo"
    Xvfb -displayfd 9 -screen 0 1280x800x24 -nolisten tcp -br -noreset 9>"$fifo" \
        >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    read -r DISPLAY_NO <"$fifo"
    export DISPLAY_NO
    log "Xvfb on :$DISPLAY_NO"
}

mount_chroot() { # DIR
    mount -t proc proc "$1/proc"
    mount --rbind /dev "$1/dev"
    mount --make-rslave "$1/dev"
    mkdir -p "$1/tmp/.X11-unix"
    mount --bind /tmp/.X11-unix "$1/tmp/.X11-unix"
}

# in_chroot DIR MODE COMMAND: run a shell command as a new user would, in the repo copy
in_chroot() {
    local dir=$1 mode=$2 cmd=$3
    local envs=(LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
        PIP_CERT="$CA" DISPLAY=":$DISPLAY_NO")
    if [ "$mode" = root ]; then
        chroot "$dir" env -i HOME=/root "${envs[@]}" bash -c "cd ~/coopshare && $cmd" </dev/null
    else
        # a terminal (script) so that sudo asks for the password; it is typed ahead on stdin
        printf '%s\n' "$PASSWORD" | chroot "$dir" runuser -u anna -- env -i HOME=/home/anna \
            USER=anna "${envs[@]}" script -qec "cd ~/coopshare && $cmd" /dev/null
    fi
}

du_mb() { du -sxm "$1" | cut -f1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

stop_chroot_procs() { # TERM, then KILL what is left
    local p root
    for p in /proc/[0-9]*; do
        root=$(readlink "$p/root" 2>/dev/null || true)
        case "$root" in "$1"|"$1"/*) kill -TERM "${p#/proc/}" 2>/dev/null || true ;; esac
    done
    sleep 5
    kill_chroot_procs "$1"
}

export -f in_chroot

# grab_colours DIR HOME: screenshot of the whole X screen from inside the chroot (a second X
# client, the chroot's own Qt), saved as DIR/tmp/shot.png; prints its number of colours
grab_colours() {
    chroot "$1" env -i DISPLAY=":$DISPLAY_NO" QT_QPA_PLATFORM=xcb HOME=/tmp \
        "$2/coopshare/.venv/bin/python" -c '
from PySide6.QtGui import QGuiApplication, QImage
app = QGuiApplication(["grab"])
img = app.primaryScreen().grabWindow(0).toImage().convertToFormat(QImage.Format.Format_RGB32)
img.save("/tmp/shot.png")
print(len(set(memoryview(img.constBits()).cast("I"))))' | tail -n 1
}

# one_run RELEASE MODE: a fresh copy of the base chroot, the set-up, the real-X start
one_run() {
    local rel=$1 mode=$2
    local dir="$WORK/$rel-$mode" out="$WORK/$rel-$mode.log" home
    cp -a "$WORK/$rel-base" "$dir"
    if [ "$mode" = root ]; then
        home=/root
    else
        home=/home/anna
    fi
    mount_chroot "$dir"
    if [ "$mode" = user ]; then
        chroot "$dir" env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes \
            apt-get install -y -qq --no-install-recommends sudo >/dev/null 2>&1
        chroot "$dir" useradd -m -s /bin/bash -G sudo anna
        echo "anna:$PASSWORD" | chroot "$dir" chpasswd
    fi
    mkdir -p "$dir$home/coopshare"
    git -C "$REPO" archive HEAD | tar -x -C "$dir$home/coopshare"
    [ "$mode" = root ] || chroot "$dir" chown -R anna:anna "$home/coopshare"

    if [ "$mode" = root ]; then
        # what an earlier ./dev left behind when python3-venv was missing: a .venv without pip
        chroot "$dir" bash -c "cd $home/coopshare && python3 -m venv .venv" >/dev/null 2>&1 || true
        if [ ! -d "$dir$home/coopshare/.venv" ] || [ -e "$dir$home/coopshare/.venv/bin/pip" ]; then
            log "$rel/$mode: expected a half-created .venv (no pip) from a bare 'python3 -m venv'"
            return 1
        fi
    fi
    local t0 t1 t2 setup_s again_s
    t0=$(now)
    if ! in_chroot "$dir" "$mode" "./dev run --version" >"$out" 2>&1; then
        log "$rel/$mode: ./dev run --version FAILED:"
        tail -n 30 "$out" >&2
        return 1
    fi
    t1=$(now)
    setup_s=$(since "$t0" "$t1")
    grep -q "^coopshare [0-9]" "$out" || { log "$rel/$mode: no version printed"; cat "$out" >&2; return 1; }
    in_chroot "$dir" "$mode" "./dev run --version" >"$out.again" 2>&1
    t2=$(now)
    again_s=$(since "$t1" "$t2")
    if grep -q "dev: \(installing\|creating\)" "$out.again"; then
        log "$rel/$mode: the second ./dev run installed something again:"
        cat "$out.again" >&2
        return 1
    fi
    # no display: one clear line, exit 1 (not a Qt abort)
    local rc=0
    in_chroot "$dir" "$mode" "DISPLAY= ./dev run" >"$out.nodisplay" 2>&1 || rc=$?
    if [ "$rc" != 1 ] || ! grep -q "no display found" "$out.nodisplay"; then
        log "$rel/$mode: ./dev run without a display gave exit $rc:"
        cat "$out.nodisplay" >&2
        return 1
    fi
    if [ "$mode" = root ] && ! grep -q "incomplete" "$out"; then
        log "$rel/$mode: ./dev did not say it recreated the half-made .venv"
        return 1
    fi
    local gone plugin
    plugin=$(cd "$dir" && ls -d ."$home"/coopshare/.venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so)
    plugin=${plugin#.}
    chroot "$dir" ldd "$plugin" | grep -q libxcb.so # positive control: ldd read it
    gone=$(chroot "$dir" ldd "$plugin" | grep 'not found' || true)
    if [ -n "$gone" ]; then
        log "$rel/$mode: Qt's xcb plugin lacks: $gone"
        return 1
    fi

    # the app on a real display; positive control: the screen before it is one flat colour
    local blank
    if ! blank=$(grab_colours "$dir" "$home") || [ "$blank" != 1 ]; then
        log "$rel/$mode: the empty screen has $blank colours: the blank check would mean nothing"
        return 1
    fi
    local t3
    t3=$(now)
    setsid -w bash -c "in_chroot '$dir' '$mode' 'exec ./dev run --demo'" >"$out.app" 2>&1 &
    local app=$! win="" deadline=$((SECONDS + WINDOW_TIMEOUT))
    while [ -z "$win" ]; do
        if ! kill -0 "$app" 2>/dev/null; then
            log "$rel/$mode: the app exited before its window showed:"
            tail -n 30 "$out.app" >&2
            return 1
        fi
        if [ $SECONDS -gt $deadline ]; then
            log "$rel/$mode: no main window after $WINDOW_TIMEOUT s"
            tail -n 30 "$out.app" >&2
            return 1
        fi
        win=$(DISPLAY=":$DISPLAY_NO" xdotool search --onlyvisible --name "De Kempen" 2>/dev/null || true)
        [ -n "$win" ] || sleep 1
    done
    local app_s
    app_s=$(since "$t3" "$(now)")
    local shot="$REPO/screenshots/fresh-$rel-$mode.png" stats colours
    mkdir -p "$REPO/screenshots"
    sleep 2 # let it paint once after mapping
    if ! stats=$(grab_colours "$dir" "$home" 2>>"$out.app"); then
        log "$rel/$mode: the screenshot failed:"
        tail -n 30 "$out.app" >&2
        return 1
    fi
    cp "$dir/tmp/shot.png" "$shot"
    colours=${stats:-0}
    stop_chroot_procs "$dir"
    wait "$app" 2>/dev/null || true
    if [ "$colours" -lt 50 ]; then
        log "$rel/$mode: the screenshot is blank ($colours colours): $shot"
        return 1
    fi

    local disk venv
    disk=$(du_mb "$dir")
    venv=$(du_mb "$dir$home/coopshare/.venv")
    unmount_under "$dir"
    local apt_line
    apt_line=$(grep -o "installing Debian packages.*" "$out" | tr '\n' ';' || true)
    printf 'RESULT %s %s: PASS set-up %.0f s (again %.1f s), window after %.1f s, chroot %s MB (.venv %s MB; base %s MB), screenshot %s colours (blank: %s)\n' \
        "$rel" "$mode" "$setup_s" "$again_s" "$app_s" "$disk" "$venv" "$BASE_MB" "$colours" "$blank"
    log "$rel/$mode: $apt_line"
    rm -rf --one-file-system "$dir"
}

host_tools
mkdir -p "${FRESH_DIR:-/var/tmp}"
WORK=$(mktemp -d "${FRESH_DIR:-/var/tmp}/coopshare-fresh.XXXXXX")
start_xvfb
status=0
for rel in "${RELEASES[@]}"; do
    base="$WORK/$rel-base"
    t0=$SECONDS
    if ! debootstrap --variant=minbase "$rel" "$base" "$MIRROR" >"$WORK/$rel-debootstrap.log" 2>&1; then
        log "$rel: debootstrap from $MIRROR failed:"
        tail -n 20 "$WORK/$rel-debootstrap.log" >&2
        echo "RESULT $rel: FAIL (debootstrap)"
        status=1
        continue
    fi
    mkdir -p "$base$(dirname "$CA")"
    cp "$HOST_CA" "$base$CA"
    echo "127.0.1.1 $(hostname)" >>"$base/etc/hosts" # as the installer writes it (sudo looks)
    chroot "$base" env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin DEBIAN_FRONTEND=noninteractive \
        DEBCONF_NOWARNINGS=yes apt-get install -y -qq --no-install-recommends python3 \
        2>&1 >/dev/null | { grep -v "Can not write log" || true; } >&2
    BASE_MB=$(du_mb "$base")
    log "$rel: base chroot with python3 ($(chroot "$base" python3 -V)) in $((SECONDS - t0)) s, $BASE_MB MB"
    for mode in root user; do
        set +e
        (
            set -e
            one_run "$rel" "$mode"
        )
        rc=$?
        set -e
        if [ $rc != 0 ]; then
            echo "RESULT $rel $mode: FAIL (see above)"
            status=1
        fi
        unmount_under "$WORK/$rel-$mode"
        rm -rf --one-file-system "$WORK/$rel-$mode"
    done
    rm -rf --one-file-system "$base"
done
exit $status
