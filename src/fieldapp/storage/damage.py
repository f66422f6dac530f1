"""Finding damage in an encrypted database file without trusting it: damaged pages, SQLite's own check."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.storage import cipher_format
from fieldapp.storage.integrity import IntegrityReport, check

if TYPE_CHECKING:
    from fieldapp.storage.datafolder import DataFolder

_PAGE = re.compile(r"page (\d+)", re.IGNORECASE)
MAX_LISTED = 20
SHOWN_FINDINGS = 3  # SQLite names every page under a damaged one: the first few say enough


@dataclass(frozen=True)
class FileDamage:
    """What is wrong with one database file: nothing (`sound`), or damaged pages and SQLite's findings."""

    readable: bool
    damaged_pages: tuple[int, ...] = ()
    findings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def sound(self) -> bool:
        return self.readable and not self.damaged_pages and not self.findings

    def lines(self, lang: str) -> list[str]:
        out: list[str] = []
        if not self.readable:
            out.append("Filen kan ikke leses med denne mappens nøkkel (feil nøkkel, eller første side er skadet)."
                       if lang != "en" else
                       "The file cannot be read with this folder's key (wrong key, or its first page is damaged).")
        if self.damaged_pages:
            pages = ", ".join(str(p) for p in self.damaged_pages[:MAX_LISTED])
            more = "" if len(self.damaged_pages) <= MAX_LISTED else " …"
            out.append(f"Skadede sider (kontrollsummen stemmer ikke): {pages}{more}" if lang != "en"
                       else f"Damaged pages (their checksum does not match): {pages}{more}")
        lines = [ln.strip() for f in self.findings for ln in f.splitlines()
                 if ln.strip() and not ln.strip().startswith("***")]
        if lines:
            shown = "; ".join(lines[:SHOWN_FINDINGS]) + (" …" if len(lines) > SHOWN_FINDINGS else "")
            out.append(f"SQLites egen kontroll fant {len(lines)} feil i databasens oppbygning: {shown}" if lang != "en"
                       else f"SQLite's own check found {len(lines)} problems in the database's structure: {shown}")
        return out


def _connect(db_path: Path, key: bytes, fmt: cipher_format.Format) -> Any:
    # Read-only: looking for damage must never change the file (nor create one where there is none).
    return cipher_format.connect(db_path, key, fmt, read_only=True)


def _format(db_path: Path, key: bytes) -> cipher_format.Format:
    """The file's format; when its first page reads in none, the one under which the smallest share of the
    file's pages fail their checksum (under the wrong one every page fails), so the damaged pages named are
    the true ones."""
    import sqlcipher3

    found = cipher_format.detect(db_path, key)
    if found is not None:
        return found
    failing: list[tuple[float, int, cipher_format.Format]] = []
    for order, fmt in enumerate(cipher_format.FORMATS):
        try:
            conn = _connect(db_path, key, fmt)
        except sqlcipher3.Error:
            continue
        try:
            pages = max(db_path.stat().st_size // fmt.page_size, 1)
            failing.append((len(_damaged_pages(conn)) / pages, order, fmt))
        finally:
            conn.close()
    return min(failing)[2] if failing else cipher_format.CURRENT


def inspect_file(db_path: Path, key: bytes) -> FileDamage:
    """Check every page's checksum (SQLCipher) and the b-trees (SQLite), never raising for damage."""
    import sqlcipher3

    try:
        conn = _connect(db_path, key, _format(db_path, key))
    except sqlcipher3.Error:
        return FileDamage(readable=False)
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            return FileDamage(readable=False, damaged_pages=_damaged_pages(conn))
        pages = _damaged_pages(conn)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(100)").fetchall()]
            findings = tuple(r for r in rows if r != "ok")
        except sqlcipher3.DatabaseError as exc:  # a damaged page can stop the check itself
            findings = (str(exc),)
        return FileDamage(readable=True, damaged_pages=pages, findings=findings)
    finally:
        conn.close()


def _damaged_pages(conn: Any) -> tuple[int, ...]:
    import sqlcipher3

    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.Error:
        return ()
    pages = []
    for (text,) in rows:
        found = _PAGE.search(str(text))
        if found:
            pages.append(int(found.group(1)))
    return tuple(sorted(set(pages)))


def integrity_report(folder: DataFolder) -> IntegrityReport | None:
    """The database and change-log check of an open folder, or None when a damaged page stops it half-way."""
    from sqlalchemy.exc import DatabaseError

    from fieldapp.storage.datafolder import DatabaseUnreadable

    try:
        with folder.read() as session:
            return check(session.connection())
    except (DatabaseError, DatabaseUnreadable):  # the folder's reads name a damaged page DatabaseUnreadable
        return None
