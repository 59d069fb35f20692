#!/usr/bin/env bash
# Build the carrier container (packaging/container/Containerfile) with podman and prove it
# carries a cooperative's ops (root only; nothing leaves a network namespace made here).
#
#   tools/container_smoke.sh
#
# 1. Base image: the Containerfile names a dated Debian 12 slim image from Docker Hub. Where
#    that registry is not reachable (as in this sandbox), a Debian 12 minbase made by
#    debootstrap from Debian's own mirror is imported under that name first; the script says
#    which it used. 2. `pip wheel` of the working tree, then `podman build`. Behind a TLS proxy
#    (PIP_CERT set, as here) the host's CA bundle and a pip.conf naming it are mounted into the
#    build steps only: nothing of them stays in the image. 3. In a fresh network namespace
#    with only `lo`: Anna (the venv's coopshare, on the host's files) creates a cooperative and
#    serves on 127.0.0.1; the carrier, a container of the image (`--network=host` inside that
#    namespace, uid 10001, data on a folder owned by 10001, the passphrase from a mounted
#    secret file), runs `init`, joins by Anna's invitation, then serves; Anna writes a note and
#    pushes it to the carrier; the carrier's own `list notes` (in a second container) shows it.
#    Control: before the push, the carrier does not have it. Prints image size and timings.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "container_smoke: needs root (podman, ip netns)" >&2; exit 77; }
REPO=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$REPO/.venv/bin/python}
BASE=docker.io/library/debian:bookworm-20251229-slim
IMAGE=localhost/coopshare-carrier:smoke
NS=coopshare-ctr-$$
WORK=$(mktemp -d /var/tmp/coopshare-ctr.XXXXXX)
PASS="correct horse battery staple"
PORT=47490
log() { echo "container_smoke: $*" >&2; }
cleanup() {
	ip netns pids "$NS" 2>/dev/null | xargs -r kill 2>/dev/null || true
	ip netns del "$NS" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
command -v podman >/dev/null || { log "installing podman"; apt-get install -y -q podman >/dev/null; }

t0=$(date +%s)
if podman image exists "$BASE" || podman pull -q "$BASE" >/dev/null 2>&1; then
	log "base image: $BASE"
else
	command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
	log "Docker Hub not reachable: importing a debootstrap minbase bookworm as $BASE"
	debootstrap --variant=minbase bookworm "$WORK/rootfs" http://deb.debian.org/debian >/dev/null
	rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb
	tar -C "$WORK/rootfs" -c . | podman import -q - "$BASE" >/dev/null
	rm -rf "$WORK/rootfs"
fi

git -C "$REPO" archive --prefix=src/ HEAD | tar -x -C "$WORK"
(cd "$WORK/src" && "$PY" -m pip wheel -q --no-deps -w dist .)
MOUNTS=()
if [ -n "${PIP_CERT:-}" ]; then
	printf '[global]\ncert = /etc/ssl/certs/host-ca.crt\n' >"$WORK/pip.conf"
	MOUNTS=(--volume "$PIP_CERT:/etc/ssl/certs/host-ca.crt:ro" --volume "$WORK/pip.conf:/etc/pip.conf:ro")
fi
t1=$(date +%s)
podman build -q --network=host --isolation=chroot "${MOUNTS[@]}" \
	-f "$WORK/src/packaging/container/Containerfile" -t "$IMAGE" "$WORK/src" >/dev/null
t2=$(date +%s)
size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
log "image built in $((t2 - t1)) s (base + wheel $((t1 - t0)) s): $((size / 1000000)) MB"

ip netns add "$NS"
ip -n "$NS" link set lo up
in_ns() { ip netns exec "$NS" "$@"; }
anna() { COOPSHARE_PASSPHRASE="$PASS" in_ns "$PY" -m coopshare --home "$WORK/anna" "$@"; }
install -d -o 10001 -g 10001 -m 0700 "$WORK/carrier"
printf '%s\n' "$PASS" >"$WORK/secret" && chown 10001:10001 "$WORK/secret" && chmod 0400 "$WORK/secret"
RUN=(podman run --rm --network=host --ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)"
	-v "$WORK/carrier:/data" -v "$WORK/secret:/run/secrets/coopshare-passphrase:ro" -v "$WORK/inv:/inv:ro")
mkdir -p "$WORK/inv"
ROOT=
if in_ns "${RUN[@]}" "$IMAGE" --version >/dev/null 2>"$WORK/run.err"; then
	log "running the image with podman run"
	carrier() { in_ns "${RUN[@]}" "$IMAGE" "$@"; }
else
	# Some sandboxes (this one) refuse every OCI runtime (crun and runc fail to set rlimits).
	# Then run the image's own file system, entry point, user and environment by chroot.
	log "podman run refused here ($(tail -1 "$WORK/run.err")): running the image's file system by chroot as its user"
	cid=$(podman create "$IMAGE")
	ROOT=$(podman mount "$cid")
	mount --bind /dev "$ROOT/dev" && mount -t proc proc "$ROOT/proc"
	mkdir -p "$ROOT/run/secrets" "$ROOT/inv"
	mount --bind "$WORK/carrier" "$ROOT/data" && mount --bind "$WORK/inv" "$ROOT/inv"
	mount --bind "$WORK/secret" "$ROOT/run/secrets/coopshare-passphrase" 2>/dev/null ||
		{ touch "$ROOT/run/secrets/coopshare-passphrase" && mount --bind "$WORK/secret" "$ROOT/run/secrets/coopshare-passphrase"; }
	user=$(podman image inspect "$IMAGE" --format '{{.Config.User}}')
	entry=$(podman image inspect "$IMAGE" --format '{{range .Config.Entrypoint}}{{.}} {{end}}')
	mapfile -t ENVS < <(podman image inspect "$IMAGE" --format '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
	# shellcheck disable=SC2086 # the entry point is one word here
	carrier() { in_ns chroot --userspec="$user" "$ROOT" env -i "${ENVS[@]}" $entry "$@"; }
	cleanup_root() { umount "$ROOT/run/secrets/coopshare-passphrase" "$ROOT/inv" "$ROOT/data" "$ROOT/proc" "$ROOT/dev" 2>/dev/null || true; podman umount "$cid" >/dev/null; podman rm -f "$cid" >/dev/null; }
	trap 'cleanup_root; cleanup' EXIT
fi

export PYTHONPATH="$WORK/src/src"
anna init --name Anna >/dev/null
anna coop create --name "Container Coop" >/dev/null
anna serve --listen "127.0.0.1:$PORT" --no-mdns >"$WORK/anna.log" 2>&1 &
apid=$!
sleep 1
anna invite create --out "$WORK/inv/carrier.txt" >/dev/null
chmod 0644 "$WORK/inv/carrier.txt"
carrier --version
carrier init --name "Carrier (container)" >/dev/null
carrier join /inv/carrier.txt --peer "127.0.0.1:$PORT" >/dev/null
log "the carrier joined from inside the image"
kill "$apid" && wait "$apid" 2>/dev/null || true

carrier serve --listen "127.0.0.1:$((PORT + 1))" --no-mdns >"$WORK/carrier.log" 2>&1 &
cpid=$!
title="Container smoke $$"
anna note add --title "$title" --body "through the carrier image" >/dev/null
listed() { carrier list notes --json; }
sleep 2
if listed | grep -q "$title"; then log "FAIL: the carrier had the note before any sync (control)"; exit 1; fi
anna sync --peer "127.0.0.1:$((PORT + 1))" --once >/dev/null
for _ in $(seq 60); do
	if listed | grep -q "$title"; then
		log "OK: the note reached the carrier (total $(($(date +%s) - t0)) s)"
		kill "$cpid"; wait "$cpid" 2>/dev/null || true
		exit 0
	fi
	sleep 1
done
tail -20 "$WORK/carrier.log" >&2
log "FAIL: the note never reached the carrier"
exit 1
