"""What the access log records: the kinds of access, with bokmål and English labels."""

from __future__ import annotations

from fieldapp.domain.vocab import Term

PARTICIPANT = "participant"
VISIT = "visit"
AGREEMENT = "agreement"
PDF = "pdf"
PRINT = "print"
EXPORT = "export"
REVEAL_FNR = "reveal_fnr"
ACCESS_EXPORT = "access_export"
MINUTES = "minutes"

ACCESS_KINDS: tuple[Term, ...] = (
    Term(PARTICIPANT, "Åpnet deltakeren", "Opened the participant"),
    Term(VISIT, "Åpnet et besøk", "Opened a visit"),
    Term(AGREEMENT, "Åpnet en avtale", "Opened an agreement"),
    Term(PDF, "Så eller lagret avtalen som PDF", "Viewed or saved the agreement as PDF"),
    Term(PRINT, "Skrev ut avtalen", "Printed the agreement"),
    Term(EXPORT, "Eksporterte opplysningene (JSON)", "Exported the data (JSON)"),
    Term(REVEAL_FNR, "Viste fødselsnummeret", "Revealed the national ID number"),
    Term(ACCESS_EXPORT, "Eksporterte innsyn (PDF og JSON)", "Exported a subject access copy (PDF and JSON)"),
    Term(MINUTES, "Lagret referat fra samarbeidsmøte", "Saved the minutes of a cooperation meeting"),
)
KIND_CODES = frozenset(t.code for t in ACCESS_KINDS)
