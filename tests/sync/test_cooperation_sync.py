"""Cooperation meetings, their agreed items and benefits travel between two devices and merge field by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fieldapp.domain.cooperation_records import Benefit, CooperationMeeting, MeetingItem
from fieldapp.services import benefits, cooperation
from fieldapp.storage import integrity, sync_state
from tests.support.cooperation_data import DAY, people
from tests.sync.test_end_to_end import rows

TABLES = ("cooperation_meeting", "meeting_item", "participant_benefit", "cooperating_actor")


def test_meetings_items_and_benefits_sync_to_the_other_device(team) -> None:
    _, _, (a, b, _c) = team
    folks = people(a.ws)
    pid = folks.participant.id
    row = cooperation.save_meeting(a.ws, CooperationMeeting(
        participant_id=pid, held_on=DAY, topic="Veien mot jobb", attendee_ids=(folks.clinician.id, folks.housing.id)),
        [MeetingItem(meeting_id="", what="Søke tre jobber", who="Åse")])
    aap = benefits.save_benefit(a.ws, Benefit(participant_id=pid, kind="aap", calculation_asked_on=DAY))
    a.sync()
    b.sync()

    [seen] = cooperation.list_meetings(b.ws, pid)
    assert (seen.meeting.id, seen.attendee_names, [i.what for i in seen.items]) == (
        row.meeting.id, "Per Lien, Eva Strand", ["Søke tre jobber"])
    assert [a.name for a in seen.missing_consent] == ["Eva Strand"]
    assert [x.id for x in benefits.list_benefits(b.ws, pid)] == [aap.id]

    # B records NAV's answer and adds an item; A changes the meeting's notes meanwhile: both survive.
    benefits.save_benefit(b.ws, replace(aap, calculation_answer="Om lag 2 000 kr mer i måneden ved 40 %",
                                        answered_on=date(2026, 12, 10)))
    cooperation.save_meeting(b.ws, seen.meeting, [*seen.items, MeetingItem(meeting_id="", what="Nytt møte i januar")])
    cooperation.save_meeting(a.ws, replace(row.meeting, notes="Åse vil prøve kjøkken."), row.items)
    for dev in (b, a, b):
        dev.sync()

    assert {t: rows(a)[t] for t in TABLES} == {t: rows(b)[t] for t in TABLES}
    [on_a] = cooperation.list_meetings(a.ws, pid)
    assert on_a.meeting.notes == "Åse vil prøve kjøkken."
    assert [i.what for i in on_a.items] == ["Søke tre jobber", "Nytt møte i januar"]
    assert benefits.list_benefits(a.ws, pid)[0].calculation_pending is False
    for dev in (a, b):
        with dev.ws.folder.read() as session:
            assert integrity.check(session.connection()).ok
        assert sync_state.conflicts(dev.ws.folder) == []
