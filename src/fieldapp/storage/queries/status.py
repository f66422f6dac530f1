"""The first-start check: has anyone used this data folder?"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from fieldapp.storage import models as m


def holds_records(session: Session) -> bool:
    """Whether anyone has entered participants or employers (deleted ones count: the folder was used)."""
    return bool(session.scalar(select(exists().where(m.Participant.id.is_not(None))))
                or session.scalar(select(exists().where(m.Employer.id.is_not(None)))))
