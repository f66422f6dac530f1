"""The employer-copy rule on sensitive goals, the consent warning, and the demo data keeping to both."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fieldapp.domain import consent as rules
from fieldapp.domain.agreement_content import Goal
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.consent import ConsentFact
from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.records import Consent
from fieldapp.services import agreement_documents as docs
from fieldapp.services import agreement_editing as editing
from fieldapp.services import participants as ps
from fieldapp.services.privacy import check_employer_copy
from tests.support.visit_data import participant_in_job

TODAY = date(2026, 11, 23)
HEALTH_GOAL = Goal("Helse og arbeid", "Få hverdagen med jobb og behandling til å henge sammen.", "Timene ligger utenom.")


def _employer(scope: str, given: bool = True) -> ConsentFact:
    return ConsentFact(recipient="employer", scope=scope, given=given)


def _with_goal(goal: Goal):
    base = complete_example_content()
    return replace(base, goals=base.goals + (goal,))


def test_sensitive_goal_needs_employer_consent_naming_the_area() -> None:
    content = _with_goal(HEALTH_GOAL)
    errors = rules.sensitive_goal_errors(content, [_employer("Tilrettelegging. Ikke diagnose.")])
    assert [e.field for e in errors] == [f"goals[{len(content.goals) - 1}].category"]
    assert errors[0].message.code == "goal.sensitive_without_consent"
    assert "Helse og behandling" in errors[0].message.nb and "samtykke" in errors[0].message.nb
    assert rules.sensitive_goal_errors(content, [_employer("Helse: at jeg går i behandling ved DPS")]) == []
    # Withdrawn, or given to someone else, does not count.
    assert rules.sensitive_goal_errors(content, [_employer("Helse", given=False)])
    assert rules.sensitive_goal_errors(content, [ConsentFact("nav", "Helse", True)])
    assert rules.sensitive_goal_errors(complete_example_content(), []) == []
    # A scope that names the area only to exclude it is no consent for it.
    assert rules.sensitive_goal_errors(content, [_employer("Tilrettelegging, ikke helse eller diagnose")])
    assert rules.sensitive_goal_errors(content, [_employer("Tilrettelegging; helse og behandling kan deles")]) == []


def test_finances_goal_is_sensitive_and_ordinary_goals_are_not() -> None:
    assert rules.sensitive_areas_in("Økonomi") == {"finances_benefits"}
    assert rules.sensitive_areas_in("Rusmiddelbruk") == {"substance_use"}
    for ordinary in ("Arbeidstid", "Mestring", "Rushtid i butikken", "Kompetanse"):
        assert rules.sensitive_areas_in(ordinary) == frozenset()


def test_consent_warning_for_missing_and_withdrawn() -> None:
    assert rules.employer_consent_state([]) == rules.ConsentState.MISSING
    assert rules.employer_consent_state([_employer("x", given=False)]) == rules.ConsentState.WITHDRAWN
    assert rules.employer_consent_state([_employer("x")]) == rules.ConsentState.GIVEN
    assert rules.employer_share_warning(rules.ConsentState.GIVEN) is None
    missing = rules.employer_share_warning(rules.ConsentState.MISSING)
    withdrawn = rules.employer_share_warning(rules.ConsentState.WITHDRAWN)
    assert missing is not None and "ikke registrert" in missing.nb
    assert withdrawn is not None and "trukket tilbake" in withdrawn.nb


def _agreement_with_health_goal(ws):
    participant, _, _ = participant_in_job(ws, job_start=date(2026, 12, 1))
    base = complete_example_content()
    start, end = date(2027, 1, 4), date(2027, 6, 30)
    content = replace(base, duration=replace(base.duration, start=start, end=end, extension_consider_by=date(2027, 6, 1),
                                             evaluation_date=date(2027, 3, 1)),
                      follow_ups=tuple(replace(f, from_date=start, to_date=end) for f in base.follow_ups),
                      accommodations=tuple(replace(a, from_date=start, to_date=end) for a in base.accommodations),
                      job=replace(base.job, start=start), goals=base.goals + (HEALTH_GOAL,))
    agreement_id = editing.create(ws, participant.id, editing.prefill(ws, participant.id))
    data = editing.load(ws, agreement_id, today=TODAY)
    editing.save_draft(ws, data.version.id, content)
    return participant, agreement_id, data.version.id


def test_agreement_with_sensitive_goal_cannot_be_made_ready_without_consent(workspace) -> None:
    participant, agreement_id, version_id = _agreement_with_health_goal(workspace)
    assert [e.message.code for e in editing.load(workspace, agreement_id, today=TODAY).missing] == \
        ["goal.sensitive_without_consent"]
    with pytest.raises(ValidationFailed) as refused:
        editing.freeze(workspace, version_id)
    assert refused.value.errors[0].message.code == "goal.sensitive_without_consent"
    ps.save_consent(workspace, Consent(participant_id=participant.id, recipient="employer",
                                       scope="Helse og behandling: at jeg går i behandling", given=True,
                                       decided_on=TODAY))
    editing.freeze(workspace, version_id)
    assert editing.load(workspace, agreement_id, today=TODAY).status == "ready_for_signing"


def test_employer_copy_is_refused_when_consent_is_withdrawn_later(workspace, tmp_path) -> None:
    participant, agreement_id, version_id = _agreement_with_health_goal(workspace)
    consent = ps.save_consent(workspace, Consent(participant_id=participant.id, recipient="employer",
                                                 scope="Helse", given=True, decided_on=TODAY))
    editing.freeze(workspace, version_id)
    assert check_employer_copy(workspace, agreement_id).allowed
    docs.save_pdf(workspace, agreement_id, tmp_path / "ok.pdf")
    ps.withdraw_consent(workspace, consent.id, on=TODAY)
    check = check_employer_copy(workspace, agreement_id)
    assert not check.allowed and check.warning is not None and check.warning.code == "consent.employer_withdrawn"
    with pytest.raises(DomainError) as refused:
        docs.save_pdf(workspace, agreement_id, tmp_path / "refused.pdf")
    assert refused.value.code == "employer_copy.sensitive_goal"
    assert not (tmp_path / "refused.pdf").exists()


def test_demo_data_has_no_sensitive_goal_without_consent(data_dir) -> None:
    from sqlalchemy import select

    from fieldapp.demo.generate import generate
    from fieldapp.domain import agreement_content as ac
    from fieldapp.services.workspace import open_workspace
    from fieldapp.storage import models as m
    from fieldapp.storage.queries.consents import consent_facts

    with open_workspace(data_dir) as ws:
        generate(ws, participants=40, today=TODAY)
        with ws.folder.read() as session:
            rows = session.execute(select(m.Agreement.participant_id, m.AgreementVersion.content_json)
                                   .join(m.AgreementVersion, m.AgreementVersion.agreement_id == m.Agreement.id)).all()
            assert rows
            for participant_id, content_json in rows:
                content = ac.from_dict(__import__("json").loads(content_json))
                assert rules.sensitive_goal_errors(content, consent_facts(session, participant_id)) == []
