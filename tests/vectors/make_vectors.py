"""Regenerate tests/vectors/v1.json (run by hand; the committed file is the reference).

Deterministic parts (header bytes, Ed25519 signatures, op ids, epoch ids, recovery codes) must
come out identical on every run and every implementation. HPKE and AEAD outputs use fresh
randomness, so for them the file holds one sample ciphertext that must *open* to the given value.

    .venv/bin/python tests/vectors/make_vectors.py
"""

from __future__ import annotations

import json
from pathlib import Path

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.identity import recovery
from coopshare.identity.keys import device_id_of
from coopshare.model.items import Kind
from coopshare.model.roster import DeviceRecord
from coopshare.protocol import content, roster_body
from coopshare.protocol.ops import OpKind, make_op

OUT = Path(__file__).with_name("v1.json")


def build() -> dict[str, object]:
    device_seed = bytes(range(32))
    kex_seed = bytes(range(32, 64))
    key = p.signing_key_from_seed(device_seed)
    kex = p.kex_key_from_seed(kex_seed)
    device_id = device_id_of(p.raw_public(key))
    coop_id = bytes.fromhex("11" * 32)
    epoch_key = bytes.fromhex("22" * 32)
    body = b"\x91\x93\x00\xc4\x01\x00\xc4\x01\x00"
    op = make_op(
        key,
        coop_id=coop_id,
        device=device_id,
        seq=2,
        backlink=bytes.fromhex("33" * 32),
        hlc=0x0190_0000_0000_0001,
        parents=(bytes.fromhex("44" * 32),),
        kind=OpKind.ITEM,
        epoch=roster_body.epoch_id_of(epoch_key),
        body=body,
    )
    rec = DeviceRecord(device_id, b"m" * 32, p.raw_public(key), p.raw_public(kex), b"")
    wraps = roster_body.wrap_epoch(epoch_key, coop_id, [rec])
    change = content.encode_change(
        Kind.NOTE, b"\x55" * 16, {"title": "Hallo"}, body="Tekst", prev=()
    )
    part, _ = envelope.seal_coop(change, epoch_key, coop_id)
    return {
        "version": 1,
        "device_seed": device_seed.hex(),
        "kex_seed": kex_seed.hex(),
        "op": {
            "coop_id": coop_id.hex(),
            "device": device_id.hex(),
            "seq": 2,
            "backlink": "33" * 32,
            "hlc": 0x0190_0000_0000_0001,
            "parents": ["44" * 32],
            "kind": "item",
            "epoch": roster_body.epoch_id_of(epoch_key).hex(),
            "body": body.hex(),
            "header": op.header_bytes.hex(),
            "signature": op.signature.hex(),
            "op_id": op.op_id.hex(),
            "wire": op.encode().hex(),
        },
        "epoch": {
            "key": epoch_key.hex(),
            "epoch_id": roster_body.epoch_id_of(epoch_key).hex(),
            "coop_id": coop_id.hex(),
            "recipient_device": device_id.hex(),
            "wrap": wraps[device_id].hex(),
        },
        "item_part": {
            "epoch_key": epoch_key.hex(),
            "coop_id": coop_id.hex(),
            "wrap": bytes(part.wrap).hex() if isinstance(part.wrap, bytes) else None,
            "ciphertext": part.ciphertext.hex(),
            "plaintext": change.hex(),
        },
        "recovery": {"seed": device_seed.hex(), "code": recovery.encode(device_seed)},
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), indent=2) + "\n")
    print(f"wrote {OUT}")
