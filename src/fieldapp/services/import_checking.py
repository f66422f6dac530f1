"""Reading and checking a whole import file: its header, every row, numbers given twice; nothing is stored here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain import validation as v
from fieldapp.domain.messages import Message
from fieldapp.domain.records import Employer, Participant
from fieldapp.services.import_kinds import Column, Kind, column_label, kind_spec
from fieldapp.services.import_problems import ImportProblem, ImportRejected
from fieldapp.services.import_reading import Table, UnreadableFile, read_table

MAX_NAME = 40    # a column name quoted in a message is cut to this many characters
PREVIEW_ROWS = 10


@dataclass(frozen=True)
class ImportRow:
    """One checked data row: the values given (empty cells left out) and the record they make."""

    line: int
    values: dict[str, str]
    record: Participant | Employer

    @property
    def number(self) -> str | None:
        return self.values.get("fodselsnummer" if isinstance(self.record, Participant) else "orgnr")


def _m(code: str, nb: str, en: str) -> Message:
    return Message(code, nb, en)


def _cut(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"


def _norm_header(name: str) -> str:
    return " ".join(name.strip().lower().split())


def _header_map(kind: Kind) -> dict[str, Column]:
    names: dict[str, Column] = {}
    for col in kind.columns:
        for name in (col.nb, col.en, col.field, *col.aliases):
            names[_norm_header(name)] = col
    return names


def _read_header(kind: Kind, cells: Sequence[str], line: int,
                 problems: list[ImportProblem]) -> list[Column] | None:
    known = _header_map(kind)
    allowed = ", ".join(c.nb for c in kind.columns)
    allowed_en = ", ".join(c.en for c in kind.columns)
    columns: list[Column] = []
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


def _check_row(kind: Kind, line: int, columns: list[Column], cells: Sequence[str],
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
        problems.append(ImportProblem(line, column_label(kind, err.field, "nb"), column_label(kind, err.field, "en"),
                                      err.message))
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
    spec = kind_spec(kind)
    problems: list[ImportProblem] = []
    columns: list[Column] | None = None
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
    kind_spec(kind)
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
