"""Read models for the GUI's People, Nearby, invite and settings screens.

Plain functions of a :class:`Coop` run on the store's thread (through ``Node.db``); the ``async``
ones run on the network thread because they also read the Node's live state (sessions, mDNS
finds, the listening address). Everything returned is plain data that may cross to the GUI.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any

from coopshare.identity import keystore
from coopshare.model.fold import ItemState
from coopshare.model.items import Kind
from coopshare.service import invites, liveinfo, views
from coopshare.service import peers as peerbook
from coopshare.service.coop import Coop

if TYPE_CHECKING:
    from pathlib import Path

    from coopshare.service.node import Node

MAX_WINDOW_DAYS = 90
_WILDCARD = ("0.0.0.0", "::", "")  # noqa: S104 - compared with, never bound


# --- profiles -----------------------------------------------------------------------------------


def _profile_of(coop: Coop, member_id: bytes) -> dict[str, Any] | None:
    st = coop.item(member_id[:8] + b"profile\0")
    return None if st is None else profile_of(st)


def profile_of(st: ItemState) -> dict[str, Any] | None:
    """A profile item as the People page shows it (never raises for a peer's values)."""
    if st.is_deleted or st.kind is not Kind.PROFILE:
        return None
    return {  # availability: window items (service/talent.py); the old field is not read
        "skills": [str(s) for s in st.value("skills", []) or []],
        "availability": [],
        "ambitions": str(st.value("ambitions", "") or ""),
        "updated": st.updated >> 16,
    }


def my_profile(coop: Coop) -> dict[str, Any]:
    """My own talent profile (empty fields if I never saved one) and my name."""
    found = _profile_of(coop, coop.me.member_id)
    out: dict[str, Any] = {
        "name": coop.me.name,
        "skills": [],
        "availability": [],
        "ambitions": "",
        "updated": 0,
        "exists": found is not None,
    }
    if found is not None:
        out.update(found)
    out["availability"] = _window_dicts(coop).get(coop.me.member_id[:8], [])
    return out


def _window_dicts(coop: Coop) -> dict[bytes, list[dict[str, Any]]]:
    """Visible windows by subject prefix, in the stored form (``from``/``to``/...)."""
    from coopshare.service import talent  # the talent bank loads when a profile is first read

    return {
        subject: [
            {
                "from": w.start.isoformat(),
                "to": w.end.isoformat(),
                "hours": w.hours,
                "region": w.region,
                "remote": w.remote,
            }
            for w in ws
        ]
        for subject, ws in talent.windows_by_subject(coop).items()
    }


def current_windows(
    windows: list[dict[str, Any]], today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Availability windows that have not ended yet (windows expire; they are renewed, not kept)."""
    today = today or dt.date.today()
    out = []
    for w in windows:
        try:
            end = dt.date.fromisoformat(str(w.get("to", ""))[:32])
        except ValueError:
            continue
        if end >= today:
            out.append(w)
    return out


def members(coop: Coop) -> list[dict[str, Any]]:
    """Members with safety numbers (:func:`views.members`) plus each one's current profile."""
    rows = views.members(coop)
    windows = _window_dicts(coop)
    for r in rows:
        prof = _profile_of(coop, bytes.fromhex(r["member_id"]))
        r["skills"] = prof["skills"] if prof else []
        r["availability"] = windows.get(bytes.fromhex(r["member_id"])[:8], [])
        r["ambitions"] = prof["ambitions"] if prof else ""
    return rows


# --- nearby -------------------------------------------------------------------------------------


def _member_of_device(coop: Coop, device_hex: str) -> str:
    try:
        member = coop.roster.member_of(bytes.fromhex(device_hex))
    except ValueError:
        return ""
    return coop.member_name(member) if member else ""


def _known_peers(coop: Coop) -> dict[str, Any]:
    known = peerbook.load(coop)
    names = {e["device"]: _member_of_device(coop, e["device"]) for e in known}
    return {"known": known, "names": names}


async def nearby(node: Node) -> list[dict[str, Any]]:
    """Peers for the Nearby page: connected sessions, members found on this network, and the
    peer book (with when each was last seen). Runs on the network thread.

    Each row: ``device`` (hex or ""), ``member`` (name or ""), ``addr``, ``how``
    (mdns | manual | inbound), ``connected`` and ``last_seen`` (unix seconds, 0 if never).
    """
    now = int(time.time())
    sessions: list[dict[str, Any]] = [
        {
            "device": s.device.hex(),
            "addr": s.addr,
            "how": s.how,
            "sync": s.engine.converged.is_set(),
        }
        for s in list(node.sessions.values())
    ]
    found = [list(addrs) for addrs in list(node.discovered.values()) if addrs]
    book = await node.db(_known_peers)
    names: dict[str, str] = dict(book["names"])
    missing = [s["device"] for s in sessions if s["device"] not in names]
    if missing:
        extra = await node.db(lambda c: {d: _member_of_device(c, d) for d in missing})
        names.update(extra)

    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for s in sessions:
        seen.add(s["device"])
        rows.append(
            {
                "device": s["device"],
                "member": names.get(s["device"], ""),
                "addr": s["addr"],
                "how": s["how"],
                "connected": True,
                "last_seen": now,
                "in_sync": s["sync"],
            }
        )
    connected_hosts = {_host(s["addr"]) for s in sessions}
    for addrs in found:
        host, port = addrs[0]
        if host in connected_hosts:
            continue
        rows.append(
            {
                "device": "",
                "member": "",
                "addr": _fmt(host, port),
                "how": "mdns",
                "connected": False,
                "last_seen": now,
            }
        )
    for e in book["known"]:
        if e["device"] in seen:
            continue
        seen.add(e["device"])
        rows.append(
            {
                "device": e["device"],
                "member": names.get(e["device"], ""),
                "addr": e["addr"],
                "how": e["how"],
                "connected": False,
                "last_seen": int(e["last_seen"] or 0),
            }
        )
    devices = [r["device"] for r in rows if r["device"]]
    if devices:  # the names given to devices here (device_names.py)
        from coopshare.service import device_names

        labels = await node.db(lambda c: device_names.names_of(c, devices))
        for r in rows:
            r["device_name"] = labels.get(r["device"], "")
    return rows


def _host(addr: str) -> str:
    host = addr.rpartition(":")[0] if ":" in addr else addr
    return host.strip("[]")


def _fmt(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# --- invitations --------------------------------------------------------------------------------


def invite_addresses(coop: Coop, listen: tuple[str, int] | None) -> list[str]:
    """Where a joiner can reach this device: the running node's advertised addresses, else the
    listening address of this process (a wildcard expanded to this machine's LAN addresses)."""
    pairs = liveinfo.advertised(coop)
    if not pairs and listen is not None:
        host, port = listen
        if host in _WILDCARD:
            pairs = [(ip, port) for ip in liveinfo.lan_addresses()] or [("127.0.0.1", port)]
        else:
            pairs = [(host, port)]
    return list(dict.fromkeys(_fmt(h, p) for h, p in pairs))


def create_invite(
    coop: Coop, role: str, ttl: int, listen: tuple[str, int] | None
) -> dict[str, Any]:
    """A new single-use invitation (only admins may: raises UserError otherwise)."""
    addrs = invite_addresses(coop, listen)
    invitation = invites.create(coop, role, addrs, ttl)
    return {
        "text": invitation.to_text(),
        "file_text": invites.file_text(invitation),
        "coop_name": invitation.coop_name,
        "inviter": invitation.inviter,
        "expires": invitation.expires,
        "role": invitation.role,
        "addrs": list(invitation.addrs),
    }


async def new_invite(node: Node, role: str, ttl: int) -> dict[str, Any]:
    """:func:`create_invite` with this node's listening address; runs on the network thread."""
    listen = node.listen_addr
    return await node.db(lambda c: create_invite(c, role, ttl, listen))


def can_invite(coop: Coop) -> bool:
    return coop.coop_id is not None and coop.roster.is_admin(coop.me.member_id)


# --- passphrase ---------------------------------------------------------------------------------


async def change_passphrase(home: Path, old: str, new: str) -> None:
    """Re-wrap the master key under a new passphrase, off the GUI and store threads
    (Argon2id takes a moment). Raises WrongPassphrase if `old` is wrong."""
    import asyncio

    await asyncio.to_thread(keystore.change_passphrase, home, old, new)
