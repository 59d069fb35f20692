"""Availability I publish for colleagues (an agency member or a colleague who manages a bench):
shown on the People page only when a member has signed their consent for me
(``Api.bench``). Lists the windows I published for them, with Remove (a purge op every replica
applies), and "Publish for a colleague…" (:class:`~coopshare.gui.dialogs.bench_window.
BenchWindowDialog`), which offers only the members whose consent stands and room under the
caps, and dates the rules accept. Without consent every replica ignores such a window, so
without one nothing here is offered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.bench_window import BenchWindowDialog, window_text
from coopshare.gui.pages.section_box import SectionBox
from coopshare.gui.text import safe
from coopshare.service.api import Bench


def _t(text: str) -> str:
    return QCoreApplication.translate("BenchBox", text)


class BenchBox(SectionBox):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, _t("Availability I publish for colleagues"), parent)
        self.bench: Bench | None = None
        v = self.v
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.state.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(self.state)
        self.list = QListWidget()
        self.list.setAccessibleName(_t("Windows you published for colleagues"))
        self.list.setMaximumHeight(78)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        v.addWidget(self.list)
        row = QHBoxLayout()
        self.publish = QPushButton(_t("Publish for a colleague…"))
        self.publish.setToolTip(_t("Add an availability window for a member who allowed you"))
        self.publish.clicked.connect(self._publish_clicked)
        self.remove = QPushButton(_t("Remove window"))
        self.remove.setToolTip(_t("Take back the selected window: every device deletes it"))
        self.remove.clicked.connect(self._remove_clicked)
        row.addWidget(self.publish)
        row.addWidget(self.remove)
        row.addStretch(1)
        v.addLayout(row)
        self.add_error_line()
        self.hide()  # until a member's consent is known
        self.reload()

    def reload(self) -> None:
        self.bridge.db(lambda a: a.bench(), self.show_bench)

    def show_bench(self, bench: Bench) -> None:
        self.bench = bench
        self.list.clear()
        for w in bench.windows:
            item = QListWidgetItem(f"{safe(w.subject, 60)}: {window_text(w)}")
            item.setData(Qt.ItemDataRole.UserRole, w.item_id)
            self.list.addItem(item)
        self.list.setVisible(bool(bench.windows))
        names = [safe(g.name, 60) for g in bench.givers]
        if names:
            self.state.setText(
                _t("These members allow you to publish their availability: {0}.").format(
                    ", ".join(names)
                )
            )
        else:
            self.state.setText(_t("Nobody allows you to publish their availability any more."))
        self.setVisible(bool(bench.givers or bench.windows))
        self._update_buttons()

    def _update_buttons(self) -> None:
        bench = self.bench
        can = bench is not None and bench.room > 0 and any(g.room > 0 for g in bench.givers)
        self.publish.setEnabled(can)
        self.publish.setVisible(bench is not None and bool(bench.givers))
        self.remove.setEnabled(bool(self.list.selectedItems()))
        self.remove.setVisible(self.list.count() > 0)

    def _publish_clicked(self) -> None:
        if self.bench is None:
            return
        dialog = BenchWindowDialog(self.bridge, self.bench, self)
        dialog.published.connect(self._done)
        dialog.open()

    def _remove_clicked(self) -> None:
        items = self.list.selectedItems()
        if not items:
            return
        item_id = str(items[0].data(Qt.ItemDataRole.UserRole))
        self.remove.setEnabled(False)
        self.bridge.write(lambda a: a.withdraw_window(item_id), self._done, self._failed)

    def _done(self, _result: object = None) -> None:
        self.error.hide()
        self.reload()
