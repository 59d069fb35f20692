"""The door's commands for data carried in and out by file: bundles (more follow).

A mixin of :class:`~coopshare.service.api_commands.Api`, kept apart so the door's main file
stays small; GUI and CLI reach these through ``Api`` like every other command.
"""

from __future__ import annotations

from pathlib import Path

from coopshare.service import bundles
from coopshare.service.bundles import BundleExported, BundleImported
from coopshare.service.coop import Coop


class DataCommands:
    _coop: Coop

    # --- sneakernet bundles ----------------------------------------------------------------------

    def export_bundle(
        self, dest: Path, *, since: str | None = None, for_member: str | None = None
    ) -> BundleExported:
        """Write the ops a peer lacks to `dest`: the peer's vector `since` (as printed by
        :meth:`bundle_vector`), or what member `for_member` (a name) surely holds; neither:
        every op."""
        vv = bundles.parse_vector(since) if since is not None else None
        member = self._coop.find_member(for_member) if for_member is not None else None
        return bundles.export_bundle(self._coop, dest, since=vv, member=member)

    def import_bundle(self, path: Path) -> BundleImported:
        """Verify and apply a bundle whole (raises a BundleError and keeps nothing)."""
        return bundles.import_bundle(self._coop, path)

    def bundle_vector(self) -> str:
        """What this device holds, to give to whoever makes a bundle for it."""
        return bundles.my_vector(self._coop)
