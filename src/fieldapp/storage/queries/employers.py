"""Employer queries: the list with nearest-manager contact and number of current placements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain import records as r
from fieldapp.storage import models as m
from fieldapp.storage.queries import _text
from fieldapp.storage.values import CURRENT_PLACEMENT_STATUSES
from fieldapp.storage.record_map import to_record


@dataclass(frozen=True)
class EmployerFacts:
    employer: r.Employer
    contact_name: str | None
    contact_phone: str | None
    current_placements: int


def employers(session: Session, *, text: str | None = None, limit: int | None = None) -> list[EmployerFacts]:
    e, c, pl = m.Employer, m.EmployerContact, m.Placement
    stmt = select(e).where(e.deleted_at.is_(None)).order_by(e.name, e.id)
    criteria = _text.all_words_in(text, e.name, e.orgnr, e.business_number, e.city, e.industry)
    if criteria is not None:
        _text.enable_folding(session)
        stmt = stmt.where(criteria)
    if limit is not None:
        stmt = stmt.limit(limit)
    found = [to_record(o, r.Employer) for o in session.scalars(stmt)]
    contacts: dict[str, tuple[str, str | None]] = {}
    # Employers are few, so all contacts and counts are read rather than passing ids as parameters.
    # The nearest manager is the usual contact; otherwise whoever was registered first.
    contact_rows = session.execute(
        select(c.employer_id, c.name, c.phone).where(c.deleted_at.is_(None))
        .order_by(c.employer_id, (c.role != "nearest_manager"), c.created_at))
    for employer_id, name, phone in contact_rows:
        contacts.setdefault(employer_id, (name, phone))
    counts = dict(session.execute(
        select(pl.employer_id, func.count()).where(pl.deleted_at.is_(None), pl.status.in_(CURRENT_PLACEMENT_STATUSES))
        .group_by(pl.employer_id)).all())
    return [EmployerFacts(employer=x, contact_name=contacts.get(x.id, (None, None))[0],
                          contact_phone=contacts.get(x.id, (None, None))[1], current_placements=counts.get(x.id, 0))
            for x in found]


@dataclass(frozen=True)
class EmployerPlacementFacts:
    id: str
    participant_id: str
    participant_name: str
    job_title: str
    status: str
    start_date: date | None
    end_date: date | None
    contact_name: str | None


def contacts(session: Session, employer_id: str | None = None) -> list[r.EmployerContact]:
    """Contact persons, nearest managers first; all employers' when no id is given (the placement form's picker)."""
    c = m.EmployerContact
    stmt = select(c).where(c.deleted_at.is_(None)).order_by(c.employer_id, (c.role != "nearest_manager"), c.name)
    if employer_id is not None:
        stmt = stmt.where(c.employer_id == employer_id)
    return [to_record(o, r.EmployerContact) for o in session.scalars(stmt)]


def placements_at(session: Session, employer_id: str) -> list[EmployerPlacementFacts]:
    """Placements with this employer, current ones (planned, active) first, then newest start."""
    pl, p, c = m.Placement, m.Participant, m.EmployerContact
    stmt = (select(pl, p.first_name, p.last_name, c.name)
            .join(p, p.id == pl.participant_id)
            .outerjoin(c, c.id == pl.contact_id)
            .where(pl.deleted_at.is_(None), p.deleted_at.is_(None), pl.employer_id == employer_id)
            .order_by(pl.status.not_in(CURRENT_PLACEMENT_STATUSES), pl.start_date.desc()))
    return [EmployerPlacementFacts(id=o.id, participant_id=o.participant_id,
                                   participant_name=f"{first} {last}".strip(), job_title=o.job_title,
                                   status=o.status, start_date=o.start_date, end_date=o.end_date,
                                   contact_name=contact)
            for o, first, last, contact in session.execute(stmt)]


def same_orgnr(session: Session, orgnr: str, *, except_id: str | None = None) -> r.Employer | None:
    e = m.Employer
    stmt = select(e).where(e.deleted_at.is_(None), e.orgnr == orgnr).order_by(e.created_at).limit(1)
    if except_id:
        stmt = stmt.where(e.id != except_id)
    obj = session.scalars(stmt).first()
    return None if obj is None else to_record(obj, r.Employer)
