"""The door's commands for priority proof: commit to an idea's text, see what was witnessed,
export and verify the evidence bundle (protocol.md §11a). A mixin of
:class:`~coopshare.service.api_commands.Api`, kept apart so the door's main file stays small.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coopshare.service.coop import Coop

if TYPE_CHECKING:  # the proof modules load when a proof command first runs (`status` needs none)
    from coopshare.service.evidence import EvidenceExported
    from coopshare.service.proofs import Commitment


@dataclass(frozen=True, slots=True)
class TimestampJob:
    op_id: str
    url: str
    digest: bytes


def fetch_timestamp(job: TimestampJob) -> bytes:
    """Ask the TSA (network; no data folder): the token, or TimestampFailed."""
    from coopshare.service import timestamp

    return timestamp.fetch(job.url, job.digest)


class ProofCommands:
    _coop: Coop

    def commit_idea(self, item_id: bytes) -> str:
        """Publish a salted commitment to my idea's current text; returns the op id (hex).
        Other members' devices answer with signed receipts by themselves."""
        from coopshare.service import proofs

        with self._coop.transaction():
            return proofs.commit_idea(self._coop, item_id).hex()

    def idea_proofs(self, item_id: bytes) -> list[Commitment]:
        """My commitments of this idea, oldest first, with the receipts that count."""
        from coopshare.service import proofs

        return proofs.idea_proofs(self._coop, item_id)

    def tsa_url(self) -> str | None:
        """The RFC 3161 time-stamping authority this data folder uses (None: off, the default)."""
        from coopshare.service import timestamp

        return timestamp.url_of(self._coop)

    def set_tsa_url(self, url: str | None) -> None:
        from coopshare.service import timestamp

        timestamp.set_url(self._coop, url)

    def timestamp_job(self, op_id: str) -> TimestampJob | None:
        """What to ask the TSA for my commitment `op_id` (hex); None when no TSA is set. The
        request itself (:func:`fetch_timestamp`) needs no data folder: run it off the store
        thread, then :meth:`keep_timestamp`."""
        from coopshare.service import proofs, timestamp

        url = timestamp.url_of(self._coop)
        if url is None:
            return None
        raw = bytes.fromhex(op_id)
        return TimestampJob(op_id, url, proofs.commit_hash(self._coop, raw))

    def keep_timestamp(self, op_id: str, token: bytes) -> int:
        """Check and keep a token for my commitment; returns its time (unix ms)."""
        from coopshare.service import timestamp

        return timestamp.keep(self._coop, bytes.fromhex(op_id), token).when_ms

    def timestamp_commit(self, op_id: str) -> int | None:
        """All three steps at once (the CLI): the TSA's time in unix ms, or None if no TSA."""
        job = self.timestamp_job(op_id)
        if job is None:
            return None
        return self.keep_timestamp(op_id, fetch_timestamp(job))

    def export_evidence(
        self, item_id: bytes, dest: Path, commit: str | None = None
    ) -> EvidenceExported:
        """Write the evidence ZIP of my earliest commitment of this idea (or the one whose op
        id starts with `commit`). Plain text: the caller warns."""
        from coopshare.service import evidence

        return evidence.export(self._coop, item_id, dest, commit)
