"""The read models of ``service/read_models.py``, built from a :class:`Coop` on the store thread
(through :class:`~coopshare.service.api_commands.Api`), or from the plain rows the older view
functions (``views*.py``, ``peers.py``, ``quarantine.py``) still return inside the service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coopshare.model import lead_rules
from coopshare.model.items import Kind, wikilinks
from coopshare.protocol.content import ITEM_ID_LEN
from coopshare.service import peers as peerbook
from coopshare.service import (
    quarantine,
    views,
    views_lead,
    views_people,
    views_work,
)
from coopshare.service.coop import Coop
from coopshare.service.read_models import (
    AudienceMember,
    HeldBack,
    KnownPeer,
    LeadGlance,
    Link,
    Me,
    Member,
    MemberCard,
    NearbyPeer,
    NewInvite,
    NoteDetail,
    Overview,
    Profile,
    Status,
    ThisDevice,
    Watch,
    Window,
)


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _me(d: Mapping[str, Any]) -> Me:
    return Me(name=str(d["name"]), member_id=str(d["member_id"]), device_id=str(d["device_id"]))


def status(coop: Coop) -> Status:
    d = coop.status()
    return Status(
        coop_id=d["coop_id"],
        coop_name=d["coop_name"],
        me=_me(d["me"]),
        members=d["members"],
        ops=d["ops"],
        items=dict(d["items"]),
        version_vector=dict(d["version_vector"]),
        roster_heads=_strs(d["roster_heads"]),
        epoch=d["epoch"],
        quarantined=d["quarantined"],
        equivocating_devices=_strs(d["equivocating_devices"]),
    )


def overview(coop: Coop) -> Overview:
    d = coop.status()
    return Overview(
        coop_name=d["coop_name"],
        me=_me(d["me"]),
        members=d["members"],
        items=dict(d["items"]),
        is_admin=coop.roster.is_admin(coop.me.member_id),
    )


def diagnostics(coop: Coop) -> list[HeldBack]:
    return [
        HeldBack(
            op_id=h["op_id"],
            state=h["state"],
            kind=h["kind"],
            device=h["device"],
            author=h["author"],
            reason=h["reason"],
            since=h["since"],
        )
        for h in quarantine.diagnostics(coop)
    ]


def _member(m: Mapping[str, Any]) -> Member:
    return Member(
        member_id=m["member_id"],
        name=m["name"],
        role=m["role"],
        devices=int(m["devices"]),
        me=bool(m["me"]),
    )


def members(coop: Coop) -> list[Member]:
    return [_member(m) for m in coop.members()]


def _windows(windows: Any) -> tuple[Window, ...]:
    return tuple(Window.of(w) for w in windows or () if isinstance(w, Mapping))


def member_cards(coop: Coop) -> list[MemberCard]:
    from coopshare.service import verify

    out = []
    for r in views_people.members(coop):
        v = verify.state(coop, bytes.fromhex(r["member_id"]))
        out.append(
            MemberCard(
                member_id=r["member_id"],
                name=r["name"],
                role=r["role"],
                devices=int(r["devices"]),
                me=bool(r["me"]),
                safety=r["safety"],
                skills=_strs(r["skills"]),
                availability=_windows(r["availability"]),
                ambitions=str(r["ambitions"]),
                verification=v.state,
                new_devices=v.new_devices,
            )
        )
    return out


def my_profile(coop: Coop) -> Profile:
    d = views_people.my_profile(coop)
    return Profile(
        name=str(d["name"]),
        skills=_strs(d["skills"]),
        availability=_windows(d["availability"]),
        ambitions=str(d["ambitions"]),
        updated=int(d["updated"]),
        exists=bool(d["exists"]),
    )


def new_invite(d: Mapping[str, Any]) -> NewInvite:
    return NewInvite(
        text=str(d["text"]),
        expires=int(d["expires"]),
        role=str(d["role"]),
        addrs=_strs(d["addrs"]),
        file_text=str(d.get("file_text", "")),
        coop_name=str(d.get("coop_name", "")),
        inviter=str(d.get("inviter", "")),
    )


def audience_members(coop: Coop) -> list[AudienceMember]:
    return [
        AudienceMember(member_id=m["member_id"], name=m["name"], me=bool(m["me"]))
        for m in views_work.audience_members(coop)
    ]


def note_detail(coop: Coop, item_id: str) -> NoteDetail | None:
    """The note `item_id` (hex) as the editor shows it; None if unknown or not a note."""
    key = views.id_from_hex(item_id, ITEM_ID_LEN)
    st = None if key is None else coop.item(key)
    if st is None or st.kind is not Kind.NOTE:
        return None
    v = st.view()
    body = str(v.get("body") or "")
    return NoteDetail(
        id=st.item_id.hex(),
        title=str(v.get("title") or ""),
        body=body,
        tags=_strs(v.get("tags")),
        author=views.author_name(coop, st),
        mine=st.creator == coop.me.member_id[:8],
        updated=st.updated >> 16,
        conflicts=_strs(v.get("conflicts")),
        links=tuple(wikilinks(body)),
        deleted=st.is_deleted,
    )


def backlinks(coop: Coop, title: str) -> list[Link]:
    return [Link(id=d["id"], title=str(d["title"])) for d in views.backlinks(coop, title)]


def search(coop: Coop, text: str, limit: int) -> list[views.Row]:
    names: dict[bytes, str] = {}
    return [views.row(coop, st, names) for st in coop.search(text, limit)]


def watch(coop: Coop) -> Watch:
    """My skills, the leads (title, status, mine, skills) and the members' names."""
    from coopshare.service import coi, fits

    me = coop.me.member_id[:8]
    skills: frozenset[str] = frozenset()
    for st in coop.items(Kind.PROFILE):
        if st.creator == me:
            skills = frozenset(str(s).casefold() for s in st.value("skills", []) or [])
    leads = {}
    declared = coi.names(coop)
    for st in coop.items(Kind.LEAD):
        history = lead_rules.derive(st).history
        leads[st.item_id.hex()] = LeadGlance(
            title=str(st.value("title", "") or ""),
            status=str(st.value("status", "") or ""),
            mine=st.creator == me,
            skills=_strs(st.value("skills", [])),
            steps=len(history),
            last=views_lead.step_of(coop, history[-1]) if history else None,
            excluded=bool(declared) and fits.conflicted(coop, st, declared),
        )
    names = {m["member_id"]: m["name"] for m in coop.members()}
    return Watch(skills=skills, leads=leads, members=names)


def peer_list(coop: Coop) -> list[KnownPeer]:
    return [
        KnownPeer(
            addr=e["addr"],
            device=e["device"],
            last_seen=e["last_seen"],
            how=e["how"],
            connected=bool(e["connected"]),
        )
        for e in peerbook.overview(coop)
    ]


def nearby_peer(r: Mapping[str, Any]) -> NearbyPeer:
    return NearbyPeer(
        device=str(r["device"]),
        member=str(r["member"]),
        addr=str(r["addr"]),
        how=str(r["how"]),
        connected=bool(r["connected"]),
        last_seen=int(r["last_seen"]),
        in_sync=bool(r.get("in_sync", False)),
        device_name=str(r.get("device_name", "")),
    )


def this_device(coop: Coop, listen: tuple[str, int] | None) -> ThisDevice:
    me = coop.me
    addrs = tuple(views_people.invite_addresses(coop, listen)) if listen is not None else ()
    return ThisDevice(
        name=me.name,
        member_id=me.member_id.hex(),
        device_id=me.device_id.hex(),
        addresses=addrs,
        listening=listen is not None,
    )
