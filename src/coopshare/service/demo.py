"""``coopshare --demo``: a throwaway cooperative with two simulated members, over loopback only.

:meth:`DemoWorld.start` builds, in a temporary folder:

* the user's identity ("Sam de Wit", a random passphrase) and the cooperative
  "Coöperatie De Kempen", with Dutch and English notes (linked with ``[[...]]``), leads (with
  sealed organisation and contact), ideas (with usage terms) and a profile;
* two simulated members, Bram and Carla, each in their own data folder, who join through real
  single-use invitations over TLS on 127.0.0.1 — exactly as a new member would — and then write
  notes, a lead, an idea and a thanks of their own.

The user's own node runs only during set-up; afterwards the desktop app opens the user's folder
with its own Node and dials :attr:`DemoWorld.peers`. Bram and Carla keep running as headless
Nodes (loopback listener, no mDNS) on a background asyncio thread, and every few seconds one of
them gives a lead, moves a lead along its lifecycle or comments in a note, so the app shows
peer-to-peer sync happening live. :meth:`DemoWorld.stop` stops them and deletes the folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import secrets
import shutil
import tempfile
import threading
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from coopshare.service import home as homes
from coopshare.service import invites
from coopshare.service.demo_content import (
    LIVE_LEADS,
    advance_a_lead,
    comment,
    day,
    seed_bram,
    seed_carla,
    seed_user,
)
from coopshare.service.dialler import sync_once
from coopshare.service.joining import join
from coopshare.service.listener import Listener
from coopshare.service.node import Node
from coopshare.service.runtime import Network, NetworkOptions, start_network

log = logging.getLogger("coopshare.demo")
T = TypeVar("T")

USER_NAME = "Sam de Wit"  # a name, not "You": the app adds "(you)" itself (#39)
LOOPBACK = "127.0.0.1"
SETUP_TIMEOUT = 120.0
JOIN_TIMEOUT = 60.0


# --- the world ------------------------------------------------------------------------------------


@dataclass
class _Member:
    name: str
    node: Node
    net: Network | None = None
    leads_given: int = 0


@dataclass
class DemoWorld:
    """A running demo; :meth:`start` makes one, :meth:`stop` ends it and deletes its folder."""

    root: Path
    home: Path
    passphrase: str
    peers: list[tuple[str, int]] = field(default_factory=list)
    interval: tuple[float, float] = (4.0, 9.0)
    members: list[_Member] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # what the members did live (for tests)
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _activity: asyncio.Task[None] | None = None
    _rng: random.Random = field(default_factory=random.Random)

    @classmethod
    def start(cls, *, interval: tuple[float, float] = (4.0, 9.0)) -> DemoWorld:
        """Build the demo and start the simulated members; blocks until they are online."""
        root = Path(tempfile.mkdtemp(prefix="coopshare-demo-"))
        world = cls(root, root / "you", secrets.token_urlsafe(18), interval=interval)
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()

        world._loop = loop
        world._thread = threading.Thread(target=run, name="coopshare-demo", daemon=True)
        world._thread.start()
        ready.wait()
        try:
            world._call(world._setup(), SETUP_TIMEOUT)
        except BaseException:
            world.stop()
            raise
        return world

    def _call(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    # --- set-up (on the demo thread) ------------------------------------------------------------

    async def _setup(self) -> None:
        loop = asyncio.get_running_loop()
        seeds = {"Bram": seed_bram, "Carla": seed_carla}
        folders = {name: (self.root / name.lower(), secrets.token_urlsafe(18)) for name in seeds}
        # one Argon2id derivation at a time, off this loop (parallel ones are not safe everywhere)
        await loop.run_in_executor(None, self._init_homes, folders)

        you = Node(self.home, self.passphrase)
        await you.open()
        listener = Listener(you)
        try:
            host, port = await listener.start(LOOPBACK, 0)
            await you.write(seed_user)
            for name, (folder, passphrase) in folders.items():
                invitation = await you.db(lambda c: invites.create(c, "member", [f"{host}:{port}"]))
                member = _Member(name, Node(folder, passphrase))
                self.members.append(member)
                await member.node.open()
                await join(member.node, invitation, host, port, JOIN_TIMEOUT)
                await member.node.write(seeds[name])
                # one converged session hands the member's writing to the user's folder
                await sync_once(member.node, host, port, JOIN_TIMEOUT)
        finally:
            listener.close()
            await you.close()

        # Bram and Carla stay online on loopback; Carla also dials Bram, as members do.
        for m in self.members:
            opts = NetworkOptions(host=LOOPBACK, port=0, mdns=False, peers=list(self.peers))
            m.net = await start_network(m.node, opts)
            self.peers.append(m.net.addr)
        self._activity = asyncio.ensure_future(self._live())

    def _init_homes(self, folders: dict[str, tuple[Path, str]]) -> None:
        homes.init(self.home, USER_NAME, self.passphrase)
        for name, (folder, passphrase) in folders.items():
            homes.init(folder, name, passphrase)

    # --- live activity --------------------------------------------------------------------------

    async def _live(self) -> None:
        first = True
        while True:
            await asyncio.sleep(self._rng.uniform(*self.interval))
            actor = self.members[0] if first else self._rng.choice(self.members)
            try:
                what = await self._act(actor, "lead" if first else None)
            except Exception as e:  # a demo hiccup must never end the demo
                log.info("demo: %s could not act: %s", actor.name, e)
                continue
            first = False
            if what:
                self.actions.append(f"{actor.name}: {what}")
                log.info("demo: %s %s", actor.name, what)

    async def _act(self, m: _Member, forced: str | None) -> str:
        given = sum(x.leads_given for x in self.members)
        weights = [3 if given < 8 else 1, 5, 2]  # keep the list of leads from growing forever
        choice = forced or self._rng.choices(["lead", "move", "comment"], weights)[0]
        if choice == "move":
            moved = await m.node.write(advance_a_lead)
            if moved:
                return moved
            choice = "lead"
        if choice == "comment":
            commented = await m.node.write(lambda c: comment(c, self._rng))
            if commented:
                return commented
            choice = "lead"
        fields = dict(LIVE_LEADS[(m.leads_given * 2 + self.members.index(m)) % len(LIVE_LEADS)])
        m.leads_given += 1
        if m.leads_given > len(LIVE_LEADS) // 2:
            fields["title"] = f"{fields['title']} ({m.leads_given})"
        fields.update(
            start=day(self._rng.randint(14, 45)),
            respond_by=day(self._rng.randint(5, 12)),
            duration_weeks=self._rng.choice([12, 16, 26]),
            referral_terms="thanks",
        )
        await m.node.write(lambda c: c.add_lead(fields))
        return f"gave the lead {fields['title']!r}"

    # --- stopping ------------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the simulated members and delete every demo folder (safe to call twice)."""
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            with contextlib.suppress(Exception):
                self._call(self._shutdown(), 30)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            if not thread.is_alive():
                loop.close()
        self._loop = self._thread = None
        shutil.rmtree(self.root, ignore_errors=True)

    async def _shutdown(self) -> None:
        if self._activity is not None:
            self._activity.cancel()
            with contextlib.suppress(BaseException):
                await self._activity
        for m in self.members:
            with contextlib.suppress(Exception):
                if m.net is not None:
                    await m.net.close()
            with contextlib.suppress(Exception):
                await m.node.close()
