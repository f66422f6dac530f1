"""The screens that start from "today" (the overview's periods, the fidelity form's date, the team dialog's
hand-over dates) take the day where the user sits, not the UTC date: between midnight and one or two o'clock in
Norway, the UTC date is still yesterday."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

# 00:30 on 1 April in Oslo (summer time, UTC+2): still 31 March in UTC.
AFTER_MIDNIGHT = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)


@pytest.fixture
def in_oslo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
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
