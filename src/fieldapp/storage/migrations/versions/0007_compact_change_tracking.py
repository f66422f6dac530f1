"""compact change tracking: newest clock per field instead of the change log, an outbox emptied on acknowledgement

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:00:00

Folds change_log into record_clock (the newest (hlc, device) of every field; the clock most of a record's
fields share stored once, the others in a JSON map), turns this device's changes not yet in a batch into
outbox_record rows, keeps the unsent encrypted batches byte for byte (a retry must send the same bytes),
marks what the server already holds as acknowledged, and drops change_log and sync_mark. Every record and
every field's newest clock is kept; values that only the log held (fields this release does not know)
move to foreign_change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fieldapp.storage.digest import register as register_digest

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _capture_triggers(conn: sa.Connection) -> list[str]:
    # The app reinstalls its triggers after every migration; the old ones write to change_log.
    return [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fa\\_%' ESCAPE '\\'"
        " AND name NOT LIKE 'fa\\_rule\\_%' ESCAPE '\\'").all()]


def _synced_columns(conn: sa.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.exec_driver_sql("SELECT DISTINCT entity FROM change_log").all()]
    tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").all()}
    return {n: {c[1] for c in conn.exec_driver_sql(f'PRAGMA table_info("{n}")').all()} for n in names if n in tables}


def upgrade() -> None:
    conn = op.get_bind()
    for name in _capture_triggers(conn):
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    op.create_table('record_clock',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('last_hlc', sa.BigInteger(), nullable=False),
    sa.Column('acked_hlc', sa.BigInteger(), nullable=True),
    sa.Column('acked_cursor', sa.BigInteger(), nullable=True),
    sa.Column('digest', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_record_clock')),
    sqlite_with_rowid=False,
    )
    op.create_table('outbox_record',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('base', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_outbox_record')),
    sqlite_with_rowid=False,
    )
    op.create_table('foreign_change',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('value', sa.LargeBinary(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', 'field', name=op.f('pk_foreign_change')),
    sqlite_with_rowid=False,
    )
    me = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'device_id'").scalar()
    columns = _synced_columns(conn)

    # The newest change of every field: (hlc, device, seq) order, as merge and `fieldapp check` had it.
    conn.exec_driver_sql(
        "CREATE TEMP TABLE newest AS SELECT entity, entity_id, field, value, hlc, device_id FROM ("
        " SELECT entity, entity_id, field, value, hlc, device_id, row_number() OVER (PARTITION BY entity, entity_id,"
        " field ORDER BY hlc DESC, device_id DESC, seq DESC) AS rn FROM change_log) WHERE rn = 1")
    conn.exec_driver_sql("CREATE INDEX temp.ix_newest ON newest (entity, entity_id, field)")
    known = " OR ".join(f"(entity = '{t}' AND field IN ({', '.join(repr(c) for c in cols)}))"
                        for t, cols in columns.items()) or "0"
    conn.exec_driver_sql(
        "INSERT INTO foreign_change (entity, entity_id, field, value, hlc, device_id)"
        f" SELECT entity, entity_id, field, value, hlc, device_id FROM newest WHERE NOT ({known})")
    conn.exec_driver_sql(f"DELETE FROM newest WHERE NOT ({known})")
    # The record's shared clock is that of created_by (written once, with the record); else its newest.
    conn.exec_driver_sql(
        "CREATE TEMP TABLE base AS SELECT entity, entity_id,"
        " coalesce(max(CASE WHEN field = 'created_by' THEN hlc END), max(hlc)) AS hlc, max(hlc) AS last_hlc"
        " FROM newest GROUP BY entity, entity_id")
    conn.exec_driver_sql(
        "INSERT INTO record_clock (entity, entity_id, hlc, device_id, fields, last_hlc)"
        " SELECT b.entity, b.entity_id, b.hlc,"
        " (SELECT max(n.device_id) FROM newest n WHERE n.entity = b.entity AND n.entity_id = b.entity_id"
        "  AND n.hlc = b.hlc), '{}', b.last_hlc FROM base b")
    conn.exec_driver_sql(
        "UPDATE record_clock SET fields = coalesce((SELECT json_group_object(n.field, json_array(n.hlc, n.device_id))"
        " FROM newest n WHERE n.entity = record_clock.entity AND n.entity_id = record_clock.entity_id"
        " AND NOT (n.hlc = record_clock.hlc AND n.device_id = record_clock.device_id)), '{}')")

    # The checksum of every row, as the capture triggers keep it from now on.
    register_digest(conn.connection.dbapi_connection)
    for t in columns:
        values = ", ".join(f'x."{c}"' for c in sorted(columns[t]))  # by name, as the capture triggers
        conn.exec_driver_sql(
            f'UPDATE record_clock SET digest = (SELECT fa_digest({values}) FROM "{t}" x'
            f" WHERE x.id = record_clock.entity_id) WHERE entity = '{t}'")

    # What the server already holds of this device's changes (batches with a cursor), per record.
    conn.exec_driver_sql(
        "CREATE TEMP TABLE acked AS SELECT c.entity, c.entity_id, max(c.hlc) AS hlc, max(o.pushed_cursor) AS cursor"
        " FROM change_log c JOIN sync_outbox o ON c.seq BETWEEN o.first_change_seq AND o.last_change_seq"
        " WHERE o.pushed_cursor IS NOT NULL AND c.device_id = ? GROUP BY c.entity, c.entity_id", (me or "",))
    conn.exec_driver_sql(
        "UPDATE record_clock SET (acked_hlc, acked_cursor) = (SELECT a.hlc, a.cursor FROM acked a"
        " WHERE a.entity = record_clock.entity AND a.entity_id = record_clock.entity_id)"
        " WHERE EXISTS (SELECT 1 FROM acked a WHERE a.entity = record_clock.entity"
        " AND a.entity_id = record_clock.entity_id)")

    # This device's changes not yet in any batch, with the pull cursor known when the first was made.
    batched = conn.exec_driver_sql("SELECT coalesce(max(last_change_seq), 0) FROM sync_outbox").scalar_one()
    conn.exec_driver_sql(
        "INSERT INTO outbox_record (entity, entity_id, base)"
        " SELECT c.entity, c.entity_id, coalesce((SELECT max(m.cursor) FROM sync_mark m WHERE m.change_seq < min(c.seq)), 0)"
        " FROM change_log c WHERE c.device_id = ? AND c.seq > ? GROUP BY c.entity, c.entity_id",
        (me or "", batched))

    # The outbox keeps only unacknowledged batches, each with the records it carries.
    last_seq = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_outbox").scalar_one()
    op.create_table('sync_outbox_new',
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('change_count', sa.Integer(), nullable=False),
    sa.Column('base', sa.BigInteger(), nullable=False),
    sa.Column('members', sa.Text(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('blob', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
    )
    conn.exec_driver_sql(
        "INSERT INTO sync_outbox_new (seq, change_count, base, members, key_id, blob, created_at)"
        " SELECT o.seq, o.change_count, coalesce((SELECT max(m.cursor) FROM sync_mark m"
        "  WHERE m.change_seq < o.first_change_seq), 0),"
        " coalesce((SELECT json_group_array(json_array(entity, entity_id, h)) FROM (SELECT c.entity, c.entity_id,"
        "  max(c.hlc) AS h FROM change_log c WHERE c.seq BETWEEN o.first_change_seq AND o.last_change_seq"
        "  GROUP BY c.entity, c.entity_id)), '[]'), o.key_id, o.blob, o.created_at"
        " FROM sync_outbox o WHERE o.pushed_cursor IS NULL")
    if last_seq:
        # Batch numbers keep counting from the last one made: the server expects no gap and no reuse.
        conn.exec_driver_sql("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_batch_seq', ?)", (str(last_seq),))
    # Who wrote each side of a conflict (change_actor read it from the change log before).
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.add_column(sa.Column('local_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('remote_by', sa.String(length=200), nullable=True))
    for side in ("local", "remote"):
        conn.exec_driver_sql(
            f"UPDATE conflict SET {side}_by = (SELECT c.value FROM change_log c WHERE c.entity = conflict.entity"
            f" AND c.entity_id = conflict.entity_id AND c.field = 'updated_by' AND c.hlc <= conflict.{side}_hlc"
            f" AND c.device_id = conflict.{side}_device ORDER BY c.hlc DESC, c.seq DESC LIMIT 1)")
    op.drop_table('sync_outbox')
    op.rename_table('sync_outbox_new', 'sync_outbox')
    op.drop_table('sync_mark')
    op.drop_table('change_log')
    # The search index is rebuilt for a visit only when one of its texts changed (a merge or a finish that
    # touches other columns no longer re-indexes a kilobyte of trigrams).
    texts = "place, summary, employee_view, employer_view, works_well, challenges, internal_notes"
    old = ", ".join("old." + c.strip() for c in texts.split(","))
    new = ", ".join("new." + c.strip() for c in texts.split(","))
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS visit_search_au")
    conn.exec_driver_sql(
        f"CREATE TRIGGER visit_search_au AFTER UPDATE OF {texts} ON visit BEGIN "
        f"INSERT INTO visit_search(visit_search, rowid, {texts}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO visit_search(rowid, {texts}) VALUES (new.rowid, {new}); END")
    for temp in ("newest", "base", "acked"):
        conn.exec_driver_sql(f"DROP TABLE temp.{temp}")


def downgrade() -> None:
    raise NotImplementedError("0007 folds the change log into clocks; restore the backup made before upgrading")
