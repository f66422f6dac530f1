"""The overview's overdue follow-ups, as its first opening and a refresh read them, are the participant list's for
the same time and the same pre-job interval, on a small hand-made caseload with the cases that could part them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

import pytest

from fieldapp.domain.outcomes.inputs import OutcomeInputs, Period
from fieldapp.domain.records import Employer, Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import outcomes, records
from fieldapp.services import participants as ps
from fieldapp.services.workspace import Workspace
from fieldapp.storage import models as m
from tests.support.visit_data import active_agreement, earlier_visit, participant_in_job

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()
PERIOD = Period(date(2026, 1, 1), TODAY)


@dataclass(frozen=True)
class Caseload:
    unseen: str  # no job, last visit held 10 days ago
    two_jobs: str
    agreed: str
    ended: str
    everyone: tuple[str, ...]


def _visit(ws: Workspace, pid: str, at: datetime, *, finished: bool = True) -> Visit:
    return records.save(ws, Visit(participant_id=pid, starts_at=at, ends_at=at + timedelta(hours=1),
                                  channel="on_site", finished_at=at + timedelta(hours=1) if finished else None))


def _caseload(ws: Workspace) -> Caseload:
    unseen = records.save(ws, Participant(first_name="Tone", last_name="Vikhagen", status="active",
                                          follow_up_start=TODAY - timedelta(days=200)))
    _visit(ws, unseen.id, NOW - timedelta(days=10))
    # A finished visit is locked in the app; its deletion can still come in by sync: not held.
    gone = _visit(ws, unseen.id, NOW - timedelta(days=2))
    with ws.folder.write() as session:
        stored = session.get(m.Visit, gone.id)
        assert stored is not None
        stored.deleted_at = NOW
    _visit(ws, unseen.id, NOW + timedelta(days=3))  # marked finished ahead of its time: not held yet
    _visit(ws, unseen.id, NOW - timedelta(days=1), finished=False)  # a draft: not held
    never_seen = records.save(ws, Participant(first_name="Geir", last_name="Åsmundstad", status="active",
                                              follow_up_start=TODAY - timedelta(days=9)))
    # Two current placements starting the same day: the list takes the one made last.
    person, first_job, _ = participant_in_job(ws, job_start=TODAY - timedelta(days=90), first_name="Liv",
                                              last_name="Haugerud")
    other = records.save(ws, Employer(name="Fjordlys Regnskap AS"))
    second_job = records.save(ws, replace(first_job, id=None, employer_id=other.id, contact_id=None,
                                          job_title="Kontormedarbeider"))
    with ws.folder.write() as session:  # made in the other order than saved, a second apart
        for job, made in ((first_job, 1), (second_job, 0)):
            stored_job = session.get(m.Placement, job.id)
            assert stored_job is not None
            stored_job.created_at = datetime(2026, 6, 2, 10, 0, made, tzinfo=UTC)
    earlier_visit(ws, person, first_job, NOW - timedelta(days=20))
    agreed, agreed_job, _ = participant_in_job(ws, job_start=date(2026, 6, 1), first_name="Kjell",
                                               last_name="Nordbø")
    earlier_visit(ws, agreed, agreed_job, NOW - timedelta(days=20))
    active_agreement(ws, agreed, agreed_job, today=TODAY, frequency="weekly")
    ended = records.save(ws, Participant(first_name="Randi", last_name="Solstad", status="ended",
                                         follow_up_start=TODAY - timedelta(days=300)))
    _visit(ws, ended.id, NOW - timedelta(days=100))
    for followed in (person, agreed):  # followed since before the period (made "today" by the real clock)
        records.save(ws, replace(followed, follow_up_start=date(2026, 5, 1)))
    everyone = (unseen.id, never_seen.id, person.id, agreed.id, ended.id)
    return Caseload(unseen.id, person.id, agreed.id, ended.id, everyone)


def _listed(ws: Workspace, interval: int, only: set[str] | None = None) -> dict[str, tuple[bool, int]]:
    return {r.id: (r.overdue, r.days_overdue)
            for r in ps.list_participants(ws, now=NOW, pre_job_interval_days=interval)
            if r.status != "ended" and (only is None or r.id in only)}


def _overdue(inputs: OutcomeInputs) -> dict[str, tuple[bool, int]]:
    return {f.participant_id: (f.overdue, f.days_overdue) for f in inputs.follow_ups}


@pytest.mark.parametrize("interval", [7, 14, 30])
def test_first_opening_and_refresh_agree_with_the_participant_list(workspace, interval: int) -> None:
    case = _caseload(workspace)
    listed = _listed(workspace, interval)
    assert set(listed) == set(case.everyone) - {case.ended}
    assert listed[case.agreed][0] and not listed[case.two_jobs][0]  # weekly agreed: overdue; monthly: not

    first = outcomes.load_inputs(workspace, today=TODAY, visits_from=PERIOD.start, now=NOW,
                                 pre_job_interval_days=interval)
    assert _overdue(first) == listed
    # One participant's facts read again, as after a write of theirs.
    for subset in ({case.unseen}, {case.two_jobs, case.agreed}):
        lean = outcomes.follow_up_facts(workspace, now=NOW, participant_ids=subset, pre_job_interval_days=interval)
        assert {f.participant_id: (f.overdue, f.days_overdue) for f in lean} == _listed(workspace, interval, subset)
        refreshed = outcomes.refresh_inputs(workspace, first, {"participant": subset}, today=TODAY, now=NOW,
                                            pre_job_interval_days=interval)
        assert _overdue(refreshed) == listed


def test_the_pre_job_interval_changes_the_overviews_overdue_count(workspace) -> None:
    case = _caseload(workspace)
    counts = {}
    for interval in (7, 30):
        inputs = outcomes.load_inputs(workspace, today=TODAY, visits_from=PERIOD.start, now=NOW,
                                      pre_job_interval_days=interval)
        counts[interval] = outcomes.overview(workspace, PERIOD, inputs=inputs, today=TODAY).overdue_follow_ups
        listed = ps.list_participants(workspace, now=NOW, pre_job_interval_days=interval)
        assert counts[interval] == sum(r.overdue for r in listed)
        unseen = next(r for r in listed if r.id == case.unseen)
        assert unseen.overdue == (interval == 7)  # last held 10 days ago
    assert counts[7] > counts[30]
