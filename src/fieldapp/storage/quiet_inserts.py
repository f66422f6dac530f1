"""A large insert of pulled records without per-row trigger programs, inside the transaction that writes them.

While a table has an INSERT trigger, SQLite runs each inserted row as a statement that writes to more than one
table and may abort, so it keeps a statement journal for it: every page the row changes is copied before it is
changed, row after row. A pull inserts new records with one prepared statement per row (executemany), so a
fresh device taking in 10,000 visits spent 30–50 ms of a 0.5 s pull on those copies and the trigger checks
(BENCHMARKS.md, 2026-12-04); lifting one or two of the three triggers saves next to nothing.

Under a replay capture context, which every pull writes in, the insert triggers of a synced table do nothing:
the capture guard lets the write through and the log trigger's WHEN is false (the applier writes the clocks
itself). The full-text index's trigger queues only a visit whose rowid is at or below the index's mark, which
search_index.queue_inserted does in one statement. So once LIFT_AT rows have gone into a table whose every INSERT
trigger is one of these, in one pull transaction or one bulk insert, they are dropped in that transaction and put back, from their own
stored SQL, before it commits. No other connection sees them gone (they read the last committed schema, and
the write lock keeps writers out); a failure rolls the drop back with everything else. Nothing is lifted once
SQLite has ended the transaction by itself (a DROP would then commit at once). erasure.py also lifts a guard
(the no-delete one) inside its own transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Connection

from fieldapp.storage import search_index
from fieldapp.storage.capture import TRIGGER_PREFIX, _q

# Rows a transaction inserts into one table before its triggers are lifted: dropping and creating them again
# costs about a millisecond, and makes every other connection read the schema again once.
LIFT_AT = 200
_ON_INSERT = re.compile(r"^\s*CREATE\s+TRIGGER\s+\S+\s+(?:BEFORE\s+|AFTER\s+|INSTEAD\s+OF\s+)?INSERT\s+ON\s",
                        re.IGNORECASE)
Compensate = Callable[[Connection, int], None]


class NotReplaying(RuntimeError):
    """Insert triggers are only lifted under a replay capture context, where the capture triggers do nothing."""


def _liftable(table: str) -> dict[str, Compensate | None]:
    """The INSERT triggers of `table` that may be lifted, each with what does its work for the rows inserted
    while it was (None: nothing to do under a replay context)."""
    out: dict[str, Compensate | None] = {f"{TRIGGER_PREFIX}{table}_guard_insert": None,
                                         f"{TRIGGER_PREFIX}{table}_log_insert": None}
    if table == "visit":
        out[search_index.INSERT_TRIGGER] = lambda conn, after: search_index.queue_inserted(conn, after_rowid=after)
    return out


class QuietInserts:
    """Counts the rows a transaction inserts per table and lifts a table's INSERT triggers once it passes
    LIFT_AT; `restore()` puts every lifted trigger back and must run before the transaction commits."""

    def __init__(self, conn: Connection, *, enabled: bool = True) -> None:
        self.conn = conn
        self.enabled = enabled
        self._counts: dict[str, int] = {}
        self._done: set[str] = set()  # tables looked at (lifted or not liftable)
        # table -> (rowid before the lift, [(trigger name, its CREATE statement, what does its work)])
        self._lifted: dict[str, tuple[int, list[tuple[str, str, Compensate | None]]]] = {}

    def inserting(self, table: str, rows: int) -> None:
        """Called before inserting `rows` new rows into `table`."""
        if not self.enabled or table in self._done:
            return
        self._counts[table] = self._counts.get(table, 0) + rows
        if self._counts[table] >= LIFT_AT:
            self._done.add(table)
            self._lift(table)

    @property
    def lifted(self) -> frozenset[str]:
        return frozenset(self._lifted)

    def _lift(self, table: str) -> None:
        if not cast(Any, self.conn.connection.driver_connection).in_transaction:
            # SQLite ended the transaction by itself after a failed statement (the driver leaves transactions
            # to us): a DROP now would commit at once, and other connections would see the table unguarded.
            return
        replay = self.conn.exec_driver_sql("SELECT replay FROM capture_context").scalar()
        if replay != 1:
            raise NotReplaying(f"insert triggers of {table} lifted outside a replay context")
        triggers = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)).all()
        on_insert = [(str(name), str(sql)) for name, sql in triggers if _ON_INSERT.match(sql)]
        liftable = _liftable(table)
        if not on_insert or any(name not in liftable for name, _ in on_insert):
            return  # a rule trigger (signature) or one this module does not know: the rows go through it
        after = int(self.conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {_q(table)}").scalar_one())
        dropped: list[tuple[str, str, Compensate | None]] = []
        self._lifted[table] = (after, dropped)  # each noted as it goes, so restore() knows of any dropped
        for name, sql in on_insert:
            self.conn.exec_driver_sql(f"DROP TRIGGER {_q(name)}")
            dropped.append((name, sql, liftable[name]))

    def restore(self) -> None:
        """Put the lifted triggers back and do their work for the rows inserted meanwhile. A trigger already
        there again (SQLite rolled the transaction back by itself after a failed statement) is left as it is."""
        if not self._lifted:
            return
        present = {r[0] for r in self.conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for after, triggers in self._lifted.values():
            for name, sql, compensate in triggers:
                if name not in present:
                    self.conn.exec_driver_sql(sql)
                if compensate is not None:
                    compensate(self.conn, after)
        self._lifted.clear()
