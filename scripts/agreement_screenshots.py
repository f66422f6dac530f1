"""Screenshots of the agreement editor, preview, signature pad and history, with demo data.

Run:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/agreement_screenshots.py
(each window at the size it chooses on a 1366×768 screen)
Uses a throw-away data folder and test keyring in build/agreement-screenshots (never your own data).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "agreement-screenshots"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.TestKeyring")
os.environ["FIELDAPP_TEST_KEYRING_FILE"] = str(WORK / "keyring.json")

from PySide6.QtCore import QPoint, QSettings, QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from fieldapp.demo.generate import generate  # noqa: E402
from fieldapp.services import agreement_documents as docs  # noqa: E402
from fieldapp.services import agreement_editing as editing  # noqa: E402
from fieldapp.services.agreements import list_agreements  # noqa: E402
from fieldapp.services.workspace import open_workspace  # noqa: E402
from fieldapp.ui.context import AppContext, ChangeBus  # noqa: E402
from fieldapp.ui.widgets.focus_style import install_focus_ring  # noqa: E402
from fieldapp.ui.tasks import TaskManager  # noqa: E402
from shots import grab, settle, start_app  # noqa: E402

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)




def main() -> int:
    app = start_app(WORK, "nb", organization=None)
    install_focus_ring(app)  # as the app does
    ws = open_workspace(WORK / "data", actor="demo")
    generate(ws, participants=12, today=NOW.date())
    ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeBus(), settings=QSettings(), now=lambda: NOW)
    from fieldapp.ui.agreements.editor import AgreementEditor
    from fieldapp.ui.agreements.history import HistoryWindow
    from fieldapp.ui.agreements.preview import PreviewWindow
    from fieldapp.ui.agreements.signature_pad import SignatureDialog
    from fieldapp.ui.widgets.screen import fit_to_screen

    rows = list_agreements(ws, today=NOW.date())
    draft = next(r for r in rows if r.status == "draft")
    editor = AgreementEditor(ctx, draft.agreement_id)
    fit_to_screen(editor, QSize(1320, 900))
    editor.show()
    settle(app, ctx, lambda: editor.data is not None)
    grab(editor, "agreement-editor")
    if os.environ.get("FIELDAPP_SHOT_PARTS"):  # the whole scrolling content, to check the tables' layout
        editor.content.grab().save(str(WORK / "editor-content.png"))

    signed = next(r for r in rows if r.status in ("active", "concluded"))
    docs.seal_concluded(ws, signed.agreement_id)  # demo agreements are concluded without their sealed copy
    preview = PreviewWindow(ctx, signed.agreement_id, signed.version_no)
    fit_to_screen(preview, QSize(900, 1000))
    preview.show()
    settle(app, ctx, lambda: preview.document.pageCount() > 0, ms=800)
    grab(preview, "agreement-preview")

    ready = next((r for r in rows if r.status in ("ready_for_signing", "partly_signed")), None)
    data = editing.load(ws, (ready or signed).agreement_id, today=NOW.date())
    pending = [r for r in data.required_signers if r not in data.signed_roles] or ["employee"]
    dialog = SignatureDialog(data.version.content, pending, number=data.agreement.number,
                             version_no=data.version.version_no, now=NOW)
    fit_to_screen(dialog, QSize(700, 640))
    dialog.show()
    settle(app, ctx)
    dialog.confirm.setChecked(True)
    pad = dialog.pad
    import math
    pts = [(60 + i * 5, 110 - 38 * math.sin(i / 4.0) * (1 if i < 40 else 0.6)) for i in range(70)]
    for stroke in (pts, [(150 + i * 4, 70 + i * 2.2) for i in range(25)], [(330 + i * 6, 125 - (i % 6) * 9)
                                                                           for i in range(24)]):
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(int(stroke[0][0]), int(stroke[0][1])))
        for x, y in stroke[1:]:
            QTest.mouseMove(pad, QPoint(int(x), int(y)))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(int(stroke[-1][0]), int(stroke[-1][1])))
    settle(app, ctx)
    grab(dialog, "signature-pad")

    # A second version after conclusion: extended, with an extra goal, to show the history's diff.
    new = editing.new_version(ws, signed.agreement_id, change_type="extend", new_end=date(2027, 12, 31))
    content = editing.load(ws, signed.agreement_id, today=NOW.date()).version.content
    goal = replace(content.goals[0], description="Ta ansvar for bestillingslista en dag i uka",
                   progress_indicator="Leder bekrefter ved evalueringen")
    editing.save_draft(ws, new.id, replace(content, goals=content.goals + (goal,)))
    history = HistoryWindow(ctx, signed.agreement_id)
    fit_to_screen(history, QSize(1100, 820))
    history.show()
    settle(app, ctx, lambda: history.diff_model.rowCount() > 0, ms=500)
    grab(history, "agreement-history")
    for w in (editor, preview, dialog, history):
        w.close()
    ctx.tasks.shutdown()
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
