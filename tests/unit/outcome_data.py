"""A small hand-made team whose figures are worked out by hand in the tests (invented people)."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.outcomes.inputs import (
    AssignmentFacts, FollowUpFacts, JobFacts, OutcomeInputs, ParticipantFacts, Period, VisitFacts,
)

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))


def team() -> OutcomeInputs:
    """p1 has two jobs at once; p2's job ended and restarted and p2 was handed over mid-period (s1 -> s2);
    p3 had a vacation cover by s1; p4 ended (work practice, not competitive); p5 comes after the period."""
    return OutcomeInputs(
        specialists={"s1": "Kari Fjell", "s2": "Ola Strand"},
        participants=[
            ParticipantFacts("p1", date(2025, 10, 1)),
            ParticipantFacts("p2", date(2025, 12, 1)),
            ParticipantFacts("p3", date(2026, 1, 15)),
            ParticipantFacts("p4", date(2025, 6, 1), ended_on=date(2026, 2, 1)),
            ParticipantFacts("p5", date(2026, 4, 1)),
        ],
        assignments=[
            AssignmentFacts("p1", "s1", date(2025, 10, 1)),
            AssignmentFacts("p2", "s1", date(2025, 12, 1)),
            AssignmentFacts("p2", "s2", date(2026, 2, 15)),
            AssignmentFacts("p3", "s2", date(2026, 1, 15)),
            AssignmentFacts("p3", "s1", date(2026, 3, 1), until=date(2026, 3, 14)),
            AssignmentFacts("p4", "s2", date(2025, 6, 1)),
            AssignmentFacts("p5", "s1", date(2026, 4, 1)),
        ],
        jobs=[
            JobFacts("p1", date(2026, 1, 10), None, 20.0, True, "e1", "Butikkmedarbeider"),
            JobFacts("p1", date(2026, 2, 1), date(2026, 2, 28), 10.0, True, "e2", "Kafémedarbeider"),
            JobFacts("p2", date(2026, 1, 5), date(2026, 1, 31), 30.0, True, "e3", "Lagermedarbeider"),
            JobFacts("p2", date(2026, 3, 1), None, 30.0, True, "e3", "Lagermedarbeider"),
            JobFacts("p4", date(2025, 8, 1), date(2026, 1, 20), 15.0, False, "e4", "Arbeidspraksis kantine"),
        ],
        visits=[
            VisitFacts("p1", date(2026, 1, 20)),
            VisitFacts("p1", date(2026, 2, 10)),
            VisitFacts("p1", date(2026, 3, 10), out_of_office=False),
            VisitFacts("p2", date(2026, 2, 10)),
            VisitFacts("p2", date(2026, 3, 5)),
            VisitFacts("p3", date(2026, 3, 5)),
        ],
        follow_ups=[FollowUpFacts("p1", True, 3), FollowUpFacts("p3", True, 10), FollowUpFacts("p4", True, 40),
                    FollowUpFacts("p2", False)],
    )
