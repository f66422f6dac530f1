"""Follow-up visits for the UI: a participant's visits as rows, and everything the visit editor needs:
opening a visit or starting a new one (open actions carried in, next visit proposed), saving drafts,
finishing (which locks the visit) and adding corrections to a finished visit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from fieldapp.domain import cadence, vocab
from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.records import EmployerContact, Participant
from fieldapp.domain.validation import raise_if
from fieldapp.domain.visit_records import Visit, VisitAction, VisitAttendee, VisitNote
from fieldapp.services import access_log, today
from fieldapp.services.follow_up import NextVisitRule, agreed_rule, local_now
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import participants as pq
from fieldapp.storage.queries import visits as q


VisitRow = today.VisitRow


def visit_row(facts: q.VisitFacts) -> VisitRow:
    v = facts.visit
    return VisitRow(id=v.id, participant_id=v.participant_id, participant_name=facts.participant_name,
                    employer_name=facts.employer_name, starts_at=v.starts_at.astimezone(),
                    ends_at=v.ends_at.astimezone() if v.ends_at else None, channel=v.channel,
                    visit_type=v.visit_type, place=v.place, summary=v.summary, finished=v.finished)


def visits_for_participant(ws: Workspace, participant_id: str) -> list[VisitRow]:
    """Newest first."""
    with ws.folder.read() as session:
        return q.for_participant(session, participant_id)


# --- the visit editor ----------------------------------------------------------------------------------


def new_id() -> str:
    """Records get their UUID on the device when they are made, so saving a draft twice stores it once."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class PlacementChoice:
    id: str
    employer_id: str
    employer_name: str
    job_title: str
    status: str
    start_date: date | None


@dataclass(frozen=True)
class NextVisitProposal:
    day: date
    source: str  # "agreement" or "cadence"
    stage: str  # a cadence.Stage
    frequency: str | None = None


@dataclass(frozen=True)
class StoredVisit:
    """A visit as stored, with its attendees, actions and correction notes."""

    visit: Visit
    attendees: tuple[VisitAttendee, ...] = ()
    actions: tuple[VisitAction, ...] = ()
    notes: tuple[VisitNote, ...] = ()


@dataclass(frozen=True)
class VisitEditorData:
    """Everything the editor shows. `is_new`: not stored yet (nothing is written until something is typed)."""

    stored: StoredVisit
    is_new: bool
    participant_name: str
    nav_contact: str | None
    placements: tuple[PlacementChoice, ...]
    contacts: tuple[EmployerContact, ...]
    carried_from: dict[str, date]  # id of an earlier action -> day of the visit it was agreed in
    rule: NextVisitRule
    proposal: NextVisitProposal | None


def _stored(found: q.VisitParts) -> StoredVisit:
    return StoredVisit(visit=found.visit, attendees=found.attendees, actions=found.actions, notes=found.notes)


def propose_next_visit(rule: NextVisitRule, *, visit_day: date, job_start: date | None) -> NextVisitProposal | None:
    """The day the next visit should be held by, if this visit is held on `visit_day`."""
    interval = timedelta(days=rule.agreed_days) if rule.agreed_days else None
    due = cadence.next_follow_up(job_start=job_start, last_visit=visit_day, today=visit_day,
                                 agreed_interval=interval)
    if due is None:
        if interval is None:
            return None
        return NextVisitProposal(day=visit_day + interval, source="agreement", stage=cadence.Stage.AGREED,
                                 frequency=rule.frequency)
    if due.stage == cadence.Stage.AGREED:
        return NextVisitProposal(day=due.due, source="agreement", stage=due.stage, frequency=rule.frequency)
    return NextVisitProposal(day=due.due, source="cadence", stage=due.stage)


def _context(session, participant_id: str, today: date):
    found = pq.relations(session, participant_id)
    if found is None:
        raise repository.RecordNotFound(Participant, participant_id)
    placements = tuple(PlacementChoice(id=p.id, employer_id=p.employer_id, employer_name=p.employer_name,
                                       job_title=p.job_title, status=p.status, start_date=p.start_date)
                       for p in found.placements)
    contacts = tuple(q.employer_contacts(session, sorted({p.employer_id for p in placements})))
    rule = agreed_rule(q.agreement_versions(session, participant_id), today)
    return found.participant, placements, contacts, rule


def _carried_from(session, actions: tuple[VisitAction, ...]) -> dict[str, date]:
    origins = q.action_origins(session, [a.carried_from_id for a in actions if a.carried_from_id])
    days = q.visit_days(session, sorted(set(origins.values())))
    return {action_id: days[visit_id].astimezone().date() for action_id, visit_id in origins.items()
            if visit_id in days}


def load_for_editor(ws: Workspace, visit_id: str, *, now: datetime | None = None) -> VisitEditorData:
    """An existing visit (a draft shows what was last saved). Raises RecordNotFound."""
    today = local_now(now).date()
    with ws.folder.read() as session:
        found = q.parts(session, visit_id)
        if found is None:
            raise repository.RecordNotFound(Visit, visit_id)
        participant, placements, contacts, rule = _context(session, found.visit.participant_id, today)
        carried = _carried_from(session, found.actions)
    access_log.record_visit(ws, visit_id)
    job_start = next((p.start_date for p in placements if p.id == found.visit.placement_id), None)
    return VisitEditorData(
        stored=_stored(found), is_new=False, participant_name=participant.full_name,
        nav_contact=participant.nav_contact_name, placements=placements, contacts=contacts, carried_from=carried,
        rule=rule, proposal=propose_next_visit(rule, visit_day=found.visit.starts_at.astimezone().date(),
                                               job_start=job_start))


def start_visit(ws: Workspace, participant_id: str, *, now: datetime | None = None,
                participant_role: str = "") -> VisitEditorData:
    """A new visit, not stored yet: starting now (to the last 5 minutes), at the current placement, with the
    participant present, the open actions of the previous visit carried in, and the next visit proposed."""
    now = local_now(now)
    starts_at = now.replace(minute=now.minute - now.minute % 5, second=0, microsecond=0)
    with ws.folder.read() as session:
        participant, placements, contacts, rule = _context(session, participant_id, now.date())
        previous = q.previous_visit(session, participant_id, before=now)
        earlier = q.parts(session, previous.id) if previous else None
    current = next((p for p in placements if p.status in pq.CURRENT_PLACEMENT_STATUSES), None)
    proposal = propose_next_visit(rule, visit_day=starts_at.date(), job_start=current.start_date if current else None)
    visit = Visit(id=new_id(), participant_id=participant_id, starts_at=starts_at,
                  placement_id=current.id if current else None,
                  channel="on_site" if current else "elsewhere",
                  place=current.employer_name if current else None,
                  visit_type=_visit_type(current, previous, starts_at.date()),
                  next_visit_date=proposal.day if proposal else None)
    attendees = (VisitAttendee(id=new_id(), visit_id=visit.id, role=participant_role or "deltaker",
                               name=participant.full_name),)
    open_actions = tuple(a for a in (earlier.actions if earlier else ()) if a.status in vocab.OPEN_ACTION_STATUSES)
    actions = tuple(VisitAction(id=new_id(), visit_id=visit.id, what=a.what, responsible=a.responsible,
                                deadline=a.deadline, status=a.status, carried_from_id=a.id) for a in open_actions)
    carried = {a.id: previous.starts_at.astimezone().date() for a in open_actions} if previous else {}
    return VisitEditorData(
        stored=StoredVisit(visit=visit, attendees=attendees, actions=actions), is_new=True,
        participant_name=participant.full_name, nav_contact=participant.nav_contact_name, placements=placements,
        contacts=contacts, carried_from=carried, rule=rule, proposal=proposal)


def _visit_type(current: PlacementChoice | None, previous: Visit | None, day: date) -> str:
    """The visit type the default cadence expects next; routine once the first month is over."""
    if current is None or current.start_date is None:
        return "routine"
    if day < current.start_date:
        return "before_start"
    if previous is None or previous.starts_at.astimezone().date() < current.start_date:
        return "first_week"
    if day <= current.start_date + cadence.FIRST_MONTH:
        return "first_month"
    return "routine"


def save_draft(ws: Workspace, visit: Visit, attendees: list[VisitAttendee],
               actions: list[VisitAction]) -> StoredVisit:
    """Store the draft with exactly these attendees and actions (others of the visit are tombstoned), in one
    transaction. Raises ValidationFailed, or DomainError when the visit has been finished meanwhile."""
    if visit.finished_at is not None:
        raise ValueError("save_draft stores drafts; use finish_visit")
    with ws.folder.write() as session:
        return _stored(q.save_parts(session, visit, attendees, actions))


def finish_visit(ws: Workspace, visit: Visit, attendees: list[VisitAttendee], actions: list[VisitAction],
                 *, finished_at: datetime) -> StoredVisit:
    """Validate everything, store it and lock the visit, all in one transaction."""
    raise_if([e for rec in (visit, *attendees, *actions) for e in rec.validate()])
    with ws.folder.write() as session:
        return _stored(q.save_parts(session, replace(visit, finished_at=finished_at), attendees, actions))


def add_correction(ws: Workspace, visit_id: str, text: str) -> VisitNote:
    """A correction to a finished visit, kept as a note that points at it. Raises ValidationFailed."""
    note = VisitNote(visit_id=visit_id, text=text.strip())
    raise_if(note.validate())
    with ws.folder.write() as session:
        visit = repository.require(session, Visit, visit_id)
        if not visit.finished:
            raise DomainError(Message("visit_not_finished",
                                      "Besøket er ikke ferdigstilt; rett i selve besøket.",
                                      "The visit is not finished; edit the visit itself."))
        return repository.save(session, note)


def load_stored(ws: Workspace, visit_id: str) -> StoredVisit | None:
    with ws.folder.read() as session:
        found = q.parts(session, visit_id)
    return None if found is None else _stored(found)
