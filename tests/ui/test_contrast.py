"""Text the app colours itself (hints, empty states, warnings, boxes) meets WCAG AA in light and dark palettes,
and the keyboard focus is drawn as a ring that stands out, on tables too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleFactory, QVBoxLayout, QWidget

from fieldapp.ui.widgets import theme


def _dark() -> QPalette:
    pal = QPalette()
    roles = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#f0f0f0",
             QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.Text: "#f0f0f0",
             QPalette.ColorRole.Button: "#353535", QPalette.ColorRole.ButtonText: "#f0f0f0",
             QPalette.ColorRole.Highlight: "#3d8ee0", QPalette.ColorRole.HighlightedText: "#ffffff",
             QPalette.ColorRole.AlternateBase: "#262626"}
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    return pal


def _light() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


PALETTES = {"light": _light, "dark": _dark}


@pytest.mark.parametrize("name", PALETTES)
def test_hints_warnings_and_notices_reach_4_5_to_1(qapp, name: str) -> None:
    pal = PALETTES[name]()
    backgrounds = (pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Base))
    for what, color in (("hint", theme.hint_color(pal)), ("warning", theme.warning_color(pal)),
                        ("caution", theme.caution_color(pal))):
        for background in backgrounds:
            ratio = theme.contrast(color, background)
            assert ratio >= 4.5, f"{name} {what} {color.name()} on {background.name()}: {ratio:.2f}:1"
    placeholder = theme.readable_palette(pal).color(QPalette.ColorRole.PlaceholderText)
    assert theme.contrast(placeholder, pal.color(QPalette.ColorRole.Base)) >= 4.5
    # The hint is still quieter than normal text, or it would not read as a hint.
    assert theme.hint_color(pal) != pal.color(QPalette.ColorRole.WindowText)
    for background in backgrounds:
        assert theme.contrast(theme.focus_color(pal), background) >= 3.0  # WCAG 1.4.11, non-text


def test_boxes_with_their_own_background_reach_4_5_to_1() -> None:
    for name, (text, background) in theme.BOXES.items():
        ratio = theme.contrast(QColor(text), QColor(background))
        assert ratio >= 4.5, f"{name}: {text} on {background} is {ratio:.2f}:1"


def test_the_old_hint_colour_failed() -> None:
    """palette(mid) on the window, what hints used before: the measure would have caught it."""
    pal = _light()
    assert theme.contrast(pal.color(QPalette.ColorRole.Mid), pal.color(QPalette.ColorRole.Window)) < 4.5


def _style_color(widget: QWidget) -> QColor:
    found = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", widget.styleSheet())
    assert found, f"{widget.objectName()} sets no colour: {widget.styleSheet()!r}"
    return QColor(found.group(1))


def test_empty_states_on_today_are_readable(qtbot, ctx, main_window) -> None:
    window_color = QApplication.palette().color(QPalette.ColorRole.Window)
    for section in main_window.today.sections.values():
        ratio = theme.contrast(_style_color(section.empty), window_color)
        assert ratio >= 4.5, f"{section.empty.objectName()}: {ratio:.2f}:1"
    visible = [s.empty for s in main_window.today.sections.values() if s.empty.isVisible()]
    assert visible and all(label.text() for label in visible)  # an empty folder shows what to do next


def _ring_pixels(widget: QWidget) -> int:
    color = theme.focus_color(widget.palette())
    image = widget.grab().toImage()
    hits = 0
    for x in range(image.width()):
        for y in (0, 1, 2, image.height() - 2, image.height() - 3):
            pixel = image.pixelColor(x, y)
            if abs(pixel.red() - color.red()) + abs(pixel.green() - color.green()) + abs(pixel.blue() - color.blue()) < 60:
                hits += 1
    return hits


def test_focus_is_a_visible_ring_on_tables_and_fields(qtbot, qapp) -> None:
    from fieldapp.ui.models.table import Column, RowTableModel
    from fieldapp.ui.widgets.focus_style import FocusRingStyle
    from fieldapp.ui.widgets.tables import RowTable

    style = FocusRingStyle("Fusion")
    host = QWidget()
    qtbot.addWidget(host)
    model: RowTableModel[str] = RowTableModel([Column("Navn", lambda r: r)], host)
    model.set_rows(["Kari Nordmann", "Ola Nordmann"])
    table = RowTable(model, "participant_table")
    field = QLineEdit()
    layout = QVBoxLayout(host)
    layout.addWidget(table)
    layout.addWidget(field)
    for widget in (table, field):
        widget.setStyle(style)
    host.resize(400, 300)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    focused_table = _ring_pixels(table)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    assert focused_table > table.width() // 2  # a ring along the top and bottom edges
    assert _ring_pixels(table) < focused_table / 4  # and gone when the focus left
    assert _ring_pixels(field) > field.width() // 2
