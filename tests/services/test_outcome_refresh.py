"""Facts kept between openings of the overview and brought up to date from the changes a write reports give
exactly the figures of reading everything again."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from fieldapp.demo.generate import generate
from fieldapp.domain.outcomes.inputs import OutcomeInputs, Period
from fieldapp.domain.outcomes.summary import summarize
from fieldapp.domain.records import Participant, Placement
from fieldapp.domain.team_records import Specialist
from fieldapp.domain.visit_records import Visit
from fieldapp.services import outcomes, records, team
from fieldapp.services.changes import Changes, on_changes
from fieldapp.storage import models as m
from tests.support.team_data import share_out

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
YEAR = Period(date(2026, 1, 1), TODAY)


def _merged(changes: list[Changes]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in changes:
        for entity, ids in c.records.items():
            out.setdefault(entity, set()).update(ids)
    return out


def _same_facts(a: OutcomeInputs, b: OutcomeInputs) -> None:
    assert Counter(a.participants) == Counter(b.participants)
    assert Counter(a.jobs) == Counter(b.jobs)
    assert Counter(a.visits) == Counter(b.visits)
    assert Counter(a.follow_ups) == Counter(b.follow_ups)
    assert Counter(replace(x, seq=0) for x in a.assignments) == Counter(replace(x, seq=0) for x in b.assignments)
    assert Counter(a.employer_contacts or ()) == Counter(b.employer_contacts or ())
    assert a.specialists == b.specialists


def _figures(inputs: OutcomeInputs) -> list[object]:
    return [summarize(inputs, YEAR, specialist_id=sid, today=TODAY)
            for sid in (None, *sorted(inputs.specialists))]


def test_changes_reported_by_a_write_refresh_the_kept_facts(workspace) -> None:
    generate(workspace, participants=40, today=TODAY)
    people = share_out(workspace, today=TODAY)
    kept = outcomes.load_inputs(workspace, today=TODAY, visits_from=YEAR.start)
    heard: list[Changes] = []
    stop = on_changes(workspace, heard.append)
    with workspace.folder.read() as session:
        pids = sorted(session.scalars(select(m.Participant.id).where(m.Participant.deleted_at.is_(None))))
        visit_id = session.scalars(select(m.Visit.id).where(m.Visit.finished_at.is_(None),  # a draft: deletable
                                                            m.Visit.deleted_at.is_(None))).first()
        placement_id = session.scalars(select(m.Placement.id).where(m.Placement.deleted_at.is_(None),
                                                                    m.Placement.status == "active")).first()
    assert visit_id and placement_id
    held = NOW - timedelta(days=1)
    records.save(workspace, Visit(participant_id=pids[0], starts_at=held, ends_at=held + timedelta(hours=1),
                                  channel="phone", finished_at=held + timedelta(hours=1)))
    records.delete(workspace, Visit, visit_id)
    job = records.get(workspace, Placement, placement_id)
    assert job is not None
    records.save(workspace, replace(job, status="ended", end_date=TODAY - timedelta(days=3)))
    team.hand_over(workspace, participant_id=pids[2], specialist_id=people[2].id, start=TODAY - timedelta(days=2))
    newcomer = records.save(workspace, Participant(first_name="Nyland", last_name="Testesen", status="active",
                                                   follow_up_start=TODAY - timedelta(days=10)))
    team.save_specialist(workspace, Specialist(name="Siv Havreli"))
    ended = records.get(workspace, Participant, pids[3])
    assert ended is not None
    records.save(workspace, replace(ended, status="ended"))
    stop()

    changes = _merged(heard)
    assert {"visit", "placement", "assignment", "participant", "specialist"} <= set(changes)
    refreshed = outcomes.refresh_inputs(workspace, kept, changes, today=TODAY)
    again = outcomes.load_inputs(workspace, today=TODAY, visits_from=YEAR.start)
    _same_facts(refreshed, again)
    assert _figures(refreshed) == _figures(again) != _figures(kept)
    assert newcomer.id in refreshed.people and "Siv Havreli" in refreshed.specialists.values()


def test_a_change_naming_no_records_reads_everything_again(workspace, monkeypatch) -> None:
    generate(workspace, participants=10, today=TODAY)
    kept = outcomes.load_inputs(workspace, today=TODAY, visits_from=YEAR.start)
    reads: list[object] = []
    real = outcomes.load_inputs
    monkeypatch.setattr(outcomes, "load_inputs", lambda *a, **k: reads.append(k) or real(*a, **k))
    outcomes.refresh_inputs(workspace, kept, {"visit": set()}, today=TODAY, now=NOW, pre_job_interval_days=9)
    assert reads == [{"today": TODAY, "visits_from": YEAR.start, "now": NOW.astimezone(), "pre_job_interval_days": 9}]
    reads.clear()
    outcomes.refresh_inputs(workspace, kept, {"visit": {"an-erased-visit"}}, today=TODAY)
    assert len(reads) == 1  # a record no longer there: whose it was is not known
    reads.clear()
    same = outcomes.refresh_inputs(workspace, kept, {"settings": set()}, today=TODAY)
    assert reads == [] and Counter(same.visits) == Counter(kept.visits)  # a setting changes the sums only


def test_a_visit_saved_keeps_who_was_responsible_and_the_contacts(workspace) -> None:
    generate(workspace, participants=30, today=TODAY)
    share_out(workspace, today=TODAY)
    kept = outcomes.load_inputs(workspace, today=TODAY, visits_from=YEAR.start)
    responsible = kept.responsibility
    heard: list[Changes] = []
    stop = on_changes(workspace, heard.append)
    pid = sorted(kept.people)[5]
    held = NOW - timedelta(days=2)
    records.save(workspace, Visit(participant_id=pid, starts_at=held, ends_at=held + timedelta(hours=1),
                                  finished_at=held + timedelta(hours=1)))
    stop()
    refreshed = outcomes.refresh_inputs(workspace, kept, _merged(heard), today=TODAY)
    assert refreshed.responsibility is responsible  # not worked out again: no assignment changed
    again = outcomes.load_inputs(workspace, today=TODAY, visits_from=YEAR.start)
    _same_facts(refreshed, again)
    assert _figures(refreshed) == _figures(again) != _figures(kept)


def test_an_employer_contact_logged_is_read_in(workspace) -> None:
    """Contacts per specialist per week: a contact logged after the facts were read counts at the next opening."""
    from fieldapp.domain.jobdev_records import EmployerOutreach
    from fieldapp.domain.records import Employer
    from fieldapp.services import jobdev

    generate(workspace, participants=20, today=TODAY)
    share_out(workspace, today=TODAY)
    kept = outcomes.load_inputs(workspace, today=TODAY, visits_from=YEAR.start)
    pid = sorted(kept.people)[1]
    heard: list[Changes] = []
    stop = on_changes(workspace, heard.append)
    employer = records.save(workspace, Employer(name="Nyttbygg AS"))
    jobdev.log_outreach(workspace, EmployerOutreach(employer_id=employer.id, contact_date=TODAY - timedelta(days=1),
                                                    kind="first_contact"), [pid])
    stop()
    changes = _merged(heard)
    assert "employer_outreach" in changes
    refreshed = outcomes.refresh_inputs(workspace, kept, changes, today=TODAY)
    again = outcomes.load_inputs(workspace, today=TODAY, visits_from=YEAR.start)
    _same_facts(refreshed, again)
    assert Counter(refreshed.employer_contacts or ()) != Counter(kept.employer_contacts or ())
