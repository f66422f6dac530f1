"""Cooperation queries: a participant's meetings with their agreed items, and their benefits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from fieldapp.domain import cooperation_records as cr
from fieldapp.domain import records as r
from fieldapp.storage import models as m
from fieldapp.storage import repository
from fieldapp.storage.clocks import chunks
from fieldapp.storage.record_map import R, to_record


def _grouped(session: Session, cls: type[R], parent: InstrumentedAttribute[Any], parent_ids: Sequence[str],
             order_by: InstrumentedAttribute[Any]) -> dict[str, list[R]]:
    """The live records of `cls` under each of `parent_ids` (an empty list for none), in `order_by` order."""
    out: dict[str, list[R]] = {pid: [] for pid in parent_ids}
    for part in chunks(list(parent_ids)):
        for rec in repository.list_where(session, cls, parent.in_(part), order_by=order_by):
            out[getattr(rec, parent.key)].append(rec)
    return out


def meetings(session: Session, participant_id: str) -> list[cr.CooperationMeeting]:
    """Newest first."""
    mt = m.CooperationMeeting
    return repository.list_where(session, cr.CooperationMeeting, mt.participant_id == participant_id,
                                 order_by=(mt.held_on.desc()))


def items(session: Session, meeting_ids: Sequence[str]) -> dict[str, list[cr.MeetingItem]]:
    """Each meeting's items in the order they were written down."""
    return _grouped(session, cr.MeetingItem, m.MeetingItem.meeting_id, meeting_ids, m.MeetingItem.created_at)


def benefits(session: Session, participant_id: str) -> list[cr.Benefit]:
    return repository.list_where(session, cr.Benefit, m.Benefit.participant_id == participant_id,
                                 order_by=m.Benefit.created_at)


def first_participants(session: Session, limit: int) -> list[r.Participant]:
    """The first participants stored, still followed up, in name order among those stored together (the demo
    picks whom to give meetings and benefits, the same people for the same seed)."""
    p = m.Participant
    stmt = (select(p).where(p.deleted_at.is_(None), p.status != "ended")
            .order_by(p.created_at, p.last_name, p.first_name, p.id).limit(limit))
    return [to_record(o, r.Participant) for o in session.scalars(stmt)]


def actors_of(session: Session, participant_ids: Sequence[str]) -> dict[str, list[r.CooperatingActor]]:
    return _grouped(session, r.CooperatingActor, m.CooperatingActor.participant_id, participant_ids,
                    m.CooperatingActor.created_at)
