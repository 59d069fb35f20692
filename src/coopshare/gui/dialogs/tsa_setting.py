"""Settings → Data: the RFC 3161 time-stamping authority used for "Prove priority" (off when
empty, the default). Kept in the data folder (sealed), so the CLI uses it too."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.widgets import message_label, muted


class TsaSetting(QWidget):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.loaded: str | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 8, 0, 0)
        v.addWidget(QLabel(self.tr("Time-stamping authority (RFC 3161) for priority proofs:")))
        self.url = QLineEdit()
        self.url.setObjectName("tsaUrl")
        self.url.setAccessibleName(self.tr("Time-stamping authority address"))
        self.url.setPlaceholderText(self.tr("off: enter an http:// or https:// address to use one"))
        v.addWidget(self.url)
        hint = self.tr(
            "When set, each commitment's fingerprint (never the text) is also sent to this "
            "service, which signs the time it saw it."
        )
        v.addWidget(muted(QLabel(hint)))
        self.message = message_label()
        v.addWidget(self.message)
        self.bridge.db(lambda a: a.tsa_url(), self._show)

    def _show(self, url: str | None) -> None:
        self.loaded = url or ""
        self.url.setText(self.loaded)

    def save(self) -> bool:
        """Store a changed address; False (and a message) if it is not an http(s) URL."""
        url = self.url.text().strip()
        if url and not url.startswith(("http://", "https://")):
            self.message.setText(self.tr("The address must start with http:// or https://."))
            self.message.show()
            return False
        if self.loaded is not None and url != self.loaded:
            self.bridge.db(lambda a: a.set_tsa_url(url or None), lambda _r: None, self._failed)
        return True

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.message.show()
