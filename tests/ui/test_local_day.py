"""The screens that start from "today" (the overview's periods, the fidelity form's date, the team dialog's
hand-over dates) take the day where the user sits, not the UTC date: between midnight and one or two o'clock in
Norway, the UTC date is still yesterday."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

# 00:30 on 1 April in Oslo (summer time, UTC+2): still 31 March in UTC.
AFTER_MIDNIGHT = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)


@pytest.fixture
def in_oslo() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Oslo"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def ctx_after_midnight(ctx, in_oslo):
    ctx.now = lambda: AFTER_MIDNIGHT
    return ctx


def test_today_is_the_local_day(ctx_after_midnight) -> None:
    assert AFTER_MIDNIGHT.date() == date(2026, 3, 31)
    assert ctx_after_midnight.today() == date(2026, 4, 1)


def test_the_overview_periods_end_on_the_local_day(qtbot, ctx_after_midnight) -> None:
    from fieldapp.ui.views.overview.view import OverviewView

    view = OverviewView(ctx_after_midnight)
    qtbot.addWidget(view)
    months = {view.period_choice.itemText(i): view.period_choice.itemData(i) for i in range(view.period_choice.count())}
    this_month = next(v for k, v in months.items() if k in ("Denne måneden", "This month"))
    assert this_month == (date(2026, 4, 1), date(2026, 4, 1))


def test_the_fidelity_form_is_dated_the_local_day(qtbot, ctx_after_midnight) -> None:
    from fieldapp.ui.fidelity.form import FidelityDialog

    dialog = FidelityDialog(ctx_after_midnight)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded_data is not None, timeout=10_000)
    assert dialog.date_edit.date().toPython() == date(2026, 4, 1)


def test_the_team_dialog_starts_from_the_local_day(qtbot, ctx_after_midnight) -> None:
    from fieldapp.ui.team.dialog import TeamDialog

    dialog = TeamDialog(ctx_after_midnight)
    qtbot.addWidget(dialog)
    assert dialog.today == date(2026, 4, 1)


def test_the_hand_over_dates_start_on_the_local_day(qtbot, ctx_after_midnight) -> None:
    from fieldapp.services.team import ResponsibleRow
    from fieldapp.ui.team.dialog import HandoverDialog

    row = ResponsibleRow(participant_id="p", name="Kari Testesen", status="job_search", specialist_id=None,
                         specialist_name="", since=None)
    dialog = HandoverDialog(ctx_after_midnight, row, [])
    qtbot.addWidget(dialog)
    assert dialog.start.date().toPython() == date(2026, 4, 1)
    assert dialog.until.date().toPython() == date(2026, 4, 1)


def test_the_overview_figures_and_report_are_worked_out_for_the_local_day(qtbot, ctx_after_midnight, monkeypatch,
                                                                           tmp_path) -> None:
    from fieldapp.services import outcomes, reports
    from fieldapp.ui.views.overview import view as overview_view

    days: list[date] = []
    real_overview, real_write = outcomes.overview, reports.write_report

    def overview(*args, today, **kwargs):  # records the day, then the real thing
        days.append(today)
        return real_overview(*args, today=today, **kwargs)

    def write_report(*args, today, **kwargs):  # records the day, then the real thing
        days.append(today)
        return real_write(*args, today=today, **kwargs)

    monkeypatch.setattr(outcomes, "overview", overview)
    monkeypatch.setattr(reports, "write_report", write_report)
    view = overview_view.OverviewView(ctx_after_midnight)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view._refigure()
    assert days and set(days) == {date(2026, 4, 1)}
    days.clear()
    target = tmp_path / "rapport.pdf"
    monkeypatch.setattr(overview_view.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.save_report()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert days and set(days) == {date(2026, 4, 1)}
