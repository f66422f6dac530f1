"""Screenshots of the overview (Oversikt), the IPS fidelity form, the team dialog, a report page, Settings and
the participant list filtered by job specialist.

Run:  xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/overview_screenshots.py
Uses a throw-away data folder and test keyring in build/overview-screenshots (never your own data).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "overview-screenshots"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(WORK / "keyring.json")

from PySide6.QtCore import QSettings  # noqa: E402

from fieldapp.demo.generate import generate  # noqa: E402
from fieldapp.domain.outcomes.inputs import Period  # noqa: E402
from fieldapp.services import reports  # noqa: E402
from fieldapp.services.workspace import open_workspace  # noqa: E402
from fieldapp.ui.context import AppContext, ChangeBus  # noqa: E402
from fieldapp.ui.tasks import TaskManager  # noqa: E402
from shots import OUT, grab, settle, start_app  # noqa: E402
from tests.support.team_data import share_out  # noqa: E402

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def main() -> int:
    app = start_app(WORK, "nb", organization=None)
    ws = open_workspace(WORK / "data", actor="Kari Fjellheim")
    generate(ws, participants=60, today=NOW.date())
    share_out(ws, today=NOW.date())
    ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeBus(), settings=QSettings(), now=lambda: NOW)
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.nav_actions["overview"].trigger()
    settle(app, ctx, lambda: window.overview.figures is not None, ms=500)
    grab(window, "overview")
    window.overview.specialist_choice.setCurrentIndex(1)
    window.overview.work_chart.toggle.setChecked(True)
    settle(app, ctx, lambda: window.overview.figures.chosen.specialist_id is not None, ms=500)
    grab(window, "overview-specialist-numbers")

    window.overview.open_fidelity()
    dialog = window.overview.fidelity_dialog
    settle(app, ctx, lambda: dialog.loaded_data is not None, ms=300)
    dialog.use_all.click()
    dialog.rows[2].set_score(4)
    dialog.rows[2].note.setText("Noe administrasjon i tillegg")
    settle(app, ctx, ms=300)
    grab(dialog, "fidelity-form")
    dialog.reject()

    window.overview.open_team()
    team = window.overview.team_dialog
    settle(app, ctx, lambda: bool(team.rows), ms=300)
    grab(team, "team-responsible")
    team.reject()

    from fieldapp.ui.dialogs.settings import SettingsDialog

    settings = SettingsDialog(ctx.settings, window, sync=window.sync)
    settings.show()
    settle(app, ctx, lambda: settings.office.caseload_limit.isEnabled(), ms=300)
    grab(settings, "settings")
    settings.reject()

    window.nav_actions["participants"].trigger()
    panel = window.participants.list
    settle(app, ctx, lambda: panel.model.rowCount() > 0, ms=300)
    panel.specialist.setCurrentIndex(1)
    settle(app, ctx, ms=300)
    grab(window, "participants-specialist")

    pdf = WORK / "rapport.pdf"
    reports.write_report(ws, Period(date(2026, 1, 1), NOW.date()), pdf, today=NOW.date())
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(WORK / "page")], check=True)
    shutil.copy(next(WORK.glob("page-1*.png")), OUT / "report-page1.png")
    print("docs/screenshots/report-page1.png")
    ctx.tasks.shutdown()
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
