"""Selecting stored rows for an export: everything, or everything about one participant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection

from fieldapp.storage.capture import _q, synced_tables
from fieldapp.storage.erasure import child_of, owned_tables
from fieldapp.storage.merges import merged_into

def participant_tree() -> list[tuple[str, str, str]]:
    """(table, parent table, column pointing at it), parents first: how each table hangs off a participant.

    The erasure's own ownership facts (storage/erasure.py, from the foreign keys): the subject access export
    shows every table an erasure deletes from, and a new table is in both at once."""
    children = child_of()
    out = []
    for t in owned_tables():
        if t != "participant":
            column, parent = children.get(t, ("participant_id", "participant"))
            out.append((t, parent, column))
    return out


def _select(conn: Connection, table: str, where: str = "", params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cur = conn.exec_driver_sql(f"SELECT * FROM {_q(table)} {where} ORDER BY created_at, id", params)
    names = list(cur.keys())
    return [dict(zip(names, row)) for row in cur.all()]


def all_rows(conn: Connection) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for table in synced_tables():
        yield table.name, _select(conn, table.name)


def participant_rows(conn: Connection, participant_id: str) -> dict[str, list[dict[str, Any]]] | None:
    out: dict[str, list[dict[str, Any]]] = {"participant": _select(conn, "participant", "WHERE id = ?", (participant_id,))}
    if not out["participant"]:
        return None
    # The same person registered twice and merged: the merged-away record and its access log are theirs too.
    merged = merged_into(conn, "participant", participant_id)
    out["participant"] += [r for m in merged for r in _select(conn, "participant", "WHERE id = ?", (m,))]
    out["record_merge"] = [r for m in merged for r in _select(conn, "record_merge", "WHERE from_id = ?", (m,))]
    for table, parent, column in participant_tree():
        ids = [r["id"] for r in out.get(parent, [])]
        rows: list[dict[str, Any]] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows += _select(conn, table, f"WHERE {_q(column)} IN ({', '.join('?' * len(chunk))})", tuple(chunk))
        out[table] = rows
    # The employers and contacts of the participant's placements, as context (not the employers' other data).
    emp_ids = sorted({r["employer_id"] for r in out["placement"]})
    contact_ids = sorted({r["contact_id"] for r in out["placement"] if r["contact_id"]})
    out["employer"] = [r for e in emp_ids for r in _select(conn, "employer", "WHERE id = ?", (e,))]
    out["employer_contact"] = [r for c in contact_ids for r in _select(conn, "employer_contact", "WHERE id = ?", (c,))]
    # The employer contacts made for the participant (each points at its employer, not at the participant).
    outreach_ids = sorted({r["outreach_id"] for r in out["outreach_for"]})
    out["employer_outreach"] = [r for o in outreach_ids
                                for r in _select(conn, "employer_outreach", "WHERE id = ?", (o,))]
    return out
