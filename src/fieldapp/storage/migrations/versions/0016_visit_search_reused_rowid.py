"""visit search: a new visit whose rowid is at or below the index's mark is queued too

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 17:10:00

0014 recognises a new visit by its rowid above the mark. `visit` has no INTEGER PRIMARY KEY, so SQLite may give a
new row a rowid that was freed: after an erasure deleted the newest visits, the next visit got a rowid at or
below the mark and was never indexed (a search never found it). Such an insert is now queued like an update.
"""

from __future__ import annotations

from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

MARK = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_upto')"


def upgrade() -> None:
    op.execute(f"CREATE TRIGGER visit_search_ai AFTER INSERT ON visit "
               f"WHEN new.rowid <= coalesce({MARK}, 0) BEGIN "
               "INSERT OR IGNORE INTO visit_search_pending(visit_rowid) VALUES (new.rowid); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS visit_search_ai")
