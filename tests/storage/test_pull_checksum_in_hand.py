"""A pulled row's checksum taken from the values in hand equals the one SQLite gives of the stored row, for
every synced table and every kind of value; a page with a failing batch is applied again with savepoints."""

from __future__ import annotations

import dataclasses
import math
import random
import uuid
from typing import Any

import pytest
from sqlalchemy import Column, MetaData, String, Table
from sqlalchemy.exc import IntegrityError, OperationalError

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import integrity, merge, sync_state
from fieldapp.storage.capture import _q, digest_columns, synced_tables
from fieldapp.storage.clocks import read_rows
from fieldapp.storage.digest import InHand, affinity
from tests.support.scratch_write import scratch_write

TEXTS = ["", "æøå ÆØÅ", "Oppfølging – «ja»", "😀", "12", "-7", "1.5", "1e3", " 42 ", "2026-11-30T10:00:00.000000Z",
         "2026-11-30", "Ødegård", "før\x00etter", "\x00"]


def _any_value(rng: random.Random) -> Any:
    """Every kind of value a payload can carry, whatever the column: SQLite may store it otherwise."""
    return rng.choice([
        None, True, False, 0, 1, -1, 2**62, -(2**63), rng.randint(-10**6, 10**6),
        0.0, -0.0, 1.0, 2.5, -3.75, 1e300, float("inf"), float("-inf"), float("nan"), rng.random(),
        b"", b"\x00\xff", rng.randbytes(5), *TEXTS, rng.choice(TEXTS) + str(rng.random()),
    ])


def _natural(declared: str, rng: random.Random) -> Any:
    """A value of the kind the app writes into a column declared so."""
    kind = affinity(declared)
    if declared.upper() == "BOOLEAN":
        return rng.choice([True, False, None])
    if kind == "INTEGER":
        return rng.choice([rng.randint(-1000, 1000), None])
    if kind == "BLOB":
        return rng.choice([rng.randbytes(8), None])
    return rng.choice(TEXTS + [None])


def _declared(conn: Any, table: str) -> dict[str, str]:
    return {name: kind or "" for _, name, kind, *_ in conn.exec_driver_sql(f"PRAGMA table_info({_q(table)})")}


def _insert_and_compare(conn: Any, table: Table, rows: list[dict[str, Any]]) -> tuple[int, int]:
    """Insert the rows one by one (those SQLite refuses are skipped); (rows stored, rows with an in-hand
    checksum), after checking every in-hand checksum against fa_digest of the stored row."""
    columns = digest_columns(table)
    in_hand = InHand(conn, table.name, columns)
    stored = summed = 0
    kept: list[tuple[tuple[str, ...], tuple[Any, ...], int | None]] = []
    for row in rows:
        names = tuple(n for n in row if n != "id")
        try:
            conn.exec_driver_sql(f"INSERT INTO {_q(table.name)} ({', '.join(map(_q, ['id', *names]))})"
                                 f" VALUES ({', '.join('?' * (len(names) + 1))})", (row["id"], *(row[n] for n in names)))
        except (IntegrityError, OperationalError):
            continue  # a NULL in a NOT NULL column, text a JSON check refuses
        stored += 1
        expected = conn.exec_driver_sql(
            f"SELECT fa_digest({', '.join(f't.{_q(c)}' for c in columns)}) FROM {_q(table.name)} t WHERE t.id = ?",
            (row["id"],)).scalar_one()
        by_dict = in_hand.digest(row)
        by_tuple = in_hand.digest_new(names, (row["id"], *(row[n] for n in names)))
        assert by_dict == by_tuple
        if by_dict is not None:
            summed += 1
            assert by_dict == expected, (table.name, row)
        # The stored row read back as merge reads it (before changing it): its own checksum, or none in hand.
        assert in_hand.digest(read_rows(conn, table.name, [row["id"]])[row["id"]]) in (None, expected)
        kept.append((names, (row["id"], *(row[n] for n in names)), by_tuple))
    # A run of new rows (the pull's runs): each checksum as digest_new gives it alone, the odd values among plain ones.
    by_names: dict[tuple[str, ...], list[tuple[tuple[Any, ...], int | None]]] = {}
    for names, values, alone in kept:
        by_names.setdefault(names, []).append((values, alone))
    for names, run in by_names.items():
        assert in_hand.digest_many(names, [v for v, _ in run]) == [alone for _, alone in run], table.name
    return stored, summed


@pytest.mark.parametrize("seed", range(3))
def test_in_hand_checksums_equal_the_stored_rows_of_every_synced_table(workspace: Workspace, seed: int) -> None:
    rng = random.Random(seed)
    with scratch_write(workspace.folder) as (session, conn):
        for table in synced_tables():
            declared = _declared(conn, table.name)
            names = [c.name for c in table.columns if c.name != "id"]
            natural = [{"id": str(uuid.uuid4()), **{n: _natural(declared[n], rng) for n in names}}
                       for _ in range(15)]
            odd = [{"id": str(uuid.uuid4()), **{n: _any_value(rng) for n in names}} for _ in range(40)]
            stored, summed = _insert_and_compare(conn, table, natural)
            assert stored and summed == stored, table.name  # the app's own values never need reading back
            _insert_and_compare(conn, table, odd)
            # A row missing a column gets its default: read back, never summed in hand.
            assert InHand(conn, table.name, digest_columns(table)).digest({"id": "x"}) is None



@pytest.mark.parametrize("declared", ["TEXT", "VARCHAR(20)", "INTEGER", "BIGINT", "BOOLEAN", "NUMERIC", "DATETIME",
                                      "REAL", "FLOAT", "BLOB", ""])
def test_every_kind_of_value_in_every_affinity(workspace: Workspace, declared: str) -> None:
    """Each value kind alone in a column of each affinity: summed in hand only when stored unchanged."""
    rng = random.Random(declared)
    with workspace.folder.read() as session:
        conn = session.connection()
        conn.exec_driver_sql(f"CREATE TEMP TABLE kinds (id TEXT PRIMARY KEY, v {declared})")
        try:
            table = Table("kinds", MetaData(), Column("id", String), Column("v", String))
            rows = [{"id": str(i), "v": _any_value(rng)} for i in range(300)]
            stored, summed = _insert_and_compare(conn, table, rows)
        finally:
            conn.exec_driver_sql("DROP TABLE temp.kinds")
    assert stored == 300 and summed >= 60


def test_values_sqlite_would_convert_are_not_summed_in_hand(workspace: Workspace) -> None:
    with workspace.folder.read() as session:
        participant = InHand(session.connection(), "participant",
                             digest_columns(next(t for t in synced_tables() if t.name == "participant")))
    template = {c: "x" for c in participant.columns}
    assert participant.digest(template) is not None
    for odd in (5, 1.5, True, float("nan")):
        assert participant.digest({**template, "notes": odd}) is None  # TEXT affinity: stored as text


@pytest.mark.parametrize(("declared", "expected"), [
    ("VARCHAR(36)", "TEXT"), ("TEXT", "TEXT"), ("CLOB", "TEXT"), ("INTEGER", "INTEGER"), ("BIGINT", "INTEGER"),
    ("BOOLEAN", "NUMERIC"), ("DATETIME", "NUMERIC"), ("NUMERIC(10,2)", "NUMERIC"), ("BLOB", "BLOB"), ("", "BLOB"),
    ("REAL", "REAL"), ("FLOAT", "REAL"), ("DOUBLE PRECISION", "REAL"), ("CHARINT", "INTEGER"),
])
def test_affinity_follows_sqlites_rules(declared: str, expected: str) -> None:
    assert affinity(declared) == expected


def _remote_participant(workspace: Workspace, **odd: Any) -> tuple[str, list[tuple[str, str, str, Any, int]]]:
    """A new participant from another device, its fields as a stored one has them, with `odd` values."""
    template = records.save(workspace, Participant(first_name="Mal", last_name="Lie"))
    with workspace.folder.read() as session:
        row = read_rows(session.connection(), "participant", [template.id])[template.id]
    new_id = str(uuid.uuid4())
    later = workspace.folder.clock.now() + (1 << 16)
    fields = {**{k: v for k, v in row.items() if k != "id"}, "first_name": "Åse", **odd}
    return new_id, [("participant", new_id, k, v, later) for k, v in fields.items()]


def _account(workspace: Workspace) -> int:
    sync_state.save_account(workspace.folder, server_url="http://x", team_id="t", team_name="Team", history_id="h")
    account = sync_state.get_account(workspace.folder)
    assert account is not None
    return account.cursor


def test_check_passes_after_pulling_values_sqlite_stores_otherwise(workspace: Workspace) -> None:
    cursor = _account(workspace)
    device = str(uuid.uuid4())
    plain_id, plain = _remote_participant(workspace, notes="Ønsker å jobbe på lager")
    odd_id, odd = _remote_participant(workspace, notes=12345, phone=1.5, last_name=True)
    result = merge.apply_page(workspace.folder, [
        merge.RemoteBatch(cursor + 1, device, 1, "0" * 16, b"x", 0, tuple(plain)),
        merge.RemoteBatch(cursor + 2, device, 2, "0" * 16, b"x", 0, tuple(odd)),
    ], expected_cursor=cursor, next_cursor=cursor + 2)
    assert result.batches == 2 and result.quarantined == 0
    stored = records.get(workspace, Participant, odd_id)
    assert stored is not None and stored.notes == "12345"  # converted by the column's affinity
    assert records.get(workspace, Participant, plain_id) is not None
    with workspace.folder.read() as session:
        report = integrity.check(session.connection())
    assert report.ok, report.problems


def test_a_page_with_a_failing_batch_is_applied_again_with_savepoints(workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cursor = _account(workspace)
    device = str(uuid.uuid4())
    first_id, first = _remote_participant(workspace)
    last_id, last = _remote_participant(workspace)
    broken_visit = str(uuid.uuid4())
    later = last[0][4]
    bad = [("participant", first_id, "notes", "skulle ikke bli stående", later + 1),
           *(("visit", broken_visit, f, v, later) for f, v in (
               ("participant_id", str(uuid.uuid4())), ("starts_at", "2026-11-30T10:00:00.000000Z"),
               ("channel", "on_site"), ("visit_type", "routine"), ("topics", "[]"),
               ("created_at", "2026-11-30T10:00:00.000000Z"), ("created_by", "B"),
               ("updated_at", "2026-11-30T10:00:00.000000Z"), ("updated_by", "B")))]
    modes: list[bool] = []
    real = merge._apply_page  # noqa: SLF001 - which way the page was applied is what is tested

    def spy(*args: Any, **kwargs: Any) -> merge.PageResult:
        modes.append(kwargs["savepoints"])
        return real(*args, **kwargs)

    monkeypatch.setattr(merge, "_apply_page", spy)
    page = [merge.RemoteBatch(cursor + 1, device, 1, "0" * 16, b"x", 0, tuple(first)),
            merge.RemoteBatch(cursor + 2, device, 2, "0" * 16, b"x", 0, tuple(bad)),
            merge.RemoteBatch(cursor + 3, device, 3, "0" * 16, b"x", 0, tuple(last))]
    result = merge.apply_page(workspace.folder, page, expected_cursor=cursor, next_cursor=cursor + 3)
    assert modes == [False, True]
    assert (result.batches, result.quarantined) == (2, 1) and "FOREIGN KEY" in result.quarantine_reasons[0]
    kept = records.get(workspace, Participant, first_id)
    assert kept is not None and kept.notes is None  # the failed batch's earlier change is gone with it
    assert records.get(workspace, Participant, last_id) is not None
    with workspace.folder.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_applied").scalar_one() == 3
        assert conn.exec_driver_sql("SELECT seq FROM sync_quarantine").scalars().all() == [2]
        assert conn.exec_driver_sql("SELECT cursor FROM sync_account").scalar_one() == cursor + 3
        assert integrity.check(conn).ok

    modes.clear()
    again = [dataclasses.replace(b, cursor=b.cursor + 3, seq=b.seq + 3) for b in page[:1]]
    again = [dataclasses.replace(again[0], changes=tuple((e, i, f, "Ny" if f == "notes" else v, h + 5)
                                                         for e, i, f, v, h in first))]
    assert merge.apply_page(workspace.folder, again, expected_cursor=cursor + 3, next_cursor=cursor + 4).batches == 1
    assert modes == [False]  # nothing failed: no second pass
    assert math.isfinite(later)


def test_a_batch_repeated_in_a_page_or_applied_before_is_quarantined_as_replayed(workspace: Workspace) -> None:
    """Where batches were applied is looked up for the whole page at once: the same outcome as one by one."""
    cursor = _account(workspace)
    device = str(uuid.uuid4())
    first_id, first = _remote_participant(workspace)
    second_id, second = _remote_participant(workspace)
    one = merge.RemoteBatch(cursor + 1, device, 1, "0" * 16, b"x", 0, tuple(first))
    result = merge.apply_page(workspace.folder, [one, dataclasses.replace(one, cursor=cursor + 2)],
                              expected_cursor=cursor, next_cursor=cursor + 2)
    assert (result.batches, result.quarantined) == (1, 1)
    assert result.quarantine_reasons == [f"replayed: batch 1 of device {device} was already applied (cursor {cursor + 1})"]
    two = merge.RemoteBatch(cursor + 4, device, 2, "0" * 16, b"x", 0, tuple(second))
    result = merge.apply_page(workspace.folder, [dataclasses.replace(one, cursor=cursor + 3), two],
                              expected_cursor=cursor + 2, next_cursor=cursor + 4)
    assert (result.batches, result.quarantined) == (1, 1) and "already applied (cursor" in result.quarantine_reasons[0]
    assert records.get(workspace, Participant, first_id) is not None
    assert records.get(workspace, Participant, second_id) is not None
    with workspace.folder.read() as session:
        applied = session.connection().exec_driver_sql("SELECT seq, cursor FROM sync_applied ORDER BY seq").all()
    assert [tuple(r) for r in applied] == [(1, cursor + 1), (2, cursor + 4)]


@pytest.mark.parametrize("values", [dict(notes="før\x00etter"), dict(notes=12345), dict(notes=1.5, phone=True),
                                    dict(notes=None), dict(notes=b"\x00b"), dict(first_name="Å"),
                                    dict(notes="a\x00b")], ids=repr)
def test_check_passes_after_a_stored_record_is_updated_with_odd_values(workspace: Workspace,
                                                                       values: dict[str, Any]) -> None:
    """An update's checksum is also taken in hand (the stored row plus the new values): text with a NUL (the
    driver hands SQL functions text only up to it) and values SQLite converts must sum as fa_digest does."""
    cursor = _account(workspace)
    device = str(uuid.uuid4())
    pid, changes = _remote_participant(workspace, notes="før\x00etter")
    merge.apply_page(workspace.folder, [merge.RemoteBatch(cursor + 1, device, 1, "0" * 16, b"x", 0, tuple(changes))],
                     expected_cursor=cursor, next_cursor=cursor + 1)
    with workspace.folder.read() as session:
        assert integrity.check(session.connection()).ok
    later = changes[0][4] + 10
    update = tuple(("participant", pid, name, value, later) for name, value in values.items())
    result = merge.apply_page(workspace.folder, [merge.RemoteBatch(cursor + 2, device, 2, "0" * 16, b"x", 0, update)],
                              expected_cursor=cursor + 1, next_cursor=cursor + 2)
    assert result.batches == 1
    with workspace.folder.read() as session:
        report = integrity.check(session.connection())
    assert report.ok, report.problems
