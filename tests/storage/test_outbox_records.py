"""Cutting the outbox a record at a time sends what a field-by-field look at the stored clocks would send, with
each record's participant as erasure.owners names it."""

from __future__ import annotations

from datetime import date
from typing import Any

from fieldapp.demo.generate import generate
from fieldapp.domain.record_changes import Record, field_changes
from fieldapp.services.workspace import Workspace
from fieldapp.storage import outbox_cut, sync_state
from fieldapp.storage.capture import close_capture, open_capture, synced_tables
from fieldapp.storage.clocks import read_clocks, read_rows
from fieldapp.storage.erasure import owners

OTHER = "00000000-0000-4000-8000-0000000000aa"


def _cut(ws: Workspace, max_changes: int = 2000) -> list[tuple[list[Record], dict[tuple[str, str], str]]]:
    batches: list[tuple[list[Record], dict[tuple[str, str], str]]] = []

    def encrypt(seq: int, batch: list[Record], base: int, owned: dict[tuple[str, str], str]) -> tuple[str, bytes]:
        batches.append((list(batch), dict(owned)))
        return "k", b"sealed"

    outbox_cut.fill_outbox_records(ws.folder, encrypt, max_changes=max_changes, page=70)
    return batches


def _expected(ws: Workspace, entity: str, entity_id: str) -> list[tuple[str, str, str, Any, int]]:
    """What this device should send of a record, field by field from its stored clocks."""
    with ws.folder.read() as session:
        conn = session.connection()
        row = read_rows(conn, entity, [entity_id])[entity_id]
        clock = read_clocks(conn, entity, [entity_id])[entity_id]
    acked = clock.acked_hlc if clock.acked_hlc is not None else -1
    return [(entity, entity_id, name, value, clock.of(name)[0]) for name, value in row.items()
            if name != "id" and clock.of(name)[1] == ws.folder.device_id and clock.of(name)[0] > acked]


def test_records_and_their_participants_are_what_the_stored_clocks_say(workspace: Workspace) -> None:
    generate(workspace, participants=3, visits_per_participant=3, today=date(2026, 3, 2))
    with workspace.folder.read() as session:
        queued = [(e, i) for e, i in session.connection().exec_driver_sql("SELECT entity, entity_id FROM outbox_record")]
    # Every queued record with something of this device's to send is sent: none is lost in the cut.
    due = {(e, i) for e, i in queued if e in {t.name for t in synced_tables()} and _expected(workspace, e, i)}
    batches = _cut(workspace, max_changes=300)
    assert len(batches) > 2
    sent = [r for batch, _ in batches for r in batch]
    assert len({r[0] for r in sent}) > 4 and len(sent) == len({(r[0], r[1]) for r in sent})
    assert {(r[0], r[1]) for r in sent} == due
    with workspace.folder.read() as session:
        conn = session.connection()
        for batch, owned in batches:
            for entity in {r[0] for r in batch}:
                ids = [r[1] for r in batch if r[0] == entity]
                expected = {i: p for i, p in owners(conn, entity, ids).items() if p is not None}
                assert {i: owned[(entity, i)] for i in ids if owned.get((entity, i))} == expected
    for record in sent:
        assert field_changes([record]) == _expected(workspace, record[0], record[1])


def test_a_record_edited_after_its_acknowledgement_sends_only_what_this_device_wrote_since(
        workspace: Workspace) -> None:
    generate(workspace, participants=2, visits_per_participant=2, today=date(2026, 3, 2))
    first = _cut(workspace)
    with workspace.folder.read() as session:
        seqs = [r[0] for r in session.connection().exec_driver_sql("SELECT seq FROM sync_outbox ORDER BY seq")]
    sync_state.mark_pushed(workspace.folder, [(s, 100 + s) for s in seqs])
    visit_id = next(r[1] for batch, _ in first for r in batch if r[0] == "visit")
    with workspace.folder.write() as session:
        conn = session.connection()
        # Another device's newer value of one field arrives, then this device edits another field.
        ts = workspace.folder.clock.now()
        open_capture(conn, hlc=ts, device_id=OTHER)
        conn.exec_driver_sql("UPDATE visit SET place = 'Volda' WHERE id = ?", (visit_id,))
        close_capture(conn)
        open_capture(conn, hlc=workspace.folder.clock.now(), device_id=workspace.folder.device_id)
        conn.exec_driver_sql("UPDATE visit SET summary = 'Ny samtale i Ørsta' WHERE id = ?", (visit_id,))
        close_capture(conn)
    again = [r for batch, _ in _cut(workspace) for r in batch if r[0] == "visit"]
    assert [r[1] for r in again] == [visit_id]
    got = field_changes(again)
    assert {c[2] for c in got} == {"summary"} and got == _expected(workspace, "visit", visit_id)


def test_sealed_batches_written_before_the_page_ends_keep_their_numbers(workspace: Workspace,
                                                                        monkeypatch: Any) -> None:
    generate(workspace, participants=2, visits_per_participant=3, today=date(2026, 3, 2))
    monkeypatch.setattr(outbox_cut._Batches, "WRITE_AT", 1)  # noqa: SLF001 - every sealed batch written at once
    flushes = {"with batches": 0, "pages": 0}
    flush, write = outbox_cut._Batches._flush, outbox_cut._Batches.write  # noqa: SLF001 - counted, then called

    def counted_flush(self: Any) -> None:
        flushes["with batches"] += bool(self.sealed)
        flush(self)

    def counted_write(self: Any) -> int:
        flushes["pages"] += 1
        return write(self)

    monkeypatch.setattr(outbox_cut._Batches, "_flush", counted_flush)  # noqa: SLF001 - see above
    monkeypatch.setattr(outbox_cut._Batches, "write", counted_write)  # noqa: SLF001 - see above
    made = len(_cut(workspace, max_changes=100))
    assert made > 3
    # Sealed batches were written while a page was still being cut, not only at each page's end.
    assert flushes["with batches"] > flushes["pages"]
    with workspace.folder.read() as session:
        conn = session.connection()
        seqs = [r[0] for r in conn.exec_driver_sql("SELECT seq FROM sync_outbox ORDER BY seq")]
        last = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'last_batch_seq'").scalar_one()
        queued = conn.exec_driver_sql("SELECT count(*) FROM outbox_record").scalar_one()
    assert seqs == list(range(1, made + 1)) and int(last) == made and queued == 0
