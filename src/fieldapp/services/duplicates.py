"""The same person (or employer) registered twice: finding the pairs and merging them under one id."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.masking import masked_fodselsnummer
from fieldapp.domain.messages import DomainError, Message
from fieldapp.services.workspace import Workspace
from fieldapp.storage import merges

__all__ = ["Duplicate", "DuplicateSide", "MergeDone", "count", "find", "merge"]

# What the confirmation counts for each side: the records a specialist recognises.
_COUNTED = {"participant": ("visit", "placement", "agreement"), "employer": ("placement", "employer_contact",
                                                                            "agreement")}


@dataclass(frozen=True)
class DuplicateSide:
    id: str
    name: str
    key_masked: str  # the birth date with the rest of the fødselsnummer masked, or the orgnr
    visits: int = 0
    jobs: int = 0
    agreements: int = 0
    contacts: int = 0


@dataclass(frozen=True)
class Duplicate:
    """Two live records with the same fødselsnummer (participant) or orgnr (employer); `keep` was registered first."""

    entity: str  # participant | employer
    keep: DuplicateSide
    other: DuplicateSide


@dataclass(frozen=True)
class MergeDone:
    entity: str
    into_id: str
    filled: tuple[str, ...]  # fields of the survivor that were empty and took the other record's value
    to_review: tuple[str, ...]  # fields with two different values: conflicts to review


def _side(entity: str, side: merges.PairSide) -> DuplicateSide:
    row, counts = side.row, side.counts
    if entity == "participant":
        name = f"{row['first_name']} {row['last_name']}"
        key = masked_fodselsnummer(str(row["fodselsnummer"] or ""))
    else:
        name, key = str(row["name"]), str(row["orgnr"] or "")
    return DuplicateSide(str(row["id"]), name, key, visits=counts.get("visit", 0), jobs=counts.get("placement", 0),
                         agreements=counts.get("agreement", 0), contacts=counts.get("employer_contact", 0))


def find(ws: Workspace, entity: str | None = None) -> list[Duplicate]:
    """Every pair of live records that are one person (or one employer), participants first."""
    out: list[Duplicate] = []
    with ws.folder.read() as session:
        conn = session.connection()
        for kind in (entity,) if entity else merges.MERGEABLE:
            out += [Duplicate(kind, _side(kind, a), _side(kind, b)) for a, b in merges.duplicate_sides(conn, kind)]
    return out


def count(ws: Workspace, entity: str | None = None) -> int:
    """How many pairs there are (what the status bar and an import result show)."""
    with ws.folder.read() as session:
        conn = session.connection()
        return sum(len(merges.duplicate_pairs(conn, kind)) for kind in ((entity,) if entity else merges.MERGEABLE))


def merge(ws: Workspace, *, entity: str, from_id: str, into_id: str) -> MergeDone:
    """Keep every visit, job, agreement and mapping of `from_id` under `into_id`; the merge syncs to every device."""
    try:
        filled, differing = merges.merge_records(ws.folder, entity=entity, from_id=from_id, into_id=into_id)
    except merges.NotMergeable as exc:
        raise DomainError(Message(
            "duplicates.gone", "Disse to kan ikke slås sammen lenger: en av dem er endret, slettet eller allerede "
                               "slått sammen. Se listen på nytt.",
            "These two can no longer be merged: one of them was changed, deleted or already merged. "
            "Look at the list again.")) from exc
    return MergeDone(entity, into_id, tuple(filled), tuple(differing))
