"""Caseload and outcome figures for the overview and the reports: reads the facts, the domain does the sums."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.outcomes.inputs import FollowUpFacts, OutcomeInputs, Period
from fieldapp.domain.outcomes.summary import Summary, summarize
from fieldapp.services import report_settings
from fieldapp.services.follow_up import local_now
from fieldapp.services.participants import list_participants
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import outcomes as q


def load_inputs(ws: Workspace, *, today: date | None = None) -> OutcomeInputs:
    """Everything the figures need, in one read. Employer contacts stay None until their records exist."""
    today = today or local_now().date()
    with ws.folder.read() as session:
        participants = q.participant_facts(session)
        jobs = q.job_facts(session)
        visits = q.visit_facts(session, until=today)
        assignments = q.assignment_facts(session)
        specialists = {s.id: s.name for s in q.specialists(session)}
    follow_ups = [FollowUpFacts(r.id, r.overdue, r.days_overdue) for r in list_participants(ws)]
    return OutcomeInputs(participants=participants, jobs=jobs, visits=visits, assignments=assignments,
                         follow_ups=follow_ups, specialists=specialists)


def overview(ws: Workspace, period: Period, *, specialist_id: str | None = None,
             inputs: OutcomeInputs | None = None, today: date | None = None) -> Summary:
    """The figures of `period` for one specialist, or for the team when `specialist_id` is None."""
    inputs = inputs or load_inputs(ws, today=today)
    return summarize(inputs, period, specialist_id=specialist_id, today=today or local_now().date(),
                     caseload_limit=report_settings.caseload_limit(ws))
