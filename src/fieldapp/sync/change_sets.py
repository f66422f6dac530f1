"""Record-level change sets (payload format 2): per table the field names once, per record one clock.

A batch carries whole records (every field this device wrote since the server last held it), so field-level
`[entity, id, field, value, hlc]` lists repeat the table, the id and the clock for every field: 21 lists per
visit. Packed, consecutive changes of one record become one row `[id, hlc, [values…]]`, plus `[i, hlc, …]`
for the fields (by position) whose clock is not the record's; consecutive rows with the same table and field
names share one group `[entity, [field names…], [rows…]]`. Unpacking gives back exactly the changes packed,
in the same order, so everything after decoding (envelopes, checks, merge) sees what it saw before.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Sequence
from itertools import chain, repeat
from typing import Any

import orjson
import pybase64

from fieldapp.domain.record_changes import Change, FieldChanges, Record, Row, records_of

_PLAIN = frozenset({str, int, float, bool, type(None)})


class Malformed(ValueError):
    """A change set that is not one this codec writes (the caller says where it came from)."""


class Inexact(Exception):
    """A document read by orjson holds a float where json.loads might have read a whole number (orjson reads one
    beyond 64 bits as a float): the caller reads it again with json.loads and unpacks that."""


def read(raw: bytes | bytearray) -> tuple[Any, bool]:
    """(the JSON document, whether orjson read it). orjson reads a change set about twice as fast as json.loads
    and gives the same values, except: a whole number beyond 64 bits comes back as a float (unpack(fast=True)
    raises Inexact on a float), and what orjson refuses (a lone surrogate, Infinity, a byte order mark) is read
    by json.loads, as before."""
    try:
        return orjson.loads(raw), True
    except orjson.JSONDecodeError:
        return json.loads(raw), False


def enc_value(v: Any) -> Any:
    if isinstance(v, (bytes, bytearray, memoryview)):
        return {"$b": base64.b64encode(bytes(v)).decode("ascii")}
    return v


def dec_value(v: Any) -> Any:
    if isinstance(v, dict):
        if set(v) != {"$b"} or not isinstance(v["$b"], str):
            raise Malformed("unknown value encoding")
        try:
            # pybase64's strict decoding (SIMD) gives what base64.b64decode gives for canonical text, which is all
            # this codec writes; anything else is decoded by base64.b64decode itself, as before.
            return pybase64.b64decode(v["$b"], validate=True)
        except ValueError:
            pass
        try:
            return base64.b64decode(v["$b"])
        except ValueError as exc:  # not base64, or not ASCII: the batch is refused, not the pull
            raise Malformed(f"a value is not base64 ({exc})") from exc
    if isinstance(v, list):
        raise Malformed("a value cannot be a list")
    return v


def pack(changes: Sequence[Change]) -> list[Any]:
    """The changes as groups of records (consecutive changes of one record make one row)."""
    return _groups(records_of(changes))[0]


def packed_json(doc: dict[str, Any], changes: Sequence[Change], *, into: str = "records") -> bytes:
    """`doc` with the packed changes under `into`, as UTF-8 JSON.

    orjson writes it about eight times faster than json.dumps, the same JSON values for these documents (not
    always the same bytes: 1e16 against 1e+16). It writes an infinite float as null, so a set holding one goes
    through json.dumps (which writes Infinity, as format 1 did), and it refuses an integer beyond 64 bits, which
    json.dumps writes. Only ever read back with json.loads: nothing hashes or signs these bytes themselves (the
    batch is signed over its ciphertext)."""
    return packed_records_json(doc, records_of(changes), into=into)


def packed_records_json(doc: dict[str, Any], records: Sequence[Record], *, into: str = "records") -> bytes:
    """packed_json for whole records (as the outbox cuts them), without a tuple and a comparison per field."""
    groups, odd_float = _groups(records)
    return _dumped({**doc, into: groups}, odd_float)


def _groups(records: Sequence[Record]) -> tuple[list[Any], bool]:
    """(the records as groups of one table's rows with the same fields, whether a value is a float JSON has no
    number for)."""
    groups: list[Any] = []
    last_entity: str | None = None
    last_names: Sequence[str] | None = None
    rows: list[Any] = []
    for entity, rid, names, values, hlc, odd in records:
        if not names:
            continue  # no field: no change
        if entity != last_entity or (names is not last_names and names != last_names):
            rows = []
            groups.append([entity, list(names), rows])
            last_entity, last_names = entity, names
        rows.append([rid, hlc, values, odd] if odd else [rid, hlc, values])  # a tuple is written as a list
    every = [r[2] for g in groups for r in g[2]]
    types = set(map(type, chain.from_iterable(every)))
    odd_float = float in types and not all(map(math.isfinite, (v for v in chain.from_iterable(every)
                                                                if type(v) is float)))
    if not _PLAIN.issuperset(types):
        for g in groups:
            for r in g[2]:
                r[2] = list(map(enc_value, r[2]))
    return groups, odd_float


def _dumped(doc: dict[str, Any], odd_float: bool) -> bytes:
    if not odd_float:
        try:
            return orjson.dumps(doc)
        except orjson.JSONEncodeError:
            pass  # an integer orjson cannot write
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def unpack(groups: Any, *, fast: bool = False) -> FieldChanges:
    """The changes of packed groups, checked (Malformed if one is not right), a record at a time. Items a newer
    format adds after the known ones of a group or row are ignored. `fast`: read by orjson (read()), so a
    float raises Inexact."""
    if type(groups) is not list:
        raise Malformed("not a list of groups")
    out: list[Row] = []
    for group in groups:
        if type(group) is not list or len(group) < 3:
            raise Malformed("not a group")
        entity, names, rows = group[0], group[1], group[2]
        if type(entity) is not str or type(names) is not list or type(rows) is not list:
            raise Malformed("not a group")
        if not set(map(type, names)) <= {str}:
            raise Malformed("a field name is not text")
        if rows and names:
            out += _rows(entity, names, rows, fast)
        elif rows:
            _rows(entity, names, rows, fast)  # checked all the same: a record without fields changes nothing
    return FieldChanges(out)


def _rows(entity: str, names: list[str], rows: list[Any], fast: bool) -> list[Row]:
    # Checked column by column with C-level map/set: per-item checks were most of the cost of decoding.
    lengths = set(map(len, rows)) if set(map(type, rows)) <= {list} else {0}
    if min(lengths) < 3:
        raise Malformed("not a record")
    ids: Sequence[Any]
    hlcs: Sequence[Any]
    values: Sequence[Any]
    if lengths == {3}:  # no field with a clock of its own: nearly every row
        ids, hlcs, values = zip(*rows)
    else:
        ids = [r[0] for r in rows]
        hlcs = [r[1] for r in rows]
        values = [r[2] for r in rows]
    if not set(map(type, ids)) <= {str} or not set(map(type, hlcs)) <= {int}:
        if fast and float in set(map(type, hlcs)):
            raise Inexact()
        raise Malformed("a record's id is not text or its clock not a whole number")
    width = len(names)
    if not set(map(type, values)) <= {list} or set(map(len, values)) != {width}:
        raise Malformed("a record's values do not match its field names")
    types = set(map(type, chain.from_iterable(values)))
    if fast and float in types:
        raise Inexact()
    if not _PLAIN.issuperset(types):
        values = [list(map(dec_value, v)) for v in values]
    if lengths == {3}:
        return list(zip(repeat(entity), ids, repeat(names), values, hlcs))
    return [(entity, rid, names, vals, _clocks(row[3], hlc, width, fast) if len(row) > 3 else hlc)
            for rid, hlc, vals, row in zip(ids, hlcs, values, rows)]


def _clocks(odd: Any, hlc: int, width: int, fast: bool) -> list[int]:
    if type(odd) is not list or len(odd) % 2:
        raise Malformed("a record's field clocks are not pairs")
    if fast and float in set(map(type, odd)):
        raise Inexact()
    clocks = [hlc] * width
    for k in range(0, len(odd), 2):
        at, clock = odd[k], odd[k + 1]
        if type(at) is not int or type(clock) is not int or not 0 <= at < width:
            raise Malformed("a record's field clock is not right")
        clocks[at] = clock
    return clocks
