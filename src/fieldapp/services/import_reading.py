"""Reading an import file into numbered rows of text: CSV in UTF-8 or Windows-1252, or an Excel .xlsx sheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from fieldapp.domain.messages import Message

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)
_SEP_LINE = re.compile(r'\s*"?sep=(.)"?\s*', re.IGNORECASE)
_DELIMITERS = (";", "\t", ",")  # in order of preference when a header line uses several equally

UTF8 = "UTF-8"
UTF8_BOM = "UTF-8 (BOM)"
CP1252 = "Windows-1252"
XLSX = "Excel (.xlsx)"


class UnreadableFile(Exception):
    """The file cannot be read as a table at all; `line` is where that was found (1 = first line)."""

    def __init__(self, line: int, message: Message) -> None:
        self.line = line
        self.message = message
        super().__init__(message.nb)


@dataclass(frozen=True)
class Table:
    """Rows of cells with the line (CSV) or row (Excel) each starts on, and how the file was read."""

    rows: tuple[tuple[int, tuple[str, ...]], ...]
    source: str          # UTF8, UTF8_BOM, CP1252 or XLSX
    delimiter: str | None = None

    def source_text(self, lang: str) -> str:
        if self.source == CP1252:
            return ("Filen er ikke UTF-8 og ble lest som Windows-1252 (slik norsk Excel lagrer «CSV (semikolonseparert)»)."
                    if lang != "en" else
                    "The file is not UTF-8 and was read as Windows-1252 (as Norwegian Excel saves "
                    "'CSV (semicolon separated)').")
        if self.source == XLSX:
            return "Filen ble lest som et Excel-ark (første ark)." if lang != "en" else \
                "The file was read as an Excel sheet (the first sheet)."
        return f"Filen ble lest som {self.source}." if lang != "en" else f"The file was read as {self.source}."


def read_table(data: bytes) -> Table:
    """Decide what the bytes are (Excel workbook or CSV text) and read them into rows."""
    if data.startswith(_ZIP):
        return _read_xlsx(data)
    if data.startswith(_OLE):
        raise UnreadableFile(1, Message(
            "import.xls",
            "Filen er i det gamle Excel-formatet (.xls). Lagre den som Excel-arbeidsbok (.xlsx) eller som CSV og prøv igjen.",
            "The file is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or as CSV and try again."))
    return _read_csv(data)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(_UTF16_BOMS):
        raise UnreadableFile(1, Message(
            "import.utf16", "Filen er lagret som UTF-16 («Unicode-tekst»). Lagre den som «CSV UTF-8» og prøv igjen.",
            "The file is saved as UTF-16 ('Unicode text'). Save it as 'CSV UTF-8' and try again."))
    if data.startswith(_UTF8_BOM):
        data, bom = data[len(_UTF8_BOM):], True
    else:
        bom = False
    try:
        return data.decode("utf-8"), UTF8_BOM if bom else UTF8
    except UnicodeDecodeError as exc:
        if bom:  # a BOM promises UTF-8: a broken one is damage, not another encoding
            raise _not_text(data, exc.start) from exc
    try:
        return data.decode("cp1252"), CP1252
    except UnicodeDecodeError as exc:
        raise _not_text(data, exc.start) from exc


def _not_text(data: bytes, at: int) -> UnreadableFile:
    return UnreadableFile(data[:at].count(b"\n") + 1, Message(
        "import.encoding",
        "Teksten er verken UTF-8 eller Windows-1252. Lagre filen som «CSV UTF-8» i regnearket og prøv igjen.",
        "The text is neither UTF-8 nor Windows-1252. Save the file as 'CSV UTF-8' in the spreadsheet and try again."))


def _delimiter(header_line: str) -> str:
    """The separator the header line uses most, outside quotes (`;` is what Norwegian spreadsheets write)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _read_csv(data: bytes) -> Table:
    text, source = _decode(data)
    if "\x00" in text:
        raise UnreadableFile(text[:text.index("\x00")].count("\n") + 1, Message(
            "import.binary", "Filen inneholder binære data og er ikke en CSV-fil.",
            "The file contains binary data and is not a CSV file."))
    lines = text.splitlines(keepends=True)
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        raise UnreadableFile(1, Message(
            "import.empty", "Filen er tom (fant ingen overskriftslinje).", "The file is empty (no header line)."))
    # Excel writes (and reads) a first line "sep=;" naming the separator; it is not the header.
    declared = _SEP_LINE.fullmatch(lines[first].rstrip("\r\n"))
    if declared:
        delimiter = declared.group(1)
        lines[first] = "\n"  # kept as a blank line, so line numbers stay those of the file
        header = next((ln for ln in lines[first + 1:] if ln.strip()), "")
    else:
        header = lines[first]
        delimiter = _delimiter(header)
    reader = csv.reader(io.StringIO("".join(lines), newline=""), delimiter=delimiter)
    rows: list[tuple[int, tuple[str, ...]]] = []
    while True:
        line = reader.line_num + 1  # where this record starts (a quoted cell may span lines)
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise UnreadableFile(line, Message(
                "import.csv", f"Linjen kan ikke leses som CSV ({exc}).",
                f"The line cannot be read as CSV ({exc}).")) from exc
        rows.append((line, tuple(cells)))
    return Table(tuple(rows), source, delimiter)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # numbers typed in Excel come back as 91234567.0
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _not_a_workbook() -> UnreadableFile:
    return UnreadableFile(1, Message(
        "import.xlsx", "Filen er skadet eller ikke en gyldig Excel-arbeidsbok (.xlsx), og kan ikke leses. Åpne og "
        "lagre den på nytt i Excel, eller lagre den som CSV.",
        "The file is damaged or not a valid Excel workbook (.xlsx), and cannot be read. Open and save it again in "
        "Excel, or save it as CSV."))


def _read_xlsx(data: bytes) -> Table:
    import zipfile

    from openpyxl import load_workbook

    # SyntaxError: damaged XML inside the zip (xml.etree's ParseError and lxml's XMLSyntaxError both are one);
    # read-only workbooks parse a sheet only while its rows are read, so that is guarded too.
    damaged = (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except damaged as exc:
        raise _not_a_workbook() from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, tuple(_cell_text(v) for v in values)))
    except damaged as exc:
        raise _not_a_workbook() from exc
    finally:
        book.close()
    if not any(any(c.strip() for c in cells) for _, cells in rows):
        raise UnreadableFile(1, Message(
            "import.empty", "Det første arket i filen er tomt (fant ingen overskriftslinje).",
            "The first sheet of the file is empty (no header line)."))
    return Table(tuple(rows), XLSX)
