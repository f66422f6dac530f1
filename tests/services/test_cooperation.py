"""Cooperation meetings: attendees from the participant's actors, agreed items, the consent check, benefits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fieldapp.domain.cooperation_records import Benefit, CooperationMeeting, MeetingItem
from fieldapp.domain.messages import ValidationFailed
from fieldapp.services import benefits, cooperation
from tests.support.cooperation_data import DAY, people


def test_a_meeting_keeps_its_attendees_and_items_and_names_those_without_consent(workspace) -> None:
    folks = people(workspace)
    row = cooperation.save_meeting(workspace, CooperationMeeting(
        participant_id=folks.participant.id, held_on=DAY, topic=" Veien mot jobb ", place="NAV Sandnes",
        attendee_ids=(folks.clinician.id, folks.nav.id, folks.housing.id)), [
        MeetingItem(meeting_id="", what="Søke tre jobber innen kjøkken", who="Åse"),
        MeetingItem(meeting_id="", what="", who=""),  # an empty row left in the editor is not stored
        MeetingItem(meeting_id="", what="Sende beregning av AAP ved deltid", who="Kari Holm",
                    deadline=date(2026, 12, 17))])
    assert row.meeting.topic == "Veien mot jobb"
    assert [i.what for i in row.items] == ["Søke tre jobber innen kjøkken", "Sende beregning av AAP ved deltid"]
    assert [a.name for a in row.missing_consent] == ["Eva Strand"]

    # Saving again with one item changed and one dropped keeps the list exact.
    first = replace(row.items[0], who="Åse og jobbspesialisten")
    cooperation.save_meeting(workspace, replace(row.meeting, attendee_ids=(folks.nav.id,)), [first])
    [again] = cooperation.list_meetings(workspace, folks.participant.id)
    assert [(i.id, i.who) for i in again.items] == [(first.id, "Åse og jobbspesialisten")]
    assert (again.attendee_names, again.missing_consent) == ("Kari Holm", ())
    assert cooperation.minutes_warning(workspace, again.meeting.id) is None


def test_the_warning_names_the_actor_without_consent(workspace) -> None:
    folks = people(workspace)
    row = cooperation.save_meeting(workspace, CooperationMeeting(
        participant_id=folks.participant.id, held_on=DAY, topic="Bolig og jobb",
        attendee_ids=(folks.housing.id,)), [])
    warning = cooperation.minutes_warning(workspace, row.meeting.id)
    assert warning is not None and "Eva Strand" in warning.nb and "Eva Strand" in warning.en


def test_a_meeting_refuses_missing_topic_and_actors_of_someone_else(workspace) -> None:
    folks = people(workspace)
    with pytest.raises(ValidationFailed) as caught:
        cooperation.save_meeting(workspace, CooperationMeeting(participant_id=folks.participant.id, held_on=DAY,
                                                               topic=" "),
                                 [MeetingItem(meeting_id="", what="", who="Per")])
    assert {e.field for e in caught.value.errors} == {"topic", "items[0].what"}
    with pytest.raises(ValidationFailed) as caught:
        cooperation.save_meeting(workspace, CooperationMeeting(participant_id=folks.participant.id, held_on=DAY,
                                                               topic="Møte", attendee_ids=("nobody",)), [])
    assert caught.value.errors[0].field == "attendee_ids"


def test_benefits_are_listed_and_summarised_only_for_visits_about_money(workspace) -> None:
    folks = people(workspace)
    pid = folks.participant.id
    aap = benefits.save_benefit(workspace, Benefit(participant_id=pid, kind="aap", limits=" Inntekt trekkes ",
                                                   calculation_asked_on=date(2026, 11, 20),
                                                   reporting="Meldekort hver 14. dag",
                                                   next_reporting_on=date(2026, 12, 14)))
    benefits.save_benefit(workspace, Benefit(participant_id=pid, kind="sosialhjelp",
                                             next_reporting_on=date(2026, 12, 10)))
    assert aap.limits == "Inntekt trekkes"
    assert benefits.economy_summary(workspace, pid, ("tasks",)) is None
    summary = benefits.economy_summary(workspace, pid, ("tasks", "economy"))
    assert summary is not None
    assert [b.kind for b in summary.benefits] == ["aap", "sosialhjelp"]
    assert [b.id for b in summary.pending] == [aap.id]
    assert summary.next_reporting_on == date(2026, 12, 10)
    with pytest.raises(ValidationFailed):
        benefits.save_benefit(workspace, Benefit(participant_id=pid, kind="lottery"))
    with pytest.raises(ValidationFailed):
        benefits.save_benefit(workspace, replace(aap, answered_on=date(2026, 11, 1), calculation_answer="Nei"))
    benefits.delete_benefit(workspace, aap.id)
    assert [b.kind for b in benefits.list_benefits(workspace, pid)] == ["sosialhjelp"]
