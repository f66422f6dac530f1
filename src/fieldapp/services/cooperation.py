"""Cooperation meetings for the UI: the list, saving a meeting with its agreed items, the consent check, minutes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from fieldapp.documents.minutes_pdf import (MinutesArea, MinutesAttendee, MinutesContent, MinutesItem,
                                            render_minutes_pdf)
from fieldapp.domain import access_log as kinds
from fieldapp.domain import cooperation_consent as rules
from fieldapp.domain import vocab
from fieldapp.domain.cooperation_records import CooperationMeeting, MeetingItem
from fieldapp.domain.messages import DomainError, FieldError, Message, ValidationFailed
from fieldapp.domain.records import Consent, CooperatingActor, Participant
from fieldapp.domain.validation import raise_if
from fieldapp.files import write_atomic
from fieldapp.services import access_log
from fieldapp.services.participants import tidy_record
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import cooperation as q
from fieldapp.storage.queries import mapping as mq
from fieldapp.storage.queries import participants as pq
from fieldapp.storage.repository import RecordNotFound


@dataclass(frozen=True)
class MeetingContext:
    """What the meeting editor offers: the participant's cooperating actors and consents."""

    participant_id: str
    participant_name: str
    actors: tuple[CooperatingActor, ...]
    consents: tuple[Consent, ...]

    def without_consent(self, actor_ids: Sequence[str]) -> list[CooperatingActor]:
        chosen = [a for a in self.actors if a.id in set(actor_ids)]
        return rules.without_consent(chosen, self.consents)


@dataclass(frozen=True)
class MeetingRow:
    meeting: CooperationMeeting
    attendees: tuple[CooperatingActor, ...]
    items: tuple[MeetingItem, ...]
    missing_consent: tuple[CooperatingActor, ...]

    @property
    def attendee_names(self) -> str:
        return ", ".join(a.name for a in self.attendees)


def _context(session, participant_id: str) -> MeetingContext:
    rel = pq.relations(session, participant_id)
    if rel is None:
        raise RecordNotFound(Participant, participant_id)
    return MeetingContext(participant_id, rel.participant.full_name, rel.actors, rel.consents)


def meeting_context(ws: Workspace, participant_id: str) -> MeetingContext:
    with ws.folder.read() as session:
        return _context(session, participant_id)


def _rows(ctx: MeetingContext, meetings: Sequence[CooperationMeeting],
          items: dict[str, list[MeetingItem]]) -> list[MeetingRow]:
    by_id = {a.id: a for a in ctx.actors}
    out = []
    for mt in meetings:
        attendees = tuple(by_id[i] for i in mt.attendee_ids if i in by_id)
        out.append(MeetingRow(mt, attendees, tuple(items.get(mt.id, ())),
                              tuple(rules.without_consent(attendees, ctx.consents))))
    return out


def list_meetings(ws: Workspace, participant_id: str) -> list[MeetingRow]:
    """The participant's cooperation meetings, newest first, each with its attendees and agreed items."""
    with ws.folder.read() as session:
        ctx = _context(session, participant_id)
        meetings = q.meetings(session, participant_id)
        return _rows(ctx, meetings, q.items(session, [mt.id for mt in meetings]))


def save_meeting(ws: Workspace, meeting: CooperationMeeting, items: Sequence[MeetingItem]) -> MeetingRow:
    """Store a meeting and its agreed items in one transaction; `items` is the complete list (others are removed).

    Attendees must be the participant's own cooperating actors. Raises ValidationFailed."""
    meeting = tidy_record(meeting, required=("topic",))
    items = [tidy_record(i, required=("what",)) for i in items if (i.what or "").strip() or (i.who or "").strip()]
    errors = list(meeting.validate())
    for n, item in enumerate(items):
        errors += [FieldError(f"items[{n}].{e.field}", e.message) for e in replace(item, meeting_id="x").validate()]
    raise_if(errors)
    with ws.folder.write() as session:
        ctx = _context(session, meeting.participant_id)
        known = {a.id for a in ctx.actors}
        if stray := [i for i in meeting.attendee_ids if i not in known]:
            raise ValidationFailed([FieldError("attendee_ids", Message(
                "meeting.unknown_attendee", f"{len(stray)} av deltakerne på møtet er ikke blant deltakerens "
                "samarbeidsaktører (slettet på en annen enhet?). Velg deltakerne på nytt.",
                f"{len(stray)} of the attendees are not among the participant's cooperating actors (deleted on "
                "another device?). Choose the attendees again."))])
        saved = repository.save(session, meeting)
        old = {i.id: i for i in q.items(session, [saved.id])[saved.id]}
        kept = []
        for item in items:
            if item.id and item.id not in old:
                item = replace(item, id="")  # an item of another meeting cannot be moved here
            kept.append(repository.save(session, replace(item, meeting_id=saved.id)))
        for gone in set(old) - {i.id for i in kept}:
            repository.tombstone(session, MeetingItem, gone)
        return _rows(ctx, [saved], {saved.id: kept})[0]


def delete_meeting(ws: Workspace, meeting_id: str) -> None:
    with ws.folder.write() as session:
        for item in q.items(session, [meeting_id])[meeting_id]:
            repository.tombstone(session, MeetingItem, item.id)
        repository.tombstone(session, CooperationMeeting, meeting_id)


def minutes_warning(ws: Workspace, meeting_id: str) -> Message | None:
    """The warning to show before the minutes are printed or saved: attendees without recorded consent."""
    with ws.folder.read() as session:
        meeting = repository.require(session, CooperationMeeting, meeting_id)
        ctx = _context(session, meeting.participant_id)
    return rules.consent_warning(ctx.without_consent(meeting.attendee_ids))


def _areas(session, meeting: CooperationMeeting, attendees: Sequence[CooperatingActor],
           consents: Sequence[Consent]) -> tuple[tuple[MinutesArea, ...], str]:
    if not meeting.share_mapping:
        return (), ""
    history = mq.mappings(session, meeting.participant_id)
    if not history:
        return (), ""
    allowed = rules.areas_for_minutes(attendees, consents)
    shown, withheld = [], set()
    labels = {code: nb for code, nb, _, _ in vocab.MAPPING_AREAS}
    for area in mq.areas(session, history[0].id):
        if area.status == "not_mapped" and not area.description:
            continue
        sensitive = area.sensitive or area.area in vocab.SENSITIVE_AREAS
        if sensitive and area.area not in allowed:
            withheld.add(area.area)
            continue
        shown.append(MinutesArea(labels.get(area.area, area.area), vocab.label(vocab.MAPPING_STATUSES, area.status),
                                 area.description or ""))
    return tuple(shown), rules.withheld_note(withheld) if withheld else ""


def minutes_pdf(ws: Workspace, meeting_id: str, *, log: bool = True) -> bytes:
    """The minutes for the attendees. Sensitive mapping areas appear only with consent for every attendee."""
    with ws.folder.read() as session:
        meeting = repository.require(session, CooperationMeeting, meeting_id)
        ctx = _context(session, meeting.participant_id)
        items = q.items(session, [meeting_id])[meeting_id]
        row = _rows(ctx, [meeting], {meeting_id: items})[0]
        areas, withheld = _areas(session, meeting, row.attendees, ctx.consents)
    content = MinutesContent(
        participant_name=ctx.participant_name, held_on=meeting.held_on, topic=meeting.topic,
        place=meeting.place or "", written_by=meeting.created_by,
        attendees=tuple(MinutesAttendee(a.name, a.role, a.organisation or "") for a in row.attendees),
        other_attendees=meeting.other_attendees or "", notes=meeting.notes or "",
        items=tuple(MinutesItem(i.what, i.who or "", i.deadline) for i in items),
        next_meeting_on=meeting.next_meeting_on, areas=areas, withheld_note=withheld)
    pdf = render_minutes_pdf(content)
    if log:
        access_log.record(ws, participant_id=meeting.participant_id, kind=kinds.MINUTES, target_id=meeting_id)
    return pdf



def save_minutes(ws: Workspace, meeting_id: str, path: Path) -> Path:
    """Write the minutes PDF to `path` (all or nothing, owner-only). Raises DomainError when it cannot be written."""
    pdf = minutes_pdf(ws, meeting_id)
    try:
        write_atomic(path, pdf)
    except OSError as exc:
        raise DomainError(Message(
            "minutes.write_failed", f"Referatet kunne ikke lagres i {path}: {exc.strerror or exc}. Velg en annen "
            "mappe, eller sjekk at det er plass på disken.",
            f"The minutes could not be saved to {path}: {exc.strerror or exc}. Choose another folder, or check "
            "that there is room on the disk.")) from exc
    return path
