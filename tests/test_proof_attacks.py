"""Attacks on the priority proof (review of session 6): receipts dated before their commitment,
and evidence bundles a hostile owner re-signs with her own device key (odd file names, an hlc
out of range, a time-stamp token dated by a TSA key of her own). Each shows the hostile input
was processed and what it would have proved without the defence."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from coopshare import evidence_check as ev
from coopshare.crypto import primitives as p
from coopshare.evidence_check import tsa
from coopshare.model import proof_rules as rules
from coopshare.protocol import proof
from coopshare.protocol.ops import OP_DOMAIN, Op, OpKind, decode_op
from coopshare.service import evidence, proofs
from coopshare.service.coop import Coop
from tests import test_priority_proof as pp

from .conftest import MakeCoop
from .forge import forge, signed_raw
from .replay import sync_all

YEAR_MS = 365 * 86_400_000


def _receipt(who: Coop, commit: bytes, digest: bytes, hlc: int | None = None) -> Op:
    """`who`'s device signs a receipt (any date), kept in its own log like a real one."""
    op = forge(
        who, proof.encode_witness(proof.Witness(commit, digest)), kind=OpKind.WITNESS, hlc=hlc
    )
    assert who.apply(op.encode()).new
    return op


def _backdated(make_replica: MakeCoop) -> tuple[Coop, Coop, Coop, bytes, bytes, Op]:
    """Alice commits; Bob signs a receipt dated a year before her commitment; Carol witnesses."""
    alice, bob, carol, idea, commit = pp._setup(make_replica)
    digest = proofs.commit_hash(alice, commit)
    commit_hlc = decode_op(pp._wire(alice, commit)).header.hlc
    early = _receipt(bob, commit, digest, commit_hlc - (YEAR_MS << 16))
    proofs.witness_step(carol)
    sync_all(alice, bob, carol)
    return alice, bob, carol, idea, commit, early


def test_a_receipt_dated_before_its_commitment_never_counts(make_replica: MakeCoop) -> None:
    alice, bob, _carol, idea, commit, early = _backdated(make_replica)
    # processed: stored on Alice's replica, decoded, naming her commitment and its hash
    [rec] = [r for r in proofs.receipts(alice) if r.op_id == early.op_id]
    assert rec.commit == commit and rec.hash == proofs.commit_hash(alice, commit)
    [seen] = proofs.idea_proofs(alice, idea)
    assert [w.name for w in seen.receipts] == ["Carol"]
    assert seen.earliest_ms is not None and seen.earliest_ms >= seen.when_ms
    # what it would have proved: a year before Alice's own claim
    assert (early.header.hlc >> 16) < seen.when_ms - YEAR_MS + 1000
    # control: the same receipt by Bob's device, dated after the commitment, counts
    _receipt(bob, commit, rec.hash)
    sync_all(alice, bob)
    [seen] = proofs.idea_proofs(alice, idea)
    assert sorted(w.name for w in seen.receipts) == ["Bob", "Carol"]
    assert seen.earliest_ms is not None and seen.earliest_ms >= seen.when_ms


def test_the_rule_is_the_same_in_any_order() -> None:
    c = rules.CommitRec(b"c" * 32, b"m" * 32, b"d" * 32, 1000, b"h" * 32)
    early = rules.ReceiptRec(b"a" * 32, b"w" * 32, b"e" * 32, 999, c.op_id, c.hash)
    same = rules.ReceiptRec(b"b" * 32, b"w" * 32, b"e" * 32, 1000, c.op_id, c.hash)
    later = rules.ReceiptRec(b"z" * 32, b"w" * 32, b"e" * 32, 1001, c.op_id, c.hash)
    for order in ([early, same, later], [later, same, early], [same, later, early]):
        assert rules.counted_receipts(c, order) == [later]  # the device's first valid one


def _resign(files: list[tuple[str, bytes]], owner: Coop, **manifest: str) -> bytes:
    """The bundle as the owner's modified exporter would write it: these files, a manifest
    listing them all, signed with her real device key."""
    body = [(n, c) for n, c in files if not n.startswith("manifest.")]
    old = json.loads(dict(files)["manifest.json"])
    old.update(manifest)
    old["files"] = {n: hashlib.sha256(c).hexdigest() for n, c in body}
    raw = ev.canonical_json(old)
    sig = p.sign(owner.me.device_key, ev.MANIFEST_DOMAIN, raw)
    return ev.write_zip(
        [*body, ("manifest.json", raw), ("manifest.sig", sig.hex().encode() + b"\n")]
    )


def test_the_verifier_refuses_a_receipt_dated_before_the_commitment(
    make_replica: MakeCoop,
) -> None:
    alice, _bob, _carol, idea, _commit, early = _backdated(make_replica)
    honest, _ = evidence.build(alice, idea)
    report = ev.verify(honest)  # control: the app's own export leaves Bob's receipt out
    assert len(report.receipts) == 1 and report.earliest_ms is not None
    assert report.earliest_ms >= report.commit_ms
    # Alice's modified exporter puts every receipt in (her modified app counts them all)
    everything = lambda c, rs: sorted(  # noqa: E731
        (r for r in rs if r.commit == c.op_id and r.member != c.member),
        key=lambda r: (r.hlc, r.op_id),
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rules, "counted_receipts", everything)
        data, info = evidence.build(alice, idea)
    assert info.receipts == 2 and info.earliest_ms == early.header.hlc >> 16  # it is in
    # refused at this check: every signature, the manifest and the members list verified
    with pytest.raises(ev.EvidenceInvalid, match="dated before the commitment"):
        ev.verify(data)


def _bundle(make_replica: MakeCoop) -> tuple[Coop, list[tuple[str, bytes]]]:
    alice, bob, carol, idea, _commit = pp._setup(make_replica)
    pp._witness_all(alice, bob, carol)
    data, _ = evidence.build(alice, idea)
    return alice, ev.read_zip(data)


def test_the_verifier_refuses_file_names_outside_the_format(make_replica: MakeCoop) -> None:
    alice, files = _bundle(make_replica)
    # control: the owner's re-signed bundle verifies when only a README changes
    changed = [(n, c + b"\nEdited.\n" if n == "README.en.md" else c) for n, c in files]
    assert len(ev.verify(_resign(changed, alice)).receipts) == 2
    for name in (
        "../../.bashrc",
        "/etc/cron.daily/coop",
        "receipts/../../../x.op",
        "roster/../../evil.op",
        "C:\\Users\\x\\evil.bat",
        "nested/evidence.zip",
        "receipts/001.op.exe",
        "README.en.md\x00.exe",
        "evidence_check/../../x.py",  # the verifier's own folder: its modules only
        "evidence_check/sub/x.py",
        "evidence_check/X.py",
    ):
        with pytest.raises(ev.EvidenceInvalid, match="does not have") as e:
            ev.verify(_resign([*files, (name, b"echo pwned\n")], alice))
        assert repr(name) in e.value.reason
    # two entries of one name: the manifest can list only one of them
    twice = _resign([*files, ("README.nl.md", b"other text")], alice)
    with pytest.raises(ev.EvidenceInvalid, match="two files of one name"):
        ev.verify(twice)
    with pytest.raises(ev.EvidenceInvalid, match="too large"):
        ev.verify(b"PK\x03\x04" + bytes(ev.MAX_BUNDLE))


def test_a_commit_op_dated_out_of_range_is_invalid_not_a_crash(make_replica: MakeCoop) -> None:
    """Alice signs her commit op with hlc 2^64-1 (the app refuses such a header; the verifier
    did not, and printing the report then raised instead of saying INVALID)."""
    alice, files = _bundle(make_replica)
    op = decode_op(dict(files)["commit.op"])
    assert op.body is not None
    header = dataclasses.replace(op.header, hlc=(1 << 64) - 1)
    wire = signed_raw(alice, header, op.body)
    op_id = hashlib.sha256(OP_DOMAIN + header.encode()).hexdigest()
    forged = [
        (n, wire if n == "commit.op" else c) for n, c in files if not n.startswith("receipts/")
    ]
    with pytest.raises(ev.EvidenceInvalid, match="malformed header"):
        ev.verify(_resign(forged, alice, commit=op_id))
    # control: the same re-signing with her real commit op verifies, and the date would crash
    ev.verify(_resign([(n, c) for n, c in files if not n.startswith("receipts/")], alice))
    with pytest.raises((ValueError, OverflowError)):
        ev.when(header.hlc >> 16)


def _redate_token(token: bytes, key: rsa.RSAPrivateKey, year: bytes) -> bytes:
    """The token with its genTime's year... replaced, its messageDigest recomputed and its
    signed attributes signed again with `key` (same lengths: every offset stays)."""
    t = bytearray(token)
    [(_, _, c, e)] = tsa._kids(token, 0, len(token))
    ci = tsa._kids(token, c, e)
    [(_, _, c, e)] = tsa._kids(token, ci[1][2], ci[1][3])
    sd = tsa._kids(token, c, e)
    encap = tsa._kids(token, sd[2][2], sd[2][3])
    [(_, _, ec, ee)] = tsa._kids(token, encap[1][2], encap[1][3])
    content = token[ec:ee]
    tst = tsa._kids(content, *tsa._der(content, 0, len(content))[1:])
    g0 = ec + tst[4][2]
    t[g0 : g0 + 8] = year + b"0101"
    digest = hashlib.sha256(bytes(t[ec:ee])).digest()
    si = tsa._kids(token, *tsa._der(token, sd[-1][2], sd[-1][3])[1:])
    for a in tsa._kids(token, si[3][2], si[3][3]):
        ak = tsa._kids(token, a[2], a[3])
        if tsa._oid(token[ak[0][2] : ak[0][3]]) == tsa._MESSAGE_DIGEST:
            [(_, _, vc, ve)] = tsa._kids(token, ak[1][2], ak[1][3])
            t[vc:ve] = digest
    signed = b"\x31" + bytes(t[si[3][1] + 1 : si[3][3]])
    sig = key.sign(signed, padding.PKCS1v15(), hashes.SHA256())
    assert len(sig) == si[5][3] - si[5][2]
    t[si[5][2] : si[5][3]] = sig
    return bytes(t)


def test_a_time_stamp_from_a_tsa_of_her_own_is_not_a_proven_time(
    make_replica: MakeCoop, tmp_path: Path
) -> None:
    """The verifier checks a token against the certificate inside it (no trusted roots). Alice
    runs her own 'TSA' and dates the token 1999: the token verifies, and before, it became the
    bundle's "earliest proven time". Now that time is shown apart, with its certificate."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    from .tsa_local import make_tsa

    alice, files = _bundle(make_replica)
    digest = ev.decode_op(dict(files)["commit.op"], "commit.op").body["hash"]
    cfg = make_tsa(tmp_path)
    run = {"cwd": tmp_path, "check": True, "capture_output": True, "timeout": 60}
    subprocess.run(["openssl", "ts", "-query", "-digest", digest.hex(), "-sha256", "-cert",
                    "-out", "q.tsq"], **run)  # type: ignore[call-overload]  # fmt: skip
    subprocess.run(["openssl", "ts", "-reply", "-config", str(cfg), "-queryfile", "q.tsq",
                    "-out", "r.tsr"], **run)  # type: ignore[call-overload]  # fmt: skip
    token = ev.token_of_reply((tmp_path / "r.tsr").read_bytes())
    key = serialization.load_pem_private_key((tmp_path / "tsa.key").read_bytes(), None)
    assert isinstance(key, rsa.RSAPrivateKey)
    forged = _redate_token(token, key, b"1999")
    stamp = ev.check_token(forged, digest)  # processed: a valid token under its own certificate
    assert stamp.when_ms < 946_684_800_000  # before 2000
    report = ev.verify(_resign([*files, ("timestamp.tsr", forged)], alice))
    assert report.stamp is not None and report.stamp.when_ms == stamp.when_ms
    assert report.earliest_ms == min(r.when_ms for r in report.receipts)  # not 1999
    assert report.earliest_ms is not None and report.earliest_ms > stamp.when_ms  # what it hid
    text = ev.render(report)
    assert "not part of the earliest proven time" in text and "1999-" in text
