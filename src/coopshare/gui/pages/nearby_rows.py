"""What the Nearby page lists: one row per member (their devices folded together), addresses
as people read them, and when each member was last synced with (#24)."""

from __future__ import annotations

from dataclasses import dataclass

from coopshare.service.api import NearbyPeer

_MAPPED = "::ffff:"  # an IPv4 peer on a dual-stack socket: show the IPv4 address


def display_addr(addr: str, how: str) -> str:
    """``::ffff:192.168.1.5`` as ``192.168.1.5``; a peer that connected to us shows its host
    only (its port is a throwaway one its system picked, nobody can dial it)."""
    host, sep, port = addr.rpartition(":")
    if not sep:
        return addr
    host = host.strip("[]")
    if host.lower().startswith(_MAPPED) and "." in host:
        host = host[len(_MAPPED) :]
    if how == "inbound":
        return host
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


@dataclass(frozen=True, slots=True)
class MemberNearby:
    """A member (or an unrecognised find) with the devices of theirs this one knows about."""

    member: str  # name, or "" for a device not recognised yet
    devices: tuple[str, ...]  # hex ids, connected first
    names: tuple[str, ...]  # the name given to each of `devices` here; "" for none
    addr: str  # shown address: of a connected device, else the most recent
    how: str
    connected: bool
    in_sync: bool  # every connected device of theirs is in sync
    last_seen: int  # unix seconds: now while connected, else the latest of their devices
    peer: NearbyPeer  # the row the address comes from


def per_member(rows: list[NearbyPeer], remembered: dict[str, int]) -> list[MemberNearby]:
    """Fold the node's rows (one per device or find) into one per member, connected members
    first. `remembered`: device → when this window last saw it connected (the peer book keeps
    the time a session started; a session that just ended was seen just now)."""
    groups: dict[str, list[NearbyPeer]] = {}
    for i, r in enumerate(rows):
        key = f"m:{r.member}" if r.member else f"d:{r.device}" if r.device else f"a:{i}"
        groups.setdefault(key, []).append(r)
    out = []
    for group in groups.values():
        group.sort(key=lambda r: (not r.connected, -_seen(r, remembered)))
        best = group[0]
        connected = [r for r in group if r.connected]
        devices = tuple(dict.fromkeys(r.device for r in group if r.device))
        named = {r.device: r.device_name for r in group if r.device}
        out.append(
            MemberNearby(
                member=best.member,
                devices=devices,
                names=tuple(named.get(d, "") for d in devices),
                addr=display_addr(best.addr, best.how),
                how=best.how,
                connected=bool(connected),
                in_sync=bool(connected) and all(r.in_sync for r in connected),
                last_seen=max(_seen(r, remembered) for r in group),
                peer=best,
            )
        )
    out.sort(key=lambda m: (not m.connected, not m.member, m.member.casefold(), -m.last_seen))
    return out


def _seen(r: NearbyPeer, remembered: dict[str, int]) -> int:
    return max(r.last_seen, remembered.get(r.device, 0))
