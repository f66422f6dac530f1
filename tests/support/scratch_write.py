"""A write transaction for tests that put arbitrary rows into every synced table and throw them all away."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from fieldapp.storage.capture import replay_context
from fieldapp.storage.datafolder import DataFolder


class _RolledBack(Exception):
    pass


@contextmanager
def scratch_write(folder: DataFolder) -> Iterator[tuple[Session, Connection]]:
    """(session, connection) in a write transaction under a replay context that is rolled back at the end, whatever
    the block did; foreign keys are checked only at commit (random ids refer to nothing) and a signature may go on
    any version."""
    try:
        with folder.write() as session:
            conn = session.connection()
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS fa_rule_signature_on_frozen")
            replay_context(conn, hlc=1, device_id="test")
            yield session, conn
            raise _RolledBack()
    except _RolledBack:
        pass
