"""Counts for the status bar and the first-start check."""

from __future__ import annotations

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from fieldapp.storage import models as m


def change_log_rows(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(m.ChangeLog)) or 0


def holds_records(session: Session) -> bool:
    """Whether anyone has entered participants or employers (deleted ones count: the folder was used)."""
    return bool(session.scalar(select(exists().where(m.Participant.id.is_not(None))))
                or session.scalar(select(exists().where(m.Employer.id.is_not(None)))))
