"""Admission at the door, the pure rules (protocol/admission.py): the sealed certificate of a
mode-3 knock, the restricted phase's gate, and the chain check that decides whether roster ops
presented by an unknown device admit it. Real keys and replicas; each refusal has a positive
control showing the same input, honest, is accepted."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopshare.errors import AdmissionRefused, BadSignature, ValidationError
from coopshare.identity.keys import Identity
from coopshare.model.roster import Role
from coopshare.protocol import admission as adm
from coopshare.protocol import knock, roster_body
from coopshare.protocol.codec import pack
from coopshare.protocol.ops import Op, OpKind, decode_op
from coopshare.service.coop import Coop

from .conftest import MakeCoop, join
from .forge import forge


def _roster_wires(c: Coop) -> list[bytes]:
    return [w for w in c.wire_ops() if decode_op(w).header.kind.is_roster]


def _lacking(src: Coop, dst: Coop) -> list[Op]:
    """The roster ops `src` holds and `dst` lacks: what src presents in the roster phase."""
    have = set(dst.roster_bodies())
    return [o for o in map(decode_op, _roster_wires(src)) if o.op_id not in have]


@pytest.fixture
def meetup(make_replica: MakeCoop) -> tuple[Coop, Coop, Coop]:
    """Anna (admin) invites Bram, then Cor; Bram never hears of Cor."""
    anna, bram, cor = make_replica("Anna"), make_replica("Bram"), make_replica("Cor")
    anna.create_coop("Brabant Interim")
    join(anna, bram)
    join(anna, cor)
    return anna, bram, cor


def test_sealed_certificate_opens_only_with_its_knock_and_key() -> None:
    who = Identity.generate("Cor")
    key = knock.network_key(b"k" * 32)
    k = knock.make_knock(key, knock.MODE_MEMBER_CERT)
    sealed = adm.seal_cert(key, k, who.cert)
    n = adm.sealed_length(sealed[: adm.SEALED_PREFIX])
    blob = sealed[adm.SEALED_PREFIX :]
    assert n == len(blob)
    assert adm.open_cert(key, k, blob) == (who.cert, who.device_id)  # positive control
    other = knock.make_knock(key, knock.MODE_MEMBER_CERT)
    with pytest.raises(AdmissionRefused):
        adm.open_cert(key, other, blob)  # bound to its knock: no replay behind another knock
    with pytest.raises(AdmissionRefused):
        adm.open_cert(knock.network_key(b"x" * 32), k, blob)
    with pytest.raises(AdmissionRefused):  # sealed right, but no certificate inside
        bad = adm.seal_cert(key, k, b"not a certificate")[adm.SEALED_PREFIX :]
        adm.open_cert(key, k, bad)
    for prefix in (b"\x00\x00", b"\x00\x10", b"\xff\xff", b"\x00"):
        with pytest.raises(ValidationError):
            adm.sealed_length(prefix)


def test_chain_admits_a_member_invited_after_me(meetup) -> None:  # type: ignore[no-untyped-def]
    anna, bram, cor = meetup
    assert cor.me.device_id not in bram.roster.devices  # the pre-state: Bram never learned
    presented = _lacking(cor, bram)
    assert presented  # at least Anna's add_member of Cor
    chain = adm.check_chain(bram.roster_bodies(), presented, bram.coop_id, cor.me.device_id)  # type: ignore[arg-type]
    assert {o.op_id for o in chain} == {o.op_id for o in presented}
    bram.apply_batch(chain, durable=True)  # the merge: the normal pipeline
    assert cor.me.device_id in bram.roster.active
    assert bram.roster.heads == anna.roster.heads


def test_chain_through_a_second_admin_unknown_to_me(make_replica: MakeCoop) -> None:
    """Anna makes Dora admin; Dora (unknown to Bram) invites Cor: the chain runs through Dora."""
    anna, bram, dora, cor = (make_replica(n) for n in ("Anna", "Bram", "Dora", "Cor"))
    anna.create_coop("C")
    join(anna, bram)
    join(anna, dora, Role.ADMIN)
    join(dora, cor)
    presented = _lacking(cor, bram)
    chain = adm.check_chain(bram.roster_bodies(), presented, bram.coop_id, cor.me.device_id)  # type: ignore[arg-type]
    assert len(chain) == 2  # Dora's admission, then Cor's


def test_no_ops_or_unrelated_ops_admit_nobody(meetup) -> None:  # type: ignore[no-untyped-def]
    _anna, bram, cor = meetup
    with pytest.raises(AdmissionRefused):
        adm.check_chain(bram.roster_bodies(), [], bram.coop_id, cor.me.device_id)  # type: ignore[arg-type]
    stranger = Identity.generate("Mallory")
    with pytest.raises(AdmissionRefused):  # Cor's real chain does not admit another device
        adm.check_chain(bram.roster_bodies(), _lacking(cor, bram), bram.coop_id, stranger.device_id)  # type: ignore[arg-type]


def test_forged_signature_is_refused(meetup) -> None:  # type: ignore[no-untyped-def]
    _anna, bram, cor = meetup
    real = _lacking(cor, bram)[0]
    sig = bytes([real.signature[0] ^ 1]) + real.signature[1:]
    forged = Op(real.header, real.header_bytes, sig, real.body)
    with pytest.raises(BadSignature):
        adm.check_chain(bram.roster_bodies(), [forged], bram.coop_id, cor.me.device_id)  # type: ignore[arg-type]
    # positive control: the untouched op admits Cor
    adm.check_chain(bram.roster_bodies(), [real], bram.coop_id, cor.me.device_id)  # type: ignore[arg-type]


def test_add_signed_by_a_non_admin_member_admits_nobody(
    meetup,  # type: ignore[no-untyped-def]
    make_replica: MakeCoop,
) -> None:
    """Cor (a member, not an admin; his key is real) signs an add_member of Mallory."""
    _anna, bram, cor = meetup
    mallory = make_replica("Mallory")
    req = mallory.join_request()
    key = cor.epoch_keys[cor.roster.current_epoch]  # type: ignore[index]
    body = roster_body.add_member(
        req["member_pk"],
        "Mallory",
        req["device"],
        Role.MEMBER,
        key,
        cor.coop_id,  # type: ignore[arg-type]
    )
    op = forge(cor, body, kind=OpKind.ADD_MEMBER)
    presented = [*_lacking(cor, bram), op]
    with pytest.raises(AdmissionRefused):
        adm.check_chain(bram.roster_bodies(), presented, bram.coop_id, mallory.me.device_id)  # type: ignore[arg-type]
    # positive control: the same request, added by the admin, admits Mallory
    _anna.add_member(req, Role.MEMBER)
    presented = _lacking(_anna, bram)
    adm.check_chain(bram.roster_bodies(), presented, bram.coop_id, mallory.me.device_id)  # type: ignore[arg-type]


def test_unknown_parents_and_other_coops_are_refused(
    meetup,  # type: ignore[no-untyped-def]
    make_replica: MakeCoop,
) -> None:
    anna, bram, cor = meetup
    elsewhere = make_replica("Eve")
    elsewhere.create_coop("Other")
    theirs = [decode_op(w) for w in _roster_wires(elsewhere)]
    with pytest.raises(AdmissionRefused):  # their genesis, and ops of their coop
        adm.check_chain(bram.roster_bodies(), theirs, bram.coop_id, elsewhere.me.device_id)  # type: ignore[arg-type]
    anna.rotate()
    later = _lacking(anna, bram)  # Cor's add, then the rotation on top of it
    with pytest.raises(AdmissionRefused):  # the rotation without its parent
        adm.check_chain(bram.roster_bodies(), later[1:], bram.coop_id, cor.me.device_id)  # type: ignore[arg-type]
    adm.check_chain(bram.roster_bodies(), later, bram.coop_id, cor.me.device_id)  # type: ignore[arg-type]


def test_gate_takes_roster_ops_only_and_within_bounds(meetup) -> None:  # type: ignore[no-untyped-def]
    _anna, bram, cor = meetup
    roster = [o.encode() for o in _lacking(cor, bram)]
    gate = adm.AdmissionGate()
    gate.take(roster)  # positive control
    assert [o.op_id for o in gate.ops] == [decode_op(w).op_id for w in roster]
    cor.add_note("Secret plan", "for members only")
    note = next(w for w in cor.wire_ops() if decode_op(w).header.kind is OpKind.ITEM)
    with pytest.raises(AdmissionRefused):
        adm.AdmissionGate().take([*roster, note])
    with pytest.raises(AdmissionRefused):
        adm.AdmissionGate(max_ops=3).take(roster * 4)
    with pytest.raises(AdmissionRefused):
        adm.AdmissionGate(max_bytes=len(roster[0]) - 1).take(roster[:1])
    with pytest.raises(ValidationError):
        adm.AdmissionGate().take([pack([b"x", b"y", None])])


_KEY = knock.network_key(b"k" * 32)
_KNOCK = knock.make_knock(_KEY, knock.MODE_MEMBER_CERT)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64), st.binary(max_size=5000))
def test_sealed_certificate_decoders_raise_only_validation_errors(
    prefix: bytes, blob: bytes
) -> None:
    with contextlib.suppress(ValidationError):
        adm.sealed_length(prefix[:2])
    with contextlib.suppress(ValidationError):
        adm.open_cert(_KEY, _KNOCK, blob)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=3000))
def test_sealed_garbage_under_the_right_key_is_refused(inner: bytes) -> None:
    """A knock-key holder can seal anything: what opens must still be a certificate."""
    blob = adm.seal_cert(_KEY, _KNOCK, inner[:4096])[adm.SEALED_PREFIX :]
    with pytest.raises(AdmissionRefused):
        adm.open_cert(_KEY, _KNOCK, blob)
