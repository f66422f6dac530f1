"""Employer contacts (jobbutvikling) for the UI: logging them, the log, and this week's count against the target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from fieldapp.domain.jobdev_records import EmployerOutreach, OutreachFor
from fieldapp.domain.names import name_sort_key
from fieldapp.domain.messages import FieldError, Message, ValidationFailed
from fieldapp.domain.pre_job_cadence import DEFAULT_WEEKLY_TARGET, week_of
from fieldapp.domain.records import Employer
from fieldapp.domain.validation import normalize_digits, raise_if
from fieldapp.services.participants import tidy_record
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import employers as eq
from fieldapp.storage.queries import jobdev as q
from fieldapp.storage.queries import participants as pq


@dataclass(frozen=True)
class ParticipantChoice:
    id: str
    name: str


def participant_choices(ws: Workspace) -> list[ParticipantChoice]:
    """Participants still followed up, in Norwegian name order: whom an employer contact can be made for."""
    with ws.folder.read() as session:
        found = pq.briefs(session)
    choices = [ParticipantChoice(b.id, f"{b.first_name} {b.last_name}".strip()) for b in found if b.status != "ended"]
    choices.sort(key=lambda c: (name_sort_key(c.name), c.id))
    return choices


@dataclass(frozen=True)
class OutreachRow:
    """An employer contact as the log and the employer's page show it."""

    id: str
    contact_date: date
    employer_id: str
    employer_name: str
    kind: str
    contact_person: str | None
    participant_ids: tuple[str, ...]
    participant_names: tuple[str, ...]
    asked_for: str | None
    outcome: str | None
    next_step: str | None
    next_step_date: date | None
    made_by: str

    @property
    def general(self) -> bool:
        return not self.participant_ids


@dataclass(frozen=True)
class WeekOfOutreach:
    """This week's employer contacts by the job specialist against the target, and next steps due."""

    week_start: date
    week_end: date
    count: int
    target: int
    next_steps: tuple[OutreachRow, ...]

    @property
    def reached(self) -> bool:
        return self.count >= self.target


def _row(f: q.OutreachFacts) -> OutreachRow:
    o = f.outreach
    return OutreachRow(id=o.id, contact_date=o.contact_date, employer_id=o.employer_id, employer_name=f.employer_name,
                       kind=o.kind, contact_person=o.contact_person,
                       participant_ids=tuple(pid for pid, _ in f.participants),
                       participant_names=tuple(name for _, name in f.participants), asked_for=o.asked_for,
                       outcome=o.outcome, next_step=o.next_step, next_step_date=o.next_step_date,
                       made_by=o.created_by)


def list_outreach(ws: Workspace, *, employer_id: str | None = None, participant_id: str | None = None,
                  since: date | None = None) -> list[OutreachRow]:
    """Employer contacts, newest first: all, one employer's, or those made for one participant."""
    with ws.folder.read() as session:
        return [_row(f) for f in q.outreach(session, employer_id=employer_id, participant_id=participant_id,
                                            since=since)]


def outreach_participants(ws: Workspace, outreach_id: str) -> tuple[str, ...]:
    with ws.folder.read() as session:
        return tuple(link.participant_id for link in q.links(session, outreach_id))


def log_outreach(ws: Workspace, outreach: EmployerOutreach, participant_ids: Sequence[str] = (), *,
                 new_employer: Employer | None = None) -> EmployerOutreach:
    """Store an employer contact made for `participant_ids` (none: a general contact), all in one transaction.

    With `new_employer` the employer is registered first (organisation number checked and unique) and the
    contact is logged with it. `participant_ids` is the complete set: links to others are removed.
    Raises ValidationFailed."""
    outreach = tidy_record(outreach, required=("kind", "employer_id"))
    errors = []
    if new_employer is not None:
        new_employer = tidy_record(new_employer, required=("name",))
        if new_employer.orgnr:
            new_employer = replace(new_employer, orgnr=normalize_digits(new_employer.orgnr))
        errors += [FieldError(f"employer.{e.field}", e.message) for e in new_employer.validate()]
        # The employer's id comes only once it is stored; until then the new one stands in for it.
        errors += [e for e in replace(outreach, employer_id="new").validate()]
    else:
        errors += outreach.validate()
    raise_if(errors)
    with ws.folder.write() as session:
        if new_employer is not None:
            if new_employer.orgnr and (other := eq.same_orgnr(session, new_employer.orgnr)) is not None:
                raise ValidationFailed([FieldError("employer.orgnr", Message(
                    "orgnr.duplicate", f"Det finnes allerede en arbeidsgiver med dette organisasjonsnummeret: "
                    f"{other.name}. Velg den i stedet.",
                    f"An employer with this organisation number already exists: {other.name}. Choose it instead."))])
            employer = repository.save(session, new_employer)
            outreach = replace(outreach, employer_id=employer.id)
        saved = repository.save(session, outreach)
        wanted = list(dict.fromkeys(participant_ids))
        existing = {link.participant_id: link for link in q.links(session, saved.id)}
        for pid in wanted:
            if pid not in existing:
                repository.save(session, OutreachFor(outreach_id=saved.id, participant_id=pid))
        for pid, link in existing.items():
            if pid not in wanted:
                repository.tombstone(session, OutreachFor, link.id)
        return saved


def delete_outreach(ws: Workspace, outreach_id: str) -> None:
    """Tombstone a contact logged by mistake, with its links to participants."""
    with ws.folder.write() as session:
        for link in q.links(session, outreach_id):
            repository.tombstone(session, OutreachFor, link.id)
        repository.tombstone(session, EmployerOutreach, outreach_id)


def week_of_outreach(ws: Workspace, *, today: date, target: int = DEFAULT_WEEKLY_TARGET,
                     made_by: str | None = None) -> WeekOfOutreach:
    """The week holding `today`: contacts logged by `made_by` (default: this folder's user) against `target`,
    and the open next steps due by the end of the week (overdue ones included)."""
    first, last = week_of(today)
    with ws.folder.read() as session:
        count = q.count_between(session, first, last, made_by=made_by or ws.actor)
        steps = q.open_next_steps(session, until=last)
    return WeekOfOutreach(week_start=first, week_end=last, count=count, target=max(1, target),
                          next_steps=tuple(_row(f) for f in steps))
