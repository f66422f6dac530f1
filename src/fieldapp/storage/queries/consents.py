"""Consent facts of a participant, as the consent rules read them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.consent import ConsentFact
from fieldapp.storage import models as m


def consent_facts(session: Session, participant_id: str) -> list[ConsentFact]:
    c = m.Consent
    rows = session.execute(select(c.recipient, c.scope, c.given, c.decided_on)
                           .where(c.participant_id == participant_id, c.deleted_at.is_(None))
                           .order_by(c.decided_on)).all()
    return [ConsentFact(recipient=r, scope=s, given=bool(g), decided_on=d) for r, s, g, d in rows]
