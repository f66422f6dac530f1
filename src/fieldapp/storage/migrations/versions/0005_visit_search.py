"""visit search: FTS5 trigram index over visit texts, filled from the existing visits

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:10:00

The statements are written out here (not imported) so this migration never changes with the app.
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

COLS = "place, summary, employee_view, employer_view, works_well, challenges, internal_notes"
NEW = ", ".join("new." + c.strip() for c in COLS.split(","))
OLD = ", ".join("old." + c.strip() for c in COLS.split(","))


def upgrade() -> None:
    op.execute(f"CREATE VIRTUAL TABLE visit_search USING fts5({COLS}, content='visit', content_rowid='rowid', "
               "tokenize='trigram')")
    op.execute(f"CREATE TRIGGER visit_search_ai AFTER INSERT ON visit BEGIN "
               f"INSERT INTO visit_search(rowid, {COLS}) VALUES (new.rowid, {NEW}); END")
    op.execute(f"CREATE TRIGGER visit_search_au AFTER UPDATE ON visit BEGIN "
               f"INSERT INTO visit_search(visit_search, rowid, {COLS}) VALUES ('delete', old.rowid, {OLD}); "
               f"INSERT INTO visit_search(rowid, {COLS}) VALUES (new.rowid, {NEW}); END")
    op.execute("INSERT INTO visit_search(visit_search) VALUES ('rebuild')")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS visit_search_au")
    op.execute("DROP TRIGGER IF EXISTS visit_search_ai")
    op.execute("DROP TABLE IF EXISTS visit_search")
