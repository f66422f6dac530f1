"""What the pre-job follow-up rule needs: participants, who has a current job, last visits and first contacts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.storage import models as m
from fieldapp.storage.queries.jobdev import first_contacts
from fieldapp.storage.queries.participants import last_held
from fieldapp.storage.values import CURRENT_PLACEMENT_STATUSES


@dataclass(frozen=True)
class PreJobFacts:
    participant_id: str
    first_name: str
    last_name: str
    status: str
    phase: str | None
    referred_on: date | None
    follow_up_start: date | None
    has_current_job: bool
    last_visit: datetime | None  # start of the latest finished visit begun by `now` (a draft was not held)
    first_employer_contact: date | None


def pre_job_facts(session: Session, *, now: datetime) -> list[PreJobFacts]:
    p, pl = m.Participant, m.Placement
    with_job = set(session.scalars(select(pl.participant_id).where(
        pl.deleted_at.is_(None), pl.status.in_(CURRENT_PLACEMENT_STATUSES))))
    last = last_held(session, now=now)  # the rule the participant list and Today's job list follow
    contacts = first_contacts(session)
    rows = session.execute(select(p.id, p.first_name, p.last_name, p.status, p.phase, p.referred_on,
                                  p.follow_up_start).where(p.deleted_at.is_(None)))
    return [PreJobFacts(participant_id=pid, first_name=first, last_name=last_name, status=status, phase=phase,
                        referred_on=referred, follow_up_start=start, has_current_job=pid in with_job,
                        last_visit=_when(last.get(pid)), first_employer_contact=contacts.get(pid))
            for pid, first, last_name, status, phase, referred, start in rows]


def _when(value: datetime | str | None) -> datetime | None:
    # func.max() loses the column type, so the stored ISO text comes back as it is.
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)
