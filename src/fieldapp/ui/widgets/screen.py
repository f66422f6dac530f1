"""Keeping windows inside the screen they open on: a 1366×768 laptop has about 1366×728 for windows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QDialog, QWidget

# Room for the window manager's title bar and frame, which the widget's own geometry does not include.
_FRAME = QSize(16, 40)


def screen_of(window: QWidget) -> QScreen | None:
    """The screen a window is on, or will open on: its parent's, or (restored) where its saved geometry lies."""
    if window.isVisible():
        return window.screen()
    parent = window.parentWidget()
    if parent is not None:
        return parent.screen()
    return QGuiApplication.screenAt(window.geometry().center()) or QGuiApplication.primaryScreen()


def available(window: QWidget) -> QRect:
    screen = screen_of(window)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Size `window` to `preferred` (or its current size), shrunk to fit the available screen, and move it inside.

    Call it after building the window and before showing it, and after restoring a saved geometry (which
    may come from a bigger screen)."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window manager fits a maximised window to the screen it is on
    area = available(window)
    wanted = preferred if preferred is not None else window.size()
    room = QSize(max(320, area.width() - _FRAME.width()), max(240, area.height() - _FRAME.height()))
    size = wanted.boundedTo(room)
    minimum = window.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        # A minimum taller than the screen would push the finishing buttons off it: the screen wins.
        window.setMinimumSize(minimum.boundedTo(room))
    window.resize(size)
    if isinstance(window, QDialog) and not window.isVisible():
        return  # Qt centres a dialog over its parent and keeps it on the screen itself
    outer = size + _FRAME
    if window.isVisible():
        frame = window.frameGeometry()
        x = min(max(frame.left(), area.left()), area.right() + 1 - outer.width())
        y = min(max(frame.top(), area.top()), area.bottom() + 1 - outer.height())
    else:
        x = area.left() + (area.width() - outer.width()) // 2
        y = area.top() + (area.height() - outer.height()) // 2
    window.move(QPoint(max(area.left(), x), max(area.top(), y)))


class _EscapeCloses(QObject):
    """Sees the Esc key that no field in the window used (a key event travels up to the window if unused)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and isinstance(watched, QWidget)):
            watched.close()
            return True
        return False


def close_on_escape(window: QWidget) -> None:
    """Esc closes the window (through its closeEvent, so editors still save or ask), as it does a dialog.

    Not a shortcut: a field that uses Esc itself (a calendar, a completer, a cell editor) keeps it."""
    window.installEventFilter(_EscapeCloses(window))
