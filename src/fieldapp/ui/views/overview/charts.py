"""Bar charts drawn with QPainter (no QtCharts: the bundle stays small), with their numbers one click away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout,
    QWidget,
)

from fieldapp.ui.i18n import translate

BAR = QColor("#2f6f8f")
OVER = QColor("#b5542a")


class BarChart(QWidget):
    """Vertical bars with their value above and their label below; an optional limit drawn as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[float] = []
        self.limit: float | None = None
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 180)

    def set_data(self, labels: Sequence[str], values: Sequence[float], *, limit: float | None = None) -> None:
        self.labels, self.values, self.limit = list(labels), list(values), limit
        self.setAccessibleDescription(", ".join(f"{lab}: {val:g}" for lab, val in zip(self.labels, self.values)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, line + 4, -8, -line - 6)
        if not self.values or area.width() <= 0 or area.height() <= 0:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, translate("Overview", "No data"))
            return
        top = max([*self.values, self.limit or 0, 1]) * 1.1
        slot = area.width() / len(self.values)
        width = max(2.0, slot * 0.7)
        text_colour = self.palette().windowText().color()
        for i, (label, value) in enumerate(zip(self.labels, self.values)):
            height = area.height() * value / top
            x = area.left() + i * slot + (slot - width) / 2
            over = self.limit is not None and value > self.limit
            painter.fillRect(QRectF(x, area.bottom() - height, width, height), OVER if over else BAR)
            painter.setPen(text_colour)
            painter.drawText(QRectF(x - 10, area.bottom() - height - line - 2, width + 20, line),
                             Qt.AlignmentFlag.AlignCenter, f"{value:g}")
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot))
            painter.drawText(QRectF(area.left() + i * slot, area.bottom() + 3, slot, line),
                             Qt.AlignmentFlag.AlignCenter, shown)
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if self.limit is not None:
            y = area.bottom() - area.height() * self.limit / top
            painter.setPen(QPen(OVER, 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))


class ChartPanel(QWidget):
    """A titled chart, and a button that swaps it for the table of the numbers behind it."""

    def __init__(self, title: str, label_header: str, value_header: str, object_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = QLabel(f"<b>{title}</b>")
        self.chart = BarChart()
        self.chart.setAccessibleName(title)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName(f"{object_name}_table")
        self.table.setAccessibleName(title)
        self.table.setAccessibleDescription(translate("Overview", "The numbers behind the chart."))
        self.table.setHorizontalHeaderLabels([label_header, value_header])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.table)
        self.toggle = QToolButton()
        self.toggle.setObjectName(f"{object_name}_numbers")
        self.toggle.setCheckable(True)
        self.toggle.setText(translate("Overview", "Show numbers"))
        self.toggle.toggled.connect(self._toggled)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def set_data(self, labels: Sequence[str], values: Sequence[float], *, limit: float | None = None,
                 long_labels: Sequence[str] | None = None) -> None:
        """`long_labels`, when given, name the rows of the numbers table (the bars keep the short `labels`)."""
        self.chart.set_data(labels, values, limit=limit)
        self.table.setRowCount(len(labels))
        for row, (label, value) in enumerate(zip(long_labels or labels, values)):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(f"{value:g}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, item)

    def _toggled(self, numbers: bool) -> None:
        self.stack.setCurrentWidget(self.table if numbers else self.chart)
        self.toggle.setText(translate("Overview", "Show chart") if numbers else translate("Overview", "Show numbers"))
