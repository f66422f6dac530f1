"""Employers for the UI: the list, one employer with contacts and placements, and saving employers and contacts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from fieldapp.domain.messages import FieldError, Message, ValidationFailed
from fieldapp.domain.names import name_sort_key
from fieldapp.domain.records import Employer, EmployerContact
from fieldapp.domain.validation import normalize_digits, raise_if
from fieldapp.services.participants import tidy_record
from fieldapp.services.workspace import Workspace
from fieldapp.storage import repository
from fieldapp.storage.queries import employers as q


@dataclass(frozen=True)
class EmployerRow:
    id: str
    name: str
    orgnr: str | None
    address: str | None
    postcode: str | None
    city: str | None
    industry: str | None
    phone: str | None
    contact_name: str | None
    contact_phone: str | None
    current_placements: int


def list_employers(ws: Workspace, *, text: str | None = None) -> list[EmployerRow]:
    """Employers in Norwegian alphabetical order, optionally only those matching every word of `text`."""
    with ws.folder.read() as session:
        found = q.employers(session, text=text)
    rows = [EmployerRow(id=f.employer.id, name=f.employer.name, orgnr=f.employer.orgnr, address=f.employer.address,
                        postcode=f.employer.postcode, city=f.employer.city, industry=f.employer.industry,
                        phone=f.employer.phone, contact_name=f.contact_name, contact_phone=f.contact_phone,
                        current_placements=f.current_placements)
            for f in found]
    rows.sort(key=lambda row: (name_sort_key(row.name), row.id))
    return rows


# A job at this employer as the detail lists it (the storage layer's plain value, re-exported for the UI).
EmployerPlacementRow = q.EmployerPlacementFacts


@dataclass(frozen=True)
class EmployerDetail:
    employer: Employer
    contacts: tuple[EmployerContact, ...]
    placements: tuple[EmployerPlacementRow, ...]


@dataclass(frozen=True)
class EmployerChoice:
    """An employer as the placement form offers it: name and contact persons."""

    id: str
    name: str
    orgnr: str | None
    contacts: tuple[EmployerContact, ...]


def employer_detail(ws: Workspace, employer_id: str) -> EmployerDetail | None:
    with ws.folder.read() as session:
        employer = repository.get(session, Employer, employer_id)
        if employer is None:
            return None
        return EmployerDetail(employer=employer, contacts=tuple(q.contacts(session, employer_id)),
                              placements=tuple(q.placements_at(session, employer_id)))


def employer_choices(ws: Workspace) -> list[EmployerChoice]:
    """Every employer with its contact persons, in Norwegian alphabetical order."""
    with ws.folder.read() as session:
        found = q.employers(session)
        contacts = q.contacts(session)
    by_employer: dict[str, list[EmployerContact]] = {}
    for c in contacts:
        by_employer.setdefault(c.employer_id, []).append(c)
    choices = [EmployerChoice(id=f.employer.id, name=f.employer.name, orgnr=f.employer.orgnr,
                              contacts=tuple(by_employer.get(f.employer.id, ()))) for f in found]
    choices.sort(key=lambda c: (name_sort_key(c.name), c.id))
    return choices


def save_employer(ws: Workspace, employer: Employer) -> Employer:
    """Add or change an employer; organisation numbers are stored as bare digits and must be unique.

    Raises ValidationFailed (invalid or already registered organisation number, missing name …)."""
    employer = tidy_record(employer, required=("name",))
    numbers: dict[str, Any] = {name: normalize_digits(getattr(employer, name)) if getattr(employer, name) else None
               for name in ("orgnr", "business_number")}
    employer = replace(employer, **numbers)
    raise_if(employer.validate())
    with ws.folder.write() as session:
        if employer.orgnr:
            other = q.same_orgnr(session, employer.orgnr, except_id=employer.id or None)
            if other is not None:
                raise ValidationFailed([FieldError("orgnr", Message(
                    "orgnr.duplicate", f"Det finnes allerede en arbeidsgiver med dette organisasjonsnummeret: "
                    f"{other.name}.", f"An employer with this organisation number already exists: {other.name}."))])
        return repository.save(session, employer)


def save_contact(ws: Workspace, contact: EmployerContact) -> EmployerContact:
    """Add or change an employer's contact person. Raises ValidationFailed."""
    contact = tidy_record(contact, required=("name", "role"))
    with ws.folder.write() as session:
        return repository.save(session, contact)
