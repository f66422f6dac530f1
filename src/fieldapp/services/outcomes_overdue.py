"""The overview's overdue figure: the participant list's rule (follow_up_due) worked out on day numbers."""

from __future__ import annotations

from datetime import date

from fieldapp.domain import cadence
from fieldapp.domain.outcomes.inputs import FollowUpFacts
from fieldapp.domain.pre_job_cadence import DEFAULT_INTERVAL_DAYS
from fieldapp.services.follow_up import agreed_rule_from_terms
from fieldapp.storage.queries.outcomes import OverdueReads
from fieldapp.storage.values import TermsInForce

# The default cadence (domain/cadence.next_follow_up) in days.
_BEFORE_START = cadence.BEFORE_START_WINDOW.days
_FIRST_WEEK = cadence.FIRST_WEEK_LIMIT.days
_FIRST_MONTH = cadence.FIRST_MONTH.days
_WEEKLY = cadence.WEEKLY.days
_MONTHLY = cadence.MONTHLY.days


def overdue_facts(reads: OverdueReads, terms: dict[str, list[TermsInForce]], *, today: date,
                  pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> list[FollowUpFacts]:
    """One fact per participant not ended, exactly as services/participants.follow_up_due decides it (the
    reference, compared on random data in tests/services/test_outcomes_overdue.py). That rule made about five
    objects per participant (a brief, the last visit as a datetime, a due date, a rule, a result): 9,000
    participants cost ~80 ms of a first opening; here each is a few integer comparisons."""
    now = today.toordinal()
    interval = max(1, pre_job_interval_days)
    jobs, held = reads.jobs, reads.held
    last_held, job_of = held.get, jobs.get
    out = []
    for pid, phase, referred, started in reads.people:
        last = last_held(pid)
        if pid in jobs:
            start = job_of(pid)
            if start is None:
                due = None
            elif last is None or last < start - _BEFORE_START:
                due = start - 1
            elif last < start:
                due = start + _FIRST_WEEK
            else:
                agreed = agreed_rule_from_terms(terms[pid], today).agreed_days if pid in terms else None
                if agreed:
                    due = last + agreed
                elif last + _WEEKLY <= start + _FIRST_MONTH:
                    due = last + _WEEKLY
                else:
                    due = last + _MONTHLY
        elif phase == "ended":
            due = None
        else:  # the pre-job cadence: from the last visit held, else from referral or the start of follow-up
            since = last or referred or started
            due = None if since is None else since + interval
        out.append(FollowUpFacts(pid, False, 0) if due is None or now <= due else FollowUpFacts(pid, True, now - due))
    return out
