"""The main window's menu bar (File, Edit, View, Help): every action with its shortcut, reachable by keyboard.

One more action is one line in `build_menus` (e.g. `menus.file.insertAction(menus.file_end, action)`).
Shortcuts follow Qt's platform conventions: Preferences and Quit from QKeySequence's standard keys, with
the usual Linux keys where the platform defines none; F1 for help.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from fieldapp.ui.i18n import translate

if TYPE_CHECKING:
    from fieldapp.ui.main_window import MainWindow


@dataclass(frozen=True)
class Menus:
    file: QMenu
    edit: QMenu
    view: QMenu
    help: QMenu
    file_end: QAction  # the separator before Quit: file actions go in front of it


def standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's key for `key`, and `fallback` where the platform has none (Preferences on Linux)."""
    keys = QKeySequence.keyBindings(key)
    return keys or [QKeySequence(fallback)]


def build_menus(window: MainWindow) -> Menus:
    bar = window.menuBar()
    bar.setObjectName("menu_bar")
    bar.setAccessibleName(translate("Menus", "Menu bar"))

    file = bar.addMenu(translate("Menus", "&File"))
    file.addAction(window.new_visit_action)
    file.addAction(window.sync_action)
    file.addAction(window.import_action)
    file_end = file.addSeparator()
    file.addAction(window.quit_action)

    edit = bar.addMenu(translate("Menus", "&Edit"))
    edit.addAction(window.search_action)
    edit.addSeparator()
    edit.addAction(window.settings_action)

    view = bar.addMenu(translate("Menus", "&View"))
    for action in window.nav_actions.values():
        view.addAction(action)

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addAction(window.help_action)
    help_menu.addAction(window.about_action)
    for menu, name in ((file, "menu_file"), (edit, "menu_edit"), (view, "menu_view"), (help_menu, "menu_help")):
        menu.setObjectName(name)
    return Menus(file=file, edit=edit, view=view, help=help_menu, file_end=file_end)
