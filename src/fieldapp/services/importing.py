"""Importing participants or employers from a CSV file exported from a spreadsheet.

All or nothing: the whole file is read and checked first, and any problem (bad encoding,
wrong columns, an invalid number, a missing name, the same number twice) rejects the file
with a list of what is wrong where, and nothing is stored. A file that passes is stored in
one transaction, updating existing records found by fødselsnummer / organisasjonsnummer.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain import validation as v
from fieldapp.domain.messages import DomainError, Message, ValidationFailed
from fieldapp.domain.records import Employer, Participant
from fieldapp.services.workspace import Workspace
from fieldapp.storage import lookups, repository

__all__ = ["KINDS", "ImportProblem", "ImportRejected", "ImportResult", "ImportRow", "import_file", "import_rows",
           "parse_csv", "read_import_file"]

PARTICIPANTS = "participants"
EMPLOYERS = "employers"
KINDS = (PARTICIPANTS, EMPLOYERS)

MAX_LISTED = 20  # problems listed in the message; the rest are counted

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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
        lines = [head] + [f"  {p.text(lang)}" for p in self.problems[:MAX_LISTED]]
        if n > MAX_LISTED:
            lines.append("  " + more.format(n - MAX_LISTED))
        return "\n".join(lines)


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

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


# ---------------------------------------------------------------------------------------------
# Parsing


def _m(code: str, nb: str, en: str) -> Message:
    return Message(code, nb, en)


def _has_undecodable(text: str) -> bool:
    # Bytes that are not UTF-8 are decoded with surrogateescape into lone surrogates U+DC80–U+DCFF.
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _not_utf8() -> Message:
    return _m("import.encoding",
              "Teksten er ikke UTF-8 (for eksempel æ, ø eller å lagret som Latin-1/Windows-1252). "
              "Lagre filen som «CSV UTF-8» i regnearket og prøv igjen.",
              "The text is not UTF-8 (for example æ, ø or å saved as Latin-1/Windows-1252). "
              "Save the file as 'CSV UTF-8' in the spreadsheet and try again.")


def _delimiter(header_line: str) -> str:
    """`;` (what Norwegian spreadsheets export) or `,`, whichever the header line uses more, outside quotes."""
    counts = {";": 0, ",": 0}
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return ";" if counts[";"] > counts[","] else ","


def _norm_header(name: str) -> str:
    return " ".join(name.strip().lower().split())


def _header_map(kind: _Kind) -> dict[str, _Column]:
    names: dict[str, _Column] = {}
    for col in kind.columns:
        for name in (col.nb, col.en, col.field, *col.aliases):
            names[_norm_header(name)] = col
    return names


def _read_header(kind: _Kind, cells: list[str], line: int,
                 problems: list[ImportProblem]) -> list[_Column] | None:
    known = _header_map(kind)
    allowed = ", ".join(c.nb for c in kind.columns)
    allowed_en = ", ".join(c.en for c in kind.columns)
    columns: list[_Column] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(cells, start=1):
        if _has_undecodable(raw):
            problems.append(ImportProblem(line, None, None, _not_utf8()))
            return None
        name = _norm_header(raw)
        if not name:
            problems.append(ImportProblem(line, f"kolonne {i}", f"column {i}", _m(
                "import.header_empty", f"Kolonnen mangler navn i overskriften (tillatt: {allowed}).",
                f"The column has no name in the header (allowed: {allowed_en}).")))
            continue
        col = known.get(name)
        if col is None:
            problems.append(ImportProblem(line, raw.strip(), raw.strip(), _m(
                "import.header_unknown", f"Ukjent kolonne «{raw.strip()}» (tillatt: {allowed}).",
                f"Unknown column '{raw.strip()}' (allowed: {allowed_en}).")))
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
    return None if problems else columns


def _clean(field_name: str, number_field: str, value: str) -> str:
    value = value.strip()
    if field_name == number_field:
        return v.normalize_digits(value)
    if field_name == "phone":
        return v.normalize_phone(value)
    return value


def _check_row(kind: _Kind, line: int, columns: list[_Column], cells: list[str],
               problems: list[ImportProblem]) -> ImportRow | None:
    bad = False
    for col, cell in zip(columns, cells):
        if _has_undecodable(cell):
            problems.append(ImportProblem(line, col.nb, col.en, _not_utf8()))
            bad = True
    if bad:
        return None
    values = {col.field: _clean(col.field, kind.number, cell) for col, cell in zip(columns, cells)}
    values = {k: val for k, val in values.items() if val}
    base = {name: "" for name in kind.required}
    record = kind.cls(**{**base, **values})  # type: ignore[arg-type]
    errors = list(record.validate())
    if isinstance(record, Employer):  # the model stores at most 200 characters; Employer.validate does not check
        errors += v.collect(("address", v.check_text(record.address, limit=v.NAME_LIMIT)))
    for err in errors:
        problems.append(ImportProblem(line, _label(kind, err.field, "nb"), _label(kind, err.field, "en"), err.message))
    return None if errors else ImportRow(line, values, record)


def _decode(data: bytes) -> str:
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    return data.decode("utf-8", errors="surrogateescape")


def parse_csv(data: bytes, kind: str) -> list[ImportRow]:
    """Read and check a whole CSV file. Raises ImportRejected listing every problem (with line and column)."""
    spec = _kind(kind)
    if data.startswith(_UTF16_BOMS):
        raise ImportRejected([ImportProblem(1, None, None, _m(
            "import.utf16", "Filen er lagret som UTF-16 («Unicode-tekst»). Lagre den som «CSV UTF-8» og prøv igjen.",
            "The file is saved as UTF-16 ('Unicode text'). Save it as 'CSV UTF-8' and try again."))])
    text = _decode(data)
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise ImportRejected([ImportProblem(line, None, None, _m(
            "import.binary", "Filen inneholder binære data og er ikke en CSV-fil.",
            "The file contains binary data and is not a CSV file."))])

    # The header is the first line that is not blank; its separators decide ; or ,.
    first = next((ln for ln in text.splitlines() if ln.strip()), None)
    if first is None:
        raise ImportRejected([ImportProblem(1, None, None, _m(
            "import.empty", "Filen er tom (fant ingen overskriftslinje).", "The file is empty (no header line)."))])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))

    problems: list[ImportProblem] = []
    columns: list[_Column] | None = None
    rows: list[ImportRow] = []
    first_line_of: dict[str, int] = {}
    number_col = spec.column(spec.number)
    line = 1
    while True:
        line = reader.line_num + 1  # where this record starts (a quoted cell may span lines)
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(ImportProblem(line, None, None, _m(
                "import.csv", f"Linjen kan ikke leses som CSV ({exc}).", f"The line cannot be read as CSV ({exc}).")))
            break
        if not any(c.strip() for c in cells):
            continue  # empty lines, and lines of only separators, are skipped
        if columns is None:
            columns = _read_header(spec, cells, line, problems)
            if columns is None:
                break
            continue
        if len(cells) != len(columns):
            problems.append(ImportProblem(line, None, None, _m(
                "import.columns", f"Linjen har {len(cells)} felt, men overskriften har {len(columns)}.",
                f"The line has {len(cells)} fields, but the header has {len(columns)}.")))
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
    if problems:
        raise ImportRejected(problems)
    return rows


def read_import_file(path: Path, kind: str) -> list[ImportRow]:
    """Read and check the file at `path`. Raises OSError if it cannot be read, ImportRejected if it is wrong."""
    return parse_csv(Path(path).read_bytes(), kind)


# ---------------------------------------------------------------------------------------------
# Storing


def import_rows(ws: Workspace, kind: str, rows: Sequence[ImportRow]) -> ImportResult:
    """Store checked rows in one transaction: update the record with the same number, or create one."""
    spec = _kind(kind)
    created = updated = unchanged = 0
    with ws.folder.write() as session:
        numbers = [r.number for r in rows if r.number]
        if spec.cls is Participant:
            existing: dict[str, Participant] | dict[str, Employer] = lookups.participants_by_fodselsnummer(
                session, numbers)
        else:
            existing = lookups.employers_by_orgnr(session, numbers)
        for row in rows:
            old = existing.get(row.number) if row.number else None
            if old is None:
                new = row.record
                created += 1
            else:
                new = dataclasses.replace(old, **row.values)  # type: ignore[arg-type]
                if new == old:
                    unchanged += 1
                    continue
                updated += 1
            try:
                repository.save(session, new)
            except ValidationFailed as exc:  # the merged record breaks a rule: reject the file, roll back
                raise ImportRejected([
                    ImportProblem(row.line, _label(spec, e.field, "nb"), _label(spec, e.field, "en"), e.message)
                    for e in exc.errors]) from exc
            except DomainError as exc:
                raise ImportRejected([ImportProblem(row.line, None, None, exc.message)]) from exc
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def _label(spec: _Kind, name: str, lang: str) -> str:
    col = next((c for c in spec.columns if c.field == name), None)
    if col is None:
        return name
    return col.en if lang == "en" else col.nb


def import_file(ws: Workspace, path: Path, kind: str) -> ImportResult:
    """Check the whole file, then store it in one transaction. Raises ImportRejected and stores nothing if wrong."""
    rows = read_import_file(path, kind)
    return import_rows(ws, kind, rows)
