"""A new agreement carries the participant's date of birth and the employer's address; the editor's data warns
when the job's terms disagree."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.services import agreement_editing as editing
from fieldapp.services import records


def test_prefill_birth_date_address_and_terms_warning(workspace):
    born = date(1990, 5, 14)
    employer = records.save(workspace, Employer(name="Fjordbakst AS", address="Kaigata 3, 0000 Eksempelby"))
    participant = records.save(workspace, Participant(first_name="Tora", last_name="Vik", status="in_work",
                                                      fodselsnummer=synthetic_fodselsnummer(born, random.Random(3))))
    records.save(workspace, Placement(participant_id=participant.id, employer_id=employer.id, job_title="Baker",
                                      start_date=date(2026, 12, 1), status="active", percentage=50, days_per_week=5,
                                      working_hours="mandag–fredag kl. 08–16"))
    content = editing.prefill(workspace, participant.id)
    assert content.parties.participant.birth_date == born
    assert content.parties.employer.address == "Kaigata 3, 0000 Eksempelby"
    agreement_id = editing.create(workspace, participant.id, content)
    data = editing.load(workspace, agreement_id, today=date(2026, 11, 23))
    assert [w.code for w in data.warnings] == ["terms.hours"]
    editing.save_draft(workspace, data.version.id, replace(content, job=replace(content.job, hours_text="kl. 08–11.45")))
    assert editing.load(workspace, agreement_id, today=date(2026, 11, 23)).warnings == ()
