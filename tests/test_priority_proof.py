"""Priority proof (issue 14, item 1): a salted commitment, receipts from other members'
devices, the rules every replica applies to them, and the evidence bundle with its standalone
verifier (item 2). Hostile members sign with their own real keys (tests/forge.py)."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from coopshare import evidence_check as ev
from coopshare.crypto import primitives as p
from coopshare.errors import (
    BadSignature,
    EvidenceRejected,
    NoCommitment,
    NoSuchItem,
    NotAllowed,
)
from coopshare.identity.keys import Identity
from coopshare.model import proof_rules as rules
from coopshare.model.hlc import physical_ms
from coopshare.protocol import proof
from coopshare.protocol.codec import pack
from coopshare.protocol.ops import OpKind, decode_op, make_op
from coopshare.service import evidence, proofs, quarantine
from coopshare.service.coop import Coop

from .conftest import MakeCoop, sync, three_members
from .forge import forge
from .replay import sync_all

TEXT = "A cooperative tool-library for interim staff: PELICAN-PROOF-7731"


def _setup(make_replica: MakeCoop) -> tuple[Coop, Coop, Coop, bytes, bytes]:
    alice, bob, carol = three_members(make_replica)
    sync_all(alice, bob, carol)
    idea = alice.add_idea("Tool library", TEXT, "private")
    commit = proofs.commit_idea(alice, idea)
    sync_all(alice, bob, carol)
    return alice, bob, carol, idea, commit


def _witness_all(*cs: Coop) -> None:
    for c in cs:
        proofs.witness_step(c)
    sync_all(*cs)


def test_commitment_is_salted_hash_and_receipts_come_back(make_replica: MakeCoop) -> None:
    alice, bob, carol, idea, commit = _setup(make_replica)
    # the others queued the commitment when they applied it; alice did not (her own)
    assert bob.new_commits == [commit] and carol.new_commits == [commit]
    assert alice.new_commits == []
    # what the others hold: the hash in the clear, not the text, not the salt
    row = bob.store.op_row(commit)
    assert row is not None and row[2] is not None
    c = proof.decode_commit(row[2])
    assert proofs.open_secret(bob, decode_op(_wire(bob, commit))) is None  # sealed to alice only
    secret = proofs.open_secret(alice, decode_op(_wire(alice, commit)))
    assert secret is not None and secret.item == idea
    text = proof.canonical_text("Tool library", TEXT)
    assert c.hash == proof.commitment(secret.salt, text)
    assert c.hash != proof.commitment(bytes(32), text)  # the salt matters
    _witness_all(alice, bob, carol)
    [seen] = proofs.idea_proofs(alice, idea)
    assert {w.name for w in seen.receipts} == {"Bob", "Carol"}
    assert seen.counted and seen.text_matches
    assert seen.earliest_ms is not None and seen.earliest_ms >= seen.when_ms - 1
    # a second pass writes nothing more
    assert proofs.witness_step(bob, full=True) == 0


def _wire(c: Coop, op_id: bytes) -> bytes:
    return next(w for w in c.wire_ops() if decode_op(w).op_id == op_id)


def test_receipt_rules_self_unknown_duplicate_and_cap(make_replica: MakeCoop) -> None:
    alice, bob, carol, idea, commit = _setup(make_replica)
    c = proof.Commit(proofs.commit_hash(bob, commit), b"")

    def receipt(who: Coop, op: bytes, digest: bytes) -> None:
        body = proof.encode_witness(proof.Witness(op, digest))
        who.apply(forge(who, body, kind=OpKind.WITNESS).encode())

    receipt(alice, commit, c.hash)  # by the committer herself
    receipt(bob, bytes(32), c.hash)  # for a commitment that does not exist
    receipt(bob, commit, bytes(32))  # naming the op but another hash
    receipt(bob, commit, c.hash)  # the real one
    receipt(bob, commit, c.hash)  # a duplicate from the same device
    sync_all(alice, bob, carol)
    # positive control: all five are stored (processed), only one counts
    assert len(proofs.receipts(alice)) == 5
    [seen] = proofs.idea_proofs(alice, idea)
    assert [w.name for w in seen.receipts] == ["Bob"]
    # bob's device already witnessed: it writes no second receipt by itself
    assert proofs.witness_step(bob, full=True) == 0


def test_commit_cap_per_author_per_day() -> None:
    day = 1_800_000_000_000 << 16
    commits = [
        rules.CommitRec(bytes([i]) * 32, b"m" * 32, b"d" * 32, day + i, b"h" * 32)
        for i in range(rules.MAX_COMMITS_PER_DAY + 5)
    ]
    other = rules.CommitRec(b"z" * 32, b"n" * 32, b"e" * 32, day, b"h" * 32)
    counted = rules.counted_commits([*commits, other])
    assert len(counted) == rules.MAX_COMMITS_PER_DAY + 1
    assert commits[-1].op_id not in counted and other.op_id in counted
    due = rules.to_witness([*commits, other], [], b"x" * 32, b"y" * 32, physical_ms(day))
    assert len(due) == rules.MAX_COMMITS_PER_DAY + 1
    # a newcomer does not witness history older than the window
    late = physical_ms(day) + rules.WITNESS_WINDOW_MS + 1
    assert rules.to_witness([other], [], b"x" * 32, b"y" * 32, late) == []


def test_receipt_cap_per_member() -> None:
    c = rules.CommitRec(b"c" * 32, b"m" * 32, b"d" * 32, 5, b"h" * 32)
    many = [
        rules.ReceiptRec(bytes([i]) * 32, b"w" * 32, bytes([i + 1]) * 32, 10 + i, c.op_id, c.hash)
        for i in range(10)
    ]
    assert len(rules.counted_receipts(c, many)) == rules.MAX_RECEIPT_DEVICES


def test_malformed_proof_ops_are_kept_skipped_and_marked(make_replica: MakeCoop) -> None:
    _alice, bob, carol, _idea, _commit = _setup(make_replica)
    bad = [
        pack({"hash": b"short", "sealed": b"x"}),
        pack({"hash": bytes(32)}),
        pack([1, 2, 3]),
        b"\xc1",
    ]
    for body in bad:
        bob.apply(forge(bob, body, kind=OpKind.COMMIT).encode())
        bob.apply(forge(bob, body, kind=OpKind.WITNESS).encode())
    carol.new_commits.clear()  # alice's real one
    before = len(list(carol.wire_ops()))
    sync(bob, carol)  # the session goes on; every op is stored and relayed
    assert len(list(carol.wire_ops())) == before + 2 * len(bad)
    held = [h for h in quarantine.diagnostics(carol) if h["state"] == "skipped"]
    assert len(held) == 2 * len(bad)
    assert {h["kind"] for h in held} == {"commit", "witness"}
    assert carol.new_commits == []  # nothing malformed is witnessed


def test_forged_receipts_are_refused(make_replica: MakeCoop) -> None:
    alice, bob, _carol, idea, commit = _setup(make_replica)
    c = proof.Commit(proofs.commit_hash(alice, commit), b"")
    body = proof.encode_witness(proof.Witness(commit, c.hash))
    # bob's header, signed with a key that is not bob's device key
    genuine = forge(bob, body, kind=OpKind.WITNESS)
    stranger = Identity.generate("Mallory")
    wrong_key = make_op(
        stranger.device_key,
        coop_id=bob.coop_id or b"",
        device=bob.me.device_id,
        seq=genuine.header.seq,
        backlink=genuine.header.backlink,
        hlc=genuine.header.hlc,
        parents=genuine.header.parents,
        kind=OpKind.WITNESS,
        epoch=genuine.header.epoch,
        body=body,
    )
    with pytest.raises(BadSignature):
        alice.apply(wrong_key.encode())
    # a non-member's device: parked (unknown author), never counted
    outsider = make_op(
        stranger.device_key,
        coop_id=alice.coop_id or b"",
        device=stranger.device_id,
        seq=1,
        backlink=None,
        hlc=genuine.header.hlc,
        parents=alice.roster.heads,
        kind=OpKind.WITNESS,
        epoch=genuine.header.epoch,
        body=body,
    )
    assert alice.apply(outsider.encode()).quarantined
    assert proofs.idea_proofs(alice, idea)[0].receipts == ()
    # positive control: the same receipt signed with bob's real key counts
    alice.apply(genuine.encode())
    assert [w.name for w in proofs.idea_proofs(alice, idea)[0].receipts] == ["Bob"]


def test_only_the_owner_commits(make_replica: MakeCoop) -> None:
    alice, bob, _carol, idea, _commit = _setup(make_replica)
    bob_idea = bob.add_idea("Bob's", "text", "view-only")
    sync(alice, bob)
    assert alice.item(bob_idea) is not None  # alice sees it (its terms), and may not commit it
    with pytest.raises(NotAllowed):
        proofs.commit_idea(alice, bob_idea)
    with pytest.raises(NoSuchItem):  # alice's private idea: bob does not even see it
        proofs.commit_idea(bob, idea)


# --- the evidence bundle ----------------------------------------------------------------------


@pytest.fixture
def bundle(make_replica: MakeCoop, tmp_path: Path) -> tuple[bytes, Coop, bytes]:
    alice, bob, carol, idea, _commit = _setup(make_replica)
    _witness_all(alice, bob, carol)
    dest = tmp_path / "evidence.zip"
    out = evidence.export(alice, idea, dest)
    assert out.receipts == 2 and dest.stat().st_mode & 0o777 == 0o600
    return dest.read_bytes(), alice, idea


def test_bundle_verifies_and_says_what_it_proves(bundle: tuple[bytes, Coop, bytes]) -> None:
    data, alice, _idea = bundle
    report = ev.verify(data)
    assert len(report.receipts) == 2 and report.earliest_ms is not None
    assert report.committer == alice.me.member_id.hex()
    files = dict(ev.read_zip(data))
    assert files["idea.txt"] == proof.canonical_text("Tool library", TEXT)
    assert "no later than" in files["README.en.md"].decode()
    assert (
        "i-DEPOT" in files["README.nl.md"].decode()
        and "uiterlijk" in files["README.nl.md"].decode()
    )
    assert "Authorship" in files["README.en.md"].decode()
    assert files["verify.py"] == (Path(ev.__file__).parent / "script.py").read_bytes()
    # an ordinary unzip reads it too
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None and z.read("idea.txt") == files["idea.txt"]
    assert "VALID" in ev.render(report)


def test_no_commitment_no_bundle(make_replica: MakeCoop, tmp_path: Path) -> None:
    alice, *_ = three_members(make_replica)
    idea = alice.add_idea("X", "y", "private")
    with pytest.raises(NoCommitment):
        evidence.export(alice, idea, tmp_path / "e.zip")


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def test_flipping_any_byte_fails_with_a_reason(bundle: tuple[bytes, Coop, bytes]) -> None:
    data, _alice, _idea = bundle
    ev.verify(data)  # positive control: untouched, it passes
    # every file of the zip: the first, middle and last bytes of its content, and its header
    positions: set[int] = set()
    pos = 0
    for name, content in ev.read_zip(data):
        start = pos + 30 + len(name)
        positions |= {
            pos + 14,
            pos + 30,
            start,
            start + len(content) // 2,
            start + len(content) - 1,
        }
        pos = start + len(content)
    positions |= set(range(pos, len(data)))  # the whole central directory and end record
    positions |= set(range(0, len(data), max(1, len(data) // 400)))  # and a spread of the rest
    reasons = set()
    for at in sorted(positions):
        with pytest.raises(ev.EvidenceInvalid) as e:
            ev.verify(_flip(data, at))
        assert e.value.reason
        reasons.add(e.value.reason.split(":")[0])
    assert len(positions) > 400 and len(reasons) > 5


def test_substituted_salt_text_or_receipt_fails(bundle: tuple[bytes, Coop, bytes]) -> None:
    data, _alice, _idea = bundle
    files = ev.read_zip(data)

    def rebuilt(name: str, new: bytes) -> bytes:
        return ev.write_zip([(n, new if n == name else c) for n, c in files])

    for name, new in [
        ("idea.txt", b"another text"),
        ("salt.txt", bytes(32).hex().encode()),
        ("receipts/001.op", dict(files)["receipts/002.op"]),
    ]:
        with pytest.raises(ev.EvidenceInvalid, match="manifest"):
            ev.verify(rebuilt(name, new))


def test_cli_verifier_raises_typed_error(bundle: tuple[bytes, Coop, bytes], tmp_path: Path) -> None:
    data, _alice, _idea = bundle
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    good.write_bytes(data)
    bad.write_bytes(_flip(data, len(data) // 2))
    assert evidence.verify_file(good).receipts
    with pytest.raises(EvidenceRejected) as e:
        evidence.verify_file(bad)
    assert e.value.reason


def test_commitment_hash_matches_the_spec() -> None:
    salt, text = bytes(range(32)), b"Idee\n\nTekst"
    want = hashlib.sha256(b"coopshare/v1/idea-commit\x00" + salt + text).digest()
    assert proof.commitment(salt, text) == want
    assert proof.canonical_text("Idee", "Tekst\r\n") == b"Idee\n\nTekst\n"
    assert p.sha256(b"") == hashlib.sha256(b"").digest()


# --- RFC 3161 time-stamp from a local openssl TSA ---------------------------------------------


def test_timestamp_off_by_default_then_from_a_local_tsa(
    make_replica: MakeCoop, tmp_path: Path
) -> None:
    from coopshare.errors import TimestampFailed
    from coopshare.service import timestamp
    from coopshare.service.api_commands import Api

    from .tsa_local import local_tsa

    alice, bob, carol, idea, commit = _setup(make_replica)
    door = Api(alice)
    assert door.tsa_url() is None and door.timestamp_commit(commit.hex()) is None  # off
    with local_tsa(tmp_path) as url:
        door.set_tsa_url(url)
        assert door.tsa_url() == url
        when = door.timestamp_commit(commit.hex())
        assert when is not None and abs(when - physical_ms(alice.clock.tick())) < 600_000
        digest = proofs.commit_hash(alice, commit)
        token = proofs.tsa_token(alice, commit)
        assert token is not None
        stamp = ev.check_token(token, digest)  # positive control
        assert "CoopShare Test TSA" in stamp.tsa and stamp.nonce is not None
        with pytest.raises(ev.EvidenceInvalid, match="another hash"):
            ev.check_token(token, bytes(32))
        sig_at = len(token) - 20  # inside the signature, at the end of the SignerInfo
        with pytest.raises(ev.EvidenceInvalid):
            ev.check_token(
                token[:sig_at] + bytes([token[sig_at] ^ 1]) + token[sig_at + 1 :], digest
            )
        with pytest.raises(TimestampFailed):  # a forged reply is refused before it is kept
            door.keep_timestamp(proofs.commit_idea(alice, idea).hex(), token)
    _witness_all(alice, bob, carol)
    [first, _second] = door.idea_proofs(idea)
    assert first.tsa_ms == when
    dest = tmp_path / "e.zip"
    door.export_evidence(idea, dest)
    report = ev.verify(dest.read_bytes())
    assert report.stamp is not None and report.stamp.when_ms == when
    # the TSA's time is shown apart, never part of the earliest proven time (review, session 6)
    assert report.earliest_ms == min(r.when_ms for r in report.receipts)
    assert "RFC 3161 time-stamp" in ev.render(report)
    # the TSA gone: a clear error, nothing kept
    timestamp.set_url(alice, url)
    with pytest.raises(TimestampFailed):
        door.timestamp_commit(_second.op_id)
    assert proofs.tsa_token(alice, bytes.fromhex(_second.op_id)) is None
    door.set_tsa_url(None)
    assert door.tsa_url() is None


@settings(max_examples=300, deadline=None)
@given(hs.binary(max_size=300))
def test_proof_decoders_raise_only_validation_errors(data: bytes) -> None:
    from coopshare.errors import ValidationError

    for decode in (proof.decode_commit, proof.decode_witness, proof.decode_secret):
        with contextlib.suppress(ValidationError):
            decode(data)
    with pytest.raises(ev.EvidenceInvalid):
        ev.verify(data)
    with pytest.raises(ev.EvidenceInvalid):
        ev.check_token(data, bytes(32))


def test_a_receipt_with_a_relay_mangled_signature_is_left_out(
    make_replica: MakeCoop, tmp_path: Path
) -> None:
    """A receipt stored through its run (protocol.md §12a: a later op of the same device vouches
    for it) may keep signature bytes a relay broke. The bundle leaves it out, so the standalone
    verifier, which checks every signature, still accepts the bundle."""
    from tests.test_run_verify import _mangle_sig

    alice, bob, carol, idea, _commit = _setup(make_replica)
    proofs.witness_step(carol)
    bob.add_note("earlier", "alice holds it: the run below closes at a stored op")
    sync_all(alice, carol)
    sync(alice, bob)
    proofs.witness_step(bob)
    receipt = list(bob.wire_ops())[-1]
    bob.add_note("later", "an op after the receipt: it vouches for it in a batch")
    later = list(bob.wire_ops())[-1]
    alice.apply_batch([_mangle_sig(receipt), later])  # the receipt arrives broken, in a run
    [seen] = proofs.idea_proofs(alice, idea)
    assert {w.name for w in seen.receipts} == {"Bob", "Carol"}  # stored and counted (control)
    out = evidence.export(alice, idea, tmp_path / "e.zip")
    assert out.receipts == 1  # Carol's only
    report = ev.verify((tmp_path / "e.zip").read_bytes())
    assert len(report.receipts) == 1
    # control: with the broken receipt kept, the standalone verifier refuses the whole bundle
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(evidence, "_signed", lambda _c, _o: True)
        assert evidence.export(alice, idea, tmp_path / "bad.zip").receipts == 2
    with pytest.raises(ev.EvidenceInvalid):
        ev.verify((tmp_path / "bad.zip").read_bytes())


def test_a_member_cannot_take_over_anothers_device_in_the_verifier(
    make_replica: MakeCoop,
) -> None:
    """Review finding (session 5): Carol certifies Bob's public device bundle with her own member
    key and signs it into an add_device op. Every replica stores the op and never applies it;
    the standalone verifier replays it with the same rule, so Bob's commitment stays his."""
    from coopshare.identity.keys import DEVICE_CERT_DOMAIN, device_statement
    from coopshare.protocol import roster_body

    alice, bob, carol = three_members(make_replica)
    sync_all(alice, bob, carol)
    idea = bob.add_idea("Tool library", TEXT, "private")
    proofs.commit_idea(bob, idea)
    sync_all(alice, bob, carol)
    proofs.witness_step(alice)  # Carol writes no receipt (a modified client)
    carol.new_commits = []
    sync_all(alice, bob, carol)
    bundle = roster_body.device_bundle(bob.me)
    sig = p.sign(
        carol.me.member_key,  # type: ignore[arg-type]
        DEVICE_CERT_DOMAIN,
        device_statement(bundle["sign_pk"], bundle["kex_pk"]),
    )
    eid = carol.roster.current_epoch
    assert eid is not None and carol.coop_id is not None
    body = roster_body.add_device(
        carol.me.member_pk, dict(bundle, msig=sig), carol.epoch_keys[eid], carol.coop_id
    )
    hijack = forge(carol, body, kind=OpKind.ADD_DEVICE, epoch=eid)
    carol.apply(hijack.encode())
    sync_all(alice, bob, carol)
    assert all(hijack.op_id in c.roster.invalid for c in (alice, bob, carol))  # processed
    data, _info = evidence.build(bob, idea)
    assert "roster" in "".join(name for name, _ in ev.read_zip(data))
    report = ev.verify(data)
    assert report.committer == bob.me.member_id.hex()  # not Carol's
    assert [r.member for r in report.receipts] == [alice.me.member_id.hex()]
    # control: without the rule, the replay gives Bob's device to Carol
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ev.Roster, "addable", lambda *_a: True)
        assert ev.verify(data).committer == carol.me.member_id.hex()
