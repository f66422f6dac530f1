"""A focus ring that can be seen in a bright room: 2 pixels in a colour with 3:1 contrast, on every control.

Qt's styles mark focus with a 1-pixel light line (Fusion) and none at all around a table. This proxy draws
the ring after the platform style has drawn the control, so everything else looks as before.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QApplication, QProxyStyle, QStyle,
                               QStyleOption, QStyleOptionComplex, QTableView, QWidget)

from fieldapp.ui.widgets.theme import FOCUS_WIDTH, focus_color, readable_palette

_CONTROLS = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_ShapedFrame)
_COMPLEX = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ToolButton)


def paint_view_ring(view: QAbstractScrollArea) -> None:
    """The ring inside a focused table's viewport: the frame around it is one pixel, and the viewport covers
    everything within. Called from the view's paintEvent after its own painting."""
    if view.hasFocus():
        painter = QPainter(view.viewport())
        _ring(painter, view.viewport().rect(), view)
        painter.end()


class RingedTableView(QTableView):
    """A table that shows the focus ring inside its viewport (Qt's style draws none on item views), and
    repaints when focus comes or goes. Every table in the app derives from it."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        paint_view_ring(self)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.viewport().update()


def _ring(painter: QPainter, rect: QRect, widget: QWidget | None) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(focus_color(widget.palette() if widget is not None else None), FOCUS_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = FOCUS_WIDTH // 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


def _focused(option: QStyleOption, widget: QWidget | None) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus) and (widget is None or widget.hasFocus())


class FocusRingStyle(QProxyStyle):
    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,  # noqa: N802 - Qt's name
                    widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_ShapedFrame:
            # A table or text box: the frame is the edge of the widget; focus there is the widget's.
            if isinstance(widget, QAbstractScrollArea) and widget.hasFocus():
                _ring(painter, option.rect, widget)
        elif element in _CONTROLS and _focused(option, widget):
            _ring(painter, option.rect, widget)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,  # noqa: N802 - Qt's name
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _COMPLEX and _focused(option, widget):
            _ring(painter, option.rect, widget)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,  # noqa: N802 - Qt's name
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and _focused(option, widget):
            _ring(painter, option.rect, widget)
        elif element == QStyle.PrimitiveElement.PE_FrameFocusRect and not isinstance(widget, QAbstractItemView):
            _ring(painter, option.rect, widget)  # check boxes, radio buttons, tabs: around their label


def install_focus_ring(app: QApplication) -> None:
    """The focus ring on every control, and placeholder text that meets the hint contrast (theme.py)."""
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))
    app.setPalette(readable_palette(app.palette()))
