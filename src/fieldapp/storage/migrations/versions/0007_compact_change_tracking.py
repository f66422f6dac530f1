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

import bisect
import json
from typing import Any

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


class _Marks:
    """The largest pull cursor known before a change (sync_mark rows), as `max(cursor) WHERE change_seq < seq`."""

    def __init__(self, cur: Any) -> None:
        self.seqs: list[int] = []
        self.best: list[int | None] = []
        best: int | None = None
        for seq, cursor in cur.execute("SELECT change_seq, cursor FROM sync_mark ORDER BY change_seq"):
            if cursor is not None and (best is None or cursor > best):
                best = cursor
            self.seqs.append(seq)
            self.best.append(best)

    def before(self, seq: int) -> int:
        i = bisect.bisect_left(self.seqs, seq)
        found = self.best[i - 1] if i else None
        return 0 if found is None else found


class _Pushed:
    """The cursor of the pushed batches (sync_outbox rows with a cursor) whose change range holds a change."""

    def __init__(self, cur: Any) -> None:
        self.ranges = sorted(cur.execute("SELECT first_change_seq, last_change_seq, pushed_cursor FROM sync_outbox"
                                         " WHERE pushed_cursor IS NOT NULL").fetchall())
        self.firsts = [r[0] for r in self.ranges]
        self.disjoint = all(a[1] < b[0] for a, b in zip(self.ranges, self.ranges[1:]))

    def cursor(self, seq: int) -> int | None:
        if not self.disjoint:  # never made so, but then every range counts, as the join did
            return max((c for f, last, c in self.ranges if f <= seq <= last), default=None)
        i = bisect.bisect_right(self.firsts, seq) - 1
        return self.ranges[i][2] if i >= 0 and seq <= self.ranges[i][1] else None


def _fold(raw: Any, columns: dict[str, set[str]], me: str) -> None:
    """One pass over the change log in its (entity, entity_id, field) index order: every record's clock, what
    the server holds of it, and whether it waits for the outbox. Done in Python, record by record, because
    SQLCipher does not encrypt temporary files: grouping millions of log rows in SQL would need a temporary
    store of that size, on disk in plain text or in memory."""
    read, write = raw.cursor(), raw.cursor()
    marks, pushed = _Marks(read), _Pushed(read)
    batched = read.execute("SELECT coalesce(max(last_change_seq), 0) FROM sync_outbox").fetchone()[0]
    clocks: list[tuple[Any, ...]] = []
    outbox: list[tuple[str, str, int]] = []

    def flush() -> None:
        write.executemany("INSERT INTO record_clock (entity, entity_id, hlc, device_id, fields, last_hlc, acked_hlc,"
                          " acked_cursor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", clocks)
        write.executemany("INSERT INTO outbox_record (entity, entity_id, base) VALUES (?, ?, ?)", outbox)
        clocks.clear()
        outbox.clear()

    def finish(entity: str, entity_id: str, newest: dict[str, tuple[int, str, int]], acked: list[Any],
               unbatched: int | None) -> None:
        if newest:
            created = newest.get("created_by")
            hlc = created[0] if created else max(n[0] for n in newest.values())
            device = max(n[1] for n in newest.values() if n[0] == hlc)
            later = {f: [n[0], n[1]] for f, n in newest.items() if not (n[0] == hlc and n[1] == device)}
            clocks.append((entity, entity_id, hlc, device, json.dumps(later, separators=(",", ":"), ensure_ascii=False),
                           max(n[0] for n in newest.values()), *(acked if acked[1] is not None else (None, None))))
        if unbatched is not None:
            outbox.append((entity, entity_id, marks.before(unbatched)))
        if len(clocks) >= 10_000 or len(outbox) >= 10_000:
            flush()

    key: tuple[str, str] | None = None
    newest: dict[str, tuple[int, str, int]] = {}
    acked: list[Any] = [None, None]  # newest acknowledged hlc of this device, largest cursor
    unbatched: int | None = None  # first change of this device not yet in a batch
    for entity, entity_id, field, hlc, device, seq in read.execute(
            "SELECT entity, entity_id, field, hlc, device_id, seq FROM change_log INDEXED BY ix_change_log_entity"
            " ORDER BY entity, entity_id, field"):
        if (entity, entity_id) != key:
            if key is not None:
                finish(*key, newest, acked, unbatched)
            key, newest, acked, unbatched = (entity, entity_id), {}, [None, None], None
        if field in columns.get(entity, ()):
            old = newest.get(field)
            if old is None or (hlc, device, seq) > old:
                newest[field] = (hlc, device, seq)
        if device == me:
            cursor = pushed.cursor(seq)
            if cursor is not None:
                acked[0] = hlc if acked[0] is None else max(acked[0], hlc)
                acked[1] = cursor if acked[1] is None else max(acked[1], cursor)
            if seq > batched and (unbatched is None or seq < unbatched):
                unbatched = seq
    if key is not None:
        finish(*key, newest, acked, unbatched)
    flush()


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

    # The newest change of every field: (hlc, device, seq) order, as merge and `fieldapp check` had it. Values
    # are kept only for fields this release does not know; the rest needs clocks alone.
    known = " OR ".join(f"(entity = '{t}' AND field IN ({', '.join(repr(c) for c in cols)}))"
                        for t, cols in columns.items()) or "0"
    conn.exec_driver_sql(
        "INSERT INTO foreign_change (entity, entity_id, field, value, hlc, device_id)"
        " SELECT entity, entity_id, field, value, hlc, device_id FROM (SELECT entity, entity_id, field, value, hlc,"
        " device_id, row_number() OVER (PARTITION BY entity, entity_id, field ORDER BY hlc DESC, device_id DESC,"
        f" seq DESC) AS rn FROM change_log WHERE NOT ({known})) WHERE rn = 1")
    _fold(conn.connection.dbapi_connection, columns, me or "")

    # The checksum of every row, as the capture triggers kept it until format 2 (migration 0021).
    register_digest(conn.connection.dbapi_connection)
    for t in columns:
        values = ", ".join(f'x."{c}"' for c in sorted(columns[t]))  # by name, as the capture triggers
        conn.exec_driver_sql(
            f'UPDATE record_clock SET digest = (SELECT fa_digest_v1({values}) FROM "{t}" x'
            f" WHERE x.id = record_clock.entity_id) WHERE entity = '{t}'")

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
    # Emptied first: a DELETE without WHERE frees the pages without a statement journal, while DROP TABLE in
    # this long transaction keeps a copy of every page it zeroes (secure_delete) in one, held in memory: 2 GB
    # at 10,000 participants.
    conn.exec_driver_sql("DELETE FROM change_log")
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


def downgrade() -> None:
    raise NotImplementedError("0007 folds the change log into clocks; restore the backup made before upgrading")
