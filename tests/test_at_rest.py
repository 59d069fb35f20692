"""Nothing of users' content or keys is readable in the data folder (security.md case 34)."""

from __future__ import annotations

from pathlib import Path

from coopshare.crypto import primitives as p
from coopshare.model.items import Kind
from coopshare.service import home as homes

MARKERS = {
    "note": "ZEBRA-NOTE-7731",
    "note_title": "QUOKKA-TITLE-1193",
    "lead_org": "Achmea-MARKER-4402",
    "lead_title": "PELICAN-LEAD-5521",
    "lead_contact": "jan.devries-MARKER@example.nl",
    "idea": "OCELOT-IDEA-9012",
    "member": "Wilhelmina-MARKER-Name",
    "coop": "Brabant-MARKER-Coop",
}


def _every_byte(folder: Path) -> bytes:
    return b"".join(f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file())


def test_no_marker_or_key_on_disk(tmp_path: Path) -> None:
    home = tmp_path / "home"
    homes.init(home, MARKERS["member"], "correct horse battery staple")
    coop = homes.open_coop(home, "correct horse battery staple")
    coop.create_coop(MARKERS["coop"])
    coop.add_note(MARKERS["note_title"], f"Body with {MARKERS['note']} inside", ["tag"])
    coop.add_lead(
        {
            "title": MARKERS["lead_title"],
            "org": MARKERS["lead_org"],
            "contact": MARKERS["lead_contact"],
            "rate_min": 90,
            "rate_max": 110,
        }
    )
    coop.add_idea("Idea", f"The idea {MARKERS['idea']}", "ask-before-use")
    assert coop.search(MARKERS["note"].split("-")[0])  # search index built (it lives in memory)
    assert [i.value("title") for i in coop.items(Kind.LEAD)] == [MARKERS["lead_title"]]
    secrets = [
        coop.me.member_seed(),
        p.seed_of(coop.me.device_key),
        p.seed_of(coop.me.kex_key),
    ]
    secrets += list(coop.epoch_keys.values())
    files_while_open = _every_byte(home)
    coop.store.close()
    for blob in (files_while_open, _every_byte(home)):
        for marker in MARKERS.values():
            for encoding in ("utf-8", "utf-16-le"):
                assert marker.encode(encoding) not in blob, marker
        for secret in secrets:
            assert secret not in blob
    assert {f.name for f in home.iterdir()} >= {"keystore.bin", "coopshare.db"}
