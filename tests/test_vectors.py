"""Known-answer vectors (tests/vectors/v1.json): what another implementation must reproduce."""

from __future__ import annotations

import json
from pathlib import Path

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.identity import recovery
from coopshare.identity.keys import device_id_of
from coopshare.protocol import roster_body
from coopshare.protocol.ops import Header, OpKind, decode_op, make_op

V = json.loads((Path(__file__).parent / "vectors" / "v1.json").read_text())
h = bytes.fromhex


def test_op_encoding_signature_and_id() -> None:
    o = V["op"]
    key = p.signing_key_from_seed(h(V["device_seed"]))
    assert device_id_of(p.raw_public(key)).hex() == o["device"]
    op = make_op(
        key,
        coop_id=h(o["coop_id"]),
        device=h(o["device"]),
        seq=o["seq"],
        backlink=h(o["backlink"]),
        hlc=o["hlc"],
        parents=tuple(h(x) for x in o["parents"]),
        kind=OpKind(o["kind"]),
        epoch=h(o["epoch"]),
        body=h(o["body"]),
    )
    assert op.header_bytes.hex() == o["header"]
    assert op.signature.hex() == o["signature"]  # Ed25519 is deterministic
    assert op.op_id.hex() == o["op_id"] == p.sha256(b"coopshare/v1/op\0", h(o["header"])).hex()
    assert op.encode().hex() == o["wire"]
    back = decode_op(h(o["wire"]))
    back.verify(p.raw_public(key))
    assert back.header == Header.decode(h(o["header"]))


def test_epoch_wrap_opens() -> None:
    e = V["epoch"]
    kex = p.kex_key_from_seed(h(V["kex_seed"]))
    assert roster_body.epoch_id_of(h(e["key"])).hex() == e["epoch_id"]
    key = roster_body.unwrap_epoch(
        {h(e["recipient_device"]): h(e["wrap"])},
        h(e["coop_id"]),
        h(e["epoch_id"]),
        h(e["recipient_device"]),
        kex,
    )
    assert key == h(e["key"])


def test_item_part_opens() -> None:
    i = V["item_part"]
    part = envelope.Part(envelope.MODE_COOP, h(i["wrap"]), h(i["ciphertext"]))
    dek = envelope.part_key(part, h(i["coop_id"]), h(i["epoch_key"]), None)
    assert dek is not None
    assert envelope.open_part(part, dek, h(i["coop_id"])) == h(i["plaintext"])


def test_recovery_code() -> None:
    assert recovery.encode(h(V["recovery"]["seed"])) == V["recovery"]["code"]
