"""The full-text index over visit texts: a contentless FTS5 trigram index, filled lazily in bulk.

It is derived data (never synced, never in the change log). Writes do not index: a new visit is recognised
by its rowid above the high-water mark kept in meta, a changed one is queued in visit_search_pending by a
trigger (migration 0014). `drain` indexes both in a few statements, before a search runs and after a pull,
so saving and pulling stay cheap and a search still finds everything saved.

The index keeps no positions (detail=none, a sixth of the size): it only narrows the candidates, each word
of at least three characters giving the visits holding all of its trigrams; the search then checks the
words against the visit's own texts. Words shorter than three characters cannot use it at all.

Its leaves are about 3,900 bytes (FTS5's `pgsz`, migration 0022), so they pack into the file's pages.
"""

from __future__ import annotations

from sqlalchemy import Connection

TABLE = "visit_search"
PENDING = "visit_search_pending"
MARK_KEY = "search_indexed_upto"
# The trigger that queues a new visit whose rowid is at or below the mark (migration 0016): a rowid given again
# after the newest visits were erased. queue_inserted does the same for rows inserted while it is lifted.
INSERT_TRIGGER = "visit_search_ai"
COLUMNS = ("place", "summary", "employee_view", "employer_view", "works_well", "challenges", "internal_notes")
MIN_WORD = 3

_COLS = ", ".join(COLUMNS)


def is_index_table(name: str | None) -> bool:
    """The FTS table, its shadow tables and its queue (which Alembic must not try to drop)."""
    return bool(name) and (name == TABLE or str(name).startswith(TABLE + "_"))


def match_query(word: str) -> str:
    """An FTS5 query for the visits holding every trigram of `word` (each quoted: no character is syntax)."""
    grams = dict.fromkeys(word[i:i + 3] for i in range(len(word) - 2))
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)


def _mark(conn: Connection) -> int:
    found = conn.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (MARK_KEY,)).scalar()
    return int(found) if found is not None else 0


def pending(conn: Connection) -> int:
    """How many visits wait to be (re)indexed; cheap (two index lookups and a count of the queue)."""
    newest = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM visit").scalar_one()
    queued = conn.exec_driver_sql(f"SELECT count(*) FROM {PENDING}").scalar_one()
    return max(0, int(newest) - _mark(conn)) + int(queued)


def queue_inserted(conn: Connection, *, after_rowid: int) -> None:
    """What INSERT_TRIGGER does, for every visit inserted past `after_rowid` in one statement: queue those at or
    below the mark (quiet_inserts.py lifts the trigger for a large insert and calls this instead)."""
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO {PENDING}(visit_rowid) SELECT rowid FROM visit"
                         " WHERE rowid > ? AND rowid <= ?", (after_rowid, _mark(conn)))


def drain(conn: Connection, *, limit: int | None = None) -> int:
    """Index what waits, inside the caller's write transaction; at most `limit` new visits (None: all).

    Returns how many visits were (re)indexed. The queue holds only rowids at or below the mark, so a
    queued visit is taken out of the index first and put back with its current texts if it still exists."""
    mark = _mark(conn)
    newest = int(conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM visit").scalar_one())
    upto = newest if limit is None else min(newest, mark + limit)
    queued = int(conn.exec_driver_sql(f"SELECT count(*) FROM {PENDING}").scalar_one())
    if upto <= mark and not queued:
        return 0
    done = 0
    if queued:
        conn.exec_driver_sql(f"DELETE FROM {TABLE} WHERE rowid IN (SELECT visit_rowid FROM {PENDING})")
        done += conn.exec_driver_sql(
            f"INSERT INTO {TABLE}(rowid, {_COLS}) SELECT rowid, {_COLS} FROM visit "
            f"WHERE rowid IN (SELECT visit_rowid FROM {PENDING})").rowcount
        conn.exec_driver_sql(f"DELETE FROM {PENDING}")
    if upto > mark:
        done += conn.exec_driver_sql(
            f"INSERT INTO {TABLE}(rowid, {_COLS}) SELECT rowid, {_COLS} FROM visit WHERE rowid > ? AND rowid <= ?",
            (mark, upto)).rowcount
        conn.exec_driver_sql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (MARK_KEY, str(upto)))
    return done


def reset(conn: Connection) -> None:
    """Empty the index, so the next drain indexes every visit again (after anything renumbered rowids)."""
    conn.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")
    conn.exec_driver_sql(f"DELETE FROM {PENDING}")
    conn.exec_driver_sql("DELETE FROM meta WHERE key = ?", (MARK_KEY,))
