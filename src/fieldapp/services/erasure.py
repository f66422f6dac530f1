"""Erasing one participant ("Slett deltaker"): what will go, and the erasure itself.

The erasure is local and immediate; the tombstone reaches the server and every other device at their next
sync, and the server deletes the participant's key (docs/sync.md, "Erasure"; docs/privacy.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fieldapp import paths
from fieldapp.domain.erasure import REASONS, participant_handle
from fieldapp.domain.field_labels import entity_label
from fieldapp.domain.messages import DomainError, Message
from fieldapp.services.workspace import Workspace
from fieldapp.storage import erasure as store
from fieldapp.storage import merges

# How the confirmation names a kind of record, in this order, where a plural reads better than the record type's
# name (domain/field_labels.py): table -> (bokmål, English). parts() adds every other table the erasure deletes.
PARTS: dict[str, tuple[str, str]] = {
    "visit": ("besøk", "visits"),
    "visit_note": ("besøksnotater", "visit notes"),
    "visit_action": ("tiltak fra besøk", "visit actions"),
    "visit_attendee": ("til stede på besøk", "visit attendees"),
    "agreement": ("avtaler", "agreements"),
    "agreement_version": ("avtaleversjoner", "agreement versions"),
    "agreement_event": ("avtalehendelser", "agreement events"),
    "signature": ("signaturer", "signatures"),
    "sealed_document": ("forseglede PDF-er", "sealed PDFs"),
    "placement": ("jobber", "jobs"),
    "job_lead": ("jobbmuligheter", "job leads"),
    "outreach_for": ("arbeidsgiverkontakter på deltakerens vegne", "employer outreach on their behalf"),
    "nav_measure": ("NAV-virkemidler", "NAV measures"),
    "mapping": ("kartlegginger", "mappings"),
    "mapping_area": ("kartleggingsområder", "mapping areas"),
    "consent": ("samtykker", "consents"),
    "participant_benefit": ("ytelser", "benefits"),
    "cooperating_actor": ("samarbeidspartnere", "cooperating actors"),
    "cooperation_meeting": ("samarbeidsmøter", "cooperation meetings"),
    "meeting_item": ("avtalt i samarbeidsmøter", "items agreed in cooperation meetings"),
    "assignment": ("ansvarlige jobbspesialister", "responsible job specialists"),
    "read_log": ("oppslag i tilgangsloggen", "access log entries"),
}


def parts() -> dict[str, tuple[str, str]]:
    """Every table the erasure deletes from besides the participant's own: table -> (bokmål, English) label.

    From the erasure's own list of tables, so a table added later is named too (by its record type's name
    until it gets a plural here)."""
    owned = [t for t in store.owned_tables() if t != "participant"]
    ordered = [t for t in PARTS if t in owned] + [t for t in owned if t not in PARTS]
    return {t: PARTS.get(t) or (entity_label(t, "nb").lower(), entity_label(t, "en").lower()) for t in ordered}


@dataclass(frozen=True)
class ErasurePreview:
    participant_id: str
    full_name: str
    counts: dict[str, int]  # table -> rows
    backups: int  # backup files that will be deleted (a fresh one is taken after)

    def lines(self, lang: str) -> list[str]:
        """Lines such as "visits: 12" for the parts that hold anything."""
        out = []
        for table, (nb, en) in parts().items():
            n = self.counts.get(table, 0)
            if n:
                out.append(f"{nb if lang == 'nb' else en}: {n}")
        return out


@dataclass(frozen=True)
class ErasureDone:
    participant_id: str
    rows: int
    backups_deleted: int
    exports_deleted: int


def _not_found(participant_id: str) -> DomainError:
    return DomainError(Message("erasure.not_found", f"Fant ingen deltaker med id {participant_id}.",
                               f"No participant with id {participant_id}."))


def preview(ws: Workspace, participant_id: str) -> ErasurePreview:
    found = store.describe(ws.folder, participant_id)
    if found is None:
        raise _not_found(participant_id)
    backups = paths.backups_dir(ws.path)
    count = sum(1 for f in backups.iterdir() if f.is_file()) if backups.is_dir() else 0
    return ErasurePreview(participant_id, found[0], found[1], count)


def erase(ws: Workspace, *, participant_id: str, reason_code: str) -> ErasureDone:
    """Erase the participant from this device now; the tombstone goes to the team at the next sync."""
    if reason_code not in REASONS:
        raise DomainError(Message("erasure.reason", f"Ukjent grunn «{reason_code}».", f"Unknown reason '{reason_code}'."))
    if store.describe(ws.folder, participant_id) is None:
        raise _not_found(participant_id)
    # The same person's records merged into this one (storage/merges.py) hold their name and number too.
    with ws.folder.read() as session:
        merged_away = merges.merged_into(session.connection(), "participant", participant_id)
    rows = backups = exports = 0
    for pid in (*merged_away, participant_id):
        tomb = store.Tombstone(participant_handle(pid), pid, store.stamp(), ws.actor, ws.device_id, reason_code)
        outcome = store.erase_participant(ws.folder, tomb, event="erased", sent=False)
        rows += sum(outcome.local.rows.values())
        backups += outcome.backups_deleted
        exports += outcome.exports_deleted
    return ErasureDone(participant_id, rows, backups, exports)


def log(ws: Workspace) -> list[store.LogRow]:
    """Erasure events, oldest first: erased here, received from the team, late changes refused (no content)."""
    return store.erasure_log(ws.folder)


@dataclass(frozen=True)
class LogEntry:
    """One erasure log entry as the app shows it: no handle (it names nobody to a reader, but is not needed)."""

    at: datetime  # UTC
    event: str
    device_id: str
    reason_code: str | None
    count: int


def log_entries(ws: Workspace) -> list[LogEntry]:
    """The erasure log, newest first, for the app's "Erasure log" window."""
    return [LogEntry(datetime.fromisoformat(r.at), r.event, r.device_id, r.reason_code, r.count)
            for r in reversed(store.erasure_log(ws.folder))]
