"""Participants for the UI: the list with follow-up status, opening one (read-logged) and creating one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TypeVar

from fieldapp.domain import cadence
from fieldapp.domain.messages import FieldError, Message, ValidationFailed
from fieldapp.domain.records import Consent, CooperatingActor, Participant, RecordBase
from fieldapp.domain.validation import normalize_digits, raise_if
from fieldapp.domain.names import name_sort_key
from fieldapp.domain.pre_job_cadence import DEFAULT_INTERVAL_DAYS
from fieldapp.services.follow_up import agreed_rule, agreed_rule_from_terms, follow_up_for, local_now
from fieldapp.services.pre_job import pre_job_follow_up
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import outcomes as oq
from fieldapp.storage.queries import participants as q
from fieldapp.storage.queries import visits as vq
from fieldapp.storage.values import TermsInForce

R = TypeVar("R", bound=RecordBase)



@dataclass(frozen=True)
class ParticipantRow(q.ParticipantBrief):
    """A participant in the list: the stored columns, with current job, visits and follow-up worked out."""

    employer_name: str | None
    job_title: str | None
    last_visit: date | None
    next_planned_visit: datetime | None
    next_visit_due: date | None
    overdue: bool
    days_overdue: int
    specialist_id: str | None = None  # the responsible job specialist today (services/team.py)
    specialist_name: str | None = None


# The specialist filter's choice for participants nobody is responsible for.
NO_SPECIALIST = ""


# A participant's job as the detail shows it (the storage layer's plain value, re-exported for the UI).
PlacementSummary = q.PlacementFacts


@dataclass(frozen=True)
class ParticipantDetail:
    participant: Participant
    actors: tuple[CooperatingActor, ...]
    consents: tuple[Consent, ...]
    placements: tuple[PlacementSummary, ...]
    follow_up: cadence.FollowUpDue | None
    last_visit: date | None
    next_planned_visit: datetime | None

    @property
    def current_placement(self) -> PlacementSummary | None:
        return next((p for p in self.placements if p.status in q.CURRENT_PLACEMENT_STATUSES), None)


def list_participants(ws: Workspace, *, status: str | None = None, method: str | None = None,
                      overdue_only: bool = False, text: str | None = None,
                      now: datetime | None = None, pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS
                      ) -> list[ParticipantRow]:
    """Participants in Norwegian name order, with current job, last and next visit and follow-up due date
    (for participants without a job, by the pre-job interval: services/pre_job.py)."""
    now = local_now(now)
    with ws.folder.read() as session:
        people = q.briefs(session, status=status, method=method, text=text)
        placements = q.current_placements(session)
        spans = q.visit_spans(session, now=now)
        agreements = vq.agreement_terms_in_force(session, now.date())
        responsible = oq.responsible_on(session, now.date())
        names = {s.id: s.name for s in oq.specialists(session)}
    rows = []
    for p in people:
        pl = placements.get(p.id)
        span = spans.get(p.id, q.VisitSpan())
        due = follow_up_due(p, job_start=pl.start_date if pl else None, has_job=pl is not None,
                            last_held=span.last_held, terms=agreements.get(p.id, []), today=now.date(),
                            pre_job_interval_days=pre_job_interval_days)
        if overdue_only and not (due and due.overdue):
            continue
        rows.append(ParticipantRow(
            **vars(p), employer_name=pl.employer_name if pl else None,
            job_title=pl.job_title if pl else None,
            last_visit=span.last_held.astimezone().date() if span.last_held else None,
            next_planned_visit=span.next_planned.astimezone() if span.next_planned else None,
            next_visit_due=due.due if due else None, overdue=bool(due and due.overdue),
            days_overdue=due.days_overdue if due else 0,
            specialist_id=responsible.get(p.id), specialist_name=names.get(responsible.get(p.id, ""))))
    rows.sort(key=lambda row: (name_sort_key(row.last_name), name_sort_key(row.first_name), row.id))
    return rows


def follow_up_due(p: q.ParticipantBrief, *, job_start: date | None, has_job: bool, last_held: datetime | None,
                  terms: list[TermsInForce], today: date,
                  pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> cadence.FollowUpDue | None:
    """When the next visit is due, by the job's cadence (or the agreement's frequency), or before a job by the
    pre-job interval: the one rule the participant list and the overview's overdue figure share."""
    if has_job:
        agreed = agreed_rule_from_terms(terms, today).agreed_interval
        return follow_up_for(p.status, job_start, last_held, today, agreed)
    return pre_job_follow_up(status=p.status, phase=p.phase, has_current_job=False, last_held=last_held,
                             started=p.referred_on or p.follow_up_start, today=today,
                             interval_days=pre_job_interval_days)


def _folded_digits(text: str) -> str:
    return text.casefold().replace(".", "").replace("-", "")


def filter_rows(rows: list[ParticipantRow], *, status: str | None = None, method: str | None = None,
                overdue_only: bool = False, text: str | None = None, phase: str | None = None,
                specialist: str | None = None) -> list[ParticipantRow]:
    """The loaded list narrowed in memory (what the filters above the list do, without asking the database):
    every typed word must occur in the name, fødselsnummer or phone number, whatever the case. `specialist`:
    the responsible specialist's id, NO_SPECIALIST for participants nobody is responsible for, None for all."""
    words = [_folded_digits(w) or w.casefold() for w in (text or "").split()]
    found = []
    for row in rows:
        if (status and row.status != status) or (method and row.method != method) \
                or (overdue_only and not row.overdue) or (phase and row.phase != phase) \
                or (specialist is not None and (row.specialist_id or NO_SPECIALIST) != specialist):
            continue
        if words:
            hay = " ".join((row.first_name, row.last_name, row.fodselsnummer or "", row.phone or "")).casefold()
            if not all(w in hay for w in words):
                continue
        found.append(row)
    return found


def open_participant(ws: Workspace, participant_id: str, *, now: datetime | None = None,
                     log: bool = True, pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> ParticipantDetail | None:
    """Everything the detail panel shows; opening is written to the access log (who, when, which device).

    `log=False` for a reload of a participant already open (after a save), which is not a new look."""
    now = local_now(now)
    with ws.folder.write() as session:
        found = q.relations(session, participant_id)
        if found is None:
            return None
        if log:
            q.record_read(session, participant_id=participant_id, device_id=ws.device_id, at=now.astimezone(UTC))
        span = q.visit_spans(session, now=now, participant_id=participant_id).get(participant_id, q.VisitSpan())
        rule = agreed_rule(vq.agreement_versions(session, participant_id), now.date())
    summaries = found.placements
    current = next((pl for pl in summaries if pl.status in q.CURRENT_PLACEMENT_STATUSES), None)
    p = found.participant
    due = follow_up_for(p.status, current.start_date if current else None, span.last_held, now.date(),
                        rule.agreed_interval)
    if current is None:
        due = pre_job_follow_up(status=p.status, phase=p.phase, has_current_job=False, last_held=span.last_held,
                                started=p.referred_on or p.follow_up_start, today=now.date(),
                                interval_days=pre_job_interval_days)
    return ParticipantDetail(
        participant=found.participant, actors=found.actors, consents=found.consents, placements=summaries,
        follow_up=due,
        last_visit=span.last_held.astimezone().date() if span.last_held else None,
        next_planned_visit=span.next_planned.astimezone() if span.next_planned else None)


def _tidy(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def prepare(participant: Participant) -> Participant:
    """Trim typed text, turn empty optional fields into None and store the fødselsnummer as bare digits."""
    changes = {name: _tidy(getattr(participant, name)) for name in Participant.data_fields()}
    for required in ("first_name", "last_name", "method", "status"):
        changes[required] = changes[required] or ""
    if changes["fodselsnummer"]:
        changes["fodselsnummer"] = normalize_digits(str(changes["fodselsnummer"]))
    return replace(participant, **changes)  # type: ignore[arg-type]  # keys are its own data fields


def create_participant(ws: Workspace, participant: Participant) -> Participant:
    """Validate and store a new participant (or, given an id, changes to one).

    Raises ValidationFailed, also for a fødselsnummer already registered to someone else."""
    participant = prepare(participant)
    raise_if(participant.validate())
    with ws.folder.write() as session:
        if participant.fodselsnummer:
            other = q.same_fodselsnummer(session, participant.fodselsnummer, except_id=participant.id or None)
            if other is not None:
                raise ValidationFailed([FieldError("fodselsnummer", Message(
                    "fnr.duplicate", f"Det finnes allerede en deltaker med dette fødselsnummeret: {other.full_name}.",
                    f"A participant with this national identity number already exists: {other.full_name}."))])
        return repository.save(session, participant)


save_participant = create_participant


def tidy_record(record: R, *, required: tuple[str, ...] = ()) -> R:
    """Trim typed text and turn empty optional text into None; `required` text fields stay strings."""
    changes = {name: _tidy(getattr(record, name)) for name in type(record).data_fields()}
    for name in required:
        changes[name] = changes[name] or ""
    return replace(record, **changes)  # type: ignore[arg-type]  # keys are its own data fields


def save_actor(ws: Workspace, actor: CooperatingActor) -> CooperatingActor:
    """Add or change a cooperating actor (behandler, fastlege, family …). Raises ValidationFailed."""
    actor = tidy_record(actor, required=("role", "name"))
    with ws.folder.write() as session:
        return repository.save(session, actor)


def save_consent(ws: Workspace, consent: Consent) -> Consent:
    """Record a consent given (or refused) to share with a recipient. Raises ValidationFailed."""
    consent = tidy_record(consent, required=("recipient", "scope"))
    with ws.folder.write() as session:
        return repository.save(session, consent)


def withdraw_consent(ws: Workspace, consent_id: str, *, on: date) -> Consent:
    """The participant withdraws a consent: it stays on record, marked withdrawn from `on`."""
    with ws.folder.write() as session:
        consent = repository.require(session, Consent, consent_id)
        return repository.save(session, replace(consent, given=False, decided_on=on))


# One of the participant's agreements as the detail's agreements tab lists it (the storage layer's value).
ParticipantAgreement = q.AgreementFacts


def agreements_for(ws: Workspace, participant_id: str, *, today: date | None = None) -> list[ParticipantAgreement]:
    """The participant's follow-up agreements, newest first, each with its latest version and derived status."""
    today = today or local_now().date()
    with ws.folder.read() as session:
        return q.agreements(session, participant_id, today=today)
