"""Sample content of the demo cooperative, and the simulated members' next moves (no Qt)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from coopshare.errors import NotAllowed
from coopshare.model.items import Kind, LeadStatus
from coopshare.service import comments
from coopshare.service.coop import Coop

COOP_NAME = "Coöperatie De Kempen"

# The lifecycle the simulated members walk a claimed lead through.
NEXT_STATUS = {
    LeadStatus.CLAIMED.value: LeadStatus.CONTACTED.value,
    LeadStatus.CONTACTED.value: LeadStatus.PROPOSAL.value,
    LeadStatus.PROPOSAL.value: LeadStatus.WON.value,
}


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


# --- sample content -------------------------------------------------------------------------------


def seed_user(c: Coop) -> None:
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
            "start": day(30),
            "duration_weeks": 26,
            "extension": True,
            "hours_per_week": 32,
            "respond_by": day(10),
            "contract_form": "intermediary",
            "dba_assessment": "Modelovereenkomst beschikbaar",
            "referral_terms": "none",
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
            "start": day(14),
            "duration_weeks": 16,
            "extension": False,
            "hours_per_week": 24,
            "respond_by": day(7),
            "contract_form": "freelance",
            "referral_terms": "fixed-fee: € 750",
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
                {"from": day(7), "to": day(70), "hours": 24, "region": "Brabant", "remote": True}
            ],
            "ambitions": "Meer opdrachten in de energietransitie.",
        }
    )


def seed_bram(c: Coop) -> None:
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
            "start": day(21),
            "duration_weeks": 40,
            "extension": True,
            "hours_per_week": 28,
            "respond_by": day(12),
            "contract_form": "freelance",
            "referral_terms": "none",
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


def seed_carla(c: Coop) -> None:
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

COMMENTS = [  # what the simulated members write under the user's notes
    "Goede notitie! Aanvulling uit mijn laatste opdracht: begin klein.",
    "Useful — I used this last week with a client.",
]


def advance_a_lead(c: Coop) -> str:
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


def comment(c: Coop, rng: random.Random) -> str:
    """A comment under a colleague's note (the note stays theirs), as a member would write it."""
    notes = [st for st in c.items(Kind.NOTE) if st.creator != c.me.member_id[:8]]
    if not notes:
        return ""
    target = rng.choice(notes)
    try:
        comments.write(c, target.item_id, rng.choice(COMMENTS))
    except NotAllowed:  # this member's comments on that note are at their cap
        return ""
    return f"commented on {target.value('title', '')!r}"
