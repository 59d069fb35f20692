"""A list's title column stays readable in a narrow window or a long language (#34: "Geg…",
and at 1024 px in Dutch the title shrank to "Interi…" behind a horizontal scrollbar).

Columns size to their contents (a status is never clipped) and the title takes the rest. When
that rest falls below MIN_TITLE, the last columns (an update time, who gave it) are hidden, one
at a time, from the right, and come back when there is room again; the first two (the title and
the status or author) always stay. Everything hidden is also in the detail panel beside the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView

MIN_TITLE = 140  # px: the first words of a title
KEEP = 2  # columns never hidden


class FitColumns(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.hidden_width: dict[int, int] = {}  # column → its width when it was hidden
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        table.viewport().installEventFilter(self)
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda *_: self._later.start())
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self._later.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._later.start()
        return False

    def fit(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        count = header.count()
        width = table.viewport().width()
        if count <= KEEP or width <= 0:
            return

        def others() -> int:
            return sum(
                header.sectionSize(c) for c in range(1, count) if not table.isColumnHidden(c)
            )

        # come back, leftmost first, while the title keeps its room
        for c in sorted(self.hidden_width):
            if width - others() - self.hidden_width[c] >= MIN_TITLE + 20:
                table.setColumnHidden(c, False)
                del self.hidden_width[c]
            else:
                break
        # hide from the right while the title is squeezed
        for c in range(count - 1, KEEP - 1, -1):
            if width - others() >= MIN_TITLE:
                break
            if not table.isColumnHidden(c):
                self.hidden_width[c] = header.sectionSize(c)
                table.setColumnHidden(c, True)
