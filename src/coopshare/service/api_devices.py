"""The door's commands for my devices and for verifying members (safety numbers).

A mixin of :class:`~coopshare.service.api_commands.Api`, kept apart so the door's main file
stays small; GUI and CLI reach these through ``Api`` like every other command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopshare.service.coop import Coop

if TYPE_CHECKING:  # loaded when a device or verification command first runs
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

    def revoke_my_device(self, device_id: bytes) -> None:
        """Revoke one of my other devices (a lost laptop): new keys for everything after."""
        from coopshare.service import my_devices

        my_devices.revoke(self._coop, device_id)

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
