"""Authoring roster ops: creating and joining the cooperative, members, devices, epochs.

:class:`coopshare.service.coop.Coop` builds on this class with the item commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coopshare.crypto import primitives as p
from coopshare.errors import (
    RULE_ADMIN_ONLY,
    RULE_ROSTER,
    AmbiguousName,
    NameRequired,
    NoCoop,
    NoCoopKey,
    NoSuchMember,
    NotAllowed,
    OtherCoop,
)
from coopshare.model.roster import DeviceRecord, Role
from coopshare.protocol import roster_body
from coopshare.protocol.ops import OpKind, make_op
from coopshare.service import restored
from coopshare.service.replica import Applied, Replica


class RosterAuthor(Replica):
    """Writing ops: the cooperative, its roster and members (Coop adds items)."""

    # --- op authoring -------------------------------------------------------------------------

    def _append(self, kind: OpKind, body: bytes, epoch: bytes = b"") -> Applied:
        restored.check_may_write(self)  # a restored folder first catches up its own log
        with self.transaction(durable=kind.is_roster):
            last = self.store.last_of(self.me.device_id)
            seq, backlink = (last[0] + 1, last[1]) if last else (1, None)
            op = make_op(
                self.me.device_key,
                coop_id=b"" if kind is OpKind.GENESIS else self._coop(),
                device=self.me.device_id,
                seq=seq,
                backlink=backlink,
                hlc=self.clock.tick(),
                parents=self.roster.heads,
                kind=kind,
                epoch=epoch,
                body=body,
            )
            return self.apply(op.encode())

    def _coop(self) -> bytes:
        if self.coop_id is None:
            raise NoCoop()
        return self.coop_id

    def _epoch(self) -> tuple[bytes, bytes]:
        """(epoch id, key) to write under: the newest epoch of the roster whose key we hold."""
        for eid, _ in reversed(self.roster.epochs):
            if eid in self.epoch_keys:
                return eid, self.epoch_keys[eid]
        raise NoCoopKey()

    # --- cooperative and roster ---------------------------------------------------------------

    def create_coop(self, name: str) -> bytes:
        if self.coop_id is not None:
            raise OtherCoop()
        if not name.strip():
            raise NameRequired()
        body, eid = roster_body.genesis(self.me, name.strip(), p.random_bytes(32))
        self._append(OpKind.GENESIS, body, eid)
        return self._coop()

    def adopt_coop(self, coop_id: bytes) -> None:
        """Accept ops of `coop_id` from now on (the joiner's side of an invitation)."""
        if self.coop_id not in (None, coop_id):
            raise OtherCoop()
        with self.transaction(durable=True):
            self.store.set_meta("coop_id", coop_id)
        self.coop_id = coop_id

    def join_request(self) -> dict[str, Any]:
        """What a joining device hands the inviting admin: its keys, certified by its member key."""
        return {
            "member_pk": self.me.member_pk,
            "name": self.me.name,
            "device": roster_body.device_bundle(self.me),
        }

    def add_member(self, request: Mapping[str, Any], role: Role = Role.MEMBER) -> bytes:
        """Admit a joiner; a known member's new device (same member key) becomes add_device."""
        member_id = roster_body.parse_bundle(request["device"], request["member_pk"]).member_id
        if member_id in self.roster.members:
            return self.add_device(request)
        self._require_admin()
        eid, key = self._epoch()
        body = roster_body.add_member(
            request["member_pk"],
            str(request["name"]),
            dict(request["device"]),
            role,
            key,
            self._coop(),
        )
        applied = self._append(OpKind.ADD_MEMBER, body, eid)
        if applied.op_id in self.roster.invalid:
            raise NotAllowed("already a member?", rule=RULE_ROSTER)
        return member_id

    def add_device(self, request: Mapping[str, Any]) -> bytes:
        """Add another device of an existing member (an admin, or the member itself)."""
        member_id = roster_body.parse_bundle(request["device"], request["member_pk"]).member_id
        if member_id != self.me.member_id:
            self._require_admin()
        eid, key = self._epoch()
        body = roster_body.add_device(
            request["member_pk"], dict(request["device"]), key, self._coop()
        )
        applied = self._append(OpKind.ADD_DEVICE, body, eid)
        if applied.op_id in self.roster.invalid:
            raise NotAllowed(rule=RULE_ROSTER)
        return member_id

    def remove_member(self, member_id: bytes) -> None:
        self._require_admin()
        if member_id not in self.roster.members:
            raise NoSuchMember(name=member_id.hex()[:16])
        remaining = [d for d in self._active_devices() if d.member_id != member_id]
        self._new_epoch(OpKind.REMOVE_MEMBER, {"member": member_id}, remaining)

    def revoke_device(self, device_id: bytes) -> None:
        remaining = [d for d in self._active_devices() if d.device_id != device_id]
        self._new_epoch(OpKind.REVOKE_DEVICE, {"device_id": device_id}, remaining)

    def rotate(self) -> None:
        self._require_admin()
        self._new_epoch(OpKind.ROTATE, {}, self._active_devices())

    def change_role(self, member_id: bytes, role: Role) -> None:
        self._require_admin()
        eid, _ = self._epoch()
        self._append(OpKind.CHANGE_ROLE, roster_body.change_role(member_id, role), eid)

    def _new_epoch(
        self, kind: OpKind, subject: dict[str, bytes], recipients: list[DeviceRecord]
    ) -> None:
        eid, _ = self._epoch()
        body, _new = roster_body.new_epoch(
            subject, p.random_bytes(32), self._coop(), recipients, self.epoch_keys
        )
        applied = self._append(kind, body, eid)
        if applied.op_id in self.roster.invalid:
            raise NotAllowed(rule=RULE_ROSTER)

    def _active_devices(self) -> list[DeviceRecord]:
        return [self.roster.devices[d] for d in sorted(self.roster.active)]

    def _require_admin(self) -> None:
        self._coop()
        if not self.roster.is_admin(self.me.member_id):
            raise NotAllowed(rule=RULE_ADMIN_ONLY)

    # --- members ------------------------------------------------------------------------------

    def members(self) -> list[dict[str, Any]]:
        out = []
        for mid, m in self.roster.members.items():
            out.append(
                {
                    "member_id": mid.hex(),
                    "name": self.member_name(mid),
                    "role": m.role.value,
                    "devices": len(self.roster.active_devices_of(mid)),
                    "me": mid == self.me.member_id,
                }
            )
        return sorted(out, key=lambda m: (m["name"].casefold(), m["member_id"]))

    def find_member(self, name: str) -> bytes:
        wanted = name.strip().casefold()
        hits = [mid for mid in self.roster.members if self.member_name(mid).casefold() == wanted]
        hits = hits or [mid for mid in self.roster.members if mid.hex().startswith(wanted)]
        if len(hits) != 1:
            raise NoSuchMember(name=name) if not hits else AmbiguousName(name=name)
        return hits[0]
