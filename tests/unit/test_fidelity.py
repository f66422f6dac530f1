"""IPS-25: 25 items with five anchors each, bands, comparison, and the scores the data proposes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fieldapp.domain.outcomes import fidelity as fi
from fieldapp.domain.outcomes.fidelity_items import ITEMS
from fieldapp.domain.outcomes.inputs import AssignmentFacts, ParticipantFacts
from tests.unit.outcome_data import team


def test_there_are_25_items_each_with_five_anchors() -> None:
    assert [i.number for i in ITEMS] == list(range(1, 26))
    assert all(len(i.anchors) == 5 and all(a.strip() for a in i.anchors) for i in ITEMS)


def test_bands_follow_the_scale() -> None:
    assert [fi.band(t) for t in (125, 115, 114, 100, 99, 74, 73, 25)] == [
        "Eksemplarisk IPS", "Eksemplarisk IPS", "God IPS", "God IPS", "Akseptabel IPS", "Akseptabel IPS",
        "Ikke IPS", "Ikke IPS"]


def test_scores_round_trip_and_compare_with_the_previous() -> None:
    now = {i: fi.ItemScore(4, "ok") for i in range(1, 26)}
    before = {**now, 1: fi.ItemScore(2, ""), 24: fi.ItemScore(None, "")}
    assert fi.from_json(fi.to_json(now)) == now
    assert fi.total(now) == 100 and fi.complete(now) and not fi.complete(before)
    assert fi.changes(now, before) == {1: 2}


def test_caseload_and_record_based_scores_are_proposed_with_evidence() -> None:
    proposals = {p.item: p for p in fi.propose(team(), date(2026, 3, 31))}
    assert proposals[1].score == 5 and "2 deltakere" in proposals[1].evidence
    assert 15 not in proposals and 17 not in proposals  # need employer contacts: not faked
    # 5 jobs started in the year (p4's work practice too): 4 titles and 4 employers of 5 (80 %) -> 4;
    # 4 of 5 ordinary (80 %) -> 3.
    assert (proposals[19].score, proposals[20].score, proposals[21].score) == (4, 4, 3)
    assert proposals[24].score == 5  # 5 of 6 visits out of the office
    crowded = replace(team(), participants=[ParticipantFacts(f"x{i}", date(2025, 1, 1)) for i in range(33)],
                      assignments=[AssignmentFacts(f"x{i}", "s1", date(2025, 1, 1)) for i in range(33)])
    assert {p.item: p.score for p in fi.propose(crowded, date(2026, 3, 31))}[1] == 3
