"""The door's commands for data carried in and out by file: bundles and exports.

A mixin of :class:`~coopshare.service.api_commands.Api`, kept apart so the door's main file
stays small; GUI and CLI reach these through ``Api`` like every other command. The bundle
and export modules (csv, zip, the Markdown writer) are imported on first use: a command that
needs neither does not load them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coopshare.errors import NoSuchItem
from coopshare.service import attachments, restored
from coopshare.service.attachments import Attachment
from coopshare.service.coop import Coop
from coopshare.service.outfiles import write_private

if TYPE_CHECKING:
    from coopshare.service.bundles import BundleExported, BundleImported
    from coopshare.service.exports import Exported


class DataCommands:
    _coop: Coop

    # --- sneakernet bundles ----------------------------------------------------------------------

    def export_bundle(
        self, dest: Path, *, since: str | None = None, for_member: str | None = None
    ) -> BundleExported:
        """Write the ops a peer lacks to `dest`: the peer's vector `since` (as printed by
        :meth:`bundle_vector`), or what member `for_member` (a name) surely holds; neither:
        every op."""
        from coopshare.service import bundles

        vv = bundles.parse_vector(since) if since is not None else None
        member = self._coop.find_member(for_member) if for_member is not None else None
        return bundles.export_bundle(self._coop, dest, since=vv, member=member)

    def import_bundle(self, path: Path) -> BundleImported:
        """Verify and apply a bundle whole (raises a BundleError and keeps nothing)."""
        from coopshare.service import bundles

        return bundles.import_bundle(self._coop, path)

    def bundle_vector(self) -> str:
        """What this device holds, to give to whoever makes a bundle for it."""
        from coopshare.service import bundles

        return bundles.my_vector(self._coop)

    # --- after a restore ------------------------------------------------------------------------

    def restored_not_caught_up(self) -> bool:
        """Whether this folder was restored from a backup and may not write until it has
        synced with another device (service/restored.py)."""
        return restored.holding(self._coop)

    def resume_writing(self) -> bool:
        """Allow a restored folder to write before syncing: only when no other device holds
        anything this device wrote after the backup. Returns whether it was held."""
        return restored.release(self._coop)

    # --- exports (plain text: the caller warns) ------------------------------------------------

    def export_notes(self, folder: Path) -> Exported:
        """Every note I can read as Markdown files in `folder` (new or empty)."""
        from coopshare.service import exports

        return exports.export_notes(self._coop, folder)

    def export_leads_csv(self, dest: Path) -> Exported:
        """Leads I can read as CSV for Excel with Dutch settings."""
        from coopshare.service import exports

        return exports.export_leads_csv(self._coop, dest)

    def export_leads_ics(self, dest: Path) -> Exported:
        """Respond-by dates of the leads I can read as an iCalendar file."""
        from coopshare.service import exports

        return exports.export_leads_ics(self._coop, dest)

    def take_out(self, dest: Path) -> Exported:
        """One ZIP of what I wrote myself (notes, ideas, leads, profile)."""
        from coopshare.service import exports

        return exports.take_out(self._coop, dest)

    # --- attachments of notes ------------------------------------------------------------------

    def note_attachments(self, item_id: str) -> list[Attachment]:
        """The attachments the note `item_id` (hex) links to, readable here, in link order."""
        st = self._coop.item(bytes.fromhex(item_id))
        return [] if st is None else attachments.linked(self._coop, st.body)

    def save_attachment(self, attachment_id: str, dest: Path) -> int:
        """Write an attachment, decrypted, to `dest` (plain: the caller chose to); its size."""
        try:
            found = attachments.read(self._coop, bytes.fromhex(attachment_id))
        except ValueError:
            found = None
        if found is None:
            raise NoSuchItem(item=attachment_id[:16])
        write_private(dest, lambda f: f.write(found.data))
        return len(found.data)
