"""lazy visit search: a contentless trigram index without positions, filled in bulk from a queue, not by triggers

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 12:40:00

The index no longer follows every write: a new visit is found by its rowid being above the high-water mark
in meta, a changed or removed one by its rowid in visit_search_pending; storage/search_index.py drains both
before a search and after a pull. Without positions (detail=none) the index is about a sixth of the size;
the search checks every word against the visit's texts, so results are exact.
The statements are written out here (not imported) so this migration never changes with the app.
"""

from __future__ import annotations

from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

COLS = "place, summary, employee_view, employer_view, works_well, challenges, internal_notes"
MARK = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_upto')"


def upgrade() -> None:
    for name in ("visit_search_ai", "visit_search_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS visit_search")
    # contentless_delete needs SQLite 3.43 (the app's SQLCipher has it); an older SQLite, as the system one
    # that `alembic check` may run on, gets a table keeping its own copy of the texts: same queries, bigger.
    version = op.get_bind().exec_driver_sql("SELECT sqlite_version()").scalar_one()
    old_sqlite = tuple(int(x) for x in version.split(".")[:2]) < (3, 43)
    content = "" if old_sqlite else "content='', contentless_delete=1, "
    op.execute(f"CREATE VIRTUAL TABLE visit_search USING fts5({COLS}, {content}detail=none, tokenize='trigram')")
    op.execute("CREATE TABLE visit_search_pending (visit_rowid INTEGER PRIMARY KEY)")
    # Only visits already in the index are queued: newer ones are above the mark and indexed anyway.
    op.execute(f"CREATE TRIGGER visit_search_au AFTER UPDATE OF {COLS} ON visit "
               f"WHEN new.rowid <= coalesce({MARK}, 0) BEGIN "
               "INSERT OR IGNORE INTO visit_search_pending(visit_rowid) VALUES (new.rowid); END")
    op.execute(f"CREATE TRIGGER visit_search_ad AFTER DELETE ON visit "
               f"WHEN old.rowid <= coalesce({MARK}, 0) BEGIN "
               "INSERT OR IGNORE INTO visit_search_pending(visit_rowid) VALUES (old.rowid); END")
    op.execute(f"INSERT INTO visit_search(rowid, {COLS}) SELECT rowid, {COLS} FROM visit")
    op.execute("INSERT OR REPLACE INTO meta (key, value) "
               "SELECT 'search_indexed_upto', CAST(coalesce(max(rowid), 0) AS TEXT) FROM visit")


def downgrade() -> None:
    for name in ("visit_search_au", "visit_search_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS visit_search_pending")
    op.execute("DELETE FROM meta WHERE key = 'search_indexed_upto'")
    op.execute("DROP TABLE IF EXISTS visit_search")
    op.execute(f"CREATE VIRTUAL TABLE visit_search USING fts5({COLS}, content='visit', content_rowid='rowid', "
               "tokenize='trigram')")
    new = ", ".join("new." + c.strip() for c in COLS.split(","))
    old = ", ".join("old." + c.strip() for c in COLS.split(","))
    op.execute(f"CREATE TRIGGER visit_search_ai AFTER INSERT ON visit BEGIN "
               f"INSERT INTO visit_search(rowid, {COLS}) VALUES (new.rowid, {new}); END")
    op.execute(f"CREATE TRIGGER visit_search_au AFTER UPDATE OF {COLS} ON visit BEGIN "
               f"INSERT INTO visit_search(visit_search, rowid, {COLS}) VALUES ('delete', old.rowid, {old}); "
               f"INSERT INTO visit_search(rowid, {COLS}) VALUES (new.rowid, {new}); END")
    op.execute("INSERT INTO visit_search(visit_search) VALUES ('rebuild')")
