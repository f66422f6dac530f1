"""A bulk save binds its rows itself and takes their checksums from the values bound: for every synced table and
every kind of value, it stores what SQLAlchemy's executemany stored, and each checksum equals fa_digest of the
stored row; the app's own records never need reading back, and `fieldapp check` stays clean."""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Boolean, Connection, Dialect, Integer, LargeBinary, Table, insert
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session

from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.domain.visit_records import Visit, VisitAction, VisitAttendee, VisitNote
from fieldapp.services import records
from fieldapp.services.workspace import Workspace
from fieldapp.storage import integrity, records_bulk, sync_state
from fieldapp.storage.capture import _q, digest_columns, replay_context, synced_tables
from fieldapp.storage.types import ISODate, JSONList, UTCDateTime
from tests.support.scratch_write import scratch_write

TEXTS = ["", "æøå ÆØÅ", "Oppfølging – «ja»", "😀", "12", "-7", "1.5", "1e3", " 42 ", "2026-11-30T10:00:00.000000Z",
         "Ødegård", "før\x00etter", "\x00"]
OSLO_SUMMER = timezone(timedelta(hours=2))


class _Clock:
    def now(self) -> int:
        return 1_900_000_000_000 << 16



def _natural(table: Table, name: str, rng: random.Random) -> Any:
    """A value of the kind the app hands this column (domain values: the column's type binds them)."""
    column = table.c[name]
    kind = column.type
    value: Any
    if isinstance(kind, UTCDateTime):
        value = datetime(2026, 1, 1, tzinfo=rng.choice([UTC, OSLO_SUMMER])) + timedelta(seconds=rng.randrange(10**8),
                                                                                       microseconds=rng.randrange(10**6))
    elif isinstance(kind, ISODate):
        value = date(2026, 1, 1) + timedelta(days=rng.randrange(900))
    elif isinstance(kind, JSONList):
        value = tuple(rng.sample(["arbeid", "helse", 7, "æøå"], rng.randrange(4)))
    elif isinstance(kind, Boolean):
        value = rng.choice([True, False])
    elif isinstance(kind, Integer):
        value = rng.randint(-1000, 1000)
    elif isinstance(kind, LargeBinary):
        value = rng.randbytes(8)
    else:
        value = rng.choice(TEXTS)
    return None if column.nullable and rng.random() < 0.3 else value


def _odd(table: Table, name: str, rng: random.Random, dialect: Dialect) -> Any:
    """Any value a column without a bind processor may be given, whatever its type: SQLite may store it otherwise."""
    if name == "id" or table.c[name].type.bind_processor(dialect) is not None:
        return _natural(table, name, rng)
    return rng.choice([
        None, True, False, 0, 1, -1, 2**62, -(2**63), rng.randint(-10**6, 10**6), 0.0, -0.0, 1.0, 2.5, 1e300,
        float("inf"), float("-inf"), float("nan"), rng.random(), b"", b"\x00\xff", rng.randbytes(5), *TEXTS,
        rng.choice(TEXTS) + str(rng.random()),
    ])


def _rows(table: Table, rng: random.Random, dialect: Dialect) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows of natural values, rows of odd values)."""
    names = [c.name for c in table.columns if c.name != "id"]
    natural = [{"id": str(uuid.uuid4()), **{n: _natural(table, n, rng) for n in names}} for _ in range(12)]
    odd = [{"id": str(uuid.uuid4()), **{n: _odd(table, n, rng, dialect) for n in names}} for _ in range(30)]
    return natural, odd


def _left_out(table: Table) -> set[str]:
    """Columns a sparse row leaves out: one the database fills (NULL), one with a default made in Python."""
    stamp = {"created_at", "created_by", "updated_at", "updated_by", "deleted_at", "id"}
    null = [c.name for c in table.columns if c.nullable and c.default is None and c.name not in stamp]
    made = [c.name for c in table.columns if c.default is not None and c.name not in stamp]
    return set(null[:1] + made[:1])


def _stored(conn: Connection, table: Table, ids: list[str]) -> list[tuple[Any, ...]]:
    columns = ", ".join(f"x.{_q(c)}" for c in digest_columns(table))
    found = conn.exec_driver_sql(f"SELECT {columns} FROM {_q(table.name)} x WHERE x.id IN"
                                 f" ({', '.join('?' * len(ids))}) ORDER BY x.id", tuple(ids)).all()
    return [tuple(_same(v) for v in row) for row in found]


def _same(v: Any) -> Any:
    """NaN is stored as NULL by SQLite; other floats compare as they are."""
    return "nan" if isinstance(v, float) and math.isnan(v) else v


def _insert_bulk(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    records_bulk.insert_new(session, [], {table.name: rows}, clock=_Clock(), device_id="dev-1",  # type: ignore[arg-type]  # a stub clock
                            actor="tester")


def _accepted(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows SQLite takes together (a NULL in a NOT NULL column, a repeated unique value are refused), found one
    at a time; nothing stays written."""
    kept = []
    trial = session.begin_nested()
    session.connection()  # opens the savepoint
    try:
        for row in rows:
            try:
                with session.begin_nested():
                    _insert_bulk(session, table, [row])
                kept.append(row)
            except (DBAPIError, StatementError):
                pass
            replay_context(session.connection(), hlc=1, device_id="test")
    finally:
        trial.rollback()
    replay_context(session.connection(), hlc=1, device_id="test")
    return kept


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[tuple[str, int | None]]]]:
    """The (id, checksum in hand) the bulk save hands capture_inserted, by table."""
    seen: dict[str, list[tuple[str, int | None]]] = {}
    real = records_bulk.capture_inserted

    def spy(conn: Connection, table: Table, **kwargs: Any) -> None:
        seen.setdefault(table.name, []).extend(kwargs["digests"])
        real(conn, table, **kwargs)

    monkeypatch.setattr(records_bulk, "capture_inserted", spy)
    yield seen


@pytest.mark.parametrize("seed", range(2))
def test_bulk_rows_store_as_sqlalchemy_stored_them_with_their_stored_checksum(
        workspace: Workspace, spied: dict[str, list[tuple[str, int | None]]], seed: int) -> None:
    rng = random.Random(seed)
    in_hand = read_back = 0
    with scratch_write(workspace.folder) as (session, conn):
        for table in synced_tables():
            natural, odd = _rows(table, rng, conn.dialect)
            # Some rows leave columns out: the database fills one (NULL), Python makes the other (its default).
            left_out = _left_out(table)
            sparse = [{k: v for k, v in r.items() if k not in left_out} for r in _rows(table, rng, conn.dialect)[0]]
            taken = _accepted(session, table, natural + odd + sparse)
            rows = [r for r in taken if r.keys() == natural[0].keys()]
            ids = [r["id"] for r in rows]
            natural_ids = {r["id"] for r in natural} & set(ids)
            assert natural_ids, table.name
            with session.begin_nested() as by_sqlalchemy:
                session.connection().execute(insert(table), rows)  # through the session: it opens the savepoint
                expected = _stored(conn, table, ids)
                by_sqlalchemy.rollback()
            replay_context(conn, hlc=1, device_id="test")
            spied.clear()
            _insert_bulk(session, table, taken)
            assert _stored(conn, table, ids) == expected, table.name
            mismatched = conn.exec_driver_sql(
                f"SELECT x.id FROM {_q(table.name)} x JOIN record_clock c ON c.entity = ? AND c.entity_id = x.id"
                f" WHERE c.digest IS NOT fa_digest({', '.join(f'x.{_q(c)}' for c in digest_columns(table))})",
                (table.name,)).scalars().all()
            assert mismatched == [], table.name
            summed = {i for i, d in spied[table.name] if d is not None}
            assert natural_ids <= summed, table.name  # the app's own values never need reading back
            in_hand += len(summed)
            read_back += len(spied[table.name]) - len(summed)
        # Random ids refer to nothing: only the foreign keys may be reported (every clock, row and checksum holds).
        problems = integrity.check(conn, max_reported=10**6).problems
        assert [p for p in problems if not p.startswith("foreign key: ")] == []
    assert in_hand > 300 and read_back > 100, (in_hand, read_back)  # both ways were taken, many times


def _mixed_batch() -> list[Any]:
    people = [Participant(id=f"p-{i}", first_name=f"Kari{i}", last_name="Østby", notes="før\x00etter" if i else None,
                          follow_up_start=date(2026, 3, i + 1)) for i in range(3)]
    employer = Employer(id="e-1", name="Lager og Logistikk AS")
    starts = datetime(2026, 3, 2, 11, tzinfo=OSLO_SUMMER)
    return [*people, employer,
            Placement(id="pl-1", participant_id="p-0", employer_id="e-1", job_title="Lagermedarbeider",
                      start_date=date(2026, 3, 9)),
            Visit(id="v-1", participant_id="p-0", starts_at=starts, ends_at=starts + timedelta(hours=1),
                  topics=("tasks", "learning"), next_visit_date=date(2026, 3, 16), summary="Første samtale."),
            Visit(id="v-2", participant_id="p-1", starts_at=starts, place="Ørsta", finished_at=starts),
            VisitAttendee(id="a-1", visit_id="v-1", role="employer", name="Ola Nordmann"),
            VisitAction(id="ac-1", visit_id="v-1", what="Ringe NAV", deadline=date(2026, 3, 20)),
            VisitNote(id="n-1", visit_id="v-1", text="Retting: «lageret»")]


def test_a_bulk_save_of_records_sums_every_checksum_in_hand_and_check_stays_clean(
        workspace: Workspace, spied: dict[str, list[tuple[str, int | None]]]) -> None:
    saved = records.save_all(workspace, _mixed_batch())
    assert len(saved) == 10
    assert spied.keys() >= {"participant", "employer", "placement", "visit", "visit_attendee", "visit_action",
                            "visit_note"}
    assert all(d is not None for rows in spied.values() for _, d in rows), spied
    with workspace.folder.read() as session:
        report = integrity.check(session.connection())
    assert report.ok, report.problems


def test_a_bulk_save_queues_its_records_at_the_pull_cursor(workspace: Workspace) -> None:
    """The outbox entries, written from the ids in hand, carry the pull cursor as the per-row trigger writes it."""
    sync_state.save_account(workspace.folder, server_url="http://x", team_id="t", team_name="Team", history_id="h")
    with workspace.folder.write() as session:
        session.connection().exec_driver_sql("UPDATE sync_account SET cursor = 41 WHERE id = 1")
    saved = records.save_all(workspace, _mixed_batch())
    with workspace.folder.read() as session:
        queued = dict(session.connection().exec_driver_sql("SELECT entity_id, base FROM outbox_record").all())
    assert queued == {r.id: 41 for r in saved}


def test_a_record_restamped_by_the_bulk_save_is_what_dataclasses_replace_makes() -> None:
    stamp = {"id": "x-1", "created_at": datetime(2026, 3, 2, tzinfo=UTC), "created_by": "a", "deleted_at": None}
    for record in _mixed_batch():
        made = records_bulk._restamped(record, **stamp)  # noqa: SLF001 - the copy is what is tested
        assert type(made) is type(record) and vars(made) == vars(replace(record, **stamp))
        assert record.id != "x-1"  # the original is untouched
