"""Erasing one participant ("Slett deltaker"): what will go, and the erasure itself.

The erasure is local and immediate; the tombstone reaches the server and every other device at their next
sync, and the server deletes the participant's key (docs/sync.md, "Erasure"; docs/privacy.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from fieldapp import paths
from fieldapp.domain.erasure import REASONS, participant_handle
from fieldapp.domain.messages import DomainError, Message
from fieldapp.services.workspace import Workspace
from fieldapp.storage import erasure as store
from fieldapp.storage import merges

# What the confirmation names, in this order: table -> (bokmål, English) label.
PARTS: dict[str, tuple[str, str]] = {
    "visit": ("besøk", "visits"),
    "visit_note": ("besøksnotater", "visit notes"),
    "visit_action": ("tiltak fra besøk", "visit actions"),
    "agreement": ("avtaler", "agreements"),
    "agreement_version": ("avtaleversjoner", "agreement versions"),
    "signature": ("signaturer", "signatures"),
    "sealed_document": ("forseglede PDF-er", "sealed PDFs"),
    "placement": ("jobber", "jobs"),
    "job_lead": ("jobbmuligheter", "job leads"),
    "mapping": ("kartlegginger", "mappings"),
    "consent": ("samtykker", "consents"),
    "cooperating_actor": ("samarbeidspartnere", "cooperating actors"),
    "read_log": ("oppslag i tilgangsloggen", "access log entries"),
}


@dataclass(frozen=True)
class ErasurePreview:
    participant_id: str
    full_name: str
    counts: dict[str, int]  # table -> rows
    backups: int  # backup files that will be deleted (a fresh one is taken after)

    def lines(self, lang: str) -> list[str]:
        """Lines such as "visits: 12" for the parts that hold anything."""
        out = []
        for table, (nb, en) in PARTS.items():
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
