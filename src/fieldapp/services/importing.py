"""Importing participants or employers from a spreadsheet: CSV (UTF-8 or Windows-1252) or Excel .xlsx.

All or nothing: the whole file is read and checked first, and any problem (unreadable text,
wrong columns, an invalid number, a missing name, a line break inside a name, the same number
twice) rejects the file with a list of what is wrong where, and nothing is stored. A file that
passes is stored in one transaction, updating existing records found by fødselsnummer /
organisasjonsnummer. The file is checked in import_checking.py (columns per kind in import_kinds.py,
what is wrong in import_problems.py); this module stores it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.records import Employer, Participant
from fieldapp.services import duplicates
from fieldapp.services.import_checking import ImportRow, read_import_file
from fieldapp.services.import_kinds import EMPLOYERS, PARTICIPANTS, column_label, kind_spec
from fieldapp.services.import_problems import ImportProblem, ImportRejected
from fieldapp.services.workspace import Workspace
from fieldapp.storage import lookups, repository

__all__ = ["ImportResult", "import_file", "import_rows", "summary"]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int = 0  # matched an existing record whose values were already the same
    duplicates: int = 0  # pairs of this kind registered twice after the import (services/duplicates.py)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def import_rows(ws: Workspace, kind: str, rows: Sequence[ImportRow]) -> ImportResult:
    """Store checked rows in one transaction: update the record with the same number, or create one.

    Every record is checked before anything is written, then all are saved in one bulk write
    (repository.save_many); any problem rolls the whole file back."""
    spec = kind_spec(kind)
    created = updated = unchanged = 0
    with ws.folder.write() as session:
        numbers = [r.number for r in rows if r.number]
        if spec.cls is Participant:
            existing: dict[str, Participant] | dict[str, Employer] = lookups.participants_by_fodselsnummer(
                session, numbers)
        else:
            existing = lookups.employers_by_orgnr(session, numbers)
        to_save: list[Participant | Employer] = []
        problems: list[ImportProblem] = []
        for row in rows:
            old = existing.get(row.number) if row.number else None
            if old is None:
                new = row.record
                created += 1
            else:
                new = dataclasses.replace(old, **row.values)  # type: ignore[arg-type]  # keys are the record's fields
                if new == old:
                    unchanged += 1
                    continue
                updated += 1
            # The merged record may break a rule the row alone did not: name the line, as the check does.
            problems += [ImportProblem(row.line, column_label(spec, e.field, "nb"), column_label(spec, e.field, "en"),
                                       e.message) for e in new.validate()]
            to_save.append(new)
        if problems:
            raise ImportRejected(problems)
        # Any other refusal (a record deleted meanwhile) leaves the `with` and rolls the whole file back.
        repository.save_many(session, to_save)
    twice = duplicates.count(ws, "participant" if kind == PARTICIPANTS else "employer")
    return ImportResult(created=created, updated=updated, unchanged=unchanged, duplicates=twice)


def summary(result: ImportResult, kind: str, language: str = "nb") -> str:
    """One line, e.g. "Importert 12 deltakere (10 nye, 2 oppdatert)."."""
    n = result.total
    if language == "en":
        noun = ("employer" if kind == EMPLOYERS else "participant") + ("" if n == 1 else "s")
        parts = [f"{result.created} new", f"{result.updated} updated"]
        if result.unchanged:
            parts.append(f"{result.unchanged} unchanged")
        return f"Imported {n} {noun} ({', '.join(parts)})." + _twice(result, kind, language)
    noun = ("arbeidsgiver" if kind == EMPLOYERS else "deltaker") + ("" if n == 1 else "e")
    parts = [f"{result.created} {'ny' if result.created == 1 else 'nye'}", f"{result.updated} oppdatert"]
    if result.unchanged:
        parts.append(f"{result.unchanged} uendret")
    return f"Importert {n} {noun} ({', '.join(parts)})." + _twice(result, kind, language)


def _twice(result: ImportResult, kind: str, language: str) -> str:
    if not result.duplicates:
        return ""
    if language == "en":
        who = "employer" if kind == EMPLOYERS else "person"
        return (f" The same {who} is registered twice ({result.duplicates}): open Sync, Conflicts to merge"
                " the records.")
    who = "arbeidsgiver" if kind == EMPLOYERS else "person"
    return f" Samme {who} er registrert to ganger ({result.duplicates}): åpne Synkronisering, Konflikter for å slå sammen."


def import_file(ws: Workspace, path: Path, kind: str) -> ImportResult:
    """Check the whole file, then store it in one transaction. Raises ImportRejected and stores nothing if wrong."""
    rows = read_import_file(path, kind)
    return import_rows(ws, kind, rows)
