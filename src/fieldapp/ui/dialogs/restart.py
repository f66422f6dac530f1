"""Restarting the app, so a newly chosen language is used everywhere (Qt builds its texts when windows are made)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldapp.ui.i18n import translate


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that start this app again as it was started (also from a bundle)."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    return sys.executable, list(sys.argv)


def ask_restart(parent: QWidget) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, translate("Restart", "Restart Fieldapp?"),
                      translate("Restart", "The new language is used after a restart. Restart Fieldapp now? Open "
                                           "visits are saved first."), parent=parent)
    box.setObjectName("restart_question")
    now = box.addButton(translate("Restart", "&Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Restart", "&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.exec()
    return box.clickedButton() is now


def restart(window: QWidget) -> bool:
    """Close `window` (it saves, and may be refused by an editor that cannot save), then start the app again."""
    if not window.close():
        return False
    program, arguments = restart_command()
    if not QProcess.startDetached(program, arguments)[0]:
        QMessageBox.warning(None, translate("Restart", "Restart Fieldapp"),
                            translate("Restart", "Fieldapp could not start again by itself. Start it as usual; the "
                                                 "new language is used."))
    QApplication.quit()
    return True
