"""Benefits (økonomi og ytelser) are the participant's own records: none of what is kept about them reaches a
document others get, the agreement (whose copy the employer signs) or the minutes of a cooperation meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldapp.domain.cooperation_records import Benefit, CooperationMeeting, MeetingItem
from fieldapp.services import access_log, benefits, cooperation
from fieldapp.services import agreement_documents as docs
from fieldapp.services.workspace import Workspace
from tests.documents.helpers import pdftotext
from tests.ui.agreement_helpers import concluded_agreement

KEPT = ("Inntektsgrense 1 G hemmelig", "Svar fra NAV om beregning hemmelig", "Meldekort annenhver fredag hemmelig",
        "Gjeld til kemneren hemmelig")


def test_what_is_kept_about_benefits_is_in_neither_the_agreement_nor_the_minutes(
        workspace: Workspace, tmp_path: Path) -> None:
    agreement_id, _ = concluded_agreement(workspace)
    with workspace.folder.read() as session:
        participant_id = access_log.q.participant_of_agreement(session, agreement_id)
    assert participant_id is not None
    benefits.save_benefit(workspace, Benefit(
        participant_id=participant_id, kind="aap", limits=KEPT[0], calculation_asked_on=date(2026, 11, 2),
        calculation_answer=KEPT[1], answered_on=date(2026, 11, 20), reporting=KEPT[2],
        next_reporting_on=date(2026, 12, 11), notes=KEPT[3]))
    assert {b.notes for b in benefits.list_benefits(workspace, participant_id)} == {KEPT[3]}  # kept
    meeting = cooperation.save_meeting(workspace, CooperationMeeting(
        participant_id=participant_id, held_on=date(2026, 12, 3), topic="Økonomi ved deltid", share_mapping=True,
        notes="Gikk gjennom arbeidstid og lønn."), [MeetingItem(meeting_id="", what="Sende timeliste", who="Åse")])
    texts = {"agreement": pdftotext(docs.render_pdf(workspace, agreement_id).pdf, tmp_path),
             "minutes": pdftotext(cooperation.minutes_pdf(workspace, meeting.meeting.id, log=False), tmp_path)}
    assert "Sende timeliste" in texts["minutes"]  # the reading works
    for name, text in texts.items():
        flat = " ".join(text.split())
        assert not [k for k in KEPT if k in flat], name
