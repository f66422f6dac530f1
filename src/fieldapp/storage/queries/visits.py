"""Visit queries: one participant's visits (read as in storage/today_facts.py), and what the
visit editor reads and writes (a visit with its attendees, actions and notes; the previous visit; agreements)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from fieldapp.domain import agreement_records as ar
from fieldapp.domain import records as r
from fieldapp.domain import visit_records as vr
from fieldapp.storage import agreements, repository
from fieldapp.storage import models as m
from fieldapp.storage import today_facts
from fieldapp.storage.queries._driver import execute_on
from fieldapp.storage.record_map import to_record
from fieldapp.storage.values import TermsInForce, VisitBrief



@dataclass(frozen=True)
class VisitFacts:
    visit: vr.Visit
    participant_name: str
    employer_name: str | None


def _base() -> Select[*tuple[Any, ...]]:
    v, p, pl, e = m.Visit, m.Participant, m.Placement, m.Employer
    return (select(v, p.first_name, p.last_name, e.name)
            .join(p, p.id == v.participant_id)
            .outerjoin(pl, pl.id == v.placement_id)
            .outerjoin(e, e.id == pl.employer_id)
            .where(v.deleted_at.is_(None), p.deleted_at.is_(None)))


def _facts(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[VisitFacts]:
    return [VisitFacts(visit=to_record(obj, vr.Visit), participant_name=f"{first} {last}".strip(),
                       employer_name=employer)
            for obj, first, last, employer in session.execute(stmt)]


def for_participant(session: Session, participant_id: str) -> list[VisitBrief]:
    """Newest first."""
    return today_facts.visits_of(execute_on(session), participant_id)


# --- the visit editor ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitParts:
    """A visit with everything recorded under it (tombstoned rows left out)."""

    visit: vr.Visit
    attendees: tuple[vr.VisitAttendee, ...]
    actions: tuple[vr.VisitAction, ...]
    notes: tuple[vr.VisitNote, ...]


def parts(session: Session, visit_id: str) -> VisitParts | None:
    visit = repository.get(session, vr.Visit, visit_id)
    if visit is None:
        return None
    return VisitParts(
        visit=visit,
        attendees=tuple(repository.list_where(session, vr.VisitAttendee, m.VisitAttendee.visit_id == visit_id,
                                              order_by=m.VisitAttendee.created_at)),
        actions=tuple(repository.list_where(session, vr.VisitAction, m.VisitAction.visit_id == visit_id,
                                            order_by=m.VisitAction.created_at)),
        notes=tuple(repository.list_where(session, vr.VisitNote, m.VisitNote.visit_id == visit_id,
                                          order_by=m.VisitNote.created_at)))


def previous_visit(session: Session, participant_id: str, *, before: datetime,
                   except_id: str | None = None) -> vr.Visit | None:
    """The participant's latest visit starting at or before `before` (finished or not)."""
    v = m.Visit
    stmt = (select(v).where(v.deleted_at.is_(None), v.participant_id == participant_id, v.starts_at <= before)
            .order_by(v.starts_at.desc()).limit(1))
    if except_id:
        stmt = stmt.where(v.id != except_id)
    obj = session.scalars(stmt).first()
    return None if obj is None else to_record(obj, vr.Visit)


def visit_days(session: Session, visit_ids: list[str]) -> dict[str, datetime]:
    """When each of the given visits started (for "carried from the visit of …")."""
    if not visit_ids:
        return {}
    return dict(session.execute(select(m.Visit.id, m.Visit.starts_at).where(m.Visit.id.in_(visit_ids))).all())


def action_origins(session: Session, action_ids: list[str]) -> dict[str, str]:
    """action id -> the id of the visit it was recorded in."""
    if not action_ids:
        return {}
    a = m.VisitAction
    return dict(session.execute(select(a.id, a.visit_id).where(a.id.in_(action_ids))).all())


def employer_contacts(session: Session, employer_ids: list[str]) -> list[r.EmployerContact]:
    if not employer_ids:
        return []
    c = m.EmployerContact
    return repository.list_where(session, r.EmployerContact, c.employer_id.in_(employer_ids), order_by=c.name)


@dataclass(frozen=True)
class AgreementFacts:
    """One version of a participant's agreement with what its status is derived from."""

    agreement_id: str
    annulled: bool
    version: ar.AgreementVersion
    signatures: tuple[ar.Signature, ...]


def agreement_versions(session: Session, participant_id: str) -> list[AgreementFacts]:
    """Every version of the participant's agreements, newest version first within each agreement."""
    a, ver = m.Agreement, m.AgreementVersion
    stmt = (select(ver, a.annulled_at).join(a, a.id == ver.agreement_id)
            .where(a.participant_id == participant_id, a.deleted_at.is_(None), ver.deleted_at.is_(None))
            .order_by(a.created_at.desc(), ver.version_no.desc()))
    return [AgreementFacts(agreement_id=obj.agreement_id, annulled=annulled is not None,
                           version=agreements.version_record(obj),
                           signatures=tuple(agreements.signatures(session, obj.id)))
            for obj, annulled in session.execute(stmt).all()]


def agreement_terms_in_force(session: Session, today: date) -> dict[str, list[TermsInForce]]:
    """Per participant, the frozen versions of agreements in force on `today` (storage/today_facts.py): only
    the fields that decide follow-up, so this stays fast with thousands of agreements."""
    return today_facts.terms_in_force(execute_on(session), today)


def save_parts(session: Session, visit: vr.Visit, attendees: list[vr.VisitAttendee],
               actions: list[vr.VisitAction]) -> VisitParts:
    """Store a draft visit with exactly these attendees and actions: rows not listed are tombstoned.

    Ids are made by the caller, so saving the same draft twice (an autosave repeated) changes nothing.
    """
    stored = repository.save(session, replace(visit, finished_at=None) if visit.finished_at else visit)
    for cls, model, rows in ((vr.VisitAttendee, m.VisitAttendee, attendees), (vr.VisitAction, m.VisitAction, actions)):
        keep = {row.id for row in rows}
        for old in repository.list_where(session, cls, model.visit_id == visit.id):
            if old.id not in keep:
                repository.tombstone(session, cls, old.id)
        for row in rows:
            repository.save(session, row)
    if visit.finished_at:
        stored = repository.save(session, visit)
    found = parts(session, stored.id)
    assert found is not None
    return found
