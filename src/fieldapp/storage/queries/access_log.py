"""The access log in storage: append an entry, and read a participant's entries newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.storage import models as m


@dataclass(frozen=True)
class AccessEntry:
    """One access: references only (ids, kind, who, device), never what was seen."""

    id: str
    participant_id: str
    at: datetime
    who: str
    device_id: str
    kind: str
    target_id: str | None


def append(session: Session, *, participant_id: str, device_id: str, at: datetime, kind: str,
           target_id: str | None = None) -> None:
    session.add(m.ReadLogEntry(participant_id=participant_id, device_id=device_id, at=at, kind=kind,
                               target_id=target_id))
    session.flush()


def append_many(session: Session, *, participant_ids: list[str], device_id: str, at: datetime, kind: str) -> None:
    """One entry per participant in one flush (an export of the whole folder)."""
    session.add_all([m.ReadLogEntry(participant_id=pid, device_id=device_id, at=at, kind=kind)
                     for pid in participant_ids])
    session.flush()


def entries(session: Session, participant_id: str) -> list[AccessEntry]:
    e = m.ReadLogEntry
    rows = session.execute(
        select(e.id, e.participant_id, e.at, e.created_by, e.device_id, e.kind, e.target_id)
        .where(e.participant_id == participant_id, e.deleted_at.is_(None))
        .order_by(e.at.desc(), e.id)).all()
    return [AccessEntry(*row) for row in rows]


def participant_of_visit(session: Session, visit_id: str) -> str | None:
    return session.scalar(select(m.Visit.participant_id).where(m.Visit.id == visit_id))


def participant_of_agreement(session: Session, agreement_id: str) -> str | None:
    return session.scalar(select(m.Agreement.participant_id).where(m.Agreement.id == agreement_id))
