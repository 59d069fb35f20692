"""The names `service/api.py` exports without importing them at start-up (its PEP 562
``__getattr__`` asks here): the running-node half of the door (TLS, mDNS, the sync engine), the
file formats, and the talent, proof, evidence, device and comment read models. A one-shot
command such as `coopshare status` or `note add` loads none of them (tests/test_startup_imports.py).
"""

from __future__ import annotations

from typing import Any

_EVIDENCE = {  # door name -> name in service/evidence.py
    "EvidenceExported": "EvidenceExported",
    "EvidenceReport": "Report",
    "render_evidence": "render",
    "verify_evidence": "verify_file",
}


def load(name: str) -> Any:
    """The door's `name`, its module imported now; AttributeError if the door has none."""
    if name in ("pair_host", "pair_guest"):  # in-person pairing: asyncio and the network
        from coopshare.service import pairing_net

        return pairing_net.host if name == "pair_host" else pairing_net.guest
    if name == "add_my_device_in_person":  # my existing device (protocol/pairing_link.py)
        from coopshare.service import pairing_net

        return pairing_net.link_guest
    if name == "join_as_my_device":  # the new device: pair, make keys, join
        from coopshare.service import device_link

        return device_link.join_as_my_device
    if name in ("Runtime", "SyncResult"):
        from coopshare.service import api_runtime

        return getattr(api_runtime, name)
    if name in ("NetworkOptions", "DEFAULT_PORT"):
        from coopshare.service import runtime

        return getattr(runtime, name)
    if name in ("BundleExported", "BundleImported"):  # and file formats: csv, zip, Markdown
        from coopshare.service import bundles

        return getattr(bundles, name)
    if name == "Exported":
        from coopshare.service import exports

        return exports.Exported
    if name in ("ImportReport", "Skip", "SKIP_TEXT"):
        from coopshare.service import importer

        return getattr(importer, name)
    # the talent, proof, evidence, device and comment read models too: `status` loads none
    if name == "CommentView":
        from coopshare.service import comments

        return comments.CommentView
    if name == "Skill":
        from coopshare.service import esco

        return esco.Skill
    if name in _EVIDENCE:
        from coopshare.service import evidence

        return getattr(evidence, _EVIDENCE[name])
    if name == "MyDevice":
        from coopshare.service import my_devices

        return my_devices.MyDevice
    if name in ("Commitment", "Witnessed"):
        from coopshare.service import proofs

        return getattr(proofs, name)
    if name in (
        "RestoredOver",
        "kept_folder_for",
        "restore_over",
        "set_aside",
    ):  # the unlock screen's
        from coopshare.service import restore_over  # "Forgot your passphrase?"

        return getattr(restore_over, name)
    if name == "Verification":
        from coopshare.service import verify

        return verify.Verification
    raise AttributeError(f"module 'coopshare.service.api' has no attribute {name!r}")
