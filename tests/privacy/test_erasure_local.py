"""Erasing one participant on this device: every row that hangs on them, their index entries and log rows go;
everyone else's stay, the folder's checks still pass, and the tombstone holds no personal data."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.demo.generate import generate
from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.messages import DomainError
from fieldapp.services import access_log, erasure
from fieldapp.services.search import index_visits, search
from fieldapp.storage import erasure as store
from fieldapp.storage import integrity
from fieldapp.storage.capture import synced_tables
from fieldapp.storage.search_index import match_query


def _counts(ws) -> dict[str, int]:
    with ws.folder.read() as session:
        conn = session.connection()
        return {t.name: conn.exec_driver_sql(f'SELECT count(*) FROM "{t.name}"').scalar_one() for t in synced_tables()}


def test_erasure_takes_the_whole_tree_and_nothing_else(workspace) -> None:
    generate(workspace, participants=6, today=date(2026, 11, 20))
    with workspace.folder.read() as session:
        conn = session.connection()
        pid, first, last = conn.exec_driver_sql(
            "SELECT p.id, p.first_name, p.last_name FROM participant p JOIN agreement a ON a.participant_id = p.id"
            " JOIN visit v ON v.participant_id = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1").one()
        word = conn.exec_driver_sql("SELECT summary FROM visit WHERE participant_id = ? AND length(summary) > 20",
                                    (pid,)).scalar()
    access_log.record(workspace, participant_id=pid, kind="reveal_fnr")
    before = _counts(workspace)
    what = erasure.preview(workspace, pid)
    assert what.counts["visit"] >= 1 and what.counts["agreement"] >= 1 and what.counts["read_log"] >= 1
    done = erasure.erase(workspace, participant_id=pid, reason_code="retention_expired")
    after = _counts(workspace)
    assert done.rows == sum(what.counts.values())
    assert {t: before[t] - after[t] for t in before if before[t] != after[t]} == {
        t: n for t, n in what.counts.items() if n}
    with workspace.folder.read() as session:
        conn = session.connection()
        assert integrity.check(conn).ok
        owned = store.owned_records(conn, pid)
        assert owned == {}
        # Nothing of theirs is left in the bookkeeping either.
        for table in ("record_clock", "outbox_record", "conflict", "foreign_change"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE entity_id = ?", (pid,)).scalar_one() == 0
        tomb = conn.exec_driver_sql("SELECT * FROM participant_erasure").mappings().one()
    assert tomb["handle"] == participant_handle(pid) and tomb["reason_code"] == "retention_expired"
    assert first not in str(dict(tomb)) and last not in str(dict(tomb))
    assert access_log.entries_for(workspace, pid) == []
    assert word, "the demo participant has a visit summary to search for"
    probe = max(word.split(), key=len)
    before_hits = [h for h in search(workspace, probe).hits if h.participant_id == pid]
    assert before_hits == []  # the index no longer finds the erased participant's visits
    with workspace.folder.read() as session:
        stale = session.connection().exec_driver_sql(
            "SELECT count(*) FROM (SELECT rowid AS r FROM visit_search WHERE visit_search MATCH ?) s"
            " LEFT JOIN visit v ON v.rowid = s.r WHERE v.rowid IS NULL OR v.participant_id = ?",
            (match_query(probe), pid)).scalar_one()
    assert stale == 0  # no index entry points at an erased visit
    assert [e.event for e in store.erasure_log(workspace.folder)] == ["erased"]
    with pytest.raises(DomainError):
        erasure.erase(workspace, participant_id=pid, reason_code="other")


def test_every_connection_of_the_app_zeroes_what_it_deletes(workspace) -> None:
    """Erasure relies on it (no VACUUM): SQLCipher turns secure_delete on for keyed databases."""
    with workspace.folder.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA secure_delete").scalar_one() == 1


def test_no_trigram_of_an_erased_text_stays_in_the_search_index(workspace) -> None:
    """Also of an earlier version of the text: an index delete only adds a marker until segments are merged."""
    import dataclasses
    from datetime import UTC, datetime

    from fieldapp.domain.records import Participant
    from fieldapp.domain.visit_records import Visit
    from fieldapp.services import records

    p = records.save(workspace, Participant(first_name="Indeks", last_name="Sporløs"))
    other = records.save(workspace, Participant(first_name="Annen", last_name="Person"))
    records.save(workspace, Visit(participant_id=other.id, summary="Vanlig samtale om turnus",
                                  starts_at=datetime(2026, 11, 3, 9, 0, tzinfo=UTC)))
    v = records.save(workspace, Visit(participant_id=p.id, summary="Samtale om qxzvqw-saken",
                                      starts_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    index_visits(workspace)  # the index is filled lazily: the first version goes in now
    records.save(workspace, dataclasses.replace(v, summary="Samtale om jkwpqy-saken"))
    index_visits(workspace)  # and the edited one (the first version's trigrams stay in an older segment)

    def index_bytes() -> bytes:
        with workspace.folder.read() as session:
            return b"".join(r[0] for r in session.connection().exec_driver_sql("SELECT block FROM visit_search_data"))

    # Terms are stored prefix-compressed, so only some trigrams show whole; some of both versions do.
    old = [b"qxz", b"xzv", b"zvq", b"vqw"]
    new = [b"jkw", b"kwp", b"wpq", b"pqy"]
    before = index_bytes()
    assert any(t in before for t in old) and any(t in before for t in new)  # the old version is still there
    erasure.erase(workspace, participant_id=p.id, reason_code="other")
    after = index_bytes()
    assert [t for t in old + new if t in after] == []
    assert [h.id for h in search(workspace, "turnus").hits if h.kind == "visit"]  # the index still works


# Synced tables that hold no one participant's data: erasing a participant leaves them. A new synced table must
# either hang on a participant (participant_id, or a foreign key to an owned table) or be named here.
NOT_PERSONAL = {"employer", "employer_contact", "employer_outreach", "fidelity_assessment", "record_merge",
                "specialist"}


def test_every_synced_table_is_owned_through_a_participant_or_named_not_personal() -> None:
    owned = set(store.owned_tables())
    names = {t.name for t in synced_tables()}
    assert owned | NOT_PERSONAL == names
    assert not owned & NOT_PERSONAL


def test_each_child_table_reaches_a_participant_through_a_foreign_key() -> None:
    tables = {t.name: t for t in synced_tables()}
    children = store.child_of()
    assert {"visit_note", "signature", "meeting_item", "nav_measure", "mapping_area"} <= set(children)
    for table, (column, parent) in children.items():
        assert parent in {fk.column.table.name for fk in tables[table].columns[column].foreign_keys}
        while parent in children:
            parent = children[parent][1]
        assert parent == "participant" or "participant_id" in tables[parent].columns
    # Two owned parents: the one nearest the participant (an agreement event's agreement, not its version).
    assert children["agreement_event"] == ("agreement_id", "agreement")
    assert children["signature"] == ("version_id", "agreement_version")


def test_the_subject_access_export_in_the_exports_folder_goes_with_the_participant(workspace) -> None:  # type: ignore[no-untyped-def]  # the workspace fixture is untyped
    """Its PDF is compressed (no name in its bytes) and its file name holds only the id's first 8 characters."""
    from fieldapp.domain.records import Participant
    from fieldapp.services import records
    from fieldapp.services.subject_access import export_subject_access

    p = records.save(workspace, Participant(first_name="Åshild", last_name="Bræin", notes="Ønsker jobb"))
    other = records.save(workspace, Participant(first_name="Kari", last_name="Blir"))
    out = workspace.path / "exports"
    out.mkdir()
    pdf, js = export_subject_access(workspace, p.id, out)
    kept = export_subject_access(workspace, other.id, out)
    (out / "annet.txt").write_text("ingen her\n", encoding="utf-8")
    assert "Bræin".encode() not in pdf.read_bytes()
    done = erasure.erase(workspace, participant_id=p.id, reason_code="participant_request")
    assert done.exports_deleted == 2
    assert not pdf.exists() and not js.exists()
    assert all(f.exists() for f in kept) and (out / "annet.txt").exists()


def test_exports_naming_the_participant_in_utf16_or_by_number_in_the_file_name_go(workspace) -> None:  # type: ignore[no-untyped-def]  # the workspace fixture is untyped
    import random

    from fieldapp.domain.records import Participant
    from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
    from fieldapp.services import records

    fnr = synthetic_fodselsnummer(date(1990, 3, 4), random.Random(3))
    p = records.save(workspace, Participant(first_name="Åse", last_name="Utseksten", fodselsnummer=fnr))
    out = workspace.path / "exports" / "eldre"
    out.mkdir(parents=True)
    (out / "liste.csv").write_bytes("navn\r\nÅse Utseksten\r\n".encode("utf-16"))
    (out / f"{fnr}.txt").write_text("tomt\n", encoding="utf-8")
    (out / "andre.csv").write_bytes("navn\r\nKari Blir\r\n".encode("utf-16"))
    done = erasure.erase(workspace, participant_id=p.id, reason_code="participant_request")
    assert done.exports_deleted == 2
    assert sorted(f.name for f in out.iterdir()) == ["andre.csv"]


def test_an_erasure_is_reported_like_any_write(workspace) -> None:
    """Open views and the sync scheduler hear of it through the same path as a save (no hand-kept entity list)."""
    from fieldapp.services.changes import on_changes

    generate(workspace, participants=3, today=date(2026, 11, 20))
    with workspace.folder.read() as session:
        conn = session.connection()
        pid = conn.exec_driver_sql("SELECT participant_id FROM visit GROUP BY participant_id LIMIT 1").scalar_one()
        visits = {r[0] for r in conn.exec_driver_sql("SELECT id FROM visit WHERE participant_id = ?", (pid,))}
    heard = []
    remove = on_changes(workspace, heard.append)
    try:
        erasure.erase(workspace, participant_id=pid, reason_code="participant_request")
    finally:
        remove()
    ids: dict[str, set[str]] = {}
    for c in heard:
        for entity in c.entities:
            ids.setdefault(entity, set()).update(c.ids(entity))
    assert heard and all(c.local for c in heard)
    assert pid in ids["participant"] and visits <= ids["visit"]
