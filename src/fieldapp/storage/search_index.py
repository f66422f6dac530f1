"""The full-text index over visit texts: an FTS5 table with trigram tokens, kept current by triggers.

It is derived data (never synced, never in the change log), made by migration 0005: FTS5 can rebuild
it from the visit table at any time (`INSERT INTO visit_search(visit_search) VALUES ('rebuild')`). Trigrams give
substring matching ("østby" finds "Østbyen") with
Unicode case folding, so a search over 100,000 visits needs no full scan. Words shorter than three
characters cannot use it; the search falls back to scanning for those.
"""

from __future__ import annotations

TABLE = "visit_search"
COLUMNS = ("place", "summary", "employee_view", "employer_view", "works_well", "challenges", "internal_notes")
MIN_WORD = 3


def is_index_table(name: str | None) -> bool:
    """The FTS table and its shadow tables (which Alembic must not try to drop)."""
    return bool(name) and (name == TABLE or str(name).startswith(TABLE + "_"))


def match_query(word: str) -> str:
    """An FTS5 query for `word` as a substring (quoted, so no character has a special meaning)."""
    return '"' + word.replace('"', '""') + '"'
