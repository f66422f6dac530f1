"""The caseload limit and the small-cell threshold are kept with the data and used by the figures and reports."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain.messages import DomainError
from fieldapp.domain.outcomes.inputs import Period
from fieldapp.domain.records import Participant
from fieldapp.domain.team_records import Specialist
from fieldapp.services import outcomes, participants, report_settings, reports, team

PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))


def test_defaults_then_settings_change_limit_and_threshold(workspace) -> None:
    assert (report_settings.caseload_limit(workspace), report_settings.small_cell_threshold(workspace)) == (20, 5)
    kari = team.save_specialist(workspace, Specialist(name="Kari Fjellheim"))
    for first in ("Siri", "Per", "Nils"):
        p = participants.create_participant(workspace, Participant(first_name=first, last_name="Testesen",
                                                                   follow_up_start=date(2026, 1, 1)))
        team.hand_over(workspace, participant_id=p.id, specialist_id=kari.id, start=date(2026, 1, 1), reason="start")
    report_settings.set_value(workspace, report_settings.CASELOAD_LIMIT, 2)
    report_settings.set_value(workspace, report_settings.SMALL_CELL, 3)
    summary = outcomes.overview(workspace, PERIOD, today=date(2026, 6, 30))
    assert summary.caseload_limit == 2 and summary.caseload[0].over_limit
    report = reports.period_report(workspace, PERIOD, today=date(2026, 6, 30))
    assert report.threshold == 3
    assert dict(report.sections[0].rows)["Deltakere fulgt opp"].text == "3"  # 3 is not below a threshold of 3
    with pytest.raises(DomainError):
        report_settings.set_value(workspace, report_settings.SMALL_CELL, 0)
