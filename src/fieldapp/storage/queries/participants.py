"""Participant queries: the list with current placement and visit span, the detail, and the read log."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from fieldapp.domain import records as r
from fieldapp.storage import models as m
from fieldapp.storage import repository
from fieldapp.storage.queries import _text
from fieldapp.storage.record_map import to_record
# Re-exported: the services read these through this module.
from fieldapp.storage.values import CURRENT_PLACEMENT_STATUSES as CURRENT_PLACEMENT_STATUSES
from fieldapp.storage.values import ParticipantBrief as ParticipantBrief
from fieldapp.storage.values import PlacementFacts as PlacementFacts




@dataclass(frozen=True)
class VisitSpan:
    """The latest visit held (started before `now`) and the earliest still to come."""

    last_held: datetime | None = None
    next_planned: datetime | None = None


@dataclass(frozen=True)
class ParticipantRelations:
    participant: r.Participant
    actors: tuple[r.CooperatingActor, ...]
    consents: tuple[r.Consent, ...]
    placements: tuple[PlacementFacts, ...]


def text_criteria(text: str | None) -> ColumnElement[bool] | None:
    p = m.Participant
    return _text.all_words_in(text, p.first_name, p.last_name, p.fodselsnummer, p.phone, p.email)


def participants(session: Session, *, status: str | None = None, method: str | None = None,
                 text: str | None = None, limit: int | None = None) -> list[r.Participant]:
    p = m.Participant
    stmt = _filtered(session, select(p), status=status, method=method, text=text)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [to_record(o, r.Participant) for o in session.scalars(stmt)]


def briefs(session: Session, *, status: str | None = None, method: str | None = None,
           text: str | None = None) -> list[ParticipantBrief]:
    p = m.Participant
    stmt = _filtered(session, select(p.id, p.first_name, p.last_name, p.fodselsnummer, p.phone, p.status, p.method,
                                   p.phase, p.referred_on, p.follow_up_start),
                     status=status, method=method, text=text)
    return [ParticipantBrief(*row) for row in session.execute(stmt)]


def _filtered(session: Session, stmt: Select[*tuple[Any, ...]], *, status: str | None, method: str | None,
              text: str | None) -> Select[*tuple[Any, ...]]:
    """Participants not deleted, in name order, with the list's filters applied."""
    p = m.Participant
    stmt = stmt.where(p.deleted_at.is_(None)).order_by(p.last_name, p.first_name, p.id)
    if status:
        stmt = stmt.where(p.status == status)
    if method:
        stmt = stmt.where(p.method == method)
    match = text_criteria(text)
    if match is not None:
        _text.enable_folding(session)
        stmt = stmt.where(match)
    return stmt


def placements(session: Session, *, participant_ids: Collection[str] | None = None,
               statuses: Collection[str] | None = None) -> list[PlacementFacts]:
    """Placements with their employer's name, newest start first."""
    pl, e = m.Placement, m.Employer
    stmt = (select(pl.id, pl.participant_id, pl.employer_id, e.name, pl.job_title, pl.status, pl.start_date,
                   pl.end_date, pl.percentage)
            .join(e, e.id == pl.employer_id).where(pl.deleted_at.is_(None))
            .order_by(pl.start_date.desc(), pl.created_at.desc()))
    if participant_ids is not None:
        stmt = stmt.where(pl.participant_id.in_(list(participant_ids)))
    if statuses is not None:
        stmt = stmt.where(pl.status.in_(list(statuses)))
    return [PlacementFacts(*row) for row in session.execute(stmt)]


def current_placements(session: Session) -> dict[str, PlacementFacts]:
    """Each participant's current (planned or active) placement; with several, the one starting last."""
    current: dict[str, PlacementFacts] = {}
    for facts in placements(session, statuses=CURRENT_PLACEMENT_STATUSES):
        current.setdefault(facts.participant_id, facts)
    return current


def last_held(session: Session, *, now: datetime, participant_id: str | None = None) -> dict[str, datetime]:
    """Per participant, the start of the latest finished visit begun by `now`: a draft is not a held visit."""
    v = m.Visit
    alive = [v.deleted_at.is_(None)] + ([v.participant_id == participant_id] if participant_id else [])
    return dict(session.execute(
        select(v.participant_id, func.max(v.starts_at))
        .where(*alive, v.starts_at <= now, v.finished_at.is_not(None)).group_by(v.participant_id)).all())


def visit_spans(session: Session, *, now: datetime, participant_id: str | None = None) -> dict[str, VisitSpan]:
    v = m.Visit
    alive = [v.deleted_at.is_(None)] + ([v.participant_id == participant_id] if participant_id else [])
    held = last_held(session, now=now, participant_id=participant_id)
    planned = dict(session.execute(
        select(v.participant_id, func.min(v.starts_at))
        .where(*alive, v.starts_at > now, v.finished_at.is_(None)).group_by(v.participant_id)).all())
    return {pid: VisitSpan(last_held=held.get(pid), next_planned=planned.get(pid)) for pid in set(held) | set(planned)}


def relations(session: Session, participant_id: str) -> ParticipantRelations | None:
    participant = repository.get(session, r.Participant, participant_id)
    if participant is None:
        return None
    actors = repository.list_where(session, r.CooperatingActor, m.CooperatingActor.participant_id == participant_id,
                                   order_by=m.CooperatingActor.created_at)
    consents = repository.list_where(session, r.Consent, m.Consent.participant_id == participant_id,
                                     order_by=m.Consent.decided_on)
    return ParticipantRelations(participant=participant, actors=tuple(actors), consents=tuple(consents),
                                placements=tuple(placements(session, participant_ids=[participant_id])))


def record_read(session: Session, *, participant_id: str, device_id: str, at: datetime) -> None:
    """Append to the read log: who opened which participant, when, from which device."""
    session.add(m.ReadLogEntry(participant_id=participant_id, device_id=device_id, at=at))
    session.flush()


def same_fodselsnummer(session: Session, fodselsnummer: str, *, except_id: str | None = None) -> r.Participant | None:
    p = m.Participant
    stmt = select(p).where(p.deleted_at.is_(None), p.fodselsnummer == fodselsnummer).order_by(p.created_at).limit(1)
    if except_id:
        stmt = stmt.where(p.id != except_id)
    obj = session.scalars(stmt).first()
    return None if obj is None else to_record(obj, r.Participant)


@dataclass(frozen=True)
class AgreementFacts:
    """An agreement header with its latest version's number, derived status and period."""

    id: str
    number: str
    agreement_type: str
    employer_name: str | None
    version_no: int
    status: str
    start: date | None
    end: date | None
    created_at: datetime | None


def agreements(session: Session, participant_id: str, *, today: date) -> list[AgreementFacts]:
    """The participant's agreements, newest first; status derived from the latest version and its signatures."""
    # Imported here: the agreement store pulls in the agreement rules, which the list queries do not need.
    from fieldapp.storage import agreements as store

    a, e = m.Agreement, m.Employer
    stmt = (select(a, e.name).outerjoin(e, e.id == a.employer_id)
            .where(a.deleted_at.is_(None), a.participant_id == participant_id)
            .order_by(a.created_at.desc(), a.number.desc()))
    found = []
    for obj, employer_name in session.execute(stmt).all():
        version = store.latest_version(session, obj.id)
        status = store.status(session, obj.id, today=today)
        found.append(AgreementFacts(
            id=obj.id, number=obj.number, agreement_type=obj.agreement_type, employer_name=employer_name,
            version_no=version.version_no, status=status, start=version.content.duration.start,
            end=version.content.duration.end, created_at=obj.created_at))
    return found


def nav_measures(session: Session, placement_id: str) -> list[r.NavMeasure]:
    return repository.list_where(session, r.NavMeasure, m.NavMeasure.placement_id == placement_id,
                                 order_by=m.NavMeasure.created_at)
