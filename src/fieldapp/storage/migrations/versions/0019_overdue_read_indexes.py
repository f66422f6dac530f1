"""visit held and signature terms indexes: the overview's overdue reads from smaller indexes

Revision ID: 0019
Revises: 0016
Create Date: 2026-12-03 18:15:00

The overview's overdue figure asks for each participant's last visit held (max(starts_at) of the finished visits
not deleted). SQLite answered it by scanning every entry of ix_visit_participant_starts, finished_at included:
at 10,000 participants about 33 ms of each first opening. This partial index holds only finished visits not
deleted, and only who and when: the same scan reads about a third of the pages (~11 ms; BENCHMARKS.md, issue 17).
The signatures of the agreement versions in force (role, when, revoked) were read from the signature rows, which
hold the drawn strokes and scans: ix_signature_terms covers them (~17 -> ~8 ms).
Two statements name ix_visit_held (INDEXED BY: storage/queries/outcomes.py LAST_HELD, storage/today_facts.py
_LAST_HELD) and fail without it, so dropping or renaming the index needs them changed in the same revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_visit_held', 'visit', ['participant_id', 'starts_at'], unique=False,
                    sqlite_where=sa.text('finished_at IS NOT NULL AND deleted_at IS NULL'))
    op.create_index('ix_signature_terms', 'signature', ['version_id', 'deleted_at', 'role', 'signed_at', 'revoked_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_signature_terms', table_name='signature')
    op.drop_index('ix_visit_held', table_name='visit')
