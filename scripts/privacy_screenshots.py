"""Screenshots of the privacy screens (retention list, access log, locked window) at 1366×768.

Run under a virtual display:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/privacy_screenshots.py
Uses a throw-away data folder and test keyring in build/privacy-screenshots (never your own data).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "privacy-screenshots"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(WORK / "keyring.json")

from PySide6.QtCore import QSettings  # noqa: E402

from fieldapp.demo.generate import generate  # noqa: E402
from fieldapp.domain.records import Participant  # noqa: E402
from fieldapp.services import access_log, app_pin, records  # noqa: E402
from fieldapp.services.participants import list_participants  # noqa: E402
from fieldapp.services.workspace import open_workspace  # noqa: E402
from fieldapp.ui.context import AppContext, ChangeBus  # noqa: E402
from fieldapp.ui.main_window import MainWindow  # noqa: E402
from fieldapp.ui.privacy.lock import LockController  # noqa: E402
from fieldapp.ui.tasks import TaskManager  # noqa: E402
from shots import grab, settle, start_app  # noqa: E402


def main() -> int:
    app = start_app(WORK, os.environ.get("FIELDAPP_LANG", "nb"))
    ws = open_workspace(WORK / "data", actor="kari.jobbspesialist")
    generate(ws, participants=40)
    # Three whose follow-up ended long ago, so Today has a retention list to show.
    people = list_participants(ws)
    for row, ended in zip(people[:3], (date(2019, 5, 31), date(2020, 9, 15), date(2021, 1, 29)), strict=False):
        p = records.get(ws, Participant, row.id)
        assert p is not None
        records.save(ws, dataclasses.replace(p, status="ended", follow_up_end=ended,
                                             follow_up_start=ended.replace(year=ended.year - 2),
                                             status_reason="Oppfølgingen er fullført"))
    ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeBus(), settings=QSettings())
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.load_first_view()
    window.today.retention.refresh()
    settle(app, ctx, until=lambda: window.today.retention.model.rowCount() > 0, ms=600)
    grab(window, "privacy-retention-list")

    target = people[5].id
    window.show_participant(target)
    settle(app, ctx, until=lambda: window.participants.detail.detail is not None, ms=300)
    # Entries from other people and devices, as a synced log would hold them.
    access_log.record(ws, participant_id=target, kind="agreement", target_id=None)
    access_log.record(ws, participant_id=target, kind="print")
    window.participants.detail.overview.fodselsnummer.reveal()
    settle(app, ctx, ms=300)
    detail = window.participants.detail
    detail.tabs.setCurrentIndex(detail.TABS.index("access_log"))
    settle(app, ctx, until=lambda: detail.access_log.list.model.rowCount() >= 3, ms=400)
    grab(window, "privacy-access-log")

    app_pin.set_pin("4711")
    lock = LockController(window, ctx.settings)
    lock.lock()
    settle(app, ctx, ms=300)
    lock.try_unlock("0000")
    settle(app, ctx, ms=300)
    grab(window, "privacy-locked-window")
    lock.try_unlock("4711")
    window.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
