"""The access log for the UI and the command line: record who saw what, and list it per participant.

"Hvem har sett opplysningene": opening a participant, a visit or an agreement, viewing, saving or printing a
PDF, exporting and revealing a fødselsnummer each leave one entry (who, which device, when, what kind).
"""

from __future__ import annotations

from datetime import UTC, datetime

from fieldapp.domain import access_log as kinds
from fieldapp.domain.messages import DomainError, Message
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import access_log as q

AccessEntry = q.AccessEntry


def _check_kind(kind: str) -> None:
    if kind not in kinds.KIND_CODES:
        raise DomainError(Message("access_log.kind", f"Ukjent type tilgang: «{kind}».", f"Unknown kind of access: '{kind}'."))


def record(ws: Workspace, *, participant_id: str, kind: str, target_id: str | None = None,
           at: datetime | None = None) -> None:
    _check_kind(kind)
    with ws.folder.write() as session:
        q.append(session, participant_id=participant_id, device_id=ws.device_id,
                 at=(at or datetime.now(UTC)).astimezone(UTC), kind=kind, target_id=target_id)


def record_many(ws: Workspace, participant_ids: list[str], *, kind: str) -> None:
    """The same access to many participants at once (an export of everything: each participant's log shows it)."""
    _check_kind(kind)
    with ws.folder.write() as session:
        q.append_many(session, participant_ids=participant_ids, device_id=ws.device_id, at=datetime.now(UTC),
                      kind=kind)


def record_visit(ws: Workspace, visit_id: str, *, kind: str = kinds.VISIT) -> None:
    """Log access to a visit (its participant is looked up); a visit not stored yet logs nothing."""
    with ws.folder.write() as session:
        participant_id = q.participant_of_visit(session, visit_id)
        if participant_id is not None:
            q.append(session, participant_id=participant_id, device_id=ws.device_id, at=datetime.now(UTC),
                     kind=kind, target_id=visit_id)


def record_agreement(ws: Workspace, agreement_id: str, *, kind: str = kinds.AGREEMENT) -> None:
    """Log access to an agreement or its PDF (kind agreement, pdf or print)."""
    _check_kind(kind)
    with ws.folder.write() as session:
        participant_id = q.participant_of_agreement(session, agreement_id)
        if participant_id is not None:
            q.append(session, participant_id=participant_id, device_id=ws.device_id, at=datetime.now(UTC),
                     kind=kind, target_id=agreement_id)


def entries_for(ws: Workspace, participant_id: str) -> list[AccessEntry]:
    """The participant's access log, newest first (all devices' entries once synced)."""
    with ws.folder.read() as session:
        return q.entries(session, participant_id)
