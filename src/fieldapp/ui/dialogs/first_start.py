"""First start on an empty data folder: load demo data to try things out, or start empty."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.ui.i18n import translate

DEMO_PARTICIPANTS = 30


def ask_load_demo(parent: QWidget | None) -> bool:
    """True when the user wants invented demo data loaded."""
    box = QMessageBox(parent)
    box.setObjectName("first_start")
    box.setWindowTitle(translate("FirstStart", "Welcome to Fieldapp"))
    box.setIcon(QMessageBox.Icon.Question)
    box.setText("<h3>" + translate("FirstStart", "This data folder is empty.") + "</h3>")
    box.setInformativeText(translate(
        "FirstStart", "You can load invented demo data (30 participants with employers, visits and agreements) to try "
           "the app, or start empty and register your own participants."))
    demo = box.addButton(translate("FirstStart", "Load demo data"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("FirstStart", "Start empty"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    return box.clickedButton() is demo
