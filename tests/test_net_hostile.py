"""A hostile client against a real `serve` process: each attack closes only its own connection,
no byte goes to a prober without a valid knock, and a member keeps syncing throughout."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import pytest

from coopshare.identity.keys import Identity
from coopshare.protocol import knock
from coopshare.protocol import messages as m
from coopshare.protocol.codec import pack
from coopshare.protocol.frames import encode_frame
from coopshare.service import home as homes
from coopshare.transport import tls

from .netutil import PASS, cli, cli_json, init, new_member, op_count, serving, wait_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("hostile")
    a, b = root / "a", root / "b"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "C")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        coop = homes.open_coop(b, PASS)
        net_key = knock.network_key(coop.epoch_keys[coop.roster.current_epoch])  # type: ignore[index]
        member = coop.me
        coop.store.close()
        yield a, b, server, net_key, member


async def _raw(port: int, payload: bytes, wait: float = 3.0) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(payload)
    await writer.drain()
    try:
        async with asyncio.timeout(wait):
            return await reader.read(4096)
    finally:
        writer.close()


async def _member_link(
    port: int, key: bytes, who: Identity
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(knock.make_knock(key, knock.MODE_MEMBER))
    await writer.drain()
    assert await reader.readexactly(1) == b"\x01"
    await writer.start_tls(tls.client_context(who), server_hostname=None)
    return reader, writer


async def _closed_after(
    reader: asyncio.StreamReader, payload_writer: asyncio.StreamWriter, payload: bytes
) -> bool:
    """Send `payload` after our Hello; True if the server then closes the connection."""
    payload_writer.write(payload)
    await payload_writer.drain()
    try:
        async with asyncio.timeout(10):
            while await reader.read(65536):
                pass
    except (ConnectionError, ssl.SSLError):
        return True  # reset by the server
    except TimeoutError:
        return False  # still open: the attack was not noticed
    return True  # orderly close by the server


def _member_still_syncs(a: Path, b: Path, addr: str, title: str) -> None:
    cli(a, "note", "add", "--title", title, "--body", "still fine")
    cli(b, "sync", "--peer", addr, "--once", timeout=60)
    assert title in {n["title"] for n in cli_json(b, "list", "notes")}


def test_no_knock_or_bad_knock_gets_zero_bytes(lab) -> None:  # type: ignore[no-untyped-def]
    a, b, server, key, _ = lab
    assert asyncio.run(_raw(server.port, b"", wait=8)) == b""  # closed at the knock deadline
    assert asyncio.run(_raw(server.port, b"\x16\x03\x01" + b"\x00" * 200)) == b""  # a TLS hello
    assert asyncio.run(_raw(server.port, knock.make_knock(b"w" * 32, knock.MODE_MEMBER))) == b""
    good = knock.make_knock(key, knock.MODE_MEMBER)
    assert asyncio.run(_raw(server.port, good, wait=1)) == b"\x01"
    assert asyncio.run(_raw(server.port, good)) == b""  # replayed knock
    _member_still_syncs(a, b, server.addr, "after knocks")


def test_non_member_certificate_is_refused(lab) -> None:  # type: ignore[no-untyped-def]
    a, b, server, key, _ = lab
    stranger = Identity.generate(
        "Mallory"
    )  # holds the network key (say, leaked), not a roster cert

    async def attempt() -> str:
        try:
            reader, writer = await _member_link(server.port, key, stranger)
            data = await asyncio.wait_for(reader.read(100), 5)
            writer.close()
            return f"got {data!r}"
        except (ssl.SSLError, ConnectionError, asyncio.IncompleteReadError) as e:
            return type(e).__name__

    outcome = asyncio.run(attempt())
    assert outcome in {"SSLError", "SSLCertVerificationError", "ConnectionResetError", "got b''"}, (
        outcome
    )
    _member_still_syncs(a, b, server.addr, "after stranger")


@pytest.mark.parametrize(
    "attack",
    [
        b"\x80\x00\x00\x00",  # 2^31 length prefix
        encode_frame(b"\x91" * 20_000 + b"\xc0"),  # deep nesting
        encode_frame(b"\xdb\x7f\xff\xff\xff"),  # a str header claiming 2 GiB
        encode_frame(b"\xdf\xff\xff\xff\xff"),  # a map header claiming 4 billion entries
        encode_frame(pack({"t": "teleport"})),  # unknown message kind
        encode_frame(pack({"t": "ops", "ops": [b"garbage"]})),  # ops before hello
    ],
    ids=["len-2^31", "deep", "huge-str", "huge-map", "unknown-kind", "ops-before-hello"],
)
def test_hostile_frames_from_a_member_close_only_that_connection(lab, attack: bytes) -> None:  # type: ignore[no-untyped-def]
    a, b, server, key, member = lab

    async def go() -> bool:
        reader, writer = await _member_link(server.port, key, member)
        return await _closed_after(reader, writer, attack)

    assert asyncio.run(go())
    assert server.proc.poll() is None  # the node is still running
    _member_still_syncs(a, b, server.addr, f"after {attack[:8].hex()}")


# slowloris and idle sockets against the door, with the member checked DURING the attack and
# a positive control against the old limits: tests/test_door.py


def test_old_op_replayed_changes_nothing(lab) -> None:  # type: ignore[no-untyped-def]
    """An old signed edit, byte-identical, replayed in a batch with a new op: the new op is
    applied (positive control: the batch really was processed), the replay adds nothing."""
    a, b, server, key, member = lab
    cli(a, "note", "add", "--title", "old edit", "--body", "written before the replay")
    coop = homes.open_coop(a, PASS)
    old_op = list(coop.wire_ops())[-1]  # an item op: it would add a note if it were new
    coop.store.close()
    cli(b, "note", "add", "--title", "fresh from Bram", "--body", "not yet synced")
    bram = homes.open_coop(b, PASS)
    fresh_op = list(bram.wire_ops())[-1]
    bram.store.close()
    before = cli_json(a, "status")

    async def replay() -> None:
        _reader, writer = await _member_link(server.port, key, member)
        roster: tuple[bytes, ...] = ()
        writer.write(
            encode_frame(
                m.to_wire(m.Hello(bytes.fromhex(before["coop_id"]), member.device_id, roster))
            )
        )
        writer.write(encode_frame(m.to_wire(m.Ops((old_op, fresh_op, old_op)))))
        await writer.drain()
        await asyncio.to_thread(wait_for, lambda: op_count(a) > before["ops"], 30)
        await asyncio.sleep(0.5)  # the replays sit in the same batch: nothing more may come
        writer.close()

    asyncio.run(replay())
    after = cli_json(a, "status")
    assert after["ops"] == before["ops"] + 1  # the fresh op only
    assert after["items"]["note"] == before["items"]["note"] + 1
    assert "fresh from Bram" in {n["title"] for n in cli_json(a, "list", "notes")}
    mine = before["me"]["device_id"]
    assert after["version_vector"][mine] == before["version_vector"][mine]  # replays: no change


def test_a_refused_knock_explains_itself(lab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A member of another cooperative (or a device whose clock is far off) is turned away at
    the knock, with no byte from the server: the dialler says what may be wrong."""
    a, b, server, _, _ = lab
    other = tmp_path / "other"
    init(other, "Olga")
    cli(other, "coop", "create", "--name", "Elsewhere")
    r = cli(other, "sync", "--peer", server.addr, "--once", check=False, timeout=60)
    assert r.returncode != 0
    assert "did not let this device in" in r.stderr and "clocks" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr  # one clear line, no traceback
    _member_still_syncs(a, b, server.addr, "after a refused knock")
