"""The door's commands for my devices and for verifying members (safety numbers).

A mixin of :class:`~coopshare.service.api_commands.Api`, kept apart so the door's main file
stays small; GUI and CLI reach these through ``Api`` like every other command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopshare.service.coop import Coop

if TYPE_CHECKING:  # loaded when a device or verification command first runs
    from coopshare.protocol.pairing_link import LinkGrant, LinkRequest
    from coopshare.service.my_devices import MyDevice
    from coopshare.service.verify import Verification


class DeviceCommands:
    _coop: Coop

    # --- my devices ------------------------------------------------------------------------------

    def my_devices(self) -> list[MyDevice]:
        """This device first, then my other active devices, then revoked ones."""
        from coopshare.service import my_devices

        return my_devices.my_devices(self._coop)

    def rename_device(self, device_id: bytes, name: str) -> None:
        """A friendly name for one of my devices, kept on this device."""
        from coopshare.service import my_devices

        my_devices.rename(self._coop, device_id, name)

    def name_device(self, device_id: bytes, name: str) -> None:
        """A friendly name for any member's device, kept on this device (Nearby shows it)."""
        from coopshare.service import device_names

        device_names.name_device(self._coop, device_id, name)

    def revoke_my_device(self, device_id: bytes) -> None:
        """Revoke one of my other devices (a lost laptop): new keys for everything after."""
        from coopshare.service import my_devices

        my_devices.revoke(self._coop, device_id)

    def holds_member_key(self) -> bool:
        """False on a device added in person: it cannot add another device or show the
        recovery key (the device that added it can)."""
        return self._coop.me.holds_member_key

    def link_grant(self, request: LinkRequest, listen: tuple[str, int] | None) -> LinkGrant:
        """Certify a new device of mine met in person (protocol/pairing_link.py) and make the
        device invitation it joins with (addresses: the running node's, else `listen`)."""
        from coopshare.service import device_link

        return device_link.grant(self._coop, request, listen)

    # --- verifying members ------------------------------------------------------------------------

    def verification(self, member_id: bytes) -> Verification:
        from coopshare.service import verify

        return verify.state(self._coop, member_id)

    def mark_verified(self, member_id: bytes) -> None:
        """I compared our safety number with this member: pin their keys as of now."""
        from coopshare.service import verify

        verify.mark_verified(self._coop, member_id)

    def forget_verified(self, member_id: bytes) -> None:
        from coopshare.service import verify

        verify.forget(self._coop, member_id)
