"""Settings: language, theme, network (meetup mode, discovery, members by address), passphrase,
data folder. Saved to :class:`Prefs`; the theme applies at once, the rest as each one says."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.errors import WrongPassphrase
from coopshare.gui import autostart, i18n, theme
from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.recovery import RecoveryKeyRow
from coopshare.gui.dialogs.tsa_setting import TsaSetting
from coopshare.gui.network_live import apply_network_prefs
from coopshare.gui.settings import Prefs
from coopshare.gui.widgets import message_label, set_message
from coopshare.service import api

_PEER = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-_]+):(\d{1,5})$")
ERROR_STYLE = "color: #c0392b;"


def parse_peer_list(text: str) -> tuple[list[str], list[str]]:
    """(valid HOST:PORT entries, invalid entries) of a comma-, semicolon- or space-separated list."""
    good: list[str] = []
    bad: list[str] = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        m = _PEER.match(part)
        if m and 1 <= int(m.group(2)) <= 65535:
            if part not in good:
                good.append(part)
        else:
            bad.append(part)
    return good, bad


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _status_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class SettingsDialog(QDialog):
    def __init__(
        self, bridge: Bridge, prefs: Prefs, home: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.prefs = prefs
        self.home = home
        self._saved_theme = prefs.text("theme") or "system"
        self._saved_language = prefs.text("language") or "system"
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._network_tab(), self.tr("Network"))
        self.tabs.addTab(self._security_tab(), self.tr("Passphrase"))
        self.tabs.addTab(self._data_tab(), self.tr("Data"))
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # --- tabs -----------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(16, 16, 16, 16)
        form.setVerticalSpacing(10)
        self.language = QComboBox()
        self.language.addItem(self.tr("System"), "system")
        self.language.addItem("Nederlands", "nl")  # a language's own name: not translated
        self.language.addItem("English", "en")
        self.language.setAccessibleName(self.tr("Language"))
        self._select(self.language, self._saved_language)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("Language:"), self.language)
        self.language_note = _hint(
            self.tr("The whole window switches to the new language when you save.")
        )
        self.language_note.hide()
        form.addRow("", self.language_note)

        self.theme = QComboBox()
        self.theme.addItem(self.tr("System"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setAccessibleName(self.tr("Theme"))
        self._select(self.theme, self._saved_theme)
        self.theme.currentIndexChanged.connect(self._theme_changed)
        form.addRow(self.tr("Theme:"), self.theme)
        self.autostart = autostart.checkbox(page)  # None where the desktop has no autostart
        if self.autostart is not None:
            form.addRow("", self.autostart)
        return page

    def _network_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(16, 16, 16, 16)
        v.setSpacing(6)
        self.mdns = QCheckBox(self.tr("Find members on this network automatically"))
        self.mdns.setChecked(self.prefs.flag("mdns"))
        v.addWidget(self.mdns)
        v.addWidget(
            _hint(
                self.tr(
                    "Uses local discovery (mDNS). Other devices see only a random name and a code that changes every ten minutes; only members recognise it."
                )
            )
        )
        v.addSpacing(8)
        self.meetup = QCheckBox(self.tr("Meetup mode"))
        self.meetup.setChecked(self.prefs.flag("meetup"))
        v.addWidget(self.meetup)
        v.addWidget(
            _hint(
                self.tr(
                    "At a meetup or on a shared network, this device looks for other members but does not announce itself. Members it finds still sync with it."
                )
            )
        )
        v.addSpacing(8)
        v.addWidget(QLabel(self.tr("Members by address:")))
        self.peers = QLineEdit(self.prefs.text("peers"))
        self.peers.setPlaceholderText(self.tr("for example 192.168.1.20:47490, nas.local:47490"))
        self.peers.setAccessibleName(self.tr("Members by address"))
        self.peers.textEdited.connect(self._peers_edited)
        v.addWidget(self.peers)
        v.addWidget(
            _hint(
                self.tr(
                    "For guest Wi-Fi or a hotspot that blocks discovery: CoopShare keeps trying these addresses (HOST:PORT, separated by commas)."
                )
            )
        )
        self.peers_error = _status_label()
        self.peers_error.setStyleSheet(ERROR_STYLE)
        v.addWidget(self.peers_error)
        v.addStretch(1)
        v.addWidget(_hint(self.tr("Network changes apply as soon as you press Save.")))
        return page

    def _security_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(16, 16, 16, 16)
        v.addWidget(
            _hint(
                self.tr(
                    "Your passphrase protects your keys and everything CoopShare keeps on this laptop. Nobody can reset it for you: keep it somewhere safe."
                )
            )
        )
        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.old_pass = self._password(self.tr("Current passphrase"))
        self.new_pass = self._password(self.tr("New passphrase"))
        self.repeat_pass = self._password(self.tr("Repeat the new passphrase"))
        form.addRow(self.tr("Current:"), self.old_pass)
        form.addRow(self.tr("New:"), self.new_pass)
        form.addRow(self.tr("Repeat new:"), self.repeat_pass)
        v.addLayout(form)
        row = QHBoxLayout()
        self.change_button = QPushButton(self.tr("Change passphrase"))
        self.change_button.clicked.connect(self.change_passphrase)
        row.addWidget(self.change_button)
        row.addStretch(1)
        v.addLayout(row)
        self.pass_status = _status_label()
        v.addWidget(self.pass_status)
        self.recovery_row = RecoveryKeyRow(self.bridge, self.home, page)
        v.addWidget(self.recovery_row)
        v.addStretch(1)
        return page

    def _data_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(16, 16, 16, 16)
        v.addWidget(QLabel(self.tr("Data folder:")))
        row = QHBoxLayout()
        self.folder = QLineEdit(str(self.home))
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.folder.setCursorPosition(0)
        row.addWidget(self.folder, 1)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setToolTip(self.tr("Show the data folder in your file manager"))
        self.open_folder.clicked.connect(self._open_folder)
        row.addWidget(self.open_folder)
        v.addLayout(row)
        self.folder_message = message_label()
        v.addWidget(self.folder_message)
        v.addWidget(
            _hint(
                self.tr(
                    "Everything in it is encrypted. To move CoopShare to another laptop, copy this folder while CoopShare is closed; you need your passphrase to open it."
                )
            )
        )
        self.tsa = TsaSetting(self.bridge)  # priority proof: RFC 3161 time-stamps (off)
        v.addWidget(self.tsa)
        v.addStretch(1)
        return page

    def _peers_edited(self, _text: str) -> None:
        self.peers_error.hide()

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        edit.setMinimumWidth(260)
        edit.textEdited.connect(lambda _t: self.pass_status.hide())
        return edit

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        i = combo.findData(value)
        combo.setCurrentIndex(i if i >= 0 else 0)

    # --- live changes ---------------------------------------------------------------------------

    def _app(self) -> QApplication | None:
        app = QApplication.instance()
        return app if isinstance(app, QApplication) else None

    def _theme_changed(self) -> None:
        app = self._app()
        if app is not None:
            theme.apply(app, str(self.theme.currentData()))

    def _language_changed(self) -> None:
        self.language_note.setVisible(self.language.currentData() != self._saved_language)

    # --- passphrase -----------------------------------------------------------------------------

    def change_passphrase(self) -> None:
        old, new, repeat = self.old_pass.text(), self.new_pass.text(), self.repeat_pass.text()
        if not old:
            self._pass_message(self.tr("Type your current passphrase."), error=True)
            return
        if not new:
            self._pass_message(self.tr("Type a new passphrase."), error=True)
            return
        if new != repeat:
            self._pass_message(self.tr("The two new passphrases are not the same."), error=True)
            return
        if new == old:
            self._pass_message(
                self.tr("The new passphrase is the same as the current one."), error=True
            )
            return
        self.change_button.setEnabled(False)
        self._pass_message(self.tr("Changing the passphrase…"), error=False)
        self.bridge.run(
            api.change_passphrase(self.home, old, new),
            self._pass_changed,
            self._pass_failed,
        )

    def _pass_changed(self, _result: object) -> None:
        self.change_button.setEnabled(True)
        for edit in (self.old_pass, self.new_pass, self.repeat_pass):
            edit.clear()
        self._pass_message(
            self.tr("Passphrase changed. Use the new one the next time you open CoopShare."),
            error=False,
        )

    def _pass_failed(self, error: BaseException) -> None:
        self.change_button.setEnabled(True)
        if isinstance(error, WrongPassphrase):
            self.old_pass.selectAll()
            self.old_pass.setFocus()
            self._pass_message(
                self.tr("The current passphrase is not correct. Nothing was changed."), error=True
            )
        else:
            self._pass_message(
                self.tr("The passphrase was not changed: {0}").format(str(error)), error=True
            )

    def _pass_message(self, text: str, *, error: bool) -> None:
        self.pass_status.setText(text)
        self.pass_status.setStyleSheet(
            ERROR_STYLE if error else f"color: {theme.accent_text(self)};"
        )
        self.pass_status.show()

    # --- data folder ----------------------------------------------------------------------------

    def _open_folder(self) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.home))):
            set_message(self.folder_message, "")
            return
        self.folder.setFocus()  # the path, selected: ready to copy
        self.folder.selectAll()
        set_message(
            self.folder_message,
            self.tr("No file manager could open the folder. Its path is selected above: copy it."),
        )

    # --- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        peers, bad = parse_peer_list(self.peers.text())
        if bad:
            self.tabs.setCurrentIndex(1)
            self.peers_error.setText(
                self.tr(
                    "“{0}” is not an address as HOST:PORT, for example 192.168.1.20:47490."
                ).format(bad[0][:80])
            )
            self.peers_error.show()
            self.peers.setFocus()
            return
        if not self.tsa.save():
            self.tabs.setCurrentIndex(3)
            return
        language = str(self.language.currentData())
        net_before = (self.prefs.flag("meetup"), self.prefs.flag("mdns"), self.prefs.text("peers"))
        self.prefs.set("theme", str(self.theme.currentData()))
        self.prefs.set("language", language)
        self.prefs.set("meetup", self.meetup.isChecked())
        self.prefs.set("mdns", self.mdns.isChecked())
        self.prefs.set("peers", ", ".join(peers))
        if (self.meetup.isChecked(), self.mdns.isChecked(), ", ".join(peers)) != net_before:
            changed = ", ".join(peers) != net_before[2]
            apply_network_prefs(self.bridge, self.prefs, peers_changed=changed)  # at once
        if self.autostart is not None and self.autostart.isChecked() != autostart.is_enabled():
            autostart.set_enabled(self.autostart.isChecked(), self.home)
        app = self._app()
        if app is not None and language != self._saved_language:
            i18n.install(app, language)
        self._saved_theme = str(self.theme.currentData())
        self._saved_language = language
        self.accept()

    def reject(self) -> None:
        app = self._app()
        if app is not None and self.theme.currentData() != self._saved_theme:
            theme.apply(app, self._saved_theme)  # undo the live preview
        super().reject()
