"""Text colours the app sets itself (hints, empty states, warnings), chosen to stay readable in light and dark palettes.

WCAG 2.1 AA asks 4.5:1 for text. Hints are the window's text colour mixed toward its background only as far
as that still holds; warnings use a red that holds on the palette's background, light or dark.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

AA_TEXT = 4.5
# A margin over AA so rounding in a style or a slightly different background does not drop below it.
_TARGET = AA_TEXT + 0.3
_LIGHT_WARNING = QColor("#b3261e")
_DARK_WARNING = QColor("#ff8a80")
FOCUS_WIDTH = 2


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """Relative luminance as WCAG defines it."""
    return 0.2126 * _channel(color.redF()) + 0.7152 * _channel(color.greenF()) + 0.0722 * _channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def _backgrounds(palette: QPalette) -> tuple[QColor, QColor]:
    return palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)


def is_dark(palette: QPalette | None = None) -> bool:
    return luminance(_palette(palette).color(QPalette.ColorRole.Window)) < 0.2


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * share_of_b,
                           a.greenF() + (b.greenF() - a.greenF()) * share_of_b,
                           a.blueF() + (b.blueF() - a.blueF()) * share_of_b)


def hint_color(palette: QPalette | None = None) -> QColor:
    """Quieter than normal text, yet at least 4.5:1 against the window and the input background."""
    pal = _palette(palette)
    text = pal.color(QPalette.ColorRole.WindowText)
    window, base = _backgrounds(pal)
    for step in range(10, -1, -1):  # from 50 % toward the background down to the text colour itself
        candidate = _mix(text, window, step * 0.05)
        if min(contrast(candidate, window), contrast(candidate, base)) >= _TARGET:
            return candidate
    return text


def warning_color(palette: QPalette | None = None) -> QColor:
    pal = _palette(palette)
    color = _DARK_WARNING if is_dark(pal) else _LIGHT_WARNING
    window, base = _backgrounds(pal)
    if min(contrast(color, window), contrast(color, base)) >= AA_TEXT:
        return color
    return pal.color(QPalette.ColorRole.WindowText)  # an unusual palette: plain text beats unreadable red


def focus_color(palette: QPalette | None = None) -> QColor:
    """The focus ring: the palette's highlight if it stands out (3:1, WCAG's non-text contrast), else the text."""
    pal = _palette(palette)
    highlight = pal.color(QPalette.ColorRole.Highlight)
    window, base = _backgrounds(pal)
    if min(contrast(highlight, window), contrast(highlight, base)) >= 3.0:
        return highlight
    return pal.color(QPalette.ColorRole.WindowText)


def hint_style() -> str:
    return f"color: {hint_color().name()};"


def warning_style() -> str:
    return f"color: {warning_color().name()};"


# Boxes with a background of their own carry their own text colour too, so a dark palette cannot put light
# text on them: (text, background), each pair checked against AA in tests/ui/test_contrast.py.
SENSITIVE = ("#8c1d18", "#fde7e4")
OPEN = ("#1e4620", "#e8f0e8")
NOT_SIGNED = ("#7a4a00", "#fff4e5")
INTERNAL = ("#202124", "#fff8e1")
CONFIRM = ("#202124", "#e8f0fe")
CELL_ERROR = ("#b3261e", "#fbe4e2")
NOTE = ("#202124", "#f1f3f4")
FINISHED_CHIP = ("#1e4620", "#e6f4ea")
DRAFT_CHIP = ("#5c4400", "#fef7e0")
BOXES = {"sensitive": SENSITIVE, "open": OPEN, "not_signed": NOT_SIGNED, "internal": INTERNAL, "confirm": CONFIRM,
         "cell_error": CELL_ERROR, "note": NOTE, "finished_chip": FINISHED_CHIP, "draft_chip": DRAFT_CHIP}


def box_style(pair: tuple[str, str]) -> str:
    return f"color: {pair[0]}; background: {pair[1]};"


def caution_color(palette: QPalette | None = None) -> QColor:
    """For notices that are not errors (internal notes stay internal): dark amber, or light amber on dark."""
    pal = _palette(palette)
    color = QColor("#ffd54f") if is_dark(pal) else QColor("#6b4f00")
    window, base = _backgrounds(pal)
    return color if min(contrast(color, window), contrast(color, base)) >= AA_TEXT else pal.color(
        QPalette.ColorRole.WindowText)


def caution_style() -> str:
    return f"color: {caution_color().name()};"


def readable_palette(palette: QPalette) -> QPalette:
    """`palette` with placeholder text (the hints inside empty fields) as readable as the app's other hints:
    Qt's default is half-transparent text, about 3:1."""
    readable = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        readable.setColor(group, QPalette.ColorRole.PlaceholderText, hint_color(palette))
    return readable
