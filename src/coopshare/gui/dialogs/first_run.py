"""First start: welcome, identity and passphrase, recovery key, create or join a cooperative.

Slow work never runs on the GUI thread: creating the keys (Argon2id), creating the cooperative and
joining over the network run through :func:`~coopshare.gui.workers.run_in_thread` while the page
shows a busy indicator. Nothing is half-done: the identity exists only once the user asked for it
(the identity page is a commit page), and a home with an identity but no cooperative is picked up
on the next start by :class:`~coopshare.gui.dialogs.coop_choice.CoopChoiceDialog`.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coopshare.gui.dialogs.confirm import ask_to_confirm
from coopshare.gui.dialogs.coop_form import CoopForm
from coopshare.gui.dialogs.identity_pages import IdentityPage, RecoveryPage
from coopshare.gui.text import safe
from coopshare.gui.widgets import DIALOG_STYLE, logo_pixmap
from coopshare.service.api import is_initialised


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to CoopShare"))
        self.setSubTitle(self.tr("Share knowledge, leads and ideas with your cooperative."))
        v = QVBoxLayout(self)
        v.setSpacing(12)
        intro = QLabel(
            self.tr(
                "CoopShare lets the members of a cooperative share knowledge notes, leads for assignments and ideas — directly between their own laptops, with no central server. Everything you write is signed by you and encrypted for the people you share it with. Members find each other on the local network, at the office or at a meetup, and keep each other up to date."
            )
        )
        intro.setObjectName("lead")
        intro.setWordWrap(True)
        v.addWidget(intro)
        steps = QLabel(
            self.tr(
                "In three short steps you will:\n"
                "1.  choose your name and a passphrase,\n"
                "2.  write down your recovery key,\n"
                "3.  create a cooperative, or join one with an invitation."
            )
        )
        steps.setTextFormat(Qt.TextFormat.PlainText)
        steps.setWordWrap(True)
        v.addWidget(steps)
        v.addStretch(1)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setToolTip(self.tr("Moving to a new computer? Use your backup file."))
        self.restore_button.clicked.connect(self._restore)
        v.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.device_button = QPushButton(self.tr("This is another device of mine…"))
        self.device_button.setToolTip(
            self.tr("Already a member on another computer? Pair this one with it in person.")
        )
        self.device_button.clicked.connect(lambda: self._wizard_call("another_device"))
        v.addWidget(self.device_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _wizard_call(self, name: str) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            getattr(wizard, name)()

    def _restore(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            wizard.restore_from_backup()


class CoopPage(QWizardPage):
    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your cooperative"))
        self.setSubTitle(self.tr("Start a new cooperative, or join one a member invited you to."))
        self.setCommitPage(True)
        self.form = CoopForm(home)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 8, 0, 0)
        v.addWidget(self.form)
        self.coop_name = ""
        self._done = False
        self.form.changed.connect(self._changed)
        self.form.finished.connect(self._finished)
        self._changed()

    def _changed(self) -> None:
        self.setButtonText(QWizard.WizardButton.CommitButton, self.form.action_text())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._done or self.form.is_ready()

    def validatePage(self) -> bool:
        if self._done:
            return True
        wizard = self.wizard()
        passphrase = wizard.passphrase if isinstance(wizard, FirstRunWizard) else None
        if passphrase is not None:
            self.form.start(passphrase)
        return False  # the worker moves the wizard on when it is done

    def _finished(self, name: str) -> None:
        self._done = True
        self.coop_name = name
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()


class DonePage(QWizardPage):
    def __init__(self, coop: CoopPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coop = coop
        self.setTitle(self.tr("You are ready"))
        self.setSubTitle(self.tr("Welcome to the cooperative."))
        v = QVBoxLayout(self)
        v.setSpacing(12)
        self.summary = QLabel()
        self.summary.setObjectName("lead")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.tips = QLabel()
        self.tips.setTextFormat(Qt.TextFormat.PlainText)
        self.tips.setWordWrap(True)
        v.addWidget(self.tips)
        v.addStretch(1)

    def initializePage(self) -> None:
        name = safe(self.coop.coop_name, 100)
        if self.coop.form.joined:
            self.summary.setText(
                self.tr(
                    "You joined {0}. Its notes, leads and ideas are on this computer now, and they stay in sync whenever another member is online."
                ).format(name)
            )
        else:
            self.summary.setText(
                self.tr(
                    "You created {0} and you are its administrator. Invite the other members with the Invite button at the top of the window."
                ).format(name)
            )
        self.tips.setText(
            self.tr(
                "Tips:\n•  Press Ctrl+N to write your first note, and Ctrl+K to search.\n•  Members on the same network find each other automatically.\n•  Meetup mode (in Settings) lets you sync without announcing yourself."
            )
        )


class FirstRunWizard(QWizard):
    """The first start. After ``exec()`` returned true, :attr:`passphrase` unlocks the home."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.passphrase: str | None = None
        self.confirm_box: QMessageBox | None = None
        self.device_dialog: QDialog | None = None
        self._leave_confirmed = False
        self.setWindowTitle(self.tr("Welcome to CoopShare"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, logo_pixmap(48))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open CoopShare"))
        self.setStyleSheet(DIALOG_STYLE)
        self.welcome_page = WelcomePage()
        self.identity_page = IdentityPage()
        self.recovery_page = RecoveryPage(home, self.identity_page)
        self.recovery_page.identity_created.connect(self.identity_created)
        self.coop_page = CoopPage(home)
        self.done_page = DonePage(self.coop_page)
        for page in (
            self.welcome_page,
            self.identity_page,
            self.recovery_page,
            self.coop_page,
            self.done_page,
        ):
            page.setTitle(
                f'<span style="font-size: 14pt; font-weight: 600;">{html.escape(page.title())}</span>'
            )
            self.addPage(page)
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.resize(700, 580)

    def identity_created(self, passphrase: str) -> None:
        self.passphrase = passphrase

    def restore_from_backup(self) -> None:
        """Fill the empty data folder from a backup file; then the app opens it."""
        from coopshare.gui.dialogs.backup import RestoreDialog

        dialog = RestoreDialog(self.home, self)
        if dialog.exec() and dialog.passphrase:
            self.passphrase = dialog.passphrase
            QDialog.done(self, QDialog.DialogCode.Accepted)

    def another_device(self) -> None:
        """Pair this computer in person with a device of mine (gui/dialogs/pair_device.py);
        once it joined (or at least made its keys), the app opens it."""
        from coopshare.gui.dialogs.pair_device import NewDeviceDialog

        dialog = NewDeviceDialog(self.home, self)
        self.device_dialog = dialog
        accepted = dialog.exec()
        if accepted or (dialog.passphrase_typed and is_initialised(self.home)):
            self.passphrase = dialog.passphrase or dialog.passphrase_typed
            QDialog.done(self, QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Leaving after the identity exists is fine, but say what happens next (non-blocking)."""
        if self.passphrase is None or self.coop_page._done or self._leave_confirmed:
            super().reject()
            return
        if self.confirm_box is not None:
            return
        self.confirm_box = ask_to_confirm(
            self,
            QMessageBox.Icon.Question,
            self.tr("Stop for now?"),
            self.tr(
                "Your identity is saved. The next time you start CoopShare you can create a cooperative or join one."
            ),
            (self.tr("Stop for now"), self.tr("Continue")),
            self._confirm_answered,
        )

    def _confirm_answered(self, yes: bool) -> None:
        self.confirm_box = None
        if yes:
            self._leave_confirmed = True
            self.reject()
