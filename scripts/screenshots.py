"""Screenshots of every main screen with demo data, for docs/screenshots and the README.

Run under a virtual display the size of the screen to show, the common laptop's:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py
The main window fills the screen (as maximised), editors open at the size they choose for it. On a screen
1920 pixels wide (-screen 0 1920x1080x24) only Today and the participant list are taken, named "-1920".
Uses a throw-away data folder and test keyring in build/screenshots (never your own data).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "screenshots"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(WORK / "keyring.json")

from PySide6.QtCore import QSettings  # noqa: E402

from fieldapp.demo.generate import generate  # noqa: E402
from fieldapp.services.workspace import open_workspace  # noqa: E402
from fieldapp.ui.context import AppContext, ChangeBus  # noqa: E402
from fieldapp.ui.widgets.focus_style import install_focus_ring  # noqa: E402
from fieldapp.ui.main_window import MainWindow  # noqa: E402
from fieldapp.ui.tasks import TaskManager  # noqa: E402
from shots import grab, settle, start_app  # noqa: E402




def main() -> int:
    lang = os.environ.get("FIELDAPP_LANG", "nb")
    app = start_app(WORK, lang)
    install_focus_ring(app)  # as the app does
    ws = open_workspace(WORK / "data")
    generate(ws, participants=40)
    ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeBus(), settings=QSettings())
    window = MainWindow(ctx)
    area = app.primaryScreen().availableGeometry()
    window.setGeometry(area)  # as maximised: there is no window manager under xvfb to do it
    window.show()
    window.load_first_view()
    settle(app, ctx)
    wide = area.width() >= 1900
    suffix = ("" if lang == "nb" else f"-{lang}") + ("-1920" if wide else "")
    grab(window, f"today{suffix}")
    window.show_view("participants")
    settle(app, ctx)
    window.participants.list.table.selectRow(2)
    settle(app, ctx)
    grab(window, f"participants{suffix}")
    if wide:
        window.close()
        ctx.close()
        return 0
    detail = window.participants.detail
    for tab in getattr(detail, "TABS", ())[1:]:
        detail.tabs.setCurrentIndex(detail.TABS.index(tab))
        settle(app, ctx, ms=200)
        grab(window, f"participant-{tab}{suffix}")
    participant_id = window.selected_participant_id()
    if participant_id:
        window.open_visit("", participant_id)
        settle(app, ctx, ms=600)
        editor = window.visit_editors[-1]
        editor.employee_view.setPlainText("Trives godt. Opplæringen i kassen går fint, men blir sliten mot slutten "
                                          "av dagen.")
        settle(app, ctx, ms=2500)  # past the autosave pause, so the window shows "Lagret kl. …"
        grab(editor, f"visit-editor{suffix}")
        editor.close()
        settle(app, ctx)
    window.show_view("employers")
    settle(app, ctx)
    window.employers.table.selectRow(0)
    settle(app, ctx)
    grab(window, f"employers{suffix}")
    window.show_view("agreements")
    settle(app, ctx)
    grab(window, f"agreements{suffix}")
    window.search_field.setText("trives")
    settle(app, ctx, ms=800)
    grab(window, f"search{suffix}")
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
