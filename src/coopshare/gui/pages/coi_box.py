"""My private conflict-of-interest declarations on the People page: client names I will not
work for (``Api.coi_names`` / ``Api.set_coi_names``).

What the text on screen says is what service/coi.py does: the names are sealed under this
device's keystore key in one local ``meta`` row, never written to an op and never sent, so
neither other members nor my other devices get them (an encrypted backup of this data folder
holds them, like the rest of the folder). A lead whose client, title, description or
intermediary names one of them leaves me out of "Who fits" and out of the tray's notice,
without saying why (service/fits.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.pages.section_box import SectionBox
from coopshare.gui.text import safe

MAX_NAMES = 200  # service/coi.py
MAX_NAME = 200


def _t(text: str) -> str:
    return QCoreApplication.translate("CoiBox", text)


class CoiBox(SectionBox):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, _t("Clients I will not work for"), parent)
        self.names: tuple[str, ...] = ()
        v = self.v
        self.privacy = QLabel(
            _t(
                "Stored only on this device (and in backups you make of it), encrypted, and "
                "never sent: not to other members, not to your other devices. A lead that "
                "names one of these clients leaves you out of “Who fits” and of the new-lead "
                "notice, without saying why."
            )
        )
        self.privacy.setObjectName("coiPrivacy")
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(self.privacy)
        self.list = QListWidget()
        self.list.setAccessibleName(_t("Clients I will not work for"))
        self.list.setMaximumHeight(72)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        v.addWidget(self.list)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(_t("Client name, e.g. Amphia"))
        self.name.setAccessibleName(_t("Client name"))
        self.name.textChanged.connect(self._update_buttons)
        self.name.returnPressed.connect(self._add_clicked)
        self.add = QPushButton(_t("Add"))
        self.add.setToolTip(_t("Add this client to the list"))
        self.add.clicked.connect(self._add_clicked)
        self.remove = QPushButton(_t("Remove"))
        self.remove.setToolTip(_t("Remove the selected client from the list"))
        self.remove.clicked.connect(self._remove_clicked)
        row.addWidget(self.name, 1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        v.addLayout(row)
        self.add_error_line()
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self.bridge.db(lambda a: a.coi_names(), self.show_names)

    def show_names(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.list.clear()
        for n in names:
            self.list.addItem(safe(n, MAX_NAME))
        self.list.setVisible(bool(names))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add.setEnabled(bool(self.name.text().strip()) and len(self.names) < MAX_NAMES)
        self.remove.setEnabled(bool(self.list.selectedItems()))
        self.remove.setVisible(bool(self.names))

    def _add_clicked(self) -> None:
        name = self.name.text().strip()
        if not name or len(self.names) >= MAX_NAMES:
            return
        self._save([*self.names, name])
        self.name.clear()

    def _remove_clicked(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.names):
            self._save([n for i, n in enumerate(self.names) if i != row])

    def _save(self, names: list[str]) -> None:
        self.add.setEnabled(False)
        self.bridge.write(lambda a: a.set_coi_names(names), self._saved, self._failed)

    def _saved(self, names: tuple[str, ...]) -> None:
        self.error.hide()
        self.show_names(names)
