"""The same person registered on two devices: found after sync, merged under one id, late edits follow the merge."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime

from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.domain.visit_records import Visit
from fieldapp.services import duplicates, participants, records, visits
from fieldapp.services import sync as sync_service
from tests.sync.test_end_to_end import check, rows

FNR = synthetic_fodselsnummer(date(1990, 5, 17), random.Random(13))


def _visit(participant_id: str, day: int) -> Visit:
    return Visit(participant_id=participant_id, starts_at=datetime(2026, 12, day, 9, 0, tzinfo=UTC))


def test_duplicate_person_found_merged_and_a_late_edit_follows_the_merge(team) -> None:
    _, _, (a, b, _c) = team
    kept = records.save(a.ws, Participant(first_name="Åse", last_name="Brøndbo", fodselsnummer=FNR,
                                          phone="912 34 567"))
    employer = records.save(a.ws, Employer(name="Fjordkanten Hotell AS"))
    records.save(a.ws, Placement(participant_id=kept.id, employer_id=employer.id, job_title="Kjøkkenassistent",
                                 percentage=40, start_date=date(2026, 12, 1)))
    a.sync()
    twin = records.save(b.ws, Participant(first_name="Åse", last_name="Brøndbo Lie", fodselsnummer=FNR,
                                          email="ase@example.org"))
    first_visit = records.save(b.ws, _visit(twin.id, 1))
    b.sync()
    a.sync()

    # Both devices see the pair, with what the confirmation names.
    for dev in (a, b):
        [pair] = duplicates.find(dev.ws)
        assert (pair.entity, pair.keep.id, pair.other.id) == ("participant", kept.id, twin.id)
        assert pair.keep.key_masked == FNR[:6] + " *****"
        assert (pair.keep.jobs, pair.other.visits) == (1, 1)

    done = duplicates.merge(a.ws, entity="participant", from_id=twin.id, into_id=kept.id)
    assert done.filled == ("email",) and done.to_review == ("last_name",)
    review = [c for c in sync_service.conflicts(a.ws) if c.kind == "merged_value"]
    assert [(c.entity_id, c.field, c.local_value, c.remote_value, c.restorable) for c in review] == [
        (kept.id, "last_name", "Brøndbo Lie", "Brøndbo", True)]

    # B has not seen the merge: it edits the merged-away record and adds a visit to it, offline.
    stale = records.get(b.ws, Participant, twin.id)
    assert stale is not None
    records.save(b.ws, replace(stale, phone="987 65 432"))
    late_visit = records.save(b.ws, _visit(twin.id, 3))
    for dev in (a, b, a, b):
        dev.sync()

    for dev in (a, b):
        survivor = records.get(dev.ws, Participant, kept.id)
        assert survivor is not None and survivor.deleted_at is None
        assert (survivor.last_name, survivor.email, survivor.phone) == ("Brøndbo", "ase@example.org", "987 65 432")
        gone = records.get(dev.ws, Participant, twin.id)
        assert gone is None or gone.deleted_at is not None
        assert {v.id for v in visits.visits_for_participant(dev.ws, kept.id)} == {first_visit.id, late_visit.id}
        assert visits.visits_for_participant(dev.ws, twin.id) == []
        assert twin.id not in {p.id for p in participants.list_participants(dev.ws)}
        assert duplicates.find(dev.ws) == []
        assert [c for c in sync_service.conflicts(dev.ws) if c.kind == "edit_on_deleted"] == []
        [note] = [c for c in sync_service.conflicts(dev.ws) if c.kind == "merged"]  # every device can review it
        assert sync_service.overview(dev.ws).open_conflicts == (1 if dev is a else 0)  # A's last_name to review
        assert (note.entity_id, note.local_value, note.remote_value, note.remote_by) == (
            twin.id, "Åse Brøndbo Lie", "Åse Brøndbo", "a")
        check(dev)
    assert rows(a) == rows(b)
    # The late edit did raise "edited a deleted record" on the merging device; carrying it answered that.
    answered = [c for c in sync_service.conflicts(a.ws, include_resolved=True) if c.kind == "edit_on_deleted"]
    assert (twin.id, "phone") in {(c.entity_id, c.field) for c in answered}


def test_same_orgnr_twice_is_one_employer(team) -> None:
    _, _, (a, b, _c) = team
    kept = records.save(a.ws, Employer(name="Kafé Måken", orgnr="974760673"))
    a.sync()
    twin = records.save(b.ws, Employer(name="Kafe Maaken AS", orgnr="974760673", city="Bodø"))
    person = records.save(b.ws, Participant(first_name="Jonas", last_name="Ødegård"))
    job = records.save(b.ws, Placement(participant_id=person.id, employer_id=twin.id, job_title="Servitør",
                                       percentage=50, start_date=date(2026, 12, 1)))
    b.sync()
    a.sync()
    [pair] = duplicates.find(a.ws, "employer")
    assert (pair.keep.id, pair.other.id, pair.other.jobs) == (kept.id, twin.id, 1)
    duplicates.merge(a.ws, entity="employer", from_id=twin.id, into_id=kept.id)
    for dev in (a, b):
        dev.sync()
    for dev in (a, b):
        got = records.get(dev.ws, Placement, job.id)
        assert got is not None and got.employer_id == kept.id
        survivor = records.get(dev.ws, Employer, kept.id)
        assert survivor is not None and survivor.city == "Bodø"
        assert duplicates.find(dev.ws) == []
        check(dev)


def test_two_devices_merging_each_way_keep_one_live_person(team) -> None:
    _, _, (a, b, _c) = team
    one = records.save(a.ws, Participant(first_name="Ola", last_name="Nordmann", fodselsnummer=FNR))
    two = records.save(b.ws, Participant(first_name="Ola", last_name="Nordmann", fodselsnummer=FNR))
    for dev in (a, b, a):
        dev.sync()
    duplicates.merge(a.ws, entity="participant", from_id=two.id, into_id=one.id)
    duplicates.merge(b.ws, entity="participant", from_id=one.id, into_id=two.id)  # offline, the other way
    visit = records.save(b.ws, _visit(one.id, 4))
    for dev in (a, b, a):
        dev.sync()
    survivor = min(one.id, two.id)
    for dev in (a, b):
        assert [p.id for p in participants.list_participants(dev.ws)] == [survivor]
        assert [v.id for v in visits.visits_for_participant(dev.ws, survivor)] == [visit.id]
        check(dev)
    assert rows(a) == rows(b)


def test_sync_command_names_a_pair(team, tmp_path, capsys, monkeypatch) -> None:
    from fieldapp.cli.main import main

    monkeypatch.setenv("FIELDAPP_LANG", "en")
    _, _, (a, b, _c) = team
    records.save(a.ws, Participant(first_name="Ola", last_name="Nordmann", fodselsnummer=FNR))
    a.sync()
    records.save(b.ws, Participant(first_name="Ola", last_name="Nordmann", fodselsnummer=FNR))
    b.sync()
    a.client.close()
    a.ws.close()
    assert main(["sync", "--data-dir", str(tmp_path / "a")]) == 0
    assert "The same person or employer is registered twice (1 pair)" in capsys.readouterr().out
