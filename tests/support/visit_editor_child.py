"""Child process for the autosave kill test: the real visit editor, typed into, then left alone until killed.

Usage: python -m tests.support.visit_editor_child DATA_DIR PARTICIPANT_ID SETTINGS_FILE

Prints "open <visit id>" once the editor shows the new visit, types the text of TYPED in three bursts with
short pauses (as a person does), prints "typed", and keeps the event loop running until it is killed.
The keyring is shared with the parent through FIELDAPP_TEST_KEYRING_FILE and PYTHON_KEYRING_BACKEND.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BURSTS = ("Trives på lageret. ", "Vil prøve truckførerkurs ", "før jul, leder er positiv.")
TYPED = "".join(BURSTS)


def main(argv: list[str]) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    data_dir, participant_id, settings_file = Path(argv[0]), argv[1], argv[2]

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from fieldapp.services.workspace import open_workspace
    from fieldapp.ui.change_hub import ChangeHub
    from fieldapp.ui.context import AppContext
    from fieldapp.ui.i18n import install_language
    from fieldapp.ui.tasks import TaskManager
    from fieldapp.ui.visits.editor import VisitEditor

    app = QApplication(sys.argv[:1])
    install_language(app, "nb")
    ws = open_workspace(data_dir)
    ctx = AppContext(ws=ws, tasks=TaskManager(app), changes=ChangeHub(app),
                     settings=QSettings(settings_file, QSettings.Format.IniFormat))
    editor = VisitEditor(ctx, participant_id=participant_id)
    steps = list(BURSTS)

    def type_next() -> None:
        if not steps:
            print("typed", flush=True)
            return
        QTest.keyClicks(editor.summary, steps.pop(0))
        QTimer.singleShot(300, type_next)  # a short pause: less than the autosave delay

    def loaded() -> None:
        print(f"open {editor.visit_id}", flush=True)
        editor.summary.setFocus()
        type_next()

    editor.visit_loaded.connect(loaded)
    editor.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
