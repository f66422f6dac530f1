"""Job development queries: employer contacts with whom they were for, open next steps, and job leads."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from fieldapp.domain import jobdev_records as jr
from fieldapp.storage import models as m
from fieldapp.storage import repository
from fieldapp.storage.record_map import to_record


@dataclass(frozen=True)
class OutreachFacts:
    """An employer contact with its employer's name and the participants it was made for (id, name)."""

    outreach: jr.EmployerOutreach
    employer_name: str
    participants: tuple[tuple[str, str], ...]


def outreach(session: Session, *, employer_id: str | None = None, participant_id: str | None = None,
             since: date | None = None, until: date | None = None,
             ids: Collection[str] | None = None) -> list[OutreachFacts]:
    """Employer contacts, newest first, narrowed to one employer, one participant, a period (inclusive) or
    the given ids."""
    o, e, f = m.EmployerOutreach, m.Employer, m.OutreachFor
    stmt = (select(o, e.name).join(e, e.id == o.employer_id).where(o.deleted_at.is_(None))
            .order_by(o.contact_date.desc(), o.created_at.desc(), o.id))
    if ids is not None:
        stmt = stmt.where(o.id.in_(list(ids)))
    if employer_id is not None:
        stmt = stmt.where(o.employer_id == employer_id)
    if participant_id is not None:
        stmt = stmt.where(o.id.in_(select(f.outreach_id).where(f.participant_id == participant_id,
                                                               f.deleted_at.is_(None))))
    if since is not None:
        stmt = stmt.where(o.contact_date >= since)
    if until is not None:
        stmt = stmt.where(o.contact_date <= until)
    found = [(to_record(obj, jr.EmployerOutreach), name) for obj, name in session.execute(stmt)]
    people = _participants_of(session, [rec.id for rec, _ in found])
    return [OutreachFacts(rec, name, tuple(people.get(rec.id, ()))) for rec, name in found]


def _participants_of(session: Session, outreach_ids: Collection[str]) -> dict[str, list[tuple[str, str]]]:
    f, p = m.OutreachFor, m.Participant
    found: dict[str, list[tuple[str, str]]] = {}
    ids = list(outreach_ids)
    for i in range(0, len(ids), 500):
        rows = session.execute(
            select(f.outreach_id, p.id, p.first_name, p.last_name).join(p, p.id == f.participant_id)
            .where(f.outreach_id.in_(ids[i:i + 500]), f.deleted_at.is_(None), p.deleted_at.is_(None))
            .order_by(p.last_name, p.first_name))
        for outreach_id, pid, first, last in rows:
            found.setdefault(outreach_id, []).append((pid, f"{first} {last}".strip()))
    return found


def links(session: Session, outreach_id: str) -> list[jr.OutreachFor]:
    return repository.list_where(session, jr.OutreachFor, m.OutreachFor.outreach_id == outreach_id)


def count_between(session: Session, first: date, last: date, *, made_by: str | None = None) -> int:
    """Employer contacts logged for days first..last (inclusive), by one person or by anyone."""
    o = m.EmployerOutreach
    stmt = select(func.count()).select_from(o).where(o.deleted_at.is_(None), o.contact_date >= first,
                                                     o.contact_date <= last)
    if made_by is not None:
        stmt = stmt.where(o.created_by == made_by)
    return int(session.execute(stmt).scalar_one())


def open_next_steps(session: Session, *, until: date) -> list[OutreachFacts]:
    """Contacts whose next step is dated by `until` and not yet followed by a later contact with the employer."""
    o = m.EmployerOutreach
    later = m.EmployerOutreach.__table__.alias("later")
    followed = (select(later.c.id).where(later.c.employer_id == o.employer_id, later.c.deleted_at.is_(None),
                                          later.c.contact_date > o.contact_date).exists())
    ids = session.scalars(select(o.id).where(o.deleted_at.is_(None), o.next_step_date.is_not(None),
                                             o.next_step_date <= until, ~followed)).all()
    rows = outreach(session, ids=ids) if ids else []
    rows.sort(key=lambda f: (f.outreach.next_step_date, f.employer_name, f.outreach.id))
    return rows


def first_contacts(session: Session) -> dict[str, date]:
    """Per participant, the date of the first employer contact made for them."""
    o, f = m.EmployerOutreach, m.OutreachFor
    rows = session.execute(select(f.participant_id, func.min(o.contact_date)).join(o, o.id == f.outreach_id)
                           .where(o.deleted_at.is_(None), f.deleted_at.is_(None)).group_by(f.participant_id))
    return {pid: date.fromisoformat(first) if isinstance(first, str) else first for pid, first in rows}


def contact_rows(session: Session) -> list[tuple[str, date, str, str, str | None]]:
    """Every employer contact as (id, date, kind, made by, participant id or None): one row per participant it
    was made for, one row with None for a general contact. Flat, for the outcome figures."""
    o, f = m.EmployerOutreach, m.OutreachFor
    link = f.__table__.alias("link")
    # Plain rows, dates as stored text with each distinct day parsed once: read at each overview opening.
    rows = session.connection().execute(
        select(o.id, type_coerce(o.contact_date, String), o.kind, o.created_by, link.c.participant_id)
        .outerjoin(link, (link.c.outreach_id == o.id) & link.c.deleted_at.is_(None))
        .where(o.deleted_at.is_(None))).all()
    days: dict[str, date] = {}
    return [(oid, days.get(on) or days.setdefault(on, date.fromisoformat(on)), kind, by or "", pid)
            for oid, on, kind, by, pid in rows]


@dataclass(frozen=True)
class LeadFacts:
    lead: jr.JobLead
    employer_name: str


def leads(session: Session, *, participant_id: str | None = None, employer_id: str | None = None) -> list[LeadFacts]:
    """Job leads with their employer's name, open ones first, then newest first."""
    j, e = m.JobLead, m.Employer
    stmt = select(j, e.name).join(e, e.id == j.employer_id).where(j.deleted_at.is_(None))
    if participant_id is not None:
        stmt = stmt.where(j.participant_id == participant_id)
    if employer_id is not None:
        stmt = stmt.where(j.employer_id == employer_id)
    found = [LeadFacts(to_record(obj, jr.JobLead), name) for obj, name in session.execute(stmt)]
    closed = {"hired", "closed"}
    found.sort(key=lambda f: (f.lead.status in closed, -(f.lead.created_at.timestamp() if f.lead.created_at else 0)))
    return found
