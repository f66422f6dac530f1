"""The same person twice on one device: found, named for the confirmation, merged; found again after an import."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from fieldapp.domain.messages import DomainError
from fieldapp.domain.records import Mapping, Participant
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.domain.visit_records import Visit
from fieldapp.services import duplicates, participants, records, visits
from fieldapp.services import sync as sync_service
from fieldapp.services.exporting import build_export
from fieldapp.services.importing import import_file, summary
from fieldapp.services.workspace import Workspace
from fieldapp.storage import integrity, merges

FNR = synthetic_fodselsnummer(date(1985, 3, 9), random.Random(7))


def _twins(ws: Workspace) -> tuple[Participant, Participant]:
    first = records.save(ws, Participant(first_name="Siri", last_name="Fjellheim", fodselsnummer=FNR))
    second = records.save(ws, Participant(first_name="Siri", last_name="Fjellheim", fodselsnummer=FNR,
                                          phone="412 34 567", notes="Registrert på nytt"))
    return first, second


def test_pair_is_named_with_the_birth_date_only_and_merge_keeps_every_child(workspace: Workspace) -> None:
    first, second = _twins(workspace)
    visit = records.save(workspace, Visit(participant_id=second.id,
                                                 starts_at=datetime(2026, 12, 2, 10, tzinfo=UTC)))
    mapping = records.save(workspace, Mapping(participant_id=second.id, mapped_on=date(2026, 12, 1)))
    [pair] = duplicates.find(workspace)
    assert (pair.keep.name, pair.keep.key_masked, pair.other.visits) == ("Siri Fjellheim", FNR[:6] + " *****", 1)
    assert FNR not in repr(pair)  # the whole number never reaches the confirmation

    done = duplicates.merge(workspace, entity="participant", from_id=second.id, into_id=first.id)
    assert (done.filled, done.to_review) == (("notes", "phone"), ())
    assert [v.id for v in visits.visits_for_participant(workspace, first.id)] == [visit.id]
    got = records.get(workspace, Mapping, mapping.id)
    assert got is not None and got.participant_id == first.id
    assert [p.id for p in participants.list_participants(workspace)] == [first.id]
    assert duplicates.find(workspace) == []
    with workspace.folder.read() as session:
        assert integrity.check(session.connection()).ok
    doc = build_export(workspace, participant_id=first.id)["records"]  # a subject-access export
    assert [r["id"] for r in doc["participant"]] == [first.id, second.id]
    assert [(r["from_id"], r["into_id"]) for r in doc["record_merge"]] == [(second.id, first.id)]
    with pytest.raises(DomainError):  # a second click on a stale confirmation
        duplicates.merge(workspace, entity="participant", from_id=second.id, into_id=first.id)


def test_a_differing_value_is_kept_and_can_be_taken_from_the_other_record(workspace: Workspace) -> None:
    first = records.save(workspace, Participant(first_name="Siri", last_name="Fjellheim", fodselsnummer=FNR))
    second = records.save(workspace, Participant(first_name="Siri", last_name="Fjellheim-Berg", fodselsnummer=FNR))
    duplicates.merge(workspace, entity="participant", from_id=second.id, into_id=first.id)
    note, c = sync_service.conflicts(workspace)
    assert (note.kind, note.entity_id, note.local_value, note.remote_value, note.restorable) == (
        "merged", second.id, "Siri Fjellheim-Berg", "Siri Fjellheim", False)  # the merge itself, for review
    assert (c.kind, c.field, c.local_value, c.remote_value) == ("merged_value", "last_name", "Fjellheim-Berg",
                                                                "Fjellheim")
    sync_service.restore_conflict(workspace, c.id)
    kept = records.get(workspace, Participant, first.id)
    assert kept is not None and kept.last_name == "Fjellheim-Berg"


def test_import_reports_the_same_person_twice(workspace: Workspace, tmp_path: Path) -> None:
    _twins(workspace)
    other = synthetic_fodselsnummer(date(1991, 7, 1), random.Random(3))
    path = tmp_path / "deltakere.csv"
    path.write_text(f"fornavn;etternavn;fodselsnummer\nJonas;Ødegård;{other}\n", encoding="utf-8")
    result = import_file(workspace, path, "participants")
    assert result.duplicates == 1
    assert "Samme person er registrert to ganger (1)" in summary(result, "participants", "nb")
    assert "The same person is registered twice (1)" in summary(result, "participants", "en")


def test_two_devices_merging_each_way_keep_one_survivor() -> None:
    """A into B here and B into A there: every device follows the same single survivor (the smaller id)."""

    class Conn:
        def exec_driver_sql(self, *_: object) -> Conn:
            return self

        def all(self) -> list[tuple[object, ...]]:
            return [("participant", "b", "a", 2, "d1"), ("participant", "a", "b", 1, "d2"),
                    ("participant", "0", "b", 3, "d1")]

    got = {(m.from_id, m.into_id) for m in merges.merges(Conn())}  # type: ignore[arg-type]  # a stand-in
    assert got == {("b", "a"), ("0", "a")}  # a record merged into the cycle follows it too


def test_erasing_the_survivor_erases_the_record_merged_into_it(workspace: Workspace) -> None:
    from fieldapp.services import erasure  # the erasure service, after the merge it must follow

    first, second = _twins(workspace)
    duplicates.merge(workspace, entity="participant", from_id=second.id, into_id=first.id)
    erasure.erase(workspace, participant_id=first.id, reason_code="retention_expired")
    with workspace.folder.read() as session:
        conn = session.connection()
        left = conn.exec_driver_sql("SELECT count(*) FROM participant WHERE fodselsnummer = ?", (FNR,)).scalar_one()
        tombs = {r[0] for r in conn.exec_driver_sql("SELECT participant_id FROM participant_erasure")}
    assert left == 0  # neither record of the person keeps their number
    assert tombs == {first.id, second.id}  # a late edit to either id cannot bring the person back


def test_a_merge_is_reported_as_a_local_write(workspace: Workspace) -> None:
    from fieldapp.services.changes import Changes, on_changes

    first, second = _twins(workspace)
    heard: list[Changes] = []
    remove = on_changes(workspace, heard.append)
    try:
        duplicates.merge(workspace, entity="participant", from_id=second.id, into_id=first.id)
    finally:
        remove()
    [changes] = heard
    assert changes.local
    assert changes.ids("participant") == {first.id, second.id}
    assert len(changes.ids("record_merge")) == 1
