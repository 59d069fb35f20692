"""Invite someone: pick a role and how long the invitation stays valid, then hand over the
token as a QR code or as text. Only admins may invite; the token works once."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.qr_code import qr_pixmap, scale_for
from coopshare.gui.text import date_time_text, safe
from coopshare.gui.theme import accent_text
from coopshare.service.api import NewInvite

DEFAULT_HOURS = 24
MAX_HOURS = 24 * 14
QR_ROOM = 3  # the QR code gets at most a third of the screen's height (gui/qr_code.py)


class InviteDialog(QDialog):
    """`device`: an invitation for another device of my own (any member may make one; it
    works only with my recovery key on the new device: service/joining.py)."""

    def __init__(self, bridge: Bridge, parent: QWidget | None = None, device: bool = False) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.device = device
        self.invitation: NewInvite | None = None
        self.setWindowTitle(self.tr("Add a device") if device else self.tr("Invite someone"))
        self.setMinimumWidth(600)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        heading = QLabel(
            self.tr("Add another device of yours")
            if device
            else self.tr("Invite a colleague to the cooperative")
        )
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "The invitation lets one person join from their own laptop. Save it as a file or copy the text and send it to them; they open it in CoopShare while CoopShare runs on this device. The QR code is for a phone: a picture of it can be opened as the invitation too."
            )
        )
        if device:
            intro.setText(
                self.tr(
                    "On the new device, start CoopShare, restore your identity from your recovery key, then join with this invitation while CoopShare runs on this device. No admin is needed. Once it joins, this device hands it the keys of your own sealed details, such as your leads' clients."
                )
            )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.role = QComboBox()
        self.role.addItem(self.tr("Member"), "member")
        self.role.addItem(self.tr("Admin (may also invite and remove members)"), "admin")
        self.role.setAccessibleName(self.tr("Role"))
        form.addRow(self.tr("Role:"), self.role)
        if device:
            self.role.clear()
            self.role.addItem(self.tr("Another device of mine"), "device")
            form.setRowVisible(self.role, False)
        self.hours = QSpinBox()
        self.hours.setRange(1, MAX_HOURS)
        self.hours.setValue(1 if device else DEFAULT_HOURS)
        self.hours.setSuffix(self.tr(" hours"))
        self.hours.setAccessibleName(self.tr("Valid for, in hours"))
        form.addRow(self.tr("Valid for:"), self.hours)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Create invitation"))
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)  # until we know I am an admin
        self.create_button.clicked.connect(self.create_invitation)
        row.addWidget(self.create_button)
        self.pair_button = QPushButton(self.tr("Pair in person…"))
        self.pair_button.setToolTip(self.tr("Compare six digits instead of sending a file"))
        self.pair_button.setEnabled(False)
        self.pair_button.clicked.connect(self.pair_in_person)
        row.addWidget(self.pair_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        layout.addWidget(self.error)

        self.result_box = QFrame()
        self.result_box.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self.result_box)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(10)
        rl = QHBoxLayout()
        rl.setSpacing(14)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(self.tr("Invitation as a QR code"))
        self.qr.setStyleSheet("background: white; border-radius: 6px;")
        rl.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Or send this text:")))
        self.token = QPlainTextEdit()
        self.token.setReadOnly(True)
        self.token.setAccessibleName(self.tr("Invitation text"))
        self.token.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.token.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.token.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.token.setMinimumHeight(110)
        right.addWidget(self.token, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the invitation text to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Save as file…"))
        self.save_button.setToolTip(self.tr("Save the invitation text to a file"))
        self.save_button.clicked.connect(self.save_file)
        self.copied = QLabel()
        self.copied.setStyleSheet(f"color: {accent_text(self)};")
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copied, 1)
        right.addLayout(buttons)
        rl.addLayout(right, 1)
        outer.addLayout(rl)
        self.names = QLabel()
        self.names.setWordWrap(True)
        self.names.setTextFormat(Qt.TextFormat.PlainText)
        self.names.setStyleSheet("font-weight: 600;")
        outer.insertWidget(0, self.names)
        self.expiry = QLabel()
        self.expiry.setWordWrap(True)
        self.expiry.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.expiry)
        self.result_box.hide()
        layout.addWidget(self.result_box, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.bridge.db(lambda a: a.can_invite(), self._got_admin, self._show_error)

    # --- creating -------------------------------------------------------------------------------

    def _got_admin(self, admin: bool) -> None:
        self.create_button.setEnabled(bool(admin) or self.device)
        self.pair_button.setEnabled(bool(admin) or self.device)
        if not admin and not self.device:
            self._set_error(
                self.tr(
                    "Only an admin of the cooperative can invite people. Ask one of the admins to send the invitation."
                )
            )

    def create_invitation(self) -> None:
        role = str(self.role.currentData())
        ttl = self.hours.value() * 3600
        self.create_button.setEnabled(False)
        self.error.hide()
        self.bridge.run(self.bridge.runtime.new_invite(role, ttl), self._created, self._show_error)

    def _created(self, invitation: NewInvite) -> None:
        self.invitation = invitation
        text = invitation.text
        self.names.setText(
            self.tr("An invitation to {0}, from {1}").format(
                f"“{safe(invitation.coop_name, 80)}”", safe(invitation.inviter, 80)
            )
        )
        self.token.setPlainText(text)
        screen = self.screen()
        room = screen.availableGeometry().height() // QR_ROOM if screen is not None else 0
        self.qr.setPixmap(qr_pixmap(text, scale_for(text, room)))
        when = date_time_text(invitation.expires * 1000)
        role = self.tr("an admin") if invitation.role == "admin" else self.tr("a member")
        lines = [
            self.tr(
                "This invitation works once and expires on {0}. Whoever uses it joins as {1}, so share it only with the person you invite."
            ).format(when, role)
        ]
        if self.device:
            lines = [
                self.tr(
                    "This invitation works once and expires on {0}. Only a device that holds your recovery key can use it."
                ).format(when)
            ]
        if not invitation.addrs:
            lines.append(
                self.tr(
                    "This device is not reachable on the network right now: the new member needs your address to join."
                )
            )
        self.expiry.setText("\n\n".join(lines))
        self.copied.clear()
        self.result_box.show()
        self.create_button.setText(self.tr("Create another"))
        self.create_button.setEnabled(True)
        self.adjustSize()

    def _show_error(self, error: BaseException) -> None:
        self.create_button.setEnabled(False)
        self._set_error(self.tr("No invitation was created: {0}").format(str(error)))
        self.bridge.db(lambda a: a.can_invite(), self._reenable, lambda _e: None)

    def _reenable(self, admin: bool) -> None:
        self.create_button.setEnabled(bool(admin) or self.device)

    def _set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def pair_in_person(self) -> None:
        from coopshare.gui.dialogs.pairing import PairHostDialog

        PairHostDialog(self.bridge, str(self.role.currentData()), self).open()

    # --- handing over ---------------------------------------------------------------------------

    def text(self) -> str:
        return self.token.toPlainText()

    def file_text(self) -> str:
        """What "Save as file" writes: instructions (English and Dutch), then the token."""
        made = self.invitation
        return (made.file_text if made is not None else "") or self.text() + "\n"

    def copy(self) -> None:
        if self.text():
            QApplication.clipboard().setText(self.text())
            self.copied.setText(self.tr("Copied"))
            QTimer.singleShot(3000, self.copied.clear)

    def save_file(self) -> None:
        if not self.text():
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save invitation"),
            str(Path.home() / "coopshare-invitation.txt"),
            self.tr("Text files (*.txt)"),
        )
        if not name:
            return
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(self.file_text())
        except OSError as e:
            self._set_error(
                self.tr("Could not save the invitation: {0}").format(e.strerror or str(e))
            )
            return
        self.copied.setText(self.tr("Saved"))
