"""Settings holds the office's caseload limit and small-number threshold: kept in the data folder, checked, and
a changed limit changes what the overview shows."""

from __future__ import annotations

import pytest

from fieldapp.demo.generate import generate
from fieldapp.domain.messages import DomainError
from fieldapp.services import report_settings as rs
from tests.support.team_data import share_out
from tests.ui.conftest import NOW


def test_changed_caseload_limit_changes_the_overview(qtbot, ctx, workspace) -> None:
    from fieldapp.ui.dialogs.settings import SettingsDialog
    from fieldapp.ui.main_window import MainWindow

    generate(workspace, participants=40, today=NOW.date())
    share_out(workspace, today=NOW.date())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.overview
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.nav_actions["overview"].trigger()
    assert view.values["caseload_over"][1].text() == "0 (grense 20)"
    biggest = max(r.count for r in view.figures.team.caseload if r.specialist_id)

    dialog = SettingsDialog(ctx.settings, window)
    qtbot.addWidget(dialog)
    office = dialog.office
    qtbot.waitUntil(office.caseload_limit.isEnabled, timeout=10_000)
    assert (office.caseload_limit.value(), office.small_cell.value()) == (20, 5)
    assert office.small_cell.minimum() == 3  # a smaller threshold would let a report single someone out
    office.caseload_limit.setValue(biggest - 1)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.accept()
    assert rs.caseload_limit(workspace) == biggest - 1
    assert view.figures.team.caseload_limit == biggest - 1
    over = sum(1 for r in view.figures.team.caseload if r.specialist_id and r.count > biggest - 1)
    assert over >= 1 and view.values["caseload_over"][1].text() == f"{over} (grense {biggest - 1})"
    assert view.caseload_chart.chart.limit == biggest - 1

    again = SettingsDialog(ctx.settings, window)
    qtbot.addWidget(again)
    qtbot.waitUntil(again.office.caseload_limit.isEnabled, timeout=10_000)
    assert again.office.caseload_limit.value() == biggest - 1 and again.office.changed() == {}


def test_settings_out_of_range_are_refused_in_both_languages(workspace) -> None:
    with pytest.raises(DomainError) as caught:
        rs.set_value(workspace, rs.SMALL_CELL, 2)
    assert "Grensen for små tall i rapporter må være et helt tall fra 3 til 50" in caught.value.message.nb
    assert "from 3 to 50" in caught.value.message.en
    with pytest.raises(DomainError):
        rs.set_value(workspace, rs.CASELOAD_LIMIT, 0)
    with pytest.raises(DomainError):
        rs.set_value(workspace, "no_such_setting", 5)
    assert (rs.caseload_limit(workspace), rs.small_cell_threshold(workspace)) == (20, 5)
