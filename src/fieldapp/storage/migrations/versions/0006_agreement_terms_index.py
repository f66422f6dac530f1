"""agreement terms index: what decides follow-up, read from an index instead of every agreement's JSON

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 15:10:00

The Today view and the participant list need, for every frozen agreement version, its period, type and
follow-up lines (storage/today_facts.py). Read from the content JSON that means every version's 4 KB of
JSON, page by page (about 100 ms at 4,600 agreements); an index on exactly those expressions, holding
the other columns the query reads, answers it from the index alone (about 20 ms). The expressions must
stay the same as the query's, or SQLite stops using the index (a test checks the query plan).
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

INDEX = "ix_agreement_version_terms"


def upgrade() -> None:
    op.execute(
        f"CREATE INDEX {INDEX} ON agreement_version ("
        "json_extract(content_json, '$.duration.start'), json_extract(content_json, '$.duration.end'), "
        "json_extract(content_json, '$.agreement_type'), json_extract(content_json, '$.follow_ups'), "
        "agreement_id, id, frozen_at, deleted_at, version_no)"
    )


def downgrade() -> None:
    op.execute(f"DROP INDEX {INDEX}")
