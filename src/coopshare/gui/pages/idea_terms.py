"""The terms panel of an idea: what the reader accepts before the text unlocks, and the
owner's receipts and pending requests. It states only what the fold enforces
(model/idea_rules.py): the text of an idea is sealed to its owners and released to a reader
only after that reader signed the current terms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextEdit, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.pages.base import plain_label
from coopshare.gui.text import safe, when
from coopshare.service.api import IdeaTerms


def _t(text: str) -> str:
    return QCoreApplication.translate("IdeaTerms", text)


def _problem_text(problem: str) -> str:
    """The flag of a step that does not count (a code of api.IDEA_FLAGS), translated."""
    texts = {
        "not-by-owner": _t("released by someone who does not own the idea; ignored"),
        "owner-only": _t("released an idea meant for its owners only; ignored"),
        "before-embargo": _t("released before the embargo date; ignored"),
        "no-acceptance": _t("released without a matching acceptance; ignored"),
        "other-terms": _t("accepted other terms than the current ones; does not count"),
        "not-the-owner": _t("tried to change an idea they do not own; ignored"),
    }
    return texts.get(problem, _t("a step that does not count"))


class TermsPanel(QWidget):
    """Below the banner of the Ideas page; `reload` is called after every change."""

    def __init__(
        self, bridge: Bridge, reload: Callable[[], None], body: QTextEdit | None = None
    ) -> None:
        super().__init__()
        self.bridge = bridge
        self.body = body  # the page's text view: says why it is empty while locked
        self._reload = reload
        self.terms: IdeaTerms | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(4)
        self.status = plain_label()
        self.status.setObjectName("termsStatus")
        self.status.setAccessibleName(_t("Your access to this idea"))
        v.addWidget(self.status)
        row = QHBoxLayout()
        self.accept_button = QPushButton(_t("&Accept terms and read"))
        self.accept_button.setToolTip(
            _t("Sign that you accept these terms; the owners receive your signed acceptance")
        )
        self.accept_button.clicked.connect(self._accept)
        row.addWidget(self.accept_button)
        row.addStretch(1)
        v.addLayout(row)
        self.receipts = plain_label()
        self.receipts.setAccessibleName(_t("Signed acceptances"))
        v.addWidget(self.receipts)
        self.pending_row = QHBoxLayout()
        v.addLayout(self.pending_row)
        self.flags = plain_label()
        self.flags.setAccessibleName(_t("Flagged steps"))
        v.addWidget(self.flags)
        self.message = plain_label()
        self.message.setVisible(False)
        v.addWidget(self.message)

    def load(self, item_id: str) -> None:
        raw = bytes.fromhex(item_id)
        self.bridge.db(lambda a: a.idea_terms(raw), lambda t: self.show_terms(item_id, t))

    def show_terms(self, item_id: str, t: IdeaTerms | None) -> None:
        if t is None or t.item_id != item_id:
            self.setVisible(False)
            return
        self.terms = t
        self.setVisible(True)
        self.status.setText(self.status_text(t))
        if self.body is not None:
            locked = t.access in ("locked", "waiting")
            self.body.setPlaceholderText(_t("The text is locked.") if locked else "")
        self.accept_button.setVisible(t.access == "locked")
        owner = t.access == "owner"
        lines = [
            _t("{0} accepted ({1}) — {2}").format(
                safe(a.name, 80),
                when(a.ms),
                _t("text released") if a.released else _t("waiting for your release"),
            )
            for a in t.acceptances
        ]
        self.receipts.setText("\n".join(lines) if owner and lines else "")
        self.receipts.setVisible(owner and bool(lines))
        self._fill_pending(t if owner and not t.embargo_running else None)
        flagged = [
            _t("Flagged: {0} {1}").format(safe(s.name, 80), _problem_text(s.problem))
            for s in t.history
            if s.problem
        ]
        self.flags.setText("\n".join(flagged))
        self.flags.setVisible(bool(flagged))

    def status_text(self, t: IdeaTerms) -> str:
        if t.access == "owner":
            if not t.acceptances:
                return _t("You own this idea. Nobody has accepted its terms yet.")
            return _t("You own this idea. Signed acceptances (your receipts):")
        if t.access == "open":
            return _t("You accepted these terms; the owner released the text to you.")
        if t.access == "waiting":
            if t.embargo_running:
                return _t("You accepted these terms. The text unlocks after {0}.").format(
                    safe(t.embargo_until, 20)
                )
            if t.waits_for_owner:
                return _t("You accepted these terms. Waiting for the owner to release the text.")
            return _t(
                "You accepted these terms. Waiting for the owner's device to release the text."
            )
        if t.terms_changed:
            return _t("The terms changed since you accepted them. Accept the new terms to read.")
        return _t(
            "The text of this idea unlocks after you accept its terms. The owners receive your signed acceptance."
        )

    def _fill_pending(self, t: IdeaTerms | None) -> None:
        while self.pending_row.count():
            item = self.pending_row.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()
        if t is None:
            return
        for a in t.pending:
            button = QPushButton(_t("Release to {0}").format(safe(a.name, 60)))
            button.setObjectName("releaseButton")
            button.setToolTip(_t("{0} accepted your terms: give them the text").format(
                safe(a.name, 60)))  # fmt: skip
            raw, member = bytes.fromhex(t.item_id), bytes.fromhex(a.member_id)
            button.clicked.connect(lambda _c=False, r=raw, m=member: self._release(r, m))
            self.pending_row.addWidget(button)
        self.pending_row.addStretch(1)

    def release_buttons(self) -> list[QPushButton]:
        out = []
        for i in range(self.pending_row.count()):
            item = self.pending_row.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, QPushButton):
                out.append(w)
        return out

    def _accept(self) -> None:
        if self.terms is None:
            return
        raw = bytes.fromhex(self.terms.item_id)
        self.accept_button.setEnabled(False)
        self.bridge.write(lambda a: a.accept_terms(raw), self._done, self._failed)

    def _release(self, item_id: bytes, member: bytes) -> None:
        self.bridge.write(lambda a: a.release(item_id, member), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.accept_button.setEnabled(True)
        self.message.clear()
        self.message.setVisible(False)
        self._reload()

    def _failed(self, error: BaseException) -> None:
        self.accept_button.setEnabled(True)
        self.message.setText(_t("Not done: {0}").format(error_text(error)))
        self.message.setVisible(True)
