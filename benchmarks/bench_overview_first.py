"""The overview's first opening after start, in this process: run it once per process, alternating the code
before and after. Prints one JSON line: the first opening, five more (each reading everything), the facts
alone and the report, CPU and wall-clock milliseconds. With --ui: the view itself instead, offscreen, as the
user sees it: made, shown, facts read on the database worker, figures and charts painted.
Usage: python benchmarks/bench_overview_first.py [--ui]   (PYTHONPATH=<other sources>/src for the code before)"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import large_folder, use_file_keyring


def _once(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def _median(values: list[float]) -> float:
    return round(sorted(values)[len(values) // 2], 1)


def _ui(folder: Path, today: date) -> dict[str, object]:
    """The overview view's first opening in this process, offscreen: from show() to the figures painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import datetime

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from fieldapp.services.workspace import open_workspace
    from fieldapp.ui.change_hub import ChangeHub
    from fieldapp.ui.context import AppContext
    from fieldapp.ui.tasks import TaskManager
    from fieldapp.ui.views.overview.view import OverviewView

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(folder.parent / "bench-settings.ini"), QSettings.Format.IniFormat)
    out: dict[str, object] = {}
    with open_workspace(folder) as ws:
        ctx = AppContext(ws=ws, tasks=TaskManager(), changes=ChangeHub(), settings=settings,
                         now=lambda: datetime(today.year, today.month, today.day, 12))
        try:
            wall, cpu = time.perf_counter(), time.process_time()
            view = OverviewView(ctx)
            view.resize(1280, 800)
            out["made_cpu"] = round((time.process_time() - cpu) * 1000, 1)
            loop = QEventLoop()
            view.loaded.connect(loop.quit)
            QTimer.singleShot(60_000, loop.quit)
            wall, cpu = time.perf_counter(), time.process_time()
            view.show()  # the first showing reads the facts on the database worker
            loop.exec()
            app.processEvents()  # the filled labels and charts painted
            out["shown_to_painted_cpu"] = round((time.process_time() - cpu) * 1000, 1)
            out["shown_to_painted_wall"] = round((time.perf_counter() - wall) * 1000, 1)
            view.close()
            view.deleteLater()
            app.processEvents()
        finally:
            ctx.tasks.shutdown()
    return out


def main() -> None:
    use_file_keyring()
    import fieldapp
    from fieldapp.domain.outcomes.inputs import Period
    from fieldapp.services import outcomes, reports
    from fieldapp.services.workspace import open_workspace

    folder = large_folder(10_000, 10)
    today = date.today()
    year = Period(date(today.year, 1, 1), today)
    out: dict[str, object] = {"code": fieldapp.__file__, "load": round(os.getloadavg()[0], 2)}
    if "--ui" in sys.argv:
        out.update(_ui(folder, today))
        out["load_end"] = round(os.getloadavg()[0], 2)
        print(json.dumps(out))
        return
    with open_workspace(folder) as ws:
        cpu, wall = _once(lambda: outcomes.overview(ws, year, today=today))
        out["first_cpu"], out["first_wall"] = round(cpu, 1), round(wall, 1)
        runs = [_once(lambda: outcomes.overview(ws, year, today=today)) for _ in range(5)]
        out["open_cpu"], out["open_wall"] = _median([r[0] for r in runs]), _median([r[1] for r in runs])
        runs = [_once(lambda: outcomes.load_inputs(ws, today=today, visits_from=year.start)) for _ in range(5)]
        out["facts_cpu"] = _median([r[0] for r in runs])
        runs = [_once(lambda: reports.render(reports.period_report(ws, year, today=today), ".pdf", made_on=today))
                for _ in range(3)]
        out["report_cpu"], out["report_wall"] = _median([r[0] for r in runs]), _median([r[1] for r in runs])
    out["load_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
