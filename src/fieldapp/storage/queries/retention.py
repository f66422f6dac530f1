"""Retention in storage: the ended participants with an end date, and the office's retention period (folder meta)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.retention import ENDED
from fieldapp.storage import models as m

YEARS_KEY = "retention_years"


@dataclass(frozen=True)
class EndedParticipant:
    participant_id: str
    first_name: str
    last_name: str
    follow_up_end: date


def ended(session: Session) -> list[EndedParticipant]:
    p = m.Participant
    rows = session.execute(select(p.id, p.first_name, p.last_name, p.follow_up_end)
                           .where(p.deleted_at.is_(None), p.status == ENDED, p.follow_up_end.is_not(None))
                           .order_by(p.follow_up_end, p.last_name, p.first_name, p.id)).all()
    return [EndedParticipant(pid, first, last, end) for pid, first, last, end in rows if end is not None]


def stored_years(session: Session) -> int | None:
    value = session.get(m.Meta, YEARS_KEY)
    try:
        return int(value.value) if value is not None else None
    except ValueError:
        return None


def store_years(session: Session, years: int) -> None:
    session.merge(m.Meta(key=YEARS_KEY, value=str(years)))
    session.flush()
