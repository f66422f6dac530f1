"""One person (or employer) registered twice: the merge, and redirecting changes that still name the merged-away id.

A merge is a synced `record_merge` row (entity, from_id, into_id). Every device derives the same state from
the rows it holds, after every pulled page and after a local merge, so the redirect itself is never pushed:
- children (visits, jobs, agreements, mapping, ...) whose reference names a merged-away id are re-pointed to
  the surviving id, keeping their clocks (every device makes the same change);
- a field of the merged-away record written after the merge (a device that had not seen it yet) is carried
  to the surviving record with its own clock, when that clock is newer than the survivor's field;
- the "edited a deleted record" conflicts such late edits raise are closed once the survivor holds the value;
- two devices merging each way (A into B, B into A) keep the smallest id of the cycle, live.
Append-only tables (the access log) are never rewritten: they keep the id that was read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table

from fieldapp.storage.base import new_id
from fieldapp.storage.capture import _q, append_only_tables, close_capture, open_capture, replay_context, synced_tables
from fieldapp.storage.clocks import new_clocks, read_clocks, read_rows, refresh_digests, upsert_with_digests
from fieldapp.storage import written
from fieldapp.storage.datafolder import DataFolder

MERGEABLE = ("participant", "employer")
# Fields of the merged-away record that are not carried over: identity, bookkeeping and its tombstone.
_NOT_CARRIED = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "deleted_at"})
# The key that identifies one person or one employer.
DUPLICATE_KEYS = {"participant": "fodselsnummer", "employer": "orgnr"}


@dataclass(frozen=True)
class Merge:
    entity: str
    from_id: str
    into_id: str
    stamp: tuple[int, str]  # the merge row's clock: field edits to from_id after it follow the merge
    # Two devices merged each way: the newest of those merges (the survivor was tombstoned by one of them).
    cycle: tuple[int, str] | None = None


def merges(conn: Connection) -> list[Merge]:
    """Every merge in force, with `into_id` resolved to the final survivor (a chain A→B→C ends at C)."""
    rows = conn.exec_driver_sql(
        "SELECT m.entity, m.from_id, m.into_id, c.hlc, c.device_id FROM record_merge m"
        " LEFT JOIN record_clock c ON c.entity = 'record_merge' AND c.entity_id = m.id"
        " WHERE m.deleted_at IS NULL ORDER BY c.hlc, c.device_id, m.id").all()
    targets: dict[tuple[str, str], str] = {}
    stamps: dict[tuple[str, str], tuple[int, str]] = {}
    for entity, from_id, into_id, hlc, device in rows:
        if from_id == into_id:
            continue
        # Two devices merging the same record into different survivors: the later merge wins, like any field.
        targets[(entity, from_id)] = into_id
        stamps[(entity, from_id)] = (int(hlc or 0), str(device or ""))
    out = []
    for (entity, from_id), into_id in targets.items():
        seen = {from_id}
        while (entity, into_id) in targets and into_id not in seen:
            seen.add(into_id)
            into_id = targets[(entity, into_id)]
        cycle = None
        if (entity, into_id) in targets:
            # A cycle (A into B here, B into A there): the smallest id of the cycle survives, everywhere.
            members, step = {into_id}, targets[(entity, into_id)]
            while step != into_id:
                members.add(step)
                step = targets[(entity, step)]
            into_id = min(members)
            cycle = max(stamps[(entity, i)] for i in members)
            if into_id == from_id:
                continue
        out.append(Merge(entity, from_id, into_id, stamps[(entity, from_id)], cycle))
    return out


def merged_into(conn: Connection, entity: str, into_id: str) -> list[str]:
    """The ids merged (directly or through a chain) into this record: the same person's other records."""
    return sorted(m.from_id for m in merges(conn) if m.entity == entity and m.into_id == into_id)


def _references(entity: str) -> list[tuple[Table, str]]:
    """(table, column) of every synced, rewritable reference to `entity`."""
    append_only = append_only_tables()
    out = []
    for table in synced_tables():
        if table.name in append_only:
            continue
        for column in table.columns:
            if any(fk.column.table.name == entity for fk in column.foreign_keys):
                out.append((table, column.name))
    return out


def redirect(conn: Connection) -> int:
    """Apply every merge to what this folder holds; returns how many rows changed.

    The caller has opened a replay capture context: nothing written here is stamped or queued, since every
    device derives the same writes from the same synced rows.
    """
    if conn.exec_driver_sql("SELECT 1 FROM record_merge LIMIT 1").first() is None:
        return 0  # the common case, one cheap look per pulled page
    all_merges = merges(conn)
    changed = 0
    for entity in MERGEABLE:
        mine = [m for m in all_merges if m.entity == entity]
        if not mine:
            continue
        changed += _revive_cycle_survivors(conn, entity, [m for m in mine if m.cycle is not None])
        changed += _repoint_children(conn, entity, {m.from_id: m.into_id for m in mine})
        carried, settled = _carry_late_edits(conn, entity, mine)
        changed += carried
        open_ones = settled & {(str(i), str(f)) for i, f in conn.exec_driver_sql(
            "SELECT entity_id, field FROM conflict WHERE kind = 'edit_on_deleted' AND entity = ?"
            " AND resolved_at IS NULL", (entity,)).all()}
        if open_ones:
            # The edit now lives in the survivor: the "edited a deleted record" conflict it raised is answered.
            now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            conn.exec_driver_sql(
                "UPDATE conflict SET resolved_at = ? WHERE kind = 'edit_on_deleted' AND entity = ? AND entity_id = ?"
                " AND field = ? AND resolved_at IS NULL", [(now, entity, i, f) for i, f in sorted(open_ones)])
    _note_new_merges(conn)
    return changed


_NAMES = {"participant": "trim(first_name || ' ' || last_name)", "employer": "name"}


def _note_new_merges(conn: Connection) -> None:
    """Each merge this device has not listed yet becomes a `merged` entry in the conflicts list, for review."""
    found = conn.exec_driver_sql(
        "SELECT m.entity, m.from_id, m.into_id, m.created_by, c.hlc, c.device_id FROM record_merge m"
        " JOIN record_clock c ON c.entity = 'record_merge' AND c.entity_id = m.id WHERE m.deleted_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM conflict k WHERE k.kind = 'merged' AND k.entity = m.entity"
        " AND k.entity_id = m.from_id)"
        # An erased participant's merge stays synced, but there is nothing here left to review.
        " AND (m.entity NOT IN ('participant', 'employer') OR EXISTS (SELECT 1 FROM record_clock r"
        " WHERE r.entity = m.entity AND r.entity_id = m.from_id))").all()
    if not found:
        return
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    out = []
    for entity, from_id, into_id, by, hlc, device in found:
        if entity not in _NAMES:
            continue
        names: dict[str, str | None] = dict(conn.exec_driver_sql(f"SELECT id, {_NAMES[entity]} FROM {_q(entity)} WHERE id IN (?, ?)",
                                          (from_id, into_id)).all())
        out.append(("merged", entity, from_id, "merged_into", names.get(from_id), None, None, names.get(into_id),
                    hlc, device, now, None, by))
    if out:
        conn.exec_driver_sql(
            "INSERT INTO conflict (kind, entity, entity_id, field, local_value, local_hlc, local_device,"
            " remote_value, remote_hlc, remote_device, detected_at, local_by, remote_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", out)


def _revive_cycle_survivors(conn: Connection, entity: str, cycle: list[Merge]) -> int:
    """Two devices merged A into B and B into A: both got tombstoned; the survivor's merge tombstone is undone.

    Only a tombstone no newer than those merges: a later deletion of the survivor is a deletion, and stays."""
    latest: dict[str, tuple[int, str]] = {}
    for m in cycle:
        assert m.cycle is not None
        latest[m.into_id] = max(latest.get(m.into_id, m.cycle), m.cycle)
    if not latest:
        return 0
    rows = read_rows(conn, entity, latest)
    clocks = read_clocks(conn, entity, latest)
    revived = [i for i, row in rows.items() if row["deleted_at"] is not None and i in clocks
               and clocks[i].of("deleted_at") <= latest[i]]
    for record_id in revived:
        conn.exec_driver_sql(f"UPDATE {_q(entity)} SET deleted_at = NULL WHERE id = ?", (record_id,))
    if revived:
        refresh_digests(conn, next(t for t in synced_tables() if t.name == entity), revived)
    return len(revived)


def _repoint_children(conn: Connection, entity: str, targets: dict[str, str]) -> int:
    """One look per referring table (it runs after every pulled page), then one UPDATE per merged-away id found."""
    wanted = json.dumps(sorted(targets))
    changed = 0
    for table, column in _references(entity):
        q, c = _q(table.name), _q(column)
        found = conn.exec_driver_sql(f"SELECT id, {c} FROM {q} WHERE {c} IN (SELECT value FROM json_each(?))",
                                     (wanted,)).all()
        if not found:
            continue
        for from_id in sorted({r[1] for r in found}):
            conn.exec_driver_sql(f"UPDATE {q} SET {c} = ? WHERE {c} = ?", (targets[from_id], from_id))
        refresh_digests(conn, table, [r[0] for r in found])
        changed += len(found)
    return changed


def _carry_late_edits(conn: Connection, entity: str, mine: list[Merge]) -> tuple[int, set[tuple[str, str]]]:
    """Field edits to a merged-away record made after the merge go to the survivor when newer than its own.

    Returns (survivors changed, the (from_id, field) pairs whose value the survivor now holds)."""
    table = next(t for t in synced_tables() if t.name == entity)
    # Only records written after their merge (the merge's own tombstone carries the merge's clock): this runs
    # after every pulled page, and reading every merged pair each time would cost more than the page.
    newest: dict[str, int] = dict(conn.exec_driver_sql(
        "SELECT entity_id, last_hlc FROM record_clock WHERE entity = ? AND entity_id IN"
        " (SELECT value FROM json_each(?))", (entity, json.dumps(sorted({m.from_id for m in mine})))).all())
    mine = [m for m in mine if newest.get(m.from_id, 0) > m.stamp[0]]
    if not mine:
        return 0, set()
    ids = {m.from_id for m in mine} | {m.into_id for m in mine}
    rows = read_rows(conn, entity, ids)
    clocks = read_clocks(conn, entity, ids)
    changed = 0
    settled: set[tuple[str, str]] = set()
    for m in mine:
        old, new = rows.get(m.from_id), rows.get(m.into_id)
        old_clock, new_clock = clocks.get(m.from_id), clocks.get(m.into_id)
        if old is None or new is None or old_clock is None:
            continue
        if new_clock is None:
            new_clock = new_clocks({n: (0, "") for n in new if n != "id"})
        sets: dict[str, Any] = {}
        for name, value in old.items():
            if name in _NOT_CARRIED:
                continue
            if value == new.get(name):
                settled.add((m.from_id, name))
                continue
            stamp = old_clock.of(name)
            if stamp <= m.stamp or stamp <= new_clock.of(name):
                continue
            sets[name] = value
            new_clock.set(name, stamp)
            settled.add((m.from_id, name))
        if not sets:
            continue
        conn.exec_driver_sql(f"UPDATE {_q(entity)} SET {', '.join(f'{_q(n)} = ?' for n in sets)} WHERE id = ?",
                             (*sets.values(), m.into_id))
        upsert_with_digests(conn, table, [new_clock.row(entity, m.into_id)])
        new.update(sets)
        changed += 1
    return changed, settled


def duplicate_pairs(conn: Connection, entity: str) -> list[tuple[str, str]]:
    """(survivor, other) ids of live records sharing a fødselsnummer/orgnr; the first registered survives."""
    key = _q(DUPLICATE_KEYS[entity])
    q = _q(entity)
    rows = conn.exec_driver_sql(
        f"SELECT {key}, id FROM {q} WHERE deleted_at IS NULL AND coalesce({key}, '') != ''"
        f" AND {key} IN (SELECT {key} FROM {q} WHERE deleted_at IS NULL GROUP BY {key} HAVING count(*) > 1)"
        f" ORDER BY {key}, created_at, id").all()
    out: list[tuple[str, str]] = []
    first: dict[str, str] = {}
    for value, record_id in rows:
        if value in first:
            out.append((first[value], record_id))
        else:
            first[value] = record_id
    return out


@dataclass(frozen=True)
class PairSide:
    row: dict[str, Any]
    counts: dict[str, int]  # live rows of each table that refer to the record


def duplicate_sides(conn: Connection, entity: str) -> list[tuple[PairSide, PairSide]]:
    """The duplicate pairs with both records and what refers to them (for the confirmation)."""
    pairs = duplicate_pairs(conn, entity)
    rows = read_rows(conn, entity, {i for p in pairs for i in p})
    return [(PairSide(rows[a], child_counts(conn, entity, a)), PairSide(rows[b], child_counts(conn, entity, b)))
            for a, b in pairs]


def child_counts(conn: Connection, entity: str, record_id: str) -> dict[str, int]:
    """How many live rows of each table refer to this record (for the confirmation)."""
    out: dict[str, int] = {}
    for table, column in _references(entity):
        deleted = " AND deleted_at IS NULL" if "deleted_at" in table.columns else ""
        n = conn.exec_driver_sql(f"SELECT count(*) FROM {_q(table.name)} WHERE {_q(column)} = ?{deleted}",
                                 (record_id,)).scalar_one()
        out[table.name] = out.get(table.name, 0) + int(n)
    return out


class NotMergeable(LookupError):
    """One of the two records is missing, already merged or deleted, or they are the same record."""


def _empty(value: Any) -> bool:
    return value is None or value == ""


def merge_records(folder: DataFolder, *, entity: str, from_id: str, into_id: str) -> tuple[list[str], list[str]]:
    """Merge `from_id` into `into_id` in one transaction; returns (fields filled in, fields that differ).

    The survivor keeps its values; its empty fields take the other record's. A field where both hold
    different values becomes a `merged_value` conflict for review (restoring it takes the other value).
    The merged-away record is tombstoned, not erased, so a late change to it can still be redirected.
    """
    if entity not in MERGEABLE or from_id == into_id:
        raise NotMergeable(f"{entity} {from_id} into {into_id}")
    with folder.write() as session:
        conn = session.connection()
        rows = read_rows(conn, entity, [from_id, into_id])
        old, new = rows.get(from_id), rows.get(into_id)
        if old is None or new is None or old["deleted_at"] is not None or new["deleted_at"] is not None:
            raise NotMergeable(f"{entity} {from_id} into {into_id}")
        clocks = read_clocks(conn, entity, [from_id, into_id])
        ts = folder.clock.now()
        now = datetime.fromtimestamp((ts >> 16) / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        names = [n for n in old if n not in _NOT_CARRIED]
        fills = {n: old[n] for n in names if _empty(new.get(n)) and not _empty(old[n])}
        differing = [n for n in names if not _empty(old[n]) and not _empty(new.get(n)) and old[n] != new[n]]
        who = folder.actor
        open_capture(conn, hlc=ts, device_id=folder.device_id)
        sets = {**fills, "updated_at": now, "updated_by": who}
        conn.exec_driver_sql(f"UPDATE {_q(entity)} SET {', '.join(f'{_q(n)} = ?' for n in sets)} WHERE id = ?",
                             (*sets.values(), into_id))
        conn.exec_driver_sql(f"UPDATE {_q(entity)} SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                             (now, now, who, from_id))
        merge_id = new_id()
        conn.exec_driver_sql(
            "INSERT INTO record_merge (id, entity, from_id, into_id, merged_at, created_at, created_by, updated_at,"
            " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (merge_id, entity, from_id, into_id, now, now, who,
                                                                 now, who))
        # Written outside the ORM: reported by hand, so listeners (the sync scheduler, the views) hear the merge.
        written.note_inserted(session, entity, [from_id, into_id])
        written.note_inserted(session, "record_merge", [merge_id])
        close_capture(conn)
        replay_context(conn, hlc=ts, device_id=folder.device_id)
        redirect(conn)  # lists the merge itself first, then the values to review
        close_capture(conn)
        old_clock, new_clock = clocks.get(from_id), clocks.get(into_id)
        if differing:
            conn.exec_driver_sql(
                "INSERT INTO conflict (kind, entity, entity_id, field, local_value, local_hlc, local_device,"
                " remote_value, remote_hlc, remote_device, detected_at, local_by, remote_by)"
                " VALUES ('merged_value', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(entity, into_id, n, old[n], old_clock.of(n)[0] if old_clock else None,
                  old_clock.of(n)[1] if old_clock else None, new[n], new_clock.of(n)[0] if new_clock else ts,
                  new_clock.of(n)[1] if new_clock else folder.device_id, now, old["updated_by"], new["updated_by"])
                 for n in differing])
    return sorted(fills), differing
