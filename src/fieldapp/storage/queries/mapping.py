"""Mapping (kartlegging) queries: a participant's dated mappings and the areas of one of them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import records as r
from fieldapp.storage import models as m
from fieldapp.storage import repository
from fieldapp.storage.record_map import to_record


def mappings(session: Session, participant_id: str) -> list[r.Mapping]:
    """Newest first."""
    mp = m.Mapping
    stmt = (select(mp).where(mp.deleted_at.is_(None), mp.participant_id == participant_id)
            .order_by(mp.mapped_on.desc(), mp.created_at.desc()))
    return [to_record(o, r.Mapping) for o in session.scalars(stmt)]


def areas(session: Session, mapping_id: str) -> list[r.MappingArea]:
    return repository.list_where(session, r.MappingArea, m.MappingArea.mapping_id == mapping_id,
                                 order_by=m.MappingArea.created_at)
