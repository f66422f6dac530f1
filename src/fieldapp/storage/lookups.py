"""Finding existing records by their official number (fødselsnummer, organisasjonsnummer).

Used by import to decide between updating and creating. Only non-deleted records are found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from sqlalchemy.orm import QueryableAttribute, Session

from fieldapp.domain.records import Employer, Participant, RecordBase
from fieldapp.storage import models as m
from fieldapp.storage import repository

# SQLite allows at most 999 bound parameters in old builds; stay well below.
CHUNK = 500

R = TypeVar("R", bound=RecordBase)


def _chunks(numbers: Iterable[str]) -> Iterator[list[str]]:
    unique = sorted({n for n in numbers if n})
    for i in range(0, len(unique), CHUNK):
        yield unique[i:i + CHUNK]


def _by_number(session: Session, cls: type[R], column: QueryableAttribute[str | None], attr: str,
               numbers: Iterable[str]) -> dict[str, R]:
    matches: list[R] = []
    for chunk in _chunks(numbers):
        matches += repository.list_where(session, cls, column.in_(chunk))
    # Oldest first, so that if the register already holds the same number twice, the original
    # record is the one found (deterministically) rather than an arbitrary one.
    matches.sort(key=lambda r: (r.created_at is None, r.created_at or 0, r.id))
    found: dict[str, R] = {}
    for record in matches:
        found.setdefault(getattr(record, attr), record)
    return found


def participants_by_fodselsnummer(session: Session, numbers: Iterable[str]) -> dict[str, Participant]:
    """Non-deleted participants whose stored fødselsnummer is one of `numbers` (11 digits, no spaces)."""
    return _by_number(session, Participant, m.Participant.fodselsnummer, "fodselsnummer", numbers)


def employers_by_orgnr(session: Session, numbers: Iterable[str]) -> dict[str, Employer]:
    """Non-deleted employers whose stored organisasjonsnummer is one of `numbers` (9 digits, no spaces)."""
    return _by_number(session, Employer, m.Employer.orgnr, "orgnr", numbers)
