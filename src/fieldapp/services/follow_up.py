"""How often a participant is to be followed up: an active agreement's agreed frequency, else the default cadence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from fieldapp.domain import agreement_rules, cadence
from fieldapp.domain.agreement_content import FollowUp
from fieldapp.storage.values import TermsInForce

if TYPE_CHECKING:  # the Today view's first paint uses this module before SQLAlchemy is loaded
    from fieldapp.storage.queries.visits import AgreementFacts


def local_now(now: datetime | None = None) -> datetime:
    return (now or datetime.now(UTC)).astimezone()


def follow_up_for(status: str, job_start: date | None, last_held: datetime | None, today: date,
                  agreed_interval: timedelta | None = None) -> cadence.FollowUpDue | None:
    """The cadence applies to participants still followed up who have a current job (or one about to start);
    an active agreement's follow-up frequency replaces the default rhythm once the job has started."""
    if status == "ended":
        return None
    last = last_held.astimezone().date() if last_held else None
    return cadence.next_follow_up(job_start=job_start, last_visit=last, today=today, agreed_interval=agreed_interval)


@dataclass(frozen=True)
class NextVisitRule:
    """Where the proposed next visit date comes from: an active agreement's follow-up frequency for the job
    specialist (`frequency`, `agreed_days`), else the default IPS cadence measured from the job start."""

    frequency: str | None = None
    agreed_days: int | None = None

    @property
    def agreed_interval(self) -> timedelta | None:
        return timedelta(days=self.agreed_days) if self.agreed_days else None


def agreed_rule(versions: list[AgreementFacts], today: date) -> NextVisitRule:
    """agreed_rule_from_terms for a participant's agreement versions read in full (the detail, the visit editor)."""
    return agreed_rule_from_terms([_terms(f) for f in versions if f.version.frozen_at is not None and not f.annulled
                                   and f.version.content.duration.start is not None], today)


def _terms(facts: AgreementFacts) -> TermsInForce:
    content = facts.version.content
    assert content.duration.start is not None
    return TermsInForce(agreement_type=content.agreement_type, start=content.duration.start, end=content.duration.end,
                        follow_ups=content.follow_ups, signatures=tuple(s.fact() for s in facts.signatures))


def agreed_rule_from_terms(terms: list[TermsInForce], today: date) -> NextVisitRule:
    """The job specialist's follow-up frequency in the participant's active agreement (the shortest interval
    if several apply today). Active: a frozen version, not annulled, concluded (every party signed, the job
    specialist last) and within its period; a version waiting for new signatures does not replace the
    signed one. `terms` are newest first."""
    for t in terms:
        if t.start <= today and (t.end is None or today <= t.end) \
                and agreement_rules.concluded_by(t.agreement_type, t.signatures):
            rule = _shortest(t.follow_ups, today)
            if rule is not None:
                return rule
    return NextVisitRule()


def _shortest(follow_ups: tuple[FollowUp, ...], today: date) -> NextVisitRule | None:
    best: tuple[int, str] | None = None
    for fu in follow_ups:
        if fu.actor_role != "job_specialist":
            continue
        if (fu.from_date and today < fu.from_date) or (fu.to_date and today > fu.to_date):
            continue
        interval = cadence.interval_for_frequency(fu.frequency)
        if interval is not None and (best is None or interval.days < best[0]):
            best = (interval.days, fu.frequency)
    return None if best is None else NextVisitRule(frequency=best[1], agreed_days=best[0])
