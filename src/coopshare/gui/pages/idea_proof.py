"""The priority-proof row of an idea the user owns: "Prove priority" publishes a salted hash of
the idea's text (service/proofs.py); other members' devices return signed receipts by
themselves, and the row shows how many and the earliest time. "Export evidence…" writes the
evidence ZIP (service/evidence.py) after a plain-text warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.pages.base import plain_label
from coopshare.gui.text import date_time_text, safe
from coopshare.gui.workers import run_in_thread
from coopshare.service.api import Commitment, EvidenceExported, TimestampJob, fetch_timestamp

POLL_MS = 2000  # receipts raise no item event: the row asks again while it is shown


def _t(text: str) -> str:
    return QCoreApplication.translate("IdeaProof", text)


class ProofPanel(QWidget):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.item_id: str | None = None
        self.proofs: list[Commitment] = []
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.prove_button = QPushButton(_t("&Prove priority"))
        self.prove_button.setObjectName("proveButton")
        self.prove_button.setToolTip(
            _t(
                "Publish a salted fingerprint of this text (not the text itself); the other "
                "members' devices sign that they saw it, with their own time"
            )
        )
        self.prove_button.clicked.connect(self._prove)
        self.export_button = QPushButton(_t("E&xport evidence…"))
        self.export_button.setObjectName("evidenceButton")
        self.export_button.clicked.connect(self._export)
        row.addWidget(self.prove_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        v.addLayout(row)
        self.status = plain_label()
        self.status.setObjectName("proofStatus")
        self.status.setAccessibleName(_t("Priority proof"))
        v.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.setVisible(False)

    def load(self, item_id: str, mine: bool) -> None:
        """Show the row for an idea of mine (hidden otherwise) and read its commitments."""
        self.item_id = item_id if mine else None
        self.setVisible(mine)
        if not mine:
            self.timer.stop()
            return
        self.timer.start()
        self._poll()

    def _poll(self) -> None:
        item_id = self.item_id
        if item_id is None or not self.isVisible():
            self.timer.stop()
            return
        raw = bytes.fromhex(item_id)
        self.bridge.db(lambda a: a.idea_proofs(raw), lambda p: self.show_proofs(item_id, p))

    def show_proofs(self, item_id: str, proofs: list[Commitment]) -> None:
        if item_id != self.item_id:
            return
        self.proofs = proofs
        self.export_button.setEnabled(bool(proofs))
        self.status.setText(self.status_text(proofs))

    def status_text(self, proofs: list[Commitment]) -> str:
        if not proofs:
            return _t("No priority proof yet.")
        first = proofs[0]
        n = len(first.receipts)
        lines = [
            self.tr("Committed {0}: %n witness receipt(s).", "", n).format(
                date_time_text(first.when_ms)
            )
        ]
        if first.earliest_ms is not None:
            lines.append(_t("Earliest proven time: {0}.").format(date_time_text(first.earliest_ms)))
        else:
            lines.append(_t("Waiting for other members' devices to sign that they saw it."))
        if first.tsa_ms is not None:
            lines.append(_t("Time-stamped by the TSA: {0}.").format(date_time_text(first.tsa_ms)))
        if not proofs[-1].text_matches:
            lines.append(_t("The text changed since the last commitment: prove it again."))
        return "\n".join(lines)

    def _prove(self) -> None:
        if self.item_id is None:
            return
        raw = bytes.fromhex(self.item_id)
        self.prove_button.setEnabled(False)
        self.bridge.write(lambda a: a.commit_idea(raw), self._proved, self._failed)

    def _proved(self, op: str) -> None:
        self.prove_button.setEnabled(True)
        self._poll()
        self.bridge.db(lambda a: a.timestamp_job(op), self._stamp)

    def _stamp(self, job: TimestampJob | None) -> None:
        """With a TSA set: ask it off the GUI and store threads, then keep the token."""
        if job is None:
            return

        def keep(token: bytes) -> None:
            self.bridge.db(
                lambda a: a.keep_timestamp(job.op_id, token), self._stamped, self._failed
            )

        run_in_thread(lambda: fetch_timestamp(job), keep, self._failed, context=self)

    def _stamped(self, _ms: int) -> None:
        self._poll()

    def _failed(self, error: BaseException) -> None:
        self.prove_button.setEnabled(True)
        self.status.setText(_t("Not done: {0}").format(error_text(error)))

    def _export(self) -> None:
        if self.item_id is None:
            return
        name = f"coopshare-evidence-{dt.date.today().isoformat()}.zip"
        chosen, _ = QFileDialog.getSaveFileName(
            self, _t("Export evidence"), name, _t("ZIP archives (*.zip)")
        )
        if chosen and self.plaintext_ok():
            raw, dest = bytes.fromhex(self.item_id), Path(chosen)
            self.bridge.db(lambda a: a.export_evidence(raw, dest), self._exported, self._failed)

    def plaintext_ok(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _t("Evidence without encryption"),
            _t(
                "The evidence file holds the idea's text without encryption: anyone who has it "
                "can read it. Give it only to whoever needs to check it (a notary, BOIP)."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("evidence_warning")
        return box.exec() == QMessageBox.StandardButton.Ok

    def _exported(self, out: EvidenceExported) -> None:
        self.status.setText(
            self.tr(
                "Evidence written to {0} (%n receipt(s)). It is not encrypted.", "", out.receipts
            ).format(safe(out.path, 300))
        )
