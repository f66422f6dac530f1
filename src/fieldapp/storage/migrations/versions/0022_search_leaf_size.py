"""the visit search index writes leaves of about 3,900 bytes (FTS5's `pgsz`)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 23:15:00

FTS5 keeps its index as leaves of about `pgsz` bytes (4,050 unless told), each a row of `visit_search_data`.
Such a leaf is a little too large for a 4 KiB page (it spills onto an overflow page) and two of them a little too
large for an 8 KiB one (storage/cipher_format.py), so each took a page of its own: the index of 10,000 visits took
12.6 MB in 8 KiB pages (7.2 MB in 4 KiB pages). At 3,900 bytes one leaf fits a 4 KiB page and two fit an 8 KiB
one: 6.6 MB either way.
Leaves already written keep their size until they are merged.
"""

from __future__ import annotations

from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

LEAF_BYTES = 3900
FTS5_DEFAULT = 4050
TABLE = "visit_search"


def upgrade() -> None:
    op.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('pgsz', {LEAF_BYTES})")


def downgrade() -> None:
    op.execute(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('pgsz', {FTS5_DEFAULT})")
