"""Change capture: SQLite triggers keep the newest clock of every field and queue the record for sync.

Triggers, not ORM events, do the tracking so that no write path (ORM, Core, raw SQL in a
shell) can change a synced table without a new clock and an outbox entry: without a capture_context row
the write is refused, and DELETE is always refused (records are tombstoned instead).
The ORM session fills capture_context with a fresh hybrid-logical-clock timestamp per flush.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Table, event, text
from sqlalchemy.orm import Session

from fieldapp.domain.hlc import HybridLogicalClock
from fieldapp.storage.base import Base
from fieldapp.storage.written import note_flushed

TRIGGER_PREFIX = "fa_"


class HardDeleteRefused(RuntimeError):
    """Synced records are never deleted; they are tombstoned by setting deleted_at."""


def synced_tables() -> list[Table]:
    """Every table whose rows sync, in dependency order (parents before children)."""
    synced = {m.class_.__table__.name for m in Base.registry.mappers if getattr(m.class_, "__synced__", False)}
    return [t for t in Base.metadata.sorted_tables if t.name in synced]


def append_only_tables() -> set[str]:
    return {m.class_.__table__.name for m in Base.registry.mappers if getattr(m.class_, "__append_only__", False)}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def trigger_ddl() -> dict[str, str]:
    """Name -> CREATE TRIGGER statement for every capture trigger the current schema needs."""
    ddl: dict[str, str] = {}
    no_ctx = "NOT EXISTS (SELECT 1 FROM capture_context)"
    logging_on = "(SELECT replay FROM capture_context) = 0"
    # The pull cursor known at the first unsent change: what the writer had seen of the server.
    queue = (" INSERT INTO outbox_record(entity, entity_id, base) VALUES ('{t}', NEW.id,"
             " coalesce((SELECT cursor FROM sync_account WHERE id = 1), 0)) ON CONFLICT DO NOTHING;")
    for table in synced_tables():
        t = table.name
        cols = [c.name for c in table.columns if c.name != "id"]
        refuse = f"SELECT RAISE(ABORT, 'fieldapp: write to {t} outside change capture')"
        ddl[f"{TRIGGER_PREFIX}{t}_guard_insert"] = (
            f"CREATE TRIGGER {TRIGGER_PREFIX}{t}_guard_insert BEFORE INSERT ON {_q(t)} WHEN {no_ctx} BEGIN {refuse}; END"
        )
        update_guard = f"{no_ctx} OR OLD.id IS NOT NEW.id"
        if t in append_only_tables():
            update_guard = "1"
        ddl[f"{TRIGGER_PREFIX}{t}_guard_update"] = (
            f"CREATE TRIGGER {TRIGGER_PREFIX}{t}_guard_update BEFORE UPDATE ON {_q(t)} WHEN {update_guard} "
            f"BEGIN SELECT RAISE(ABORT, 'fieldapp: {t} rows cannot be changed this way (outside change capture, id change or append-only)'); END"
        )
        ddl[f"{TRIGGER_PREFIX}{t}_no_delete"] = (
            f"CREATE TRIGGER {TRIGGER_PREFIX}{t}_no_delete BEFORE DELETE ON {_q(t)} "
            f"BEGIN SELECT RAISE(ABORT, 'fieldapp: {t} rows are never deleted; set deleted_at (tombstone)'); END"
        )
        # The row's checksum goes with its clocks, so `fieldapp check` sees a value changed behind capture's back.
        digest = f"fa_digest({', '.join(f'NEW.{_q(c)}' for c in digest_columns(table))})"
        # A new record: one clock for all its fields (`WHERE true` lets SQLite parse the upsert after SELECT).
        ddl[f"{TRIGGER_PREFIX}{t}_log_insert"] = (
            f"CREATE TRIGGER {TRIGGER_PREFIX}{t}_log_insert AFTER INSERT ON {_q(t)} WHEN {logging_on} BEGIN"
            f" INSERT INTO record_clock(entity, entity_id, hlc, device_id, fields, last_hlc, digest)"
            f" SELECT '{t}', NEW.id, hlc, device_id, '{{}}', hlc, {digest} FROM capture_context WHERE true"
            f" ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id, fields = '{{}}',"
            f" last_hlc = excluded.last_hlc, digest = excluded.digest;{queue.format(t=t)} END"
        )
        changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in cols)
        flags = ", ".join(f"('{c}', OLD.{_q(c)} IS NOT NEW.{_q(c)})" for c in cols)
        stamp = "json_array((SELECT hlc FROM capture_context), (SELECT device_id FROM capture_context))"
        # Only the changed fields get the new clock; the others keep theirs (json_patch merges the maps).
        ddl[f"{TRIGGER_PREFIX}{t}_log_update"] = (
            f"CREATE TRIGGER {TRIGGER_PREFIX}{t}_log_update AFTER UPDATE ON {_q(t)} WHEN {logging_on} AND ({changed})"
            f" BEGIN"
            f" INSERT INTO record_clock(entity, entity_id, hlc, device_id, fields, last_hlc, digest)"
            f" SELECT '{t}', NEW.id, hlc, device_id, '{{}}', hlc, {digest} FROM capture_context WHERE true"
            f" ON CONFLICT DO UPDATE SET fields = json_patch(fields, (SELECT json_group_object(column1, {stamp})"
            f" FROM (VALUES {flags}) WHERE column2)), last_hlc = max(last_hlc, excluded.last_hlc),"
            f" digest = excluded.digest;"
            f"{queue.format(t=t)} END"
        )
    return ddl


def capture_inserted(conn: Connection, table: Table, *, after_rowid: int, hlc: int, device_id: str,
                     digests: Sequence[tuple[str, int | None]] | None = None) -> None:
    """Write the clocks and outbox entries of the rows of `table` inserted past `after_rowid` in one statement each.

    For a bulk insert of new rows under a replay context (the log triggers stay quiet): the same record_clock and
    outbox_record rows (both keyed by entity and id) as the insert trigger writes one row at a time, at a fraction
    of the cost of running the trigger program per row. Rows get rowids past the largest one (no AUTOINCREMENT), so
    `after_rowid` taken just before the insert selects exactly the new rows. `digests`, when given, are
    (id, checksum) of exactly those rows in the order inserted, each checksum taken from the values in hand or
    None for one to read from the stored row (digest.InHand decides).
    """
    t = str(table.name)  # a plain str: SQLite looks up an adapter on each bound value of a str subclass
    digest = f"fa_digest({', '.join(f'x.{_q(c)}' for c in digest_columns(table))})"
    upsert = (" ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id, fields = '{}',"
              " last_hlc = excluded.last_hlc, digest = excluded.digest")
    if digests is None:
        conn.exec_driver_sql(
            f"INSERT INTO record_clock(entity, entity_id, hlc, device_id, fields, last_hlc, digest)"
            f" SELECT ?, x.id, ?, ?, '{{}}', ?, {digest} FROM {_q(t)} x WHERE x.rowid > ?{upsert}",
            (t, hlc, device_id, hlc, after_rowid))
    else:
        # coalesce evaluates its arguments in turn and stops at the first not NULL: the stored row is read
        # only for the rows without a checksum in hand.
        conn.exec_driver_sql(
            f"INSERT INTO record_clock(entity, entity_id, hlc, device_id, fields, last_hlc, digest)"
            f" VALUES (?, ?, ?, ?, '{{}}', ?, coalesce(?, (SELECT {digest} FROM {_q(t)} x WHERE x.id = ?))){upsert}",
            [(t, i, hlc, device_id, hlc, d, i) for i, d in digests])
        # The same rows by the ids in hand: not a second pass over the new rows.
        base = conn.exec_driver_sql("SELECT coalesce((SELECT cursor FROM sync_account WHERE id = 1), 0)").scalar_one()
        conn.exec_driver_sql("INSERT INTO outbox_record(entity, entity_id, base) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                             [(t, i, base) for i, _ in digests])
        return
    conn.exec_driver_sql(
        f"INSERT INTO outbox_record(entity, entity_id, base)"
        f" SELECT ?, x.id, coalesce((SELECT cursor FROM sync_account WHERE id = 1), 0) FROM {_q(t)} x"
        f" WHERE x.rowid > ? ON CONFLICT DO NOTHING", (t, after_rowid))


def last_rowid(conn: Connection, table: Table) -> int:
    newest: int = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {_q(table.name)}").scalar_one()
    return newest


def digest_columns(table: Table) -> list[str]:
    """The columns a row's checksum covers, by name: the same order whatever order the table has them in."""
    return sorted(c.name for c in table.columns)


def wanted_triggers() -> dict[str, str]:
    from fieldapp.storage.rule_triggers import rule_trigger_ddl

    return {**trigger_ddl(), **rule_trigger_ddl()}


def triggers_current(conn: Connection) -> bool:
    return _present_triggers(conn) == wanted_triggers()


def _present_triggers(conn: Connection) -> dict[str, str]:
    return dict(
        conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", (TRIGGER_PREFIX + "%",)
        ).all()
    )


def install_triggers(conn: Connection) -> bool:
    """Make the database's capture triggers exactly those of the current schema. Returns True if any changed.

    Run after every migration: SQLite batch migrations recreate tables and drop their triggers.
    """
    wanted = wanted_triggers()
    present = _present_triggers(conn)
    if present == wanted:
        return False
    for name in present:
        conn.exec_driver_sql(f"DROP TRIGGER {_q(name)}")
    for sql in wanted.values():
        conn.exec_driver_sql(sql)
    return True


# Plain SQL: these run around every flush, and compiling Core statements costs more than running them.
def open_capture(conn: Connection, *, hlc: int, device_id: str, replay: bool = False) -> None:
    conn.exec_driver_sql("DELETE FROM capture_context")
    conn.exec_driver_sql("INSERT INTO capture_context (hlc, device_id, replay) VALUES (?, ?, ?)",
                         (hlc, device_id, int(replay)))


def close_capture(conn: Connection) -> None:
    conn.exec_driver_sql("DELETE FROM capture_context")


def attach_session_capture(
    session_factory: object, *, clock: HybridLogicalClock, device_id: str, actor: Callable[[], str]
) -> None:
    """Stamp who/when on synced ORM objects and open a capture context around each flush."""

    @event.listens_for(session_factory, "before_flush")
    def _before_flush(session: Session, flush_context: object, instances: object) -> None:
        for obj in session.deleted:
            if getattr(obj, "__synced__", False):
                raise HardDeleteRefused(
                    f"{type(obj).__name__} {obj.id}: records are tombstoned (deleted_at), never deleted"
                )
        ts = clock.now()
        now = datetime.fromtimestamp((ts >> 16) / 1000, UTC)
        who = actor()
        for obj in session.new:
            if getattr(obj, "__synced__", False):
                if obj.created_at is None:
                    obj.created_at = now
                    obj.created_by = who
                obj.updated_at = obj.updated_at or now
                obj.updated_by = obj.updated_by or who
        for obj in session.dirty:
            if getattr(obj, "__synced__", False) and session.is_modified(obj, include_collections=False):
                obj.updated_at = now
                obj.updated_by = who
        open_capture(session.connection(), hlc=ts, device_id=device_id)

    @event.listens_for(session_factory, "after_flush")
    def _after_flush(session: Session, flush_context: object) -> None:
        close_capture(session.connection())
        note_flushed(session)


def replay_context(conn: Connection, *, hlc: int, device_id: str) -> None:
    """Open a context in which writes are allowed but not tracked (the caller writes the clocks itself)."""
    open_capture(conn, hlc=hlc, device_id=device_id, replay=True)


def max_hlc(conn: Connection) -> int:
    """The newest clock this folder holds, so the folder's clock starts after it."""
    newest: int = conn.execute(text("SELECT max(coalesce((SELECT max(last_hlc) FROM record_clock), 0),"
                                    " coalesce((SELECT max(hlc) FROM foreign_change), 0))")).scalar_one()
    return newest
