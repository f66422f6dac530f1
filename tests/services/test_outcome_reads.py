"""The overview's fast reads (raw text, each distinct day parsed once) give exactly the facts the typed reads gave."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from fieldapp.demo.generate import generate
from fieldapp.domain.records import Participant
from fieldapp.domain.outcomes.inputs import AssignmentFacts, JobFacts, ParticipantFacts, VisitFacts
from fieldapp.services import records
from fieldapp.storage import models as m
from fieldapp.storage.queries import outcomes as q

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _typed_participants(session) -> list[ParticipantFacts]:
    p = m.Participant
    rows = session.execute(select(p.id, p.referred_on, p.follow_up_start, p.created_at, p.status, p.updated_at,
                                  p.phase).where(p.deleted_at.is_(None)))
    return [ParticipantFacts(pid, referred or start or created.astimezone().date(),
                             updated.astimezone().date() if status == "ended" else None, phase)
            for pid, referred, start, created, status, updated, phase in rows]


def _typed_jobs(session) -> list[JobFacts]:
    pl = m.Placement
    rows = session.execute(select(pl.participant_id, pl.start_date, pl.end_date, pl.percentage, pl.ordinary_wage,
                                  pl.employment_form, pl.employer_id, pl.job_title, pl.status, pl.updated_at)
                           .where(pl.deleted_at.is_(None)))
    out = []
    for pid, start, end, pct, wage, form, employer, title, status, updated in rows:
        if status == "ended" and end is None:
            end = updated.astimezone().date()
        out.append(JobFacts(pid, start, end, q.hours_from_percentage(pct),
                            bool(wage) and form not in q.NOT_COMPETITIVE_FORMS, employer, title))
    return out


def _typed_assignments(session) -> list[AssignmentFacts]:
    a = m.Assignment
    rows = session.execute(select(a.participant_id, a.specialist_id, a.start, a.until)
                           .where(a.deleted_at.is_(None)).order_by(a.created_at))
    return [AssignmentFacts(pid, sid, start, until, seq) for seq, (pid, sid, start, until) in enumerate(rows)]


def _typed_visits(session, since: date, until: date) -> list[VisitFacts]:
    v = m.Visit
    return [VisitFacts(pid, starts.astimezone().date(), channel in q.OUT_OF_OFFICE_CHANNELS)
            for pid, starts, channel in session.execute(select(v.participant_id, v.starts_at, v.channel)
                                                        .where(v.deleted_at.is_(None)))
            if since <= starts.astimezone().date() <= until]


def test_fast_reads_give_the_typed_reads_facts(workspace) -> None:
    generate(workspace, participants=70, today=NOW.date())
    # Neither referral nor start of follow-up: the day of registration stands in.
    records.save(workspace, Participant(first_name="Ola", last_name="Udatert", status="active"))
    since, until = date(2026, 2, 1), NOW.date()
    with workspace.folder.read() as session:
        participants = q.participant_facts(session)
        assert participants == _typed_participants(session) and len(participants) == 71
        assert any(p.ended_on for p in participants)  # the ended participants' day is compared too
        jobs = q.job_facts(session)
        assert jobs == _typed_jobs(session) and any(j.end for j in jobs) and any(j.end is None for j in jobs)
        assignments = q.assignment_facts(session)
        assert assignments == _typed_assignments(session) and assignments
        visits = q.visit_facts(session, since=since, until=until)
        assert sorted(visits) == sorted(_typed_visits(session, since, until)) and visits
