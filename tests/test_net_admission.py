"""Admission learned at the door, with real processes on 127.0.0.1.

Anna (admin) invites Bram, then Cor, and stops: Bram never learned that Cor was admitted. The two
must still sync both ways. A knock-key holder without a valid chain, or one that sends anything
but roster ops before it is admitted, is closed with nothing merged; a removed device is refused.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import ssl
from pathlib import Path
from typing import Any

import pytest

from coopshare.identity.keys import Identity
from coopshare.model.roster import Role
from coopshare.protocol import admission as adm
from coopshare.protocol import knock, roster_body
from coopshare.protocol import messages as m
from coopshare.protocol.frames import encode_frame
from coopshare.protocol.ops import OpKind, decode_op
from coopshare.service import home as homes
from coopshare.service.coop import Coop
from coopshare.transport import tls

from .forge import forge
from .netutil import PASS, cli, cli_json, init, new_member, op_ids, serving

pytestmark = pytest.mark.slow


def _member_ids(home: Path) -> set[str]:
    return {x["member_id"] for x in cli_json(home, "list", "members")}


def _titles(home: Path) -> set[str]:
    return {n["title"] for n in cli_json(home, "list", "notes")}


def _quarantined(home: Path) -> int:
    with sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True) as c:
        return int(c.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0])


@pytest.fixture(scope="module")
def met(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Anna invites Bram, then Cor; each writes a note; Anna stops. The folders are copied
    for each test, so every test starts from Bram not knowing Cor."""
    root = tmp_path_factory.mktemp("meetup")
    a, b, c = root / "a", root / "b", root / "c"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "Brabant Interim")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        new_member(c, "Cor", a, server)
    cli(b, "note", "add", "--title", "From Bram", "--body", "tender in Eindhoven")
    cli(c, "note", "add", "--title", "From Cor", "--body", "lead in Tilburg")
    return root


def _copy(met: Path, dst: Path) -> tuple[Path, Path, Path]:
    shutil.copytree(met, dst)
    return dst / "a", dst / "b", dst / "c"


def _pre_state(a: Path, b: Path, c: Path) -> None:
    """The failure mode is real: Bram's roster lacks Cor, and they hold different ops."""
    assert len(_member_ids(a)) == 3
    assert len(_member_ids(b)) == 2  # Anna and Bram: Bram never heard of Cor
    assert len(_member_ids(c)) == 3
    assert op_ids(b) != op_ids(c)


@pytest.mark.parametrize("dialler", ["bram", "cor"])
def test_members_who_met_only_each_other_sync(met: Path, tmp_path: Path, dialler: str) -> None:
    a, b, c = _copy(met, tmp_path / "x")
    _pre_state(a, b, c)
    # Bram dialling Cor: Bram admits Cor on the dialler's side; Cor dialling Bram: Bram's
    # listener finishes TLS with a certificate it does not know, then admits Cor
    caller, callee = (b, c) if dialler == "bram" else (c, b)
    with serving(callee) as server:
        r = cli(caller, "sync", "--peer", server.addr, "--once", "--timeout", "60", timeout=90)
        assert r.returncode == 0, r.stderr
    assert op_ids(b) == op_ids(c)
    assert _member_ids(b) == _member_ids(c) == _member_ids(a)
    assert _titles(b) == _titles(c) == {"From Bram", "From Cor"}
    # and the other way round, now that both know each other
    with serving(caller) as server:
        cli(callee, "note", "add", "--title", "Afterwards", "--body", "x")
        cli(callee, "sync", "--peer", server.addr, "--once", "--timeout", "60", timeout=90)
    assert op_ids(b) == op_ids(c)


# --- hostile knock-key holders against Bram's listener --------------------------------------


def _open(home: Path) -> Coop:
    return homes.open_coop(home, PASS)


async def _present(
    port: int,
    key: bytes,
    who: Identity,
    coop_id: bytes,
    roster_ids: list[bytes],
    batches: list[list[bytes]],
) -> list[str]:
    """Dial with a mode-3 knock as `who`, send Hello, the batches and RosterDone, and return the
    types of the messages the listener sent until it closed or said Have."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    k = knock.make_knock(key, knock.MODE_MEMBER_CERT)
    writer.write(k + adm.seal_cert(key, k, who.cert))
    await writer.drain()
    if await reader.read(1) != b"\x01":
        writer.close()
        return ["no go-ahead"]
    await writer.start_tls(tls.client_context(who), server_hostname=None)
    got: list[str] = []
    try:
        # the listener proves it holds the network key before anything is sent (protocol §13)
        proof = await reader.readexactly(adm.PROOF_LEN)
        listener_cert = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        adm.check_listener_proof(key, k, listener_cert, proof)
        writer.write(encode_frame(m.to_wire(m.Hello(coop_id, who.device_id, tuple(roster_ids)))))
        for batch in batches:
            writer.write(encode_frame(m.to_wire(m.Ops(tuple(batch)))))
            await writer.drain()
        writer.write(encode_frame(m.to_wire(m.RosterDone())))
        await writer.drain()
        async with asyncio.timeout(30):
            while "have" not in got:
                n = int.from_bytes(await reader.readexactly(4), "big")
                got.append(m.from_wire(await reader.readexactly(n)).T)
    except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
        got.append("closed")
    finally:
        writer.close()
    return got


@pytest.fixture
def door(met: Path, tmp_path: Path) -> Any:
    a, b, c = _copy(met, tmp_path / "x")
    cor = _open(c)
    try:
        key = knock.network_key(cor.epoch_keys[cor.roster.current_epoch])  # type: ignore[index]
        roster = [w for w in cor.wire_ops() if decode_op(w).header.kind.is_roster]
        yield a, b, c, cor, key, roster
    finally:
        cor.store.close()


def test_a_real_chain_is_admitted_and_only_roster_ops_flow_before(door: Any) -> None:
    """Positive control for the hostile cases below: Cor's real chain, presented by hand."""
    _a, b, _c, cor, key, roster = door
    before = op_ids(b)
    with serving(b) as server:
        got = asyncio.run(
            _present(
                server.port,
                key,
                cor.me,
                cor.coop_id,
                [decode_op(w).op_id for w in roster],
                [roster],
            )
        )
    assert got[0] == "hello" and got[-1] == "have", got  # admitted: the session went on
    assert "ops" not in got  # Cor listed every roster op: nothing else was sent
    assert op_ids(b) - before == {decode_op(w).op_id for w in roster} - before
    assert len(_member_ids(b)) == 3


def test_without_admission_the_old_knock_meets_the_wall(door: Any) -> None:
    """Positive control for the whole feature: with the mode-1 knock (no admission), Bram's
    listener refuses Cor's certificate in TLS, as it did before admission existed."""
    _a, b, _c, cor, key, _roster = door

    async def mode1() -> str:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(knock.make_knock(key, knock.MODE_MEMBER))
        await writer.drain()
        assert await reader.readexactly(1) == b"\x01"
        try:
            await writer.start_tls(tls.client_context(cor.me), server_hostname=None)
            return f"got {await asyncio.wait_for(reader.read(100), 10)!r}"
        except (ssl.SSLError, ConnectionError) as e:
            return type(e).__name__
        finally:
            writer.close()

    with serving(b) as server:
        outcome = asyncio.run(mode1())
    assert outcome in {"SSLError", "SSLCertVerificationError", "ConnectionResetError", "got b''"}
    assert len(_member_ids(b)) == 2


def _attack(door: Any, who: Identity, batches: list[list[bytes]]) -> list[str]:
    _a, b, _c, cor, key, roster = door
    before, quarantine = op_ids(b), _quarantined(b)
    with serving(b) as server:
        got = asyncio.run(
            _present(
                server.port, key, who, cor.coop_id, [decode_op(w).op_id for w in roster], batches
            )
        )
        assert server.proc.poll() is None
    assert op_ids(b) == before and _quarantined(b) == quarantine  # nothing merged
    assert len(_member_ids(b)) == 2
    return got


def test_no_chain_gets_a_hello_and_a_close(door: Any) -> None:
    got = _attack(door, Identity.generate("Mallory"), [])
    assert got == ["hello", "bye", "closed"], got  # no roster ops of Bram's, no Have


def test_a_chain_signed_by_a_non_admin_is_refused(door: Any, tmp_path: Path) -> None:
    """Cor (a member, not an admin) signs, with his real key, an add_member of Mallory and
    presents it with his own real chain."""
    _a, _b, _c, cor, _key, roster = door
    mallory_home = tmp_path / "mallory"
    init(mallory_home, "Mallory")
    mallory = _open(mallory_home)
    try:
        req = mallory.join_request()
        body = roster_body.add_member(
            req["member_pk"],
            "Mallory",
            req["device"],
            Role.MEMBER,
            cor.epoch_keys[cor.roster.current_epoch],  # type: ignore[index]
            cor.coop_id,  # type: ignore[arg-type]
        )
        forged = forge(cor, body, kind=OpKind.ADD_MEMBER).encode()
        got = _attack(door, mallory.me, [[*roster, forged]])
    finally:
        mallory.store.close()
    assert got == ["hello", "bye", "closed"], got


def test_unsigned_chain_is_refused(door: Any) -> None:
    _a, _b, _c, cor, _key, roster = door
    ops = [decode_op(w) for w in roster]
    broken = [
        o.encode() if i else _flip(o.encode(), o.signature) for i, o in enumerate(reversed(ops))
    ]
    got = _attack(door, cor.me, [broken])
    assert got == ["hello", "bye", "closed"], got


def _flip(wire: bytes, sig: bytes) -> bytes:
    bad = bytes([sig[0] ^ 1]) + sig[1:]
    return wire.replace(sig, bad)


def test_content_before_admission_is_refused(door: Any) -> None:
    """Cor, with his real chain, also slips his note into the restricted phase."""
    _a, _b, _c, cor, _key, roster = door
    note = next(w for w in cor.wire_ops() if decode_op(w).header.kind is OpKind.ITEM)
    got = _attack(door, cor.me, [[*roster, note]])
    assert got == ["hello", "bye", "closed"], got


def test_oversize_chain_is_refused(door: Any) -> None:
    """Cor's real chain, padded with copies beyond MAX_ADMIT_OPS."""
    _a, _b, _c, cor, _key, roster = door
    copies = roster * (adm.MAX_ADMIT_OPS // len(roster) + 1)
    batches = [copies[i : i + m.MAX_BATCH] for i in range(0, len(copies), m.MAX_BATCH)]
    got = _attack(door, cor.me, batches)
    assert got[0] == "hello" and "have" not in got and got[-1] == "closed", got


def test_a_removed_device_is_still_refused(tmp_path: Path) -> None:
    a, b, d = tmp_path / "a", tmp_path / "b", tmp_path / "d"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "C")
    with serving(a) as sa:
        new_member(b, "Bram", a, sa)
        new_member(d, "Dora", a, sa)
        cli(b, "sync", "--peer", sa.addr, "--once")
    with serving(b) as sb:  # positive control: while a member, Dora syncs with Bram
        assert cli(d, "sync", "--peer", sb.addr, "--once", check=False).returncode == 0
    cli(a, "member", "remove", "Dora")
    with serving(a) as sa:
        cli(b, "sync", "--peer", sa.addr, "--once")
    before = op_ids(b)
    cli(d, "note", "add", "--title", "After removal", "--body", "x")
    with serving(b) as sb:
        r = cli(d, "sync", "--peer", sb.addr, "--once", check=False)
        assert sb.proc.poll() is None
    assert r.returncode != 0
    assert op_ids(b) == before
