"""What the screenshot scripts share: where pictures go, waiting for the UI to settle, grabbing a widget."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def start_app(work: Path, lang: str = "nb", organization: str | None = "FieldappScreenshots") -> Any:
    """A fresh throw-away `work` folder, the pictures' folder, and the QApplication with its settings kept under
    `work` (never the user's own) and the language installed."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.i18n import install_language

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    if organization is not None:
        QCoreApplication.setOrganizationName(organization)
    install_language(app, lang)
    return app


def settle(app: Any, ctx: Any, until: Callable[[], bool] = lambda: True, ms: int = 300) -> None:
    """Process events until the database worker is idle and `until()` holds (20 s at most), then `ms` more."""
    end = time.monotonic() + 20
    while time.monotonic() < end and (ctx.tasks.pending or not until()):
        app.processEvents()
        time.sleep(0.01)
    stop = time.monotonic() + ms / 1000
    while time.monotonic() < stop:
        app.processEvents()
        time.sleep(0.01)


def grab(widget: Any, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))
