"""Search: participants, employers and visits by name, number or any word of a visit's texts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services.search import HitKind, search


@pytest.fixture
def people(workspace):
    kari = records.save(workspace, Participant(first_name="Kari", last_name="Østby", method="ips"))
    ola = records.save(workspace, Participant(first_name="Ola", last_name="Nordmann", method="ips"))
    visits = {
        "kari_lager": records.save(workspace, Visit(participant_id=kari.id, starts_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
                                                    employee_view="Trives godt på lageret i Ålesund.")),
        "ola_lager": records.save(workspace, Visit(participant_id=ola.id, starts_at=datetime(2026, 3, 3, 9, tzinfo=UTC),
                                                   challenges="Tunge løft på lageret, 50% stilling.")),
        "ola_kantine": records.save(workspace, Visit(participant_id=ola.id, starts_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
                                                     summary="Avtalt prøveperiode i kantina.")),
    }
    return kari, ola, visits


def _visit_ids(found) -> set[str]:
    return {h.id for h in found.hits if h.kind == HitKind.VISIT}


def test_visit_texts_match_as_substrings_whatever_the_case(workspace, people) -> None:
    _, _, v = people
    assert _visit_ids(search(workspace, "LAGERET")) == {v["kari_lager"].id, v["ola_lager"].id}
    assert _visit_ids(search(workspace, "ålesu")) == {v["kari_lager"].id}
    assert _visit_ids(search(workspace, "ÅLESUND")) == {v["kari_lager"].id}


def test_every_word_must_match_in_the_texts_or_the_participant_name(workspace, people) -> None:
    _, _, v = people
    assert _visit_ids(search(workspace, "ola lageret")) == {v["ola_lager"].id}
    assert _visit_ids(search(workspace, "østby lageret")) == {v["kari_lager"].id}
    assert _visit_ids(search(workspace, "kantina lageret")) == set()


def test_short_words_and_special_characters(workspace, people) -> None:
    _, _, v = people
    assert _visit_ids(search(workspace, "på lageret")) == {v["kari_lager"].id, v["ola_lager"].id}
    assert _visit_ids(search(workspace, "50%")) == {v["ola_lager"].id}
    assert _visit_ids(search(workspace, '"kantina')) == set()  # a quote is text, not FTS syntax


def test_edits_and_deletes_reach_the_index(workspace, people) -> None:
    _, _, v = people
    records.save(workspace, replace(v["ola_kantine"], summary="Avtalt prøveperiode i resepsjonen."))
    assert _visit_ids(search(workspace, "kantina")) == set()
    assert _visit_ids(search(workspace, "resepsjonen")) == {v["ola_kantine"].id}
    records.delete(workspace, Visit, v["ola_lager"].id)
    assert _visit_ids(search(workspace, "lageret")) == {v["kari_lager"].id}


def test_participants_by_name_and_number(workspace, people) -> None:
    kari, _, _ = people
    found = search(workspace, "østby")
    assert [h.id for h in found.participants] == [kari.id]
    assert search(workspace, "k").hits == ()  # one character finds nothing


def test_with_more_matches_than_the_limit_the_newest_are_shown_newest_first(workspace, people) -> None:
    kari, ola, v = people
    # Saved in an order unrelated to their dates, so neither rowid nor insertion order gives the answer.
    expected = [(v["kari_lager"].starts_at, v["kari_lager"].id)]  # "Trives godt på lageret …"
    for n in range(60):
        starts = datetime(2025, 1, 1, 9, tzinfo=UTC) + timedelta(days=(n * 7) % 60)
        text = "Trives i jobben." if n % 3 else "Ingen endring."
        visit = records.save(workspace, Visit(participant_id=(kari if n % 2 else ola).id, summary=text, starts_at=starts))
        if n % 3:
            expected.append((visit.starts_at, visit.id))
    expected.sort(reverse=True)

    assert [h.id for h in search(workspace, "trives", limit=10).visits] == [i for _, i in expected[:10]]
    assert [h.id for h in search(workspace, "TRIVES", limit=1000).visits] == [i for _, i in expected]


def _waiting(workspace) -> int:
    from fieldapp.storage import search_index

    with workspace.folder.read() as session:
        return search_index.pending(session.connection())


def test_a_visit_saved_is_found_by_the_very_next_search_though_saving_did_not_index_it(workspace, people) -> None:
    kari, _, _ = people
    assert _waiting(workspace) == 3  # saving queues for the index, it does not index
    new = records.save_all(workspace, [Visit(participant_id=kari.id, starts_at=datetime(2026, 3, 5, 9, tzinfo=UTC),
                                             works_well=f"Sjåførjobb nummer {i} i Ørsta") for i in range(40)])
    found = search(workspace, "sjåførjobb ørsta")
    assert _visit_ids(found) == {v.id for v in new}
    assert _waiting(workspace) == 0
    assert _visit_ids(search(workspace, "nummer 39")) == {new[39].id}


def test_a_changed_text_is_requeued_and_the_old_text_no_longer_found(workspace, people) -> None:
    _, _, v = people
    search(workspace, "lageret")  # everything indexed
    records.save(workspace, replace(v["kari_lager"], employee_view="Trives godt i butikken."))
    assert _waiting(workspace) == 1
    assert _visit_ids(search(workspace, "lageret")) == {v["ola_lager"].id}
    assert _visit_ids(search(workspace, "butikken")) == {v["kari_lager"].id}


def test_trigrams_of_a_word_in_different_places_are_not_a_match(workspace, people) -> None:
    kari, _, _ = people
    # "lagerhallen" holds every trigram of "erha" only across two words here: the index says maybe, the text no.
    odd = records.save(workspace, Visit(participant_id=kari.id, starts_at=datetime(2026, 3, 6, 9, tzinfo=UTC),
                                        summary="Lager har en hall; erh og rha."))
    assert _visit_ids(search(workspace, "erha")) == set()
    assert _visit_ids(search(workspace, "erh")) == {odd.id}


def test_a_visit_saved_after_the_newest_visits_were_erased_is_found(workspace, people) -> None:
    """Erasing the participant whose visits hold the highest rowids frees them; SQLite gives the next visit one
    of them, at or below the index's mark: it must still be indexed."""
    from fieldapp.services import erasure

    kari, ola, _ = people
    assert _visit_ids(search(workspace, "kantina"))  # the index is filled up to Ola's newest visit
    erasure.erase(workspace, participant_id=ola.id, reason_code="participant_request")
    assert not _visit_ids(search(workspace, "kantina"))
    new = records.save(workspace, Visit(participant_id=kari.id, starts_at=datetime(2026, 3, 9, 9, tzinfo=UTC),
                                        summary="Snakket om turnusordningen."))
    assert _visit_ids(search(workspace, "turnusordningen")) == {new.id}


def test_after_a_migration_vacuums_the_file_the_index_is_filled_again(workspace, people) -> None:
    """VACUUM may renumber `visit` rowids, which the index is keyed by: after it, the index starts over."""
    from fieldapp.storage import migrate

    _, _, v = people
    assert _visit_ids(search(workspace, "kantina")) == {v["ola_kantine"].id}
    with workspace.folder.engine.connect() as conn:
        with conn.execution_options(**{migrate.WRITE_OPTION: True}).begin():
            conn.exec_driver_sql("CREATE TABLE scratch (b BLOB)")
            conn.exec_driver_sql("INSERT INTO scratch SELECT zeroblob(4000) FROM"
                                 " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)"
                                 " SELECT i FROM n)")
        with conn.execution_options(**{migrate.WRITE_OPTION: True}).begin():
            conn.exec_driver_sql("DROP TABLE scratch")  # most of the file is free now: the migration vacuums
        migrate._reclaim(conn)  # noqa: SLF001 - the step after a migration, on its own
        assert conn.exec_driver_sql("SELECT count(*) FROM meta WHERE key = 'search_indexed_upto'").scalar_one() == 0
    assert _visit_ids(search(workspace, "kantina")) == {v["ola_kantine"].id}
    assert _visit_ids(search(workspace, "lageret")) == {v["kari_lager"].id, v["ola_lager"].id}


@pytest.mark.parametrize("query", ["Gudrun", "Bakken", "FNR", "FNR[:6]"])
def test_a_participant_hit_shows_the_fodselsnummer_masked_whether_found_by_name_or_number(workspace, query) -> None:  # type: ignore[no-untyped-def]  # pytest fixtures are untyped
    """Search results are on screen like the lists: the birth date and ***** only (the whole number is shown by
    Vis, which is logged)."""
    import random
    from datetime import date

    from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer

    fnr = synthetic_fodselsnummer(date(1988, 5, 17), random.Random(3))
    p = records.save(workspace, Participant(first_name="Gudrun", last_name="Bakken", fodselsnummer=fnr))
    text = {"FNR": fnr, "FNR[:6]": fnr[:6]}.get(query, query)
    found = search(workspace, text)
    assert [h.id for h in found.participants] == [p.id]
    shown = " ".join(f"{h.title} {h.detail}" for h in found.hits)
    assert fnr not in shown and fnr[6:] not in shown
    assert f"{fnr[:6]} *****" in found.participants[0].detail
