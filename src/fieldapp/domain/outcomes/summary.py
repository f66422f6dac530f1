"""All the figures of one period for one specialist or the team, in one value the view and reports show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldapp.domain.outcomes import figures as f
from fieldapp.domain.outcomes.inputs import DEFAULT_CASELOAD_LIMIT, OutcomeInputs, Period


@dataclass(frozen=True)
class Summary:
    period: Period
    as_of: date  # the day "now" figures are taken: the period's end, or today if that is earlier
    specialist_id: str | None
    caseload: tuple[f.CaseloadRow, ...]  # the team's, always: the bars compare specialists
    caseload_limit: int
    followed: int
    caseload_by_phase: tuple[tuple[str | None, int], ...]  # the chosen specialist's (or the team's) by NAV phase
    in_work_now: int
    in_work_by_month: tuple[tuple[date, int], ...]
    jobs_started: int
    jobs_ended: int
    median_job_length_days: float | None
    hours_per_week: float | None
    days_to_first_job: f.Distribution
    visits_per_month_in_work: float | None
    overdue_follow_ups: int
    share_out_of_office: float | None
    # None when the inputs hold no employer-contact data: shown as "not available yet", never as 0.
    employer_contacts_per_week: float | None
    days_to_first_employer_contact: f.Distribution | None


def summarize(inputs: OutcomeInputs, period: Period, *, specialist_id: str | None = None, today: date | None = None,
              caseload_limit: int = DEFAULT_CASELOAD_LIMIT) -> Summary:
    as_of = min(period.end, today) if today else period.end
    rows = tuple(f.caseload(inputs, as_of, limit=caseload_limit))
    followed = sum(r.count for r in rows if specialist_id is None or r.specialist_id == specialist_id)
    return Summary(
        period=period, as_of=as_of, specialist_id=specialist_id, caseload=rows, caseload_limit=caseload_limit,
        followed=followed,
        caseload_by_phase=tuple(f.caseload_by_phase(inputs, as_of, specialist_id)),
        in_work_now=f.in_work(inputs, as_of, specialist_id),
        in_work_by_month=tuple(f.in_work_by_month(inputs, period, specialist_id)),
        jobs_started=len(f.jobs_started(inputs, period, specialist_id)),
        jobs_ended=len(f.jobs_ended(inputs, period, specialist_id)),
        median_job_length_days=f.median_job_length(inputs, period, specialist_id),
        hours_per_week=f.hours_per_week(inputs, as_of, specialist_id),
        days_to_first_job=f.days_to_first_job(inputs, period, specialist_id),
        visits_per_month_in_work=f.visits_per_person_month_in_work(inputs, period, specialist_id),
        overdue_follow_ups=f.overdue_follow_ups(inputs, as_of, specialist_id),
        share_out_of_office=f.share_out_of_office(inputs, period, specialist_id),
        employer_contacts_per_week=f.employer_contacts_per_week(inputs.employer_contacts, period, specialist_id),
        days_to_first_employer_contact=f.days_to_first_employer_contact(inputs, period, specialist_id),
    )
