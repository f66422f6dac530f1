"""The minutes PDF of a cooperation meeting: bokmål, attendees and agreed items, and sensitive mapping areas
only when the participant consented to share them with every attendee."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldapp.domain.cooperation_records import CooperationMeeting, MeetingItem
from fieldapp.services import access_log, cooperation
from tests.documents.helpers import pdftotext
from tests.support.cooperation_data import DAY, HEALTH_TEXT, HOUSING_TEXT, SKILLS_TEXT, people


def _meeting(ws, folks, attendees, *, share_mapping=True):
    return cooperation.save_meeting(ws, CooperationMeeting(
        participant_id=folks.participant.id, held_on=DAY, topic="Veien mot jobb", place="DPS Sjøsiden",
        attendee_ids=tuple(a.id for a in attendees), share_mapping=share_mapping, notes="Åse vil prøve kjøkken.",
        next_meeting_on=date(2027, 1, 14)),
        [MeetingItem(meeting_id="", what="Søke tre jobber innen kjøkken", who="Åse", deadline=date(2026, 12, 17))])


def test_minutes_show_the_meeting_in_bokmal_and_health_only_with_the_clinicians_consent(workspace, tmp_path: Path) -> None:
    folks = people(workspace)
    row = _meeting(workspace, folks, [folks.clinician])
    text = pdftotext(cooperation.minutes_pdf(workspace, row.meeting.id), tmp_path)
    for expected in ("Referat fra samarbeidsmøte", "Åse Brøndbo", "Per Lien", "Behandler DPS", "Veien mot jobb",
                     "Søke tre jobber innen kjøkken", "17.12.2026", "14.01.2027", "Dette ble avtalt", SKILLS_TEXT,
                     HEALTH_TEXT):
        assert expected in text, expected
    # The consent to the clinician names health, not housing: housing stays out, and the note says so.
    assert HOUSING_TEXT not in text
    assert "Vises ikke uten deltakerens samtykke: Bolig." in text
    assert [e.kind for e in access_log.entries_for(workspace, folks.participant.id)].count("minutes") == 1


def test_with_an_attendee_without_consent_no_sensitive_area_reaches_the_minutes(workspace, tmp_path: Path) -> None:
    folks = people(workspace)
    row = _meeting(workspace, folks, [folks.clinician, folks.housing])
    text = pdftotext(cooperation.minutes_pdf(workspace, row.meeting.id, log=False), tmp_path)
    assert "Eva Strand" in text and SKILLS_TEXT in text
    assert HEALTH_TEXT not in text and HOUSING_TEXT not in text
    assert "Helse og behandling" in text  # named as withheld, nothing more


def test_minutes_leave_the_mapping_out_unless_asked(workspace, tmp_path: Path) -> None:
    folks = people(workspace)
    row = _meeting(workspace, folks, [folks.clinician], share_mapping=False)
    text = pdftotext(cooperation.minutes_pdf(workspace, row.meeting.id, log=False), tmp_path)
    assert "Fra kartleggingen" not in text and SKILLS_TEXT not in text and HEALTH_TEXT not in text
