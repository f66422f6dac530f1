"""The kinds of spreadsheet import (participants, employers): their columns, names in both languages and aliases."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.records import Employer, Participant

PARTICIPANTS = "participants"
EMPLOYERS = "employers"
KINDS = (PARTICIPANTS, EMPLOYERS)


@dataclass(frozen=True)
class Column:
    field: str      # attribute on the record
    nb: str         # name in Norwegian files and messages
    en: str         # name in English files and messages
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    cls: type[Participant] | type[Employer]
    columns: tuple[Column, ...]
    number: str             # the field that identifies a record
    required: tuple[str, ...]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)


KIND_SPECS: dict[str, Kind] = {
    PARTICIPANTS: Kind(
        Participant,
        (
            Column("first_name", "fornavn", "first_name", ("first name", "firstname")),
            Column("last_name", "etternavn", "last_name", ("last name", "lastname")),
            Column("fodselsnummer", "fodselsnummer", "national_id", ("fødselsnummer", "fnr", "national id")),
            Column("phone", "telefon", "phone", ("mobil", "telefonnummer")),
            Column("email", "epost", "email", ("e-post", "e-mail")),
        ),
        number="fodselsnummer",
        required=("first_name", "last_name"),
    ),
    EMPLOYERS: Kind(
        Employer,
        (
            Column("name", "navn", "name"),
            Column("orgnr", "organisasjonsnummer", "orgnr", ("organisation_number", "organization_number",
                                                              "organisation number", "organization number")),
            Column("address", "adresse", "address"),
            Column("phone", "telefon", "phone", ("telefonnummer",)),
            Column("email", "epost", "email", ("e-post", "e-mail")),
        ),
        number="orgnr",
        required=("name",),
    ),
}


def kind_spec(kind: str) -> Kind:
    try:
        return KIND_SPECS[kind]
    except KeyError:
        raise DomainError(Message(
            "import.kind", f"Ukjent importtype «{kind}» (tillatt: {', '.join(KINDS)}).",
            f"Unknown import kind '{kind}' (allowed: {', '.join(KINDS)}).")) from None


def column_label(spec: Kind, name: str, lang: str) -> str:
    col = next((c for c in spec.columns if c.field == name), None)
    if col is None:
        return name
    return col.en if lang == "en" else col.nb
