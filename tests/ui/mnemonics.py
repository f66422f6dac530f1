"""Alt+letter mnemonics as a window offers them at one moment: buttons, labelled fields, group boxes, tabs, menus."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar, QWidget

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def window_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """letter -> the texts using it, among widgets visible in `window` now (a dialog's own window excluded)."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i))
    if isinstance(window, QMainWindow) and window.menuBar().isVisibleTo(window):
        texts.extend(a.text() for a in window.menuBar().actions())
    used: dict[str, list[str]] = {}
    for text in texts:
        key = letter(text)
        if key:
            used.setdefault(key, []).append(text)
    return used


def duplicates(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in window_mnemonics(window).items() if len(v) > 1}


def menu_duplicates(window: QMainWindow) -> dict[str, list[str]]:
    found = {}
    for top in window.menuBar().actions():
        used: dict[str, list[str]] = {}
        for action in top.menu().actions():
            key = letter(action.text())
            if key:
                used.setdefault(key, []).append(action.text())
        found.update({f"{top.text()}:{k}": v for k, v in used.items() if len(v) > 1})
    return found
