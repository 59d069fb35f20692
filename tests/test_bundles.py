"""Sneakernet bundles: real keys and stores; every refusal next to the import it would have let
through (positive controls), and nothing half-imported."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import msgpack
import pytest

from coopshare.errors import BundleDamaged, BundleForeign, BundleOpRefused, VectorMalformed
from coopshare.model.items import Kind
from coopshare.protocol import bundle
from coopshare.service import bundles
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, join, sync


def _state(c: Coop) -> tuple[int, int, int]:
    return c.store.count_ops(), len(c.items(Kind.NOTE)), len(c.store.quarantined())


def _notes(c: Coop) -> set[str]:
    return {str(n.value("title")) for n in c.items(Kind.NOTE)}


@pytest.fixture
def ab(coop_ab: tuple[Coop, Coop], tmp_path: Path) -> tuple[Coop, Coop, Path]:
    """Alice wrote three notes Bob has not seen; the bundle of what Bob lacks."""
    alice, bob = coop_ab
    for i in range(3):
        alice.add_note(f"Notitie {i}", f"tekst {i}", ["usb"])
    path = tmp_path / "for-bob.coopbundle"
    vv = bundles.parse_vector(bundles.my_vector(bob))
    out = bundles.export_bundle(alice, path, since=vv)
    assert out.ops == 3 and out.size == path.stat().st_size
    return alice, bob, path


def test_round_trip_then_a_second_import_is_a_no_op(ab: tuple[Coop, Coop, Path]) -> None:
    alice, bob, path = ab
    got = bundles.import_bundle(bob, path)
    assert (got.new, got.known, got.parked, got.total) == (3, 0, 0, 3)
    assert _notes(bob) == {"Notitie 0", "Notitie 1", "Notitie 2"}
    before = _state(bob)
    again = bundles.import_bundle(bob, path)
    assert (again.new, again.known, again.total) == (0, 3, 3)
    assert _state(bob) == before
    assert bob.store.contiguous_vv() == alice.store.contiguous_vv()


def test_full_bundle_and_for_member(coop_ab: tuple[Coop, Coop], tmp_path: Path) -> None:
    alice, bob = coop_ab
    bob.add_note("Van Bob", "x")
    sync(alice, bob)
    alice.add_note("Van Alice", "y")
    full = bundles.export_bundle(alice, tmp_path / "all.coopbundle")
    assert full.ops == alice.store.count_ops()
    for_bob = bundles.export_bundle(alice, tmp_path / "bob.coopbundle", member=bob.me.member_id)
    # Bob's own device wrote his join confirmation (if any) and his note: those are left out
    bob_ops = bob.store.contiguous_vv()[bob.me.device_id]
    assert for_bob.ops == full.ops - bob_ops
    got = bundles.import_bundle(bob, tmp_path / "bob.coopbundle")
    assert got.new == 1 and "Van Alice" in _notes(bob)


def test_truncated_bundle_is_refused_and_nothing_is_kept(ab: tuple[Coop, Coop, Path]) -> None:
    _alice, bob, path = ab
    data = path.read_bytes()
    before = _state(bob)
    # cut inside the header, inside the first op, just before the end mark, inside the sum
    for cut in (5, 60, len(data) - 40, len(data) - 1):
        bad = path.with_name(f"cut{cut}.coopbundle")
        bad.write_bytes(data[:cut])
        with pytest.raises(BundleDamaged) as e:
            bundles.import_bundle(bob, bad)
        assert "truncated" in e.value.fields["reason"]
        assert _state(bob) == before
    # positive control: the same bytes, whole, import
    assert bundles.import_bundle(bob, path).new == 3


def test_flipped_byte_fails_the_checksum(ab: tuple[Coop, Coop, Path]) -> None:
    _alice, bob, path = ab
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = path.with_name("flipped.coopbundle")
    bad.write_bytes(bytes(data))
    before = _state(bob)
    with pytest.raises(BundleDamaged) as e:
        bundles.import_bundle(bob, bad)
    assert e.value.fields["reason"] == "checksum mismatch"
    assert _state(bob) == before
    not_a_bundle = path.with_name("notes.txt")
    not_a_bundle.write_bytes(b"hello, this is a text file and no bundle")
    with pytest.raises(BundleDamaged, match="not a CoopShare bundle"):
        bundles.import_bundle(bob, not_a_bundle)


def test_bundle_of_another_coop_is_refused(
    ab: tuple[Coop, Coop, Path], make_replica: MakeCoop, tmp_path: Path
) -> None:
    _alice, bob, _path = ab
    carol, dave = make_replica("Carol"), make_replica("Dave")
    carol.create_coop("Andere coöperatie")
    join(carol, dave)
    carol.add_note("Geheim van Carol", "z")
    theirs = tmp_path / "carol.coopbundle"
    bundles.export_bundle(carol, theirs)
    before = _state(bob)
    with pytest.raises(BundleForeign):
        bundles.import_bundle(bob, theirs)
    assert _state(bob) == before
    # the same ops under a header that claims Bob's cooperative: each op still says otherwise
    with theirs.open("rb") as f:
        wires = list(bundle.ops(f))
    forged = tmp_path / "forged.coopbundle"
    with forged.open("wb") as f:
        bundle.write(f, bob.coop_id or b"", wires)
    with pytest.raises(BundleOpRefused) as e:
        bundles.import_bundle(bob, forged)
    assert e.value.fields["reason"] in ("WrongCoop", "BadSignature")
    assert _state(bob) == before and "Geheim van Carol" not in _notes(bob)
    # positive control: the bundle is good for a member of its own cooperative
    assert bundles.import_bundle(dave, theirs).new == 1
    assert "Geheim van Carol" in _notes(dave)


def _tamper_signature(wire: bytes) -> bytes:
    header, sig, body = msgpack.unpackb(wire)
    return bytes(msgpack.packb([header, bytes([sig[0] ^ 1]) + sig[1:], body]))


def test_one_forged_op_refuses_the_whole_bundle(ab: tuple[Coop, Coop, Path]) -> None:
    alice, bob, path = ab
    with path.open("rb") as f:
        wires = list(bundle.ops(f))
    bad = path.with_name("forged-op.coopbundle")
    with bad.open("wb") as f:  # intact file (its checksum matches), third op forged
        bundle.write(f, alice.coop_id or b"", [*wires[:2], _tamper_signature(wires[2])])
    before = _state(bob)
    with pytest.raises(BundleOpRefused) as e:
        bundles.import_bundle(bob, bad)
    assert e.value.fields == {"index": 3, "reason": "BadSignature"}
    assert _state(bob) == before  # the two good ops before it were rolled back too
    # positive control: the first two ops alone import
    good = path.with_name("two.coopbundle")
    with good.open("wb") as f:
        bundle.write(f, alice.coop_id or b"", wires[:2])
    assert bundles.import_bundle(bob, good).new == 2


def test_ops_of_an_unknown_author_are_parked(
    coop_ab: tuple[Coop, Coop], make_replica: MakeCoop, tmp_path: Path
) -> None:
    alice, bob = coop_ab
    carol = make_replica("Carol")
    join(alice, carol)  # Bob has not seen Carol's admission
    carol.add_note("Van Carol", "c")
    note = list(carol.wire_ops())[-1]
    path = tmp_path / "carol-only.coopbundle"
    with path.open("wb") as f:
        bundle.write(f, alice.coop_id or b"", [note])
    got = bundles.import_bundle(bob, path)
    assert (got.new, got.parked) == (0, 1)
    assert "Van Carol" not in _notes(bob)
    # the rest arrives by another bundle: the parked op is applied then
    rest = tmp_path / "rest.coopbundle"
    bundles.export_bundle(alice, rest, since=bob.store.contiguous_vv())
    bundles.import_bundle(bob, rest)
    assert "Van Carol" in _notes(bob) and not bob.store.quarantined()


def test_format_is_as_documented(coop_ab: tuple[Coop, Coop]) -> None:
    alice, _bob = coop_ab
    wires = list(alice.wire_ops())
    buf = io.BytesIO()
    bundle.write(buf, alice.coop_id or b"", wires)
    data = buf.getvalue()
    assert data[:8] == b"COOPBNDL" and data[8] == 1 and data[9:41] == alice.coop_id
    n = int.from_bytes(data[41:45], "big")
    assert data[45 : 45 + n] == wires[0]
    assert data[-40:-36] == b"\0\0\0\0" and int.from_bytes(data[-36:-32], "big") == len(wires)
    assert data[-32:] == hashlib.sha256(data[:-32]).digest()
    buf.seek(0)
    assert bundle.check(buf).count == len(wires)


def test_vector_text(coop_ab: tuple[Coop, Coop]) -> None:
    alice, _ = coop_ab
    vv = alice.store.contiguous_vv()
    assert bundles.parse_vector(bundles.my_vector(alice)) == vv
    as_json = "{" + ",".join(f'"{d.hex()}": {s}' for d, s in vv.items()) + "}"
    assert bundles.parse_vector(as_json) == vv
    assert bundles.parse_vector("") == {}
    for bad in ("zz:1", "abcd", "{[", "00:1"):
        with pytest.raises(VectorMalformed):
            bundles.parse_vector(bad)
