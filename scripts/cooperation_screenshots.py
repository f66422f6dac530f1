"""Screenshots of cooperation meetings and benefits (the meetings tab, the meeting editor with its consent warning,
the benefits tab, a visit about money) and the first page of a meeting's minutes PDF (needs pdftoppm).

Run under a virtual display:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/cooperation_screenshots.py
Uses a throw-away data folder and test keyring in build/cooperation-screenshots (never your own data).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "cooperation-screenshots"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(WORK / "keyring.json")

from PySide6.QtCore import QSettings  # noqa: E402

from fieldapp.demo.generate import generate  # noqa: E402
from fieldapp.services import cooperation  # noqa: E402
from fieldapp.services import participants as ps  # noqa: E402
from fieldapp.services.workspace import open_workspace  # noqa: E402
from fieldapp.ui.context import AppContext, ChangeBus  # noqa: E402
from fieldapp.ui.cooperation.meeting_dialog import MeetingDialog  # noqa: E402
from fieldapp.ui.main_window import MainWindow  # noqa: E402
from fieldapp.ui.tasks import TaskManager  # noqa: E402
from fieldapp.ui.visits.editor import VisitEditor  # noqa: E402
from shots import OUT, grab, settle, start_app  # noqa: E402


def main() -> int:
    app = start_app(WORK, os.environ.get("FIELDAPP_LANG", "nb"))
    ws = open_workspace(WORK / "data")
    today = date.today()
    generate(ws, participants=40, today=today)
    row = next(m for p in ps.list_participants(ws) for m in cooperation.list_meetings(ws, p.id) if m.missing_consent)
    pid = row.meeting.participant_id
    ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeBus(), settings=QSettings())
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.load_first_view()
    settle(app, ctx, ms=600)
    window.show_participant(pid, "meetings")
    settle(app, ctx, ms=600)
    grab(window, "participant-meetings")
    dialog = MeetingDialog(ctx, cooperation.meeting_context(ws, pid), row, today=today, parent=window)
    dialog.show()
    settle(app, ctx, ms=400)
    grab(dialog, "cooperation-meeting")
    dialog.close()
    window.show_participant(pid, "benefits")
    settle(app, ctx, ms=600)
    grab(window, "participant-benefits")
    editor = VisitEditor(ctx, participant_id=pid, parent=window)
    editor.resize(1100, 740)
    editor.show()
    settle(app, ctx, lambda: editor.stored is not None, ms=300)
    editor.topics.boxes["economy"].setChecked(True)
    settle(app, ctx, lambda: editor.economy.isVisible(), ms=300)
    editor.scroll.ensureWidgetVisible(editor.economy, 0, 40)
    settle(app, ctx, ms=300)
    grab(editor, "visit-economy")
    editor.close()
    pdf = WORK / "minutes.pdf"
    cooperation.save_minutes(ws, row.meeting.id, pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf), str(WORK / "page")], check=True)
    page = next(WORK.glob("page*.png"))
    shutil.copy(page, OUT / "minutes-pdf-page1.png")
    print((OUT / "minutes-pdf-page1.png").relative_to(ROOT))
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
