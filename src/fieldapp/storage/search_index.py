"""The full-text index over visit texts: an FTS5 table with trigram tokens, kept current by triggers.

It is derived data (never synced, never in the change log): it can be rebuilt from the visit table
at any time with `rebuild(conn)`. Trigrams give substring matching ("østby" finds "Østbyen") with
Unicode case folding, so a search over 100,000 visits needs no full scan. Words shorter than three
characters cannot use it; the search falls back to scanning for those.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

TABLE = "visit_search"
COLUMNS = ("place", "summary", "employee_view", "employer_view", "works_well", "challenges", "internal_notes")
MIN_WORD = 3


def is_index_table(name: str | None) -> bool:
    """The FTS table and its shadow tables (which Alembic must not try to drop)."""
    return bool(name) and (name == TABLE or str(name).startswith(TABLE + "_"))


# Indexes on expressions, made by raw SQL in their migrations (0006), that no model describes.
EXPRESSION_INDEXES = ("ix_agreement_version_terms",)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's comparisons: the search index and the expression indexes are made by raw SQL in their
    migrations and have no model."""
    return not ((type_ == "table" and is_index_table(name)) or (type_ == "index" and name in EXPRESSION_INDEXES))


def _cols(prefix: str = "") -> str:
    return ", ".join(prefix + c for c in COLUMNS)


def create_statements() -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5({_cols()}, content='visit', content_rowid='rowid', "
        "tokenize='trigram')",
        f"CREATE TRIGGER {TABLE}_ai AFTER INSERT ON visit BEGIN "
        f"INSERT INTO {TABLE}(rowid, {_cols()}) VALUES (new.rowid, {_cols('new.')}); END",
        f"CREATE TRIGGER {TABLE}_au AFTER UPDATE ON visit BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, {_cols()}) VALUES ('delete', old.rowid, {_cols('old.')}); "
        f"INSERT INTO {TABLE}(rowid, {_cols()}) VALUES (new.rowid, {_cols('new.')}); END",
    ]


def drop_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {TABLE}_au", f"DROP TRIGGER IF EXISTS {TABLE}_ai", f"DROP TABLE IF EXISTS {TABLE}"]


def rebuild(conn: Connection) -> None:
    conn.execute(text(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"))


def match_query(word: str) -> str:
    """An FTS5 query for `word` as a substring (quoted, so no character has a special meaning)."""
    return '"' + word.replace('"', '""') + '"'
