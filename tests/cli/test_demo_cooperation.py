"""The demo holds cooperation meetings (one with an attendee whose consent is missing) and benefit records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldapp.demo.generate import generate
from fieldapp.services import benefits, cooperation
from fieldapp.services import participants as ps
from tests.documents.helpers import pdftotext

TODAY = date(2026, 11, 26)


def test_demo_meetings_and_benefits(workspace, tmp_path: Path) -> None:
    generate(workspace, participants=12, today=TODAY)
    people = ps.list_participants(workspace)
    meetings = [m for p in people for m in cooperation.list_meetings(workspace, p.id)]
    assert len(meetings) == 2
    assert all(m.items and m.attendees for m in meetings)
    assert [a.name for a in meetings[0].missing_consent] == ["Eva Strandli"] or \
        [a.name for a in meetings[1].missing_consent] == ["Eva Strandli"]
    kept = [b for p in people for b in benefits.list_benefits(workspace, p.id)]
    assert len(kept) >= 3 and "aap" in {b.kind for b in kept}
    assert any(b.calculation_answer for b in kept)
    text = pdftotext(cooperation.minutes_pdf(workspace, meetings[0].meeting.id, log=False), tmp_path)
    assert "Referat fra samarbeidsmøte" in text and meetings[0].meeting.topic in text
