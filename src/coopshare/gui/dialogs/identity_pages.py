"""The first-run steps that make the identity: choosing a name and a passphrase, then creating
the keys (Argon2id, on a worker thread) and showing the recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coopshare.gui.dialogs.recovery import RestoreBox
from coopshare.gui.text import safe
from coopshare.gui.widgets import (
    MIN_PASSPHRASE,
    Busy,
    StrengthMeter,
    message_label,
    set_message,
    with_message,
)
from coopshare.gui.workers import run_in_thread
from coopshare.service import api

MAX_NAME = 100


class IdentityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your identity"))
        self.setSubTitle(
            self.tr(
                "Your name is how other members see you. The passphrase protects this computer's data."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create my identity"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(8)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("For example: Anna de Vries"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_message = message_label()
        form.addRow(self.tr("Your &name:"), with_message(self.name_edit, self.name_message))

        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("Passphrase"))
        self.pass_edit.setPlaceholderText(self.tr("At least 10 characters; a few words work well"))
        pass_label = QLabel(self.tr("&Passphrase:"))
        pass_label.setBuddy(self.pass_edit)
        form.addRow(pass_label, self.pass_edit)
        self.strength = StrengthMeter()
        self.strength.meter.setAccessibleName(self.tr("Passphrase strength"))
        form.addRow("", self.strength)

        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        self.repeat_message = message_label()
        form.addRow(self.tr("&Repeat:"), with_message(self.repeat_edit, self.repeat_message))
        self.show_box = QCheckBox(self.tr("&Show passphrase"))
        self.show_box.toggled.connect(self._show_toggled)
        form.addRow("", self.show_box)

        self.restore = RestoreBox()
        self.restore.changed.connect(self._changed)
        form.addRow("", self.restore)

        note = QLabel(
            self.tr(
                "Nobody can reset this passphrase: CoopShare has no server. Without it the data on this computer stays locked; your recovery key still restores your identity and opens your backups. Keep the passphrase in a password manager or somewhere safe."
            )
        )
        note.setObjectName("warningNote")
        note.setWordWrap(True)
        self.warning = note
        form.addRow(note)

        self.name_edit.textChanged.connect(self._changed)
        self.pass_edit.textChanged.connect(self._changed)
        self.repeat_edit.textChanged.connect(self._changed)
        self.name_edit.editingFinished.connect(self._name_left)
        self._changed()

    def _show_toggled(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.pass_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _name_left(self) -> None:
        if not self.name_edit.text().strip():
            set_message(self.name_message, self.tr("Type your name as the other members know you."))

    def _changed(self) -> None:
        if self.name_edit.text().strip():
            set_message(self.name_message, "")
        text = self.pass_edit.text()
        self.strength.show_for(text)
        repeat = self.repeat_edit.text()
        if repeat and repeat != text:
            if len(repeat) >= len(text) or not text.startswith(repeat):
                set_message(self.repeat_message, self.tr("The two passphrases do not match."))
            else:
                set_message(self.repeat_message, "")
        elif repeat and len(text) >= MIN_PASSPHRASE:
            set_message(self.repeat_message, self.tr("The passphrases match."), "ok")
        else:
            set_message(self.repeat_message, "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.pass_edit.text()
        return (
            bool(self.name_edit.text().strip())
            and len(text) >= MIN_PASSPHRASE
            and self.repeat_edit.text() == text
            and self.restore.is_ready()
        )

    def name(self) -> str:
        return self.name_edit.text().strip()

    def passphrase(self) -> str:
        return self.pass_edit.text()

    def recovery_code(self) -> str | None:
        """The recovery key to restore from, or None for a new identity."""
        return self.restore.code() if self.restore.restoring() else None


class RecoveryPage(QWizardPage):
    """Creates the identity on arrival (off the GUI thread), then shows the recovery key."""

    identity_created = Signal(str)  # the passphrase that now unlocks the home

    def __init__(self, home: Path, identity: IdentityPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.identity = identity
        self.code: str | None = None
        self._started = False
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(
            self.tr("If this computer is lost, this key restores your membership on a new one.")
        )
        v = QVBoxLayout(self)
        self.stack = QStackedWidget()
        v.addWidget(self.stack, 1)

        working = QWidget()
        wv = QVBoxLayout(working)
        wv.addStretch(1)
        self.busy = Busy()
        wv.addWidget(self.busy)
        self.error = message_label()
        wv.addWidget(self.error)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.hide()
        self.retry.clicked.connect(self._create)
        wv.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        wv.addStretch(2)
        self.stack.addWidget(working)

        shown = QWidget()
        sv = QVBoxLayout(shown)
        sv.setSpacing(10)
        sv.setContentsMargins(0, 0, 0, 0)
        self.explain = explain = QLabel(
            self.tr(
                "Write this key on paper and keep it somewhere safe, away from this computer. Anyone who has it can act as you, so never send it by e-mail or chat."
            )
        )
        explain.setWordWrap(True)
        sv.addWidget(explain)
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(17)
        mono.setWeight(QFont.Weight.DemiBold)
        mono.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
        self.code_label.setFont(mono)
        self.code_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.code_label.setAccessibleName(self.tr("Recovery key"))
        sv.addWidget(self.code_label)
        crow = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the recovery key to the clipboard"))
        self.copy_button.clicked.connect(self._copy)
        self.copied = QLabel()
        self.copied.setTextFormat(Qt.TextFormat.PlainText)
        crow.addWidget(self.copy_button)
        crow.addWidget(self.copied, 1)
        sv.addLayout(crow)
        self.written = QCheckBox(self.tr("I have &written it down"))
        self.written.setStyleSheet("font-weight: 600;")
        self.written.toggled.connect(lambda _on: self.completeChanged.emit())
        sv.addWidget(self.written)
        sv.addStretch(1)
        self.stack.addWidget(shown)
        self.shown = shown

    def initializePage(self) -> None:
        if not self._started:
            self._started = True
            self._create()

    def _create(self) -> None:
        self.retry.hide()
        set_message(self.error, "")
        self.busy.start(self.tr("Creating your keys… this takes a moment."))
        self.stack.setCurrentIndex(0)
        home, name, passphrase = self.home, self.identity.name(), self.identity.passphrase()
        code = self.identity.recovery_code()
        if code is not None:
            self.explain.setText(
                self.tr(
                    "Your identity is restored: the other members see you as before, on a new device. Your recovery key stays the same; keep it safe, away from this computer."
                )
            )
        run_in_thread(
            lambda: api.create_identity(home, name, passphrase, code),
            self._created,
            self._failed,
            context=self,
        )

    def _created(self, code: str) -> None:
        self.busy.stop()
        self.code = code
        groups = code.split("-")
        rows = [" ".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
        self.code_label.setText("\n".join(rows))
        self.stack.setCurrentWidget(self.shown)
        self.identity_created.emit(self.identity.passphrase())
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        if api.is_initialised(self.home):  # another start of CoopShare made one meanwhile
            set_message(
                self.error,
                self.tr(
                    "This data folder already holds an identity. Close this window and start CoopShare again to unlock it."
                ),
            )
            return
        set_message(
            self.error,
            self.tr("Your keys could not be created: {0}").format(safe(str(error), 300)),
        )
        self.retry.show()

    def _copy(self) -> None:
        if self.code:
            QGuiApplication.clipboard().setText(self.code)
            self.copied.setText(self.tr("Copied. Remember to clear the clipboard afterwards."))
            QTimer.singleShot(8000, self.copied.clear)

    def isComplete(self) -> bool:
        return self.code is not None and self.written.isChecked()
