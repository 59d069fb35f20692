"""The door's commands for priority proof: commit to an idea's text, see what was witnessed,
export and verify the evidence bundle (protocol.md §11a). A mixin of
:class:`~coopshare.service.api_commands.Api`, kept apart so the door's main file stays small.
"""

from __future__ import annotations

from pathlib import Path

from coopshare.service import evidence, proofs
from coopshare.service.coop import Coop
from coopshare.service.evidence import EvidenceExported
from coopshare.service.proofs import Commitment


class ProofCommands:
    _coop: Coop

    def commit_idea(self, item_id: bytes) -> str:
        """Publish a salted commitment to my idea's current text; returns the op id (hex).
        Other members' devices answer with signed receipts by themselves."""
        with self._coop.transaction():
            return proofs.commit_idea(self._coop, item_id).hex()

    def idea_proofs(self, item_id: bytes) -> list[Commitment]:
        """My commitments of this idea, oldest first, with the receipts that count."""
        return proofs.idea_proofs(self._coop, item_id)

    def export_evidence(
        self, item_id: bytes, dest: Path, commit: str | None = None
    ) -> EvidenceExported:
        """Write the evidence ZIP of my earliest commitment of this idea (or the one whose op
        id starts with `commit`). Plain text: the caller warns."""
        return evidence.export(self._coop, item_id, dest, commit)
