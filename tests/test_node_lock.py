"""One syncing node per data folder (service/node_lock.py): a second `serve` (or app) on a folder
that one already syncs is refused with one clear message; one-shot commands, `sync --once`
included, still run beside it; a node killed with -9 leaves no stale lock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coopshare.errors import AlreadySyncing
from coopshare.service import node_lock

from .netutil import Server, cli, init, new_member, serving


def test_the_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    first = node_lock.acquire(tmp_path)
    assert first is not None
    assert (tmp_path / node_lock.LOCK_FILE).read_text() == str(os.getpid())
    # another open file description of the same file is refused, as another process would be
    with pytest.raises(AlreadySyncing) as e:
        node_lock.acquire(tmp_path)
    assert e.value.pid == str(os.getpid())
    first.release()
    again = node_lock.acquire(tmp_path)  # control: free once released
    assert again is not None
    again.release()


def test_a_second_serve_on_one_folder_is_refused_until_the_first_is_gone(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "C")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
    first = Server(a)
    try:
        second = cli(a, "serve", "--listen", "127.0.0.1:0", "--no-mdns", check=False, timeout=60)
        assert second.returncode != 0
        assert "already syncing this data folder" in second.stderr
        assert f"process {first.proc.pid}" in second.stderr
        assert "Traceback" not in second.stderr
        # one-shot commands share the store as before, and a sync --once dials beside it
        cli(a, "note", "add", "--title", "beside the node", "--body", "x")
        with serving(b) as bram:
            out = cli(a, "sync", "--peer", bram.addr, "--once").stdout
            assert "in sync with" in out
        first.kill9()  # no clean shutdown: the kernel drops the lock with the process
        again = Server(a)  # control: the folder syncs again, no stale lock
        again.stop()
    finally:
        first.stop()
