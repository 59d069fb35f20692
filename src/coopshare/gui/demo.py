"""``coopshare --demo``: a throwaway cooperative with two simulated members, over loopback only.

:meth:`DemoWorld.start` builds, in a temporary folder:

* the user's identity ("You", a random passphrase) and the cooperative "Coöperatie De Kempen",
  with Dutch and English notes (linked with ``[[...]]``), leads (with sealed organisation and
  contact), ideas (with usage terms) and a profile;
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
import datetime as dt
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

from coopshare.gui.settings import Prefs
from coopshare.model.items import Kind, LeadStatus
from coopshare.service import home as homes
from coopshare.service import invites
from coopshare.service.coop import Coop
from coopshare.service.dialler import sync_once
from coopshare.service.joining import join
from coopshare.service.listener import Listener
from coopshare.service.node import Node
from coopshare.service.runtime import Network, NetworkOptions, start_network

log = logging.getLogger("coopshare.demo")
T = TypeVar("T")

COOP_NAME = "Coöperatie De Kempen"
USER_NAME = "You"
LOOPBACK = "127.0.0.1"
SETUP_TIMEOUT = 120.0
JOIN_TIMEOUT = 60.0
# The lifecycle the simulated members walk a claimed lead through.
NEXT_STATUS = {
    LeadStatus.CLAIMED.value: LeadStatus.CONTACTED.value,
    LeadStatus.CONTACTED.value: LeadStatus.PROPOSAL.value,
    LeadStatus.PROPOSAL.value: LeadStatus.WON.value,
}


def _day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


# --- sample content -------------------------------------------------------------------------------


def _seed_user(c: Coop) -> None:
    """The user's own notes, leads, ideas and profile (written while setting up)."""
    c.create_coop(COOP_NAME)
    c.add_note(
        "Welkom bij De Kempen",
        "# Welkom!\n\nDit is de gedeelde kennisbank van onze coöperatie. Alles wat je hier "
        "schrijft, is ondertekend door jou en versleuteld voor de leden.\n\n"
        "- Nieuw? Begin bij de [[Onboarding checklist]].\n"
        "- Werk je voor overheden, lees dan [[Inkoopstrategie gemeenten]].\n"
        "- Vragen over zzp en de wet? Zie [[Wet DBA in practice]].\n",
        ["welkom", "kempen"],
    )
    c.add_note(
        "Inkoopstrategie gemeenten",
        "## Hoe gemeenten interim inhuren\n\n"
        "1. Meestal via een **raamovereenkomst** met een broker of bemiddelaar.\n"
        "2. Boven de drempel: een Europese aanbesteding; zie [[Aanbesteding Rijkswaterstaat]] "
        "voor een voorbeeld.\n"
        "3. Reageer binnen de termijn: de *respond-by* datum is hard.\n\n"
        "Tip: deel een lead zodra je hem hoort, ook als hij niet bij jou past.",
        ["inkoop", "overheid"],
    )
    c.add_note(
        "Aanbesteding Rijkswaterstaat",
        "Voorbeeld van een meervoudig onderhandse aanbesteding.\n\n"
        "- Sluitingsdatum: altijd in de aankondiging op TenderNed\n"
        "- Vraag tijdig om een *Nota van Inlichtingen*\n\n"
        "Terug naar [[Inkoopstrategie gemeenten]].",
        ["tender", "overheid"],
    )
    c.add_note(
        "Onboarding checklist",
        "# Onboarding checklist\n\n"
        "- [ ] Write your profile: skills and when you are available\n"
        "- [ ] Read [[Welkom bij De Kempen]]\n"
        "- [ ] Share one note about something you know well\n"
        "- [ ] Give your first lead: a short one is fine\n",
        ["onboarding"],
    )
    c.add_note(
        "Wet DBA in practice",
        "## Working as an independent under the Wet DBA\n\n"
        "Clients increasingly ask for a **model agreement** and clear deliverables. Keep the "
        "assignment result-based, use your own tools and work for more than one client.\n\n"
        "Public-sector clients: see [[Inkoopstrategie gemeenten]].",
        ["dba", "contract"],
    )
    c.add_lead(
        {
            "title": "Interim programmamanager energietransitie",
            "description": "Gemeente zoekt een programmamanager voor de warmtetransitie: "
            "wijkaanpak, participatie en de regionale energiestrategie.",
            "role": "Programmamanager",
            "skills": ["energietransitie", "programmamanagement", "participatie"],
            "region": "Eindhoven",
            "remote": False,
            "start": _day(30),
            "duration_weeks": 26,
            "extension": True,
            "hours_per_week": 32,
            "respond_by": _day(10),
            "contract_form": "zzp via bemiddelaar",
            "dba_assessment": "Modelovereenkomst beschikbaar",
            "referral_terms": "thanks",
            "org": "Gemeente Kempenstad (fictief)",
            "contact": "M. Jansen, hoofd Ruimte — m.jansen@example.org",
            "rate_min": 95,
            "rate_max": 120,
        }
    )
    c.add_lead(
        {
            "title": "Interim finance manager (English-speaking)",
            "description": "A scale-up in Eindhoven needs an interim finance manager to close "
            "the year and prepare a funding round.",
            "role": "Finance manager",
            "skills": ["finance", "reporting", "english"],
            "region": "Eindhoven / hybrid",
            "remote": True,
            "start": _day(14),
            "duration_weeks": 16,
            "extension": False,
            "hours_per_week": 24,
            "respond_by": _day(7),
            "contract_form": "direct",
            "referral_terms": "fixed fee",
            "org": "Brightfield Photonics B.V. (fictional)",
            "contact": "S. de Groot, CFO — cfo@example.com",
        }
    )
    c.add_idea(
        "Gedeeld inkoopcollectief voor zzp'ers",
        "Samen verzekeringen en software inkopen als coöperatie: lagere kosten, en een "
        "sterkere positie bij raamovereenkomsten.",
        "ask-before-use",
        tags=["inkoop", "collectief"],
    )
    c.add_idea(
        "Peer review circle for proposals",
        "Before a member sends a proposal, two others read it within 48 hours. "
        "Reciprocal: you review two for every one reviewed.",
        "reuse-with-attribution",
        tags=["proposals", "quality"],
    )
    c.set_profile(
        {
            "skills": ["programmamanagement", "verandermanagement", "overheid"],
            "availability": [
                {"from": _day(7), "to": _day(70), "hours": 24, "region": "Brabant", "remote": True}
            ],
            "ambitions": "Meer opdrachten in de energietransitie.",
        }
    )


def _seed_bram(c: Coop) -> None:
    c.add_note(
        "Netwerkborrel Eindhoven — verslag",
        "Goede opkomst: twaalf leden en vier gasten. Afspraken:\n\n"
        "- Elke maand een lead-ronde van tien minuten\n"
        "- Nieuwe leden krijgen een maatje (zie [[Onboarding checklist]])\n\n"
        "Volgende keer: [[Welkom bij De Kempen]] bijwerken.",
        ["netwerk", "verslag"],
    )
    c.add_note(
        "Lessons from a turnaround in logistics",
        "Three things that worked: weekly cash forecast, one visible dashboard, and saying "
        "no early. Contracting notes in [[Wet DBA in practice]].",
        ["turnaround", "logistics"],
    )
    c.add_lead(
        {
            "title": "Projectleider digitalisering zorg",
            "description": "Zorggroep zoekt een projectleider voor de overstap naar een nieuw "
            "ECD, inclusief implementatie op twaalf locaties.",
            "role": "Projectleider",
            "skills": ["zorg", "implementatie", "ict"],
            "region": "Helmond",
            "remote": False,
            "start": _day(21),
            "duration_weeks": 40,
            "extension": True,
            "hours_per_week": 28,
            "respond_by": _day(12),
            "contract_form": "zzp",
            "referral_terms": "thanks",
            "org": "Zorggroep Heidezicht (fictief)",
            "contact": "R. Verhoeven, bestuurssecretaris",
        }
    )
    c.add_idea(
        "Mentoring programme for new members",
        "Pair every new member with an experienced one for three months.",
        "view-only",
        tags=["onboarding", "mentoring"],
    )
    c.set_profile({"skills": ["turnaround", "logistiek", "finance"], "ambitions": "Supply chain."})
    wet_dba = _find(c, Kind.NOTE, "Wet DBA in practice")
    if wet_dba is not None:
        c.thank(wet_dba, "Precies wat ik nodig had voor mijn nieuwe opdracht.")


def _seed_carla(c: Coop) -> None:
    c.add_note(
        "Data governance for housing corporations",
        "Housing corporations must show where tenant data lives and who may see it. "
        "Start with a register of processing activities; contract questions: "
        "[[Wet DBA in practice]].",
        ["data", "governance", "wonen"],
    )
    c.add_note(
        "Checklist eerste week interim",
        "- Kennismaken met alle directe collega's\n- Binnen vijf dagen een eerste beeld "
        "terugkoppelen\n- Verwachtingen vastleggen\n\nZie ook [[Onboarding checklist]].",
        ["interim", "checklist"],
    )
    finance = _find(c, Kind.LEAD, "Interim finance manager (English-speaking)")
    if finance is not None:  # the short feedback loop: the user sees their lead picked up
        c.claim_lead(finance)
        c.set_lead_status(finance, LeadStatus.CONTACTED.value)


def _find(c: Coop, kind: Kind, title: str) -> bytes | None:
    for st in c.items(kind):
        if st.value("title") == title:
            return st.item_id
    return None


# Leads the simulated members give while the demo runs (used in turn, then again).
LIVE_LEADS: list[dict[str, Any]] = [
    {
        "title": "Interim HR-manager kinderopvang",
        "description": "Kinderopvangorganisatie met twintig locaties zoekt tijdelijk een HR-manager tijdens een reorganisatie.",
        "role": "HR-manager",
        "skills": ["hr", "verandermanagement"],
        "region": "Eindhoven",
        "hours_per_week": 24,
        "org": "Kinderopvang De Boomgaard (fictief)",
        "contact": "L. Smits, directeur",
    },
    {
        "title": "Business analyst for a water board (6 months)",
        "description": "Map the asset-management processes and prepare the tender for a new system.",
        "role": "Business analyst",
        "skills": ["analysis", "asset management"],
        "region": "Den Bosch / remote",
        "remote": True,
        "hours_per_week": 32,
        "org": "Waterschap Aa en Peel-achtig (fictional)",
        "contact": "P. Peters, programme office",
    },
    {
        "title": "Kwartiermaker regionale samenwerking",
        "description": "Zet de samenwerking tussen vijf gemeenten op: governance, eerste projecten en een werkplan.",
        "role": "Kwartiermaker",
        "skills": ["samenwerking", "overheid", "bestuur"],
        "region": "De Kempen",
        "hours_per_week": 20,
        "org": "Samenwerkingsverband Kempengemeenten (fictief)",
        "contact": "A. van Dijk, secretaris",
    },
    {
        "title": "Interim IT-manager (English-speaking)",
        "description": "Lead a team of twelve through a cloud migration while the company hires a permanent manager.",
        "role": "IT manager",
        "skills": ["it", "leadership", "english"],
        "region": "Veldhoven",
        "hours_per_week": 36,
        "org": "Lumen Systems (fictional)",
        "contact": "K. Bakker, COO",
    },
]

COMMENTS = [
    (
        "Reactie: {0}",
        "Goede notitie! Aanvulling uit mijn laatste opdracht: begin klein. Zie [[{0}]].",
    ),
    ("Comment on {0}", "Useful — I used this last week with a client. See [[{0}]]."),
]


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
        seeds = {"Bram": _seed_bram, "Carla": _seed_carla}
        folders = {name: (self.root / name.lower(), secrets.token_urlsafe(18)) for name in seeds}
        # one Argon2id derivation at a time, off this loop (parallel ones are not safe everywhere)
        await loop.run_in_executor(None, self._init_homes, folders)
        Prefs(self.home).set("mdns", False)  # loopback only, for the app opened on this folder

        you = Node(self.home, self.passphrase)
        await you.open()
        listener = Listener(you)
        try:
            host, port = await listener.start(LOOPBACK, 0)
            await you.write(_seed_user)
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
            moved = await m.node.write(_advance_a_lead)
            if moved:
                return moved
            choice = "lead"
        if choice == "comment":
            commented = await m.node.write(lambda c: _comment(c, self._rng))
            if commented:
                return commented
            choice = "lead"
        fields = dict(LIVE_LEADS[(m.leads_given * 2 + self.members.index(m)) % len(LIVE_LEADS)])
        m.leads_given += 1
        if m.leads_given > len(LIVE_LEADS) // 2:
            fields["title"] = f"{fields['title']} ({m.leads_given})"
        fields.update(
            start=_day(self._rng.randint(14, 45)),
            respond_by=_day(self._rng.randint(5, 12)),
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


def _advance_a_lead(c: Coop) -> str:
    """Claim an open lead given by someone else, or move one I claimed one step on."""
    me = c.me.member_id.hex()
    mine = [
        st
        for st in c.items(Kind.LEAD)
        if st.value("claimer") == me and st.value("status") in NEXT_STATUS
    ]
    if mine:
        st = mine[0]
        new = NEXT_STATUS[str(st.value("status"))]
        c.set_lead_status(st.item_id, new)
        return f"moved {st.value('title')!r} to {new}"
    open_ = [
        st
        for st in c.items(Kind.LEAD)
        if st.value("status") == LeadStatus.OPEN.value and st.creator != c.me.member_id[:8]
    ]
    if open_:
        st = open_[0]
        c.claim_lead(st.item_id)
        return f"claimed {st.value('title')!r}"
    return ""


def _comment(c: Coop, rng: random.Random) -> str:
    notes = [st for st in c.items(Kind.NOTE) if st.creator != c.me.member_id[:8]]
    if not notes:
        return ""
    target = str(rng.choice(notes).value("title", ""))
    title, body = rng.choice(COMMENTS)
    c.add_note(title.format(target)[:300], body.format(target), ["reactie"])
    return f"commented on {target!r}"
