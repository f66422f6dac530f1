"""Importing participants or employers from a spreadsheet: CSV (UTF-8 or Windows-1252) or Excel .xlsx.

All or nothing: the whole file is read and checked first, and any problem (unreadable text,
wrong columns, an invalid number, a missing name, a line break inside a name, the same number
twice) rejects the file with a list of what is wrong where, and nothing is stored. A file that
passes is stored in one transaction, updating existing records found by fødselsnummer /
organisasjonsnummer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain import validation as v
from fieldapp.domain.messages import DomainError, Message
from fieldapp.domain.records import Employer, Participant
from fieldapp.services import duplicates
from fieldapp.services.import_reading import Table, UnreadableFile, read_table
from fieldapp.services.workspace import Workspace
from fieldapp.storage import lookups, repository

__all__ = ["KINDS", "CheckedFile", "ImportProblem", "ImportRejected", "ImportResult", "ImportRow", "check_bytes",
           "check_file", "import_file", "import_rows", "parse_csv", "read_import_file", "summary"]

PARTICIPANTS = "participants"
EMPLOYERS = "employers"
KINDS = (PARTICIPANTS, EMPLOYERS)

MAX_LISTED = 20  # problems listed in the message; the rest are counted
MAX_NAME = 40    # a column name quoted in a message is cut to this many characters
PREVIEW_ROWS = 10


@dataclass(frozen=True)
class _Column:
    field: str      # attribute on the record
    nb: str         # name in Norwegian files and messages
    en: str         # name in English files and messages
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Kind:
    cls: type[Participant] | type[Employer]
    columns: tuple[_Column, ...]
    number: str             # the field that identifies a record
    required: tuple[str, ...]

    def column(self, name: str) -> _Column:
        return next(c for c in self.columns if c.field == name)


_KINDS: dict[str, _Kind] = {
    PARTICIPANTS: _Kind(
        Participant,
        (
            _Column("first_name", "fornavn", "first_name", ("first name", "firstname")),
            _Column("last_name", "etternavn", "last_name", ("last name", "lastname")),
            _Column("fodselsnummer", "fodselsnummer", "national_id", ("fødselsnummer", "fnr", "national id")),
            _Column("phone", "telefon", "phone", ("mobil", "telefonnummer")),
            _Column("email", "epost", "email", ("e-post", "e-mail")),
        ),
        number="fodselsnummer",
        required=("first_name", "last_name"),
    ),
    EMPLOYERS: _Kind(
        Employer,
        (
            _Column("name", "navn", "name"),
            _Column("orgnr", "organisasjonsnummer", "orgnr", ("organisation_number", "organization_number",
                                                              "organisation number", "organization number")),
            _Column("address", "adresse", "address"),
            _Column("phone", "telefon", "phone", ("telefonnummer",)),
            _Column("email", "epost", "email", ("e-post", "e-mail")),
        ),
        number="orgnr",
        required=("name",),
    ),
}


def _kind(kind: str) -> _Kind:
    try:
        return _KINDS[kind]
    except KeyError:
        raise DomainError(Message(
            "import.kind", f"Ukjent importtype «{kind}» (tillatt: {', '.join(KINDS)}).",
            f"Unknown import kind '{kind}' (allowed: {', '.join(KINDS)}).")) from None


# ---------------------------------------------------------------------------------------------
# Results and errors


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in the file: its line (1 = first line of the file), column and what is wrong."""

    line: int
    field_nb: str | None
    field_en: str | None
    message: Message

    def text(self, lang: str = "nb") -> str:
        where = f"linje {self.line}" if lang != "en" else f"line {self.line}"
        name = self.field_en if lang == "en" else self.field_nb
        return f"{where}, {name}: {self.message.text(lang)}" if name else f"{where}: {self.message.text(lang)}"


class ImportRejected(DomainError):
    """The file was not imported, and nothing was stored; `problems` says what is wrong where."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        self.problems: tuple[ImportProblem, ...] = tuple(problems)
        super().__init__(Message("import.rejected", self._render("nb"), self._render("en")))

    def _render(self, lang: str) -> str:
        n = len(self.problems)
        if lang == "en":
            head = f"The file was not imported, and nothing was saved. {n} problem{'s' if n != 1 else ''}:"
            more = "… and {} more."
        else:
            head = f"Filen ble ikke importert, og ingenting er lagret. {n} feil:"
            more = "… og {} til."
        groups = grouped(self.problems, lang)
        lines = [head] + [f"  {text}" for text in groups[:MAX_LISTED]]
        if len(groups) > MAX_LISTED:
            lines.append("  " + more.format(len(groups) - MAX_LISTED))
        return "\n".join(lines)


def grouped(problems: Sequence[ImportProblem], lang: str = "nb") -> list[str]:
    """One text per problem: the same problem in the same column on several lines is one message naming them."""
    order: list[tuple[str | None, str]] = []
    lines: dict[tuple[str | None, str], list[int]] = {}
    first: dict[tuple[str | None, str], ImportProblem] = {}
    for p in problems:
        key = (p.field_en, p.message.en)
        if key not in lines:
            order.append(key)
            lines[key], first[key] = [], p
        lines[key].append(p.line)
    out = []
    for key in order:
        p, at = first[key], lines[key]
        if len(at) == 1:
            out.append(p.text(lang))
            continue
        shown = ", ".join(str(n) for n in at[:10]) + (" …" if len(at) > 10 else "")
        where = f"linje {shown}" if lang != "en" else f"lines {shown}"
        name = p.field_en if lang == "en" else p.field_nb
        out.append(f"{where}, {name}: {p.message.text(lang)}" if name else f"{where}: {p.message.text(lang)}")
    return out


@dataclass(frozen=True)
class ImportRow:
    """One checked data row: the values given (empty cells left out) and the record they make."""

    line: int
    values: dict[str, str]
    record: Participant | Employer

    @property
    def number(self) -> str | None:
        return self.values.get("fodselsnummer" if isinstance(self.record, Participant) else "orgnr")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int = 0  # matched an existing record whose values were already the same
    duplicates: int = 0  # pairs of this kind registered twice after the import (services/duplicates.py)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


# ---------------------------------------------------------------------------------------------
# Parsing


def _m(code: str, nb: str, en: str) -> Message:
    return Message(code, nb, en)


def _cut(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"


def _norm_header(name: str) -> str:
    return " ".join(name.strip().lower().split())


def _header_map(kind: _Kind) -> dict[str, _Column]:
    names: dict[str, _Column] = {}
    for col in kind.columns:
        for name in (col.nb, col.en, col.field, *col.aliases):
            names[_norm_header(name)] = col
    return names


def _read_header(kind: _Kind, cells: Sequence[str], line: int,
                 problems: list[ImportProblem]) -> list[_Column] | None:
    known = _header_map(kind)
    allowed = ", ".join(c.nb for c in kind.columns)
    allowed_en = ", ".join(c.en for c in kind.columns)
    columns: list[_Column] = []
    seen: dict[str, int] = {}
    found = len(problems)
    for i, raw in enumerate(cells, start=1):
        name = _norm_header(raw)
        if not name:
            problems.append(ImportProblem(line, f"kolonne {i}", f"column {i}", _m(
                "import.header_empty", f"Kolonnen mangler navn i overskriften (tillatt: {allowed}).",
                f"The column has no name in the header (allowed: {allowed_en}).")))
            continue
        col = known.get(name)
        if col is None:
            shown = _cut(raw.strip())
            problems.append(ImportProblem(line, None, None, _m(
                "import.header_unknown", f"Ukjent kolonne «{shown}» (kolonne {i}; tillatt: {allowed}).",
                f"Unknown column '{shown}' (column {i}; allowed: {allowed_en}).")))
            continue
        if col.field in seen:
            problems.append(ImportProblem(line, col.nb, col.en, _m(
                "import.header_duplicate", f"Kolonnen står to ganger (kolonne {seen[col.field]} og {i}).",
                f"The column appears twice (columns {seen[col.field]} and {i}).")))
            continue
        seen[col.field] = i
        columns.append(col)
    for name in kind.required:
        if name not in seen:
            col = kind.column(name)
            problems.append(ImportProblem(line, col.nb, col.en, _m(
                "import.header_missing", f"Kolonnen «{col.nb}» mangler i overskriften, og den er påkrevd.",
                f"The required column '{col.en}' is missing from the header.")))
    return None if len(problems) > found else columns


def _clean(field_name: str, number_field: str, value: str) -> str:
    value = value.strip()
    if field_name == number_field:
        digits = v.normalize_digits(value)
        # A spreadsheet that took the fødselsnummer for a number dropped its leading zero.
        if field_name == "fodselsnummer" and len(digits) == 10 and digits.isdigit():
            return "0" + digits
        return digits
    if field_name == "phone":
        return v.normalize_phone(value)
    return value


def _control_characters(text: str) -> bool:
    return any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in text)


def _check_row(kind: _Kind, line: int, columns: list[_Column], cells: Sequence[str],
               problems: list[ImportProblem]) -> ImportRow | None:
    controlled = [col for col, cell in zip(columns, cells) if _control_characters(cell.strip())]
    if controlled:
        names_nb = ", ".join(c.nb for c in controlled)
        names_en = ", ".join(c.en for c in controlled)
        problems.append(ImportProblem(line, names_nb, names_en, _m(
            "import.control",
            "Feltet inneholder et linjeskift, en tabulator eller et annet kontrolltegn. Skriv verdien på én linje.",
            "The field contains a line break, a tab or another control character. Write the value on one line.")))
        return None
    values = {col.field: _clean(col.field, kind.number, cell) for col, cell in zip(columns, cells)}
    values = {k: val for k, val in values.items() if val}
    base = {name: "" for name in kind.required}
    record = kind.cls(**{**base, **values})  # type: ignore[arg-type]  # keys are the kind's column fields
    errors = list(record.validate())
    if isinstance(record, Employer):  # the model stores at most 200 characters; Employer.validate does not check
        errors += v.collect(("address", v.check_text(record.address, limit=v.NAME_LIMIT)))
    for err in errors:
        problems.append(ImportProblem(line, _label(kind, err.field, "nb"), _label(kind, err.field, "en"), err.message))
    return None if errors else ImportRow(line, values, record)


@dataclass(frozen=True)
class CheckedFile:
    """A whole file read and checked: how it was read, its first rows as given, and its rows or its problems."""

    kind: str
    table: Table | None                      # None when the file could not be read as a table at all
    header: tuple[str, ...]
    preview: tuple[tuple[int, tuple[str, ...]], ...]
    rows: tuple[ImportRow, ...]
    problems: tuple[ImportProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def source_text(self, lang: str = "nb") -> str:
        return self.table.source_text(lang) if self.table is not None else ""

    def rejected(self) -> ImportRejected:
        return ImportRejected(self.problems)


def check_table(table: Table, kind: str, *, progress: Callable[[int, int], None] | None = None) -> CheckedFile:
    """Check every row of a table; never raises for a problem in the file (they are in `problems`)."""
    spec = _kind(kind)
    problems: list[ImportProblem] = []
    columns: list[_Column] | None = None
    header: tuple[str, ...] = ()
    width = 0
    preview: list[tuple[int, tuple[str, ...]]] = []
    rows: list[ImportRow] = []
    first_line_of: dict[str, int] = {}
    number_col = spec.column(spec.number)
    total = len(table.rows)
    for done, (line, cells) in enumerate(table.rows, start=1):
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)
        if not any(c.strip() for c in cells):
            continue  # empty lines, and lines of only separators, are skipped
        if columns is None:
            header = tuple(cells)
            while header and not header[-1].strip():
                header = header[:-1]  # a trailing separator in the header is not a column
            width = len(header)
            columns = _read_header(spec, header, line, problems)
            if columns is None:
                break
            continue
        if len(preview) < PREVIEW_ROWS:
            preview.append((line, tuple(cells[:width])))
        if len(cells) > width and not any(c.strip() for c in cells[width:]):
            cells = cells[:width]  # trailing separators after the last value
        if len(cells) != width:
            problems.append(ImportProblem(line, None, None, _m(
                "import.columns", f"Linjen har {len(cells)} felt, men overskriften har {width}.",
                f"The line has {len(cells)} fields, but the header has {width}.")))
            continue
        row = _check_row(spec, line, columns, cells, problems)
        if row is None or not row.number:
            if row is not None:
                rows.append(row)
            continue
        if row.number in first_line_of:
            problems.append(ImportProblem(line, number_col.nb, number_col.en, _m(
                "import.duplicate", f"Samme nummer står også på linje {first_line_of[row.number]}.",
                f"The same number is also on line {first_line_of[row.number]}.")))
            continue
        first_line_of[row.number] = line
        rows.append(row)
    if columns is None and not problems:
        problems.append(ImportProblem(1, None, None, _m(
            "import.empty", "Filen er tom (fant ingen overskriftslinje).", "The file is empty (no header line).")))
    return CheckedFile(kind, table, header, tuple(preview), tuple(rows), tuple(problems))


def check_bytes(data: bytes, kind: str, *, progress: Callable[[int, int], None] | None = None) -> CheckedFile:
    """Read and check a whole file's bytes (CSV or .xlsx)."""
    _kind(kind)
    try:
        table = read_table(data)
    except UnreadableFile as exc:
        return CheckedFile(kind, None, (), (), (), (ImportProblem(exc.line, None, None, exc.message),))
    return check_table(table, kind, progress=progress)


def check_file(path: Path, kind: str, *, progress: Callable[[int, int], None] | None = None) -> CheckedFile:
    """Read and check the file at `path`. A file that cannot be read from the disk raises the user's message
    (no such file, a folder, no permission), or the OSError itself when it is none of those."""
    from fieldapp.storage.faults import from_os_error

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        fault = from_os_error(exc, Path(path))
        if fault is None:
            raise
        raise fault from exc
    return check_bytes(data, kind, progress=progress)


def parse_csv(data: bytes, kind: str) -> list[ImportRow]:
    """Read and check a whole file. Raises ImportRejected listing every problem (with line and column)."""
    checked = check_bytes(data, kind)
    if not checked.ok:
        raise checked.rejected()
    return list(checked.rows)


def read_import_file(path: Path, kind: str) -> list[ImportRow]:
    """Read and check the file at `path`. Raises OSError if it cannot be read, ImportRejected if it is wrong."""
    return parse_csv(Path(path).read_bytes(), kind)


# ---------------------------------------------------------------------------------------------
# Storing


def import_rows(ws: Workspace, kind: str, rows: Sequence[ImportRow]) -> ImportResult:
    """Store checked rows in one transaction: update the record with the same number, or create one.

    Every record is checked before anything is written, then all are saved in one bulk write
    (repository.save_many); any problem rolls the whole file back."""
    spec = _kind(kind)
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
            problems += [ImportProblem(row.line, _label(spec, e.field, "nb"), _label(spec, e.field, "en"), e.message)
                         for e in new.validate()]
            to_save.append(new)
        if problems:
            raise ImportRejected(problems)
        # Any other refusal (a record deleted meanwhile) leaves the `with` and rolls the whole file back.
        repository.save_many(session, to_save)
    twice = duplicates.count(ws, "participant" if kind == PARTICIPANTS else "employer")
    return ImportResult(created=created, updated=updated, unchanged=unchanged, duplicates=twice)


def _label(spec: _Kind, name: str, lang: str) -> str:
    col = next((c for c in spec.columns if c.field == name), None)
    if col is None:
        return name
    return col.en if lang == "en" else col.nb


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
