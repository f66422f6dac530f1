"""The overview opens when first shown (not at start-up), follows the specialist and period chosen, and the
fidelity form proposes the caseload score from the data and saves a scored assessment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.demo.generate import generate
from fieldapp.services import fidelity, outcomes
from tests.support.team_data import share_out
from tests.ui.conftest import NOW


@pytest.fixture
def team_window(qtbot, ctx, workspace):
    generate(workspace, participants=40, today=NOW.date())
    share_out(workspace, today=NOW.date())
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open_overview(qtbot, window):
    view = window.overview
    assert view.figures is None  # nothing read before it is opened
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.nav_actions["overview"].trigger()
    return view


def _shown(view, key: str) -> str:
    return view.values[key][0].text()


def test_overview_opens_and_follows_specialist_and_period(qtbot, team_window, workspace) -> None:
    view = _open_overview(qtbot, team_window)
    team = view.figures.team
    assert _shown(view, "followed") == str(team.followed) == "40"
    # The demo's employer contacts reach the figures: a number, not "not available yet".
    from fieldapp.ui.views.overview.view import number

    assert team.employer_contacts_per_week is not None and team.employer_contacts_per_week > 0
    assert view.values["contacts_per_week"][0].text() == number(team.employer_contacts_per_week)
    assert view.specialist_choice.count() == 4  # the team and three specialists

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.specialist_choice.setCurrentIndex(1)
    mine = view.figures.chosen
    assert mine.specialist_id == view.specialist_choice.itemData(1)
    assert _shown(view, "followed") == str(mine.followed) and 0 < mine.followed < 40
    assert view.values["followed"][1].text() == "40"  # the team column stays

    year = view.period()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.period_choice.setCurrentIndex(0)  # this month
    month = view.period()
    assert month != year and month.start.day == 1
    expected = outcomes.overview(workspace, month, specialist_id=mine.specialist_id, today=NOW.date())
    assert _shown(view, "jobs_started") == str(expected.jobs_started)
    assert len(view.work_chart.chart.values) == 1 < len(mine.in_work_by_month)

    view.work_chart.toggle.click()  # the numbers behind the chart, one click away
    assert view.work_chart.stack.currentWidget() is view.work_chart.table
    assert view.work_chart.table.item(0, 1).text() == str(expected.in_work_by_month[0][1])


def test_fidelity_form_proposes_caseload_score_and_saves(qtbot, team_window, workspace) -> None:
    view = _open_overview(qtbot, team_window)
    view.fidelity_button.click()
    dialog = view.fidelity_dialog
    qtbot.waitUntil(lambda: dialog.loaded_data is not None, timeout=10_000)
    row = dialog.rows[1]
    expected = next(p for p in fidelity.proposals(workspace, NOW.date()) if p.item == 1)
    assert row.proposed == expected.score
    assert "Største saksmengde" in row.proposal.text()
    qtbot.mouseClick(row.use, Qt.MouseButton.LeftButton)
    assert row.score.currentData() == expected.score
    for number, other in dialog.rows.items():
        if number != 1:
            other.set_score(4)
    dialog.rows[2].note.setText("Bare arbeidsrettet")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = fidelity.assessments(workspace)
    assert len(saved) == 1
    assert saved[0].scores[1].score == expected.score and saved[0].scores[2].note == "Bare arbeidsrettet"
    assert saved[0].total == expected.score + 24 * 4


def test_team_dialog_shows_filters_and_hands_over(qtbot, team_window, workspace) -> None:
    from fieldapp.services import team

    view = _open_overview(qtbot, team_window)
    view.team_button.click()
    dialog = view.team_dialog
    qtbot.waitUntil(lambda: bool(dialog.specialists), timeout=10_000)
    assert dialog.table.rowCount() == len(dialog.rows) > 0
    first = dialog.specialists[0]
    dialog.filter.setCurrentIndex(dialog.filter.findData(first.id))
    assert 0 < dialog.table.rowCount() < len(dialog.rows)
    assert {dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())} == {first.name}
    dialog.table.selectRow(0)
    moved = dialog.visible_rows()[0]
    dialog.hand_over()
    handover = dialog.handover
    waiting = handover.history.text()
    qtbot.waitUntil(lambda: handover.history.text() != waiting, timeout=10_000)
    assert first.name in handover.history.text()
    target = handover.to.currentData()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        handover.buttons.button(handover.buttons.StandardButton.Save).click()
    assert team.responsible_on(workspace, NOW.date())[moved.participant_id] == target
    assert [h.assignment.reason for h in team.history(workspace, moved.participant_id)][-1] == "change"


def test_fidelity_form_compares_with_the_previous_assessment(qtbot, ctx, workspace) -> None:
    from datetime import date

    from fieldapp.domain.outcomes.fidelity import ItemScore
    from fieldapp.ui.fidelity.form import FidelityDialog

    fidelity.save_assessment(workspace, assessed_on=date(2026, 5, 1), scores={n: ItemScore(3) for n in range(1, 26)})
    dialog = FidelityDialog(ctx, on=NOW.date())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded_data is not None, timeout=10_000)
    for row in dialog.rows.values():
        row.set_score(3)
    dialog.rows[7].set_score(5)
    assert "01.05.2026" in dialog.compare.text() and "sum 75" in dialog.compare.text()
    assert "7 (+2)" in dialog.compare.text()
    assert "77 av 125" in dialog.total.text() and "Akseptabel IPS" in dialog.total.text()
    assert dialog.rows[7].previous.text() == "Før: 3"


def test_overview_shows_caseload_by_phase_and_out_of_office(qtbot, team_window, workspace) -> None:
    from fieldapp.domain.outcomes.figures import PHASE_CODES

    view = _open_overview(qtbot, team_window)
    team = view.figures.team
    chart = view.phase_chart.chart
    assert len(chart.values) >= len(PHASE_CODES) and sum(chart.values) == team.followed == 40
    assert chart.labels[0] == "Fase 1"
    view.phase_chart.toggle.click()
    assert view.phase_chart.table.item(0, 0).text().startswith("Fase 1 – ")  # the full name behind the short label
    assert "Hele teamet" in view.phase_chart.title.text() and "grensen" not in view.phase_chart.title.text()
    share = team.share_out_of_office
    assert share is not None and view.values["out_of_office"][1].text() == f"{round(100 * share)} %"

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.specialist_choice.setCurrentIndex(1)
    mine = view.figures.chosen
    assert sum(view.phase_chart.chart.values) == mine.followed < 40
    assert f"{mine.followed} av grensen på 20" in view.phase_chart.title.text()


def test_report_from_the_overview_reuses_the_facts_read(qtbot, team_window, workspace, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    view = _open_overview(qtbot, team_window)
    out = tmp_path / "rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    reads: list[object] = []
    real = outcomes.load_inputs
    monkeypatch.setattr(outcomes, "load_inputs", lambda *a, **k: reads.append(a) or real(*a, **k))
    view.save_report()
    qtbot.waitUntil(lambda: str(out) in view.status.text(), timeout=10_000)
    assert out.read_bytes().startswith(b"%PDF") and reads == []
