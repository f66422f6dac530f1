"""Retention: a participant ended long enough ago is listed for review; one not yet is not; the CLI lists them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldapp.cli.main import main
from fieldapp.domain import retention as rules
from fieldapp.domain.messages import DomainError
from fieldapp.domain.records import Participant
from fieldapp.services import records, retention

TODAY = date(2026, 12, 3)


def _ended(ws, last: str, end: date | None, status: str = "ended") -> Participant:
    return records.save(ws, Participant(first_name="Test", last_name=last, status=status,
                                        follow_up_start=date(2015, 1, 5), follow_up_end=end))


def test_period_runs_from_the_end_date() -> None:
    assert rules.retention_ends(date(2020, 2, 29), 5) == date(2025, 2, 28)
    assert rules.is_due("ended", date(2021, 12, 3), 5, TODAY)
    assert not rules.is_due("ended", date(2021, 12, 4), 5, TODAY)
    assert not rules.is_due("active", date(2001, 1, 1), 5, TODAY)
    assert not rules.is_due("ended", None, 5, TODAY)


def test_only_participants_whose_retention_ran_out_are_listed(workspace) -> None:
    long_ago = _ended(workspace, "Lengesiden", date(2020, 6, 30))
    _ended(workspace, "Nylig", date(2024, 6, 30))
    _ended(workspace, "Utendato", None)
    _ended(workspace, "Aktiv", date(2019, 1, 1), status="active")
    assert retention.retention_years(workspace) == rules.DEFAULT_YEARS
    due = retention.due_for_erasure(workspace, today=TODAY)
    assert [(d.participant_id, d.retention_ended) for d in due] == [(long_ago.id, date(2025, 6, 30))]
    retention.set_retention_years(workspace, 2)
    assert {d.full_name for d in retention.due_for_erasure(workspace, today=TODAY)} == {"Test Lengesiden", "Test Nylig"}
    with pytest.raises(DomainError):
        retention.set_retention_years(workspace, 0)


def test_cli_lists_due_participants_read_only(data_dir, capsys) -> None:
    from fieldapp.services.workspace import open_workspace

    with open_workspace(data_dir) as ws:
        due = _ended(ws, "Lengesiden", date(2020, 6, 30))
        _ended(ws, "Nylig", date(2024, 6, 30))
    capsys.readouterr()
    assert main(["erase", "--list-due", "--data-dir", str(data_dir), "--today", "2026-12-03", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["participant_id"] for d in listed] == [due.id]
    assert main(["erase", "--list-due", "--data-dir", str(data_dir), "--today", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    assert "Test Lengesiden" in out and "Nylig" not in out and "oppbevaringstiden (5 år) er ute" in out
    assert main(["erase", "--list-due", "--data-dir", str(data_dir), "--years", "0"]) == 2
    assert "mellom 1 og 30 år" in capsys.readouterr().err
    with open_workspace(data_dir) as ws:
        assert records.get(ws, Participant, due.id) is not None  # listing erased nothing
