"""F1: the keyboard shortcuts of the main window, read from its menus so the list is never out of date."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldapp.ui.i18n import translate
from fieldapp.ui.menus import Menus
from fieldapp.ui.widgets.screen import fit_to_screen


def shortcut_rows(menus: Menus) -> list[tuple[str, str]]:
    """(keys, what they do) for every menu action with a shortcut, in menu order."""
    rows = []
    for menu in (menus.file, menus.edit, menus.view, menus.help):
        for action in menu.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
            if keys and not action.isSeparator():
                rows.append((" / ".join(keys), action.text().replace("&", "").rstrip(" …")))
    return rows


class KeyboardHelp(QDialog):
    def __init__(self, menus: Menus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard_help")
        self.setWindowTitle(translate("KeyboardHelp", "Keyboard help"))
        general = [
            (translate("KeyboardHelp", "Tab / Shift+Tab"), translate("KeyboardHelp", "Next / previous field, table or button")),
            (translate("KeyboardHelp", "Arrow keys"), translate("KeyboardHelp", "Move inside a table or list")),
            (translate("KeyboardHelp", "Enter"), translate("KeyboardHelp", "Open the selected row")),
            (translate("KeyboardHelp", "Alt+underlined letter"), translate("KeyboardHelp", "Go to that field or button")),
            (translate("KeyboardHelp", "Alt or F10"), translate("KeyboardHelp", "The menu bar")),
            (translate("KeyboardHelp", "Esc"), translate("KeyboardHelp", "Close the dialog or editor (what is typed is saved)")),
        ]
        rows = "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
                       for keys, what in [*shortcut_rows(menus), *general])
        text = QLabel(f"<table cellspacing='0' cellpadding='4'>{rows}</table>")
        text.setObjectName("keyboard_help_text")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("KeyboardHelp", "Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        fit_to_screen(self)
