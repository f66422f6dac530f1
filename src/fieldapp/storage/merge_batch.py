"""One pulled batch merged into the stored records (the rules are in storage/merge.py's docstring): read the
rows and clocks it touches, merge in memory, write rows, clocks and conflicts with a few statements per table."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby, repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import Table

from fieldapp.domain.record_changes import Change, FieldChanges, Row
from fieldapp.storage.capture import _q, digest_columns
from fieldapp.storage.clocks import RecordClocks, Stamp, new_clocks as new_clocks_for
from fieldapp.storage.clocks import read_clocks, read_rows, uniform_row, upsert_with_digests, write_clocks
from fieldapp.storage.digest import InHand
from fieldapp.storage.quiet_inserts import QuietInserts

_RECORD = itemgetter(0, 1)  # (entity, id) of a change
Fields = dict[str, tuple[int, Any]]  # a record's fields in a batch: field -> (clock, value)
# A record as it came in one row, each field once: (field names, values, its clock or one clock per field).
Whole = tuple[Sequence[str], Sequence[Any], int | Sequence[int]]
BOOKKEEPING = frozenset({"updated_at", "updated_by"})
# Fields of a frozen agreement version that never change (rule_triggers.py enforces it locally).
_FROZEN_VERSION_FIELDS = frozenset({"content_json", "content_hash", "version_no", "agreement_id", "frozen_at"})
_SIGNATURE_MUTABLE = frozenset({"revoked_at", "revoked_reason", "updated_at", "updated_by", "deleted_at"})


@dataclass(frozen=True)
class RemoteBatch:
    """A pulled batch: decrypted (`changes`) or not (`problem` says why)."""

    cursor: int
    device_id: str
    seq: int
    key_id: str
    blob: bytes
    base: int = 0
    changes: Sequence[tuple[str, str, str, Any, int]] = ()
    problem: str | None = None


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Applier:
    """Applies one batch with a few statements per table: read the rows and clocks it touches, merge in
    memory, then write new rows, changed rows, clocks and conflicts with one prepared statement each."""

    def __init__(self, conn: Any, me: str, batch: RemoteBatch, tables: dict[str, Table], order: dict[str, int],
                 append_only: set[str], now: str, in_hand: dict[str, InHand] | None = None,
                 quiet: QuietInserts | None = None) -> None:
        self.conn = conn
        self.me = me
        self.b = batch
        self.tables = tables
        self.order = order
        self.append_only = append_only
        self.now = now
        self.in_hand = {} if in_hand is None else in_hand  # per table, kept over the page's batches
        self.quiet = quiet  # lifts a table's insert triggers once the page has inserted many rows into it
        self.logged = 0
        self.conflicts = 0
        self._conflict_rows: list[tuple[Any, ...]] = []
        self._dropped = 0
        # The stored record being merged (row, clocks) and the batch's fields per id, for naming authors.
        self._record_state: tuple[dict[str, Any] | None, RecordClocks | None] = (None, None)
        self._incoming: dict[str, Fields | Whole] = {}

    def run(self) -> None:
        b = self.b
        records = _by_record(b.changes)
        unknown = len(self.order)
        foreign: list[tuple[Any, ...]] = []
        for entity in sorted(records, key=lambda e: self.order.get(e, unknown)):
            table = self.tables.get(entity)
            if table is None:  # an entity this release does not know is kept aside for a newer one
                foreign += [(entity, i, n, v, h, b.device_id) for i, f in records[entity].items()
                            for n, (h, v) in fields_of(f).items()]
                continue
            foreign += self._table(table, records[entity])
        if foreign:
            # The newest value of each unknown field wins, by the same (hlc, device) order as everything else.
            self.conn.exec_driver_sql(
                "INSERT INTO foreign_change (entity, entity_id, field, value, hlc, device_id) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT DO UPDATE SET value = excluded.value, hlc = excluded.hlc, device_id = excluded.device_id"
                " WHERE (excluded.hlc, excluded.device_id) > (foreign_change.hlc, foreign_change.device_id)", foreign)
        if self._conflict_rows:
            self.conn.exec_driver_sql(
                "INSERT INTO conflict (kind, entity, entity_id, field, local_value, local_hlc, local_device,"
                " remote_value, remote_hlc, remote_device, detected_at, local_by, remote_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self._conflict_rows)
        self.logged = len(b.changes) - self._dropped
        self.conflicts = len(self._conflict_rows)

    def _seen(self, clock: RecordClocks | None, name: str) -> bool:
        """Had the remote writer seen our value? Only if the server acknowledged it at or before its base."""
        at = clock.acked_at(name) if clock is not None else None
        return at is not None and at <= self.b.base

    def _conflict(self, kind: str, entity: str, entity_id: str, name: str, local: Stamp | None,
                  local_value: Any, remote_value: Any, remote_hlc: int) -> None:
        self._conflict_rows.append((kind, entity, entity_id, name, local_value,
                                    local[0] if local else None, local[1] if local else None,
                                    remote_value, remote_hlc, self.b.device_id, self.now,
                                    self._author(local), self._remote_author(entity_id, remote_hlc)))

    def _author(self, local: Stamp | None) -> str | None:
        """The record's `updated_by` as it was at the local write: it is only written when it changes, so
        its newest clock from the same device at or before the write gives the name."""
        row, clock = self._record_state
        if local is None or row is None or clock is None:
            return None
        at = clock.of("updated_by")
        return row.get("updated_by") if at[1] == local[1] and at[0] <= local[0] else None

    def _remote_author(self, entity_id: str, remote_hlc: int) -> str | None:
        got = self._incoming.get(entity_id)
        stamps = {} if got is None else fields_of(got)
        if "updated_by" in stamps and stamps["updated_by"][0] <= remote_hlc:
            return str(stamps["updated_by"][1])
        row, clock = self._record_state
        if row is not None and clock is not None and clock.of("updated_by")[1] == self.b.device_id:
            return row.get("updated_by")
        return None

    def _protected(self, entity: str, row: dict[str, Any], name: str, value: Any) -> bool:
        if value == row.get(name):
            return False
        if entity in self.append_only:
            return True
        if entity == "agreement_version":
            return row.get("frozen_at") is not None and name in _FROZEN_VERSION_FIELDS
        if entity == "signature":
            return name not in _SIGNATURE_MUTABLE or (name == "revoked_at" and row.get("revoked_at") is not None)
        return False

    def _table(self, table: Table, incoming: dict[str, Fields | Whole]) -> list[tuple[Any, ...]]:
        t = str(table.name)  # a plain str: SQLite looks up an adapter on each bound value of a str subclass
        cols = [c.name for c in table.columns if c.name != "id"]
        colset = set(cols)
        ids = list(incoming)
        rows = read_rows(self.conn, t, ids)
        # Only a stored record's clocks are merged with (a new record's are written whole): a fresh device reads none.
        clocks = read_clocks(self.conn, t, [i for i in ids if i in rows]) if rows else {}
        dev = self.b.device_id
        self._incoming = incoming
        # Runs of new records with the same columns, in the batch's order (a record may refer to an earlier one).
        inserts: list[tuple[tuple[str, ...], list[tuple[Any, ...]]]] = []
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        new_clocks: list[tuple[Any, ...]] = []  # clock rows whose checksum is taken from the stored row
        summed: list[tuple[Any, ...]] = []  # clock rows with the checksum of the values in hand
        checksum = self.in_hand.get(t)
        if checksum is None:
            checksum = self.in_hand[t] = InHand(self.conn, t, digest_columns(table))
        foreign: list[tuple[Any, ...]] = []
        names: tuple[str, ...] = ()
        last: Sequence[str] | None = None  # the field names of the last whole record (a batch's group shares them)
        every_known = False
        run = _Run(t, self.b.device_id, checksum, inserts, new_clocks, summed)
        for entity_id, got in incoming.items():
            if isinstance(got, tuple) and entity_id not in rows:
                # A new record as it came, each field once: written without a field-by-field dictionary.
                if got[0] is not last:
                    last = got[0]
                    names, every_known = tuple(last), colset.issuperset(last)
                if every_known:
                    if type(got[2]) is int:  # one clock for the record: nearly every new record
                        run.add(names, entity_id, got[1], got[2])
                    else:
                        run.flush()
                        self._new(t, entity_id, names, got[1], got[2], inserts, new_clocks, summed, checksum)
                    continue
            run.flush()  # the records before this one keep their place among the inserts
            fields = fields_of(got)
            if fields.keys() <= colset:  # nearly always: every field is one this release knows
                known = fields
            else:
                foreign += [(t, entity_id, n, v, h, dev) for n, (h, v) in fields.items() if n not in colset]
                known = {n: hv for n, hv in fields.items() if n in colset}
            row = rows.get(entity_id)
            if row is None:
                if known:
                    hlcs, values = zip(*known.values())
                    self._new(t, entity_id, tuple(known), values, hlcs, inserts, new_clocks, summed, checksum)
                continue
            clock = clocks.get(entity_id)
            self._record_state = (row, clock)
            changed = self._merge(t, entity_id, row, clock, known)
            if changed is None:
                continue
            merged, clock = changed
            sets = {n: v for n, v in merged.items() if v != row.get(n) or type(v) is not type(row.get(n))}
            if sets:
                # Its own name: `names` holds the field names of the group's new records, which may come after.
                updates.setdefault(tuple(sets), []).append((*sets.values(), entity_id))
            _add_clock(new_clocks, summed, clock.row(t, entity_id), checksum.digest({**row, **sets}))
        run.flush()
        q = _q(t)
        if inserts and self.quiet is not None:
            self.quiet.inserting(t, sum(len(params) for _, params in inserts))
        for names, params in inserts:
            columns = ["id", *names]
            self.conn.exec_driver_sql(
                f"INSERT INTO {q} ({', '.join(map(_q, columns))}) VALUES ({', '.join('?' * len(columns))})", params)
        for names, params in updates.items():
            self.conn.exec_driver_sql(f"UPDATE {q} SET {', '.join(f'{_q(n)} = ?' for n in names)} WHERE id = ?",
                                      params)
        if summed:
            summed.sort(key=itemgetter(1))
            write_clocks(self.conn, summed)
        if new_clocks:
            upsert_with_digests(self.conn, table, new_clocks)
        return foreign

    def _new(self, t: str, entity_id: str, names: tuple[str, ...], values: Sequence[Any], hlcs: int | Sequence[int],
             inserts: list[tuple[tuple[str, ...], list[tuple[Any, ...]]]], new_clocks: list[tuple[Any, ...]],
             summed: list[tuple[Any, ...]], checksum: InHand) -> None:
        """A new record's row into the inserts (runs with the same columns), its clocks into the clock rows."""
        if not inserts or (inserts[-1][0] is not names and inserts[-1][0] != names):
            inserts.append((names, []))
        stored = (entity_id, *values)
        inserts[-1][1].append(stored)
        dev = self.b.device_id
        if isinstance(hlcs, int):
            clock_row = uniform_row(t, entity_id, hlcs, dev)
        elif hlcs.count(hlcs[0]) == len(hlcs):  # one clock for the whole record, as new_clocks makes it
            clock_row = uniform_row(t, entity_id, hlcs[0], dev)
        else:
            clock_row = new_clocks_for(dict(zip(names, zip(hlcs, repeat(dev))))).row(t, entity_id)
        _add_clock(new_clocks, summed, clock_row, checksum.digest_new(names, stored))

    def _merge(self, t: str, entity_id: str, row: dict[str, Any], clock: RecordClocks | None,
               known: dict[str, tuple[int, Any]]) -> tuple[dict[str, Any], RecordClocks] | None:
        """The fields this batch changes in a stored record, with the record's new clocks (None: nothing)."""
        dev = self.b.device_id
        updates: dict[str, Any] = {}
        stamps: dict[str, Stamp] = {}
        for name, (hlc, value) in known.items():
            now = clock.of(name) if clock is not None else None
            if now is not None and (hlc, dev) <= now:
                continue  # the local value is newer; ours wins here and will win there too
            if self._protected(t, row, name, value):
                self._dropped += 1
                self._conflict("signed_version", t, entity_id, name, now, row.get(name), value, hlc)
                continue
            updates[name] = value
            stamps[name] = (hlc, dev)
            if (now is not None and now[1] == self.me and row.get(name) != value and name not in BOOKKEEPING
                    and not self._seen(clock, name)):
                self._conflict("overwritten", t, entity_id, name, now, row.get(name), value, hlc)
        self._delete_vs_edit(t, entity_id, row, clock, known, updates)
        if not stamps:
            return None
        if clock is None:
            clock = new_clocks_for({n: stamps.get(n, (0, "")) for n in row if n != "id"})
        for name, stamp in stamps.items():
            clock.set(name, stamp)
        return updates, clock

    def _delete_vs_edit(self, t: str, entity_id: str, row: dict[str, Any], clock: RecordClocks | None,
                        known: dict[str, tuple[int, Any]], updates: dict[str, Any]) -> None:
        if "deleted_at" not in row or clock is None:
            return
        if updates.get("deleted_at") is not None and row["deleted_at"] is None:
            # Deleted elsewhere: our unseen edits to this record stay in it, and are reported.
            hlc = known["deleted_at"][0]
            for name, value in row.items():
                now = clock.of(name)
                if (name != "id" and now[1] == self.me and name not in BOOKKEEPING and name != "deleted_at"
                        and name not in updates and not self._seen(clock, name)):
                    self._conflict("edit_on_deleted", t, entity_id, name, now, value, updates["deleted_at"], hlc)
        elif row["deleted_at"] is not None and updates.get("deleted_at", row["deleted_at"]) is not None:
            # Deleted here, edited elsewhere without knowing: the edit is merged into the tombstone, and reported.
            tomb = clock.of("deleted_at")
            if tomb[1] == self.me and not self._seen(clock, "deleted_at"):
                for name, (hlc, value) in known.items():
                    if name not in BOOKKEEPING and name != "deleted_at":
                        self._conflict("edit_on_deleted", t, entity_id, name, tomb, row.get(name), value, hlc)


def _by_record(changes: Sequence[Change]) -> dict[str, dict[str, Fields | Whole]]:
    """entity -> id -> its fields in this batch, records in the order they first appear: the newest value of each
    field (the first of equal clocks), or the record as it came (Whole) when it came once with each field once."""
    records: dict[str, dict[str, Fields | Whole]] = {}
    # A batch carries each record's changes together (payload format 2 even packs them so, and decodes to
    # FieldChanges): taken a record at a time, most records need neither a comparison nor a dictionary per field.
    rows = changes.rows if isinstance(changes, FieldChanges) else _runs(changes)
    last: Sequence[str] | None = None  # a batch's records share their field names (one list per group)
    unique = False
    for entity, entity_id, names, values, clocks in rows:
        of_table = records.get(entity)
        if of_table is None:
            of_table = records[entity] = {}
        got = of_table.get(entity_id)
        if got is None:
            if names is not last:
                last, unique = names, len(set(names)) == len(names)
            if unique:
                of_table[entity_id] = (names, values, clocks)
                continue
            fields: Fields = {}  # a field twice in the record: the rule below picks its value
        else:
            fields = fields_of(got)
        of_table[entity_id] = fields
        for name, hlc, value in zip(names, repeat(clocks) if isinstance(clocks, int) else clocks, values):
            if name not in fields or hlc > fields[name][0]:
                fields[name] = (hlc, value)
    return records


def fields_of(got: Fields | Whole) -> Fields:
    """A record's fields as field -> (clock, value)."""
    if isinstance(got, dict):
        return got
    names, values, clocks = got
    return dict(zip(names, zip(repeat(clocks) if isinstance(clocks, int) else clocks, values)))


def _runs(changes: Sequence[Change]) -> Iterator[Row]:
    """Field changes given one by one, as rows of consecutive changes of one record."""
    for (entity, entity_id), run in groupby(changes, key=_RECORD):
        _, _, names, values, hlcs = zip(*run)  # column by column at C speed: ~21 fields a record
        yield entity, entity_id, names, values, hlcs


class _Run:
    """New records of one table with the same fields and one clock each, in the batch's order: their rows,
    checksums and clock rows are made a run at a time (a fresh device's pull is nearly all such records)."""

    def __init__(self, table: str, device_id: str, checksum: InHand,
                 inserts: list[tuple[tuple[str, ...], list[tuple[Any, ...]]]], new_clocks: list[tuple[Any, ...]],
                 summed: list[tuple[Any, ...]]) -> None:
        self.table, self.device_id, self.checksum = table, device_id, checksum
        self.inserts, self.new_clocks, self.summed = inserts, new_clocks, summed
        self.names: tuple[str, ...] | None = None
        self.rows: list[tuple[Any, ...]] = []
        self.hlcs: list[int] = []

    def add(self, names: tuple[str, ...], entity_id: str, values: Sequence[Any], hlc: int) -> None:
        if names is not self.names and names != self.names:  # each participant's envelope has its own list
            self.flush()
        self.names = names
        self.rows.append((entity_id, *values))
        self.hlcs.append(hlc)

    def flush(self) -> None:
        if not self.rows:
            return
        names, rows = self.names, self.rows
        assert names is not None
        if not self.inserts or (self.inserts[-1][0] is not names and self.inserts[-1][0] != names):
            self.inserts.append((names, []))
        self.inserts[-1][1].extend(rows)
        t, dev = self.table, self.device_id
        for row, hlc, checksum in zip(rows, self.hlcs, self.checksum.digest_many(names, rows)):
            _add_clock(self.new_clocks, self.summed, uniform_row(t, row[0], hlc, dev), checksum)
        self.rows, self.hlcs = [], []


def _add_clock(new_clocks: list[tuple[Any, ...]], summed: list[tuple[Any, ...]], clock_row: tuple[Any, ...],
               checksum: int | None) -> None:
    if checksum is None:
        new_clocks.append(clock_row)
    else:
        summed.append((*clock_row, checksum))
