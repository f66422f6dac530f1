"""The demo reads like a real caseload: few overdue follow-ups and none by long, every participant in a phase,
job specialists with names sharing the participants, employer contacts this week and leads in every status."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest

from fieldapp.demo.generate import generate
from fieldapp.domain.jobdev_vocab import PHASES
from fieldapp.domain.outcomes.inputs import Period
from fieldapp.services import jobdev, outcomes, pre_job, team
from fieldapp.services import participants as ps
from fieldapp.storage.queries import jobdev as jq

TODAY = date(2026, 11, 26)  # a Thursday
NOW = datetime.combine(TODAY, time(12)).astimezone()


@pytest.fixture
def demo(workspace):
    generate(workspace, participants=40, today=TODAY)
    return workspace


def test_only_a_handful_are_overdue_and_none_by_long(demo) -> None:
    rows = ps.list_participants(demo, now=NOW)
    overdue = [r for r in rows if r.overdue]
    assert len(overdue) <= 5, [(r.days_overdue, r.phase, r.status, r.job_title, r.last_visit) for r in overdue]
    assert all(r.days_overdue <= 60 for r in overdue), [
        (r.days_overdue, r.phase, r.status, r.job_title, r.last_visit, r.next_visit_due) for r in overdue]
    # Today's list before a job is the same rule, and holds the same few.
    before_job = pre_job.overdue_before_job(demo, now=NOW)
    assert {r.participant_id for r in before_job} <= {r.id for r in overdue}
    # Participants without a job are seen: most within the pre-job interval.
    looking = [r for r in rows if r.phase in ("phase1", "phase2")]
    assert looking and sum(r.last_visit is not None and (TODAY - r.last_visit).days <= 14 for r in looking) \
        >= 0.8 * len(looking)


def test_every_participant_has_a_phase_fitting_status_and_job(demo) -> None:
    rows = ps.list_participants(demo, now=NOW)
    assert len(rows) == 40
    assert all(r.phase in {t.code for t in PHASES} for r in rows)
    assert all(r.referred_on is not None and r.referred_on <= (r.follow_up_start or TODAY) for r in rows)
    for r in rows:
        if r.status == "ended":
            assert r.phase == "ended"
        elif r.job_title is not None:
            assert r.phase == "phase3", (r.status, r.job_title)
        else:
            assert r.phase in ("phase1", "phase2")
    assert {"phase1", "phase2", "phase3", "ended"} <= {r.phase for r in rows} | {"phase1"}


def test_named_specialists_share_the_participants(demo) -> None:
    people = team.specialists(demo)
    assert 2 <= len(people) <= 3 and demo.actor not in {s.name for s in people}
    assert all(" " in s.name for s in people)  # first and last name
    responsible = team.responsible_on(demo, TODAY)
    assert len(responsible) == 40
    shares = Counter(responsible.values())
    assert set(shares) == {s.id for s in people} and max(shares.values()) - min(shares.values()) <= 1


def test_employer_contacts_this_week_and_leads_in_several_statuses(demo) -> None:
    week = jobdev.week_of_outreach(demo, today=TODAY)
    assert week.count >= 3
    with demo.folder.read() as session:
        contacts = jq.outreach(session, since=TODAY - timedelta(days=41), until=TODAY)
        leads = jq.leads(session)
    assert any(len(f.participants) == 2 for f in contacts)
    assert any(not f.participants for f in contacts)
    # The employers are in one region.
    with demo.folder.read() as session:
        cities = {city for (city,) in session.connection().exec_driver_sql("SELECT city FROM employer")}
    assert cities <= {"Tønsberg", "Sandefjord", "Larvik", "Skien", "Porsgrunn"}
    statuses = Counter(f.lead.status for f in leads)
    assert set(statuses) == {"lead", "applied", "interview", "hired", "closed"}
    hired = [f.lead for f in leads if f.lead.status == "hired"]
    assert hired and all(lead.placement_id for lead in hired)


def test_the_overview_shows_employer_contact_figures_for_the_demo(demo) -> None:
    summary = outcomes.overview(demo, Period(TODAY - timedelta(days=27), TODAY), today=TODAY)
    assert summary.employer_contacts_per_week is not None and 2 <= summary.employer_contacts_per_week <= 8
    assert summary.days_to_first_employer_contact is not None
    year = outcomes.overview(demo, Period(TODAY - timedelta(days=364), TODAY), today=TODAY)
    first = year.days_to_first_employer_contact
    assert first is not None and first.values and first.median is not None and first.median <= 30  # rapid search
    phases = dict(summary.caseload_by_phase)
    assert None not in phases and phases["phase3"] > 0 and phases["phase1"] + phases["phase2"] > 0


def test_the_demo_jobs_terms_add_up_and_visits_at_work_name_the_workplace(demo) -> None:
    from fieldapp.demo import content
    from fieldapp.domain.agreement_content import JobTerms
    from fieldapp.domain.job_terms import terms_warnings

    for pct, days, hours in content.JOB_TERMS:
        assert terms_warnings(JobTerms(title="x", tasks="", percentage=pct, days_per_week=days,
                                       hours_text=hours)) == [], hours
    with demo.folder.read() as session:
        conn = session.connection()
        places = [p for (p,) in conn.exec_driver_sql("SELECT place FROM visit WHERE channel = 'on_site'")]
        managers = {n for (n,) in conn.exec_driver_sql(
            "SELECT name FROM visit_attendee WHERE role = 'nærmeste leder'")}
    assert places and all(any(ch.isdigit() for ch in p) for p in places)  # a street address with number
    assert managers and "Nærmeste leder" not in managers
