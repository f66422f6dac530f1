"""Parties and follow-up lines: a TOA needs a follow-up line from NAV or a reason why not (signed versions keep
their status); other parties need a name; a behandler on the employer's copy needs consent to share treatment."""

import dataclasses
from datetime import UTC, date, datetime, timedelta

from fieldapp.domain.agreement_content import PartySnapshot, content_hash, from_dict, to_dict
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.agreement_rules import (
    NAV_FOLLOW_UP_CODE, AgreementStatus, SignatureFact, check_can_sign, derive_status, missing_for_signing,
)
from fieldapp.domain.consent import ConsentFact, sensitive_goal_errors

T0 = datetime(2026, 2, 20, 10, 0, tzinfo=UTC)


def _without_nav_line(kind: str = "toa"):
    c = complete_example_content(agreement_type=kind)
    return dataclasses.replace(c, follow_ups=tuple(f for f in c.follow_ups if f.actor_role != "nav"))


def test_complete_toa_has_a_nav_line_and_nothing_missing() -> None:
    c = complete_example_content()
    assert any(f.actor_role == "nav" for f in c.follow_ups)
    assert missing_for_signing(c) == []


def test_toa_without_nav_line_misses_it_on_the_reason_field() -> None:
    [error] = missing_for_signing(_without_nav_line())
    assert (error.field, error.message.code) == ("nav_follow_up_reason", NAV_FOLLOW_UP_CODE)
    assert "NAV" in error.message.nb and "hvorfor NAV ikke følger opp" in error.message.nb


def test_a_reason_instead_of_a_nav_line_is_enough() -> None:
    c = dataclasses.replace(_without_nav_line(), nav_follow_up_reason="NAV har ingen virkemidler i saken.")
    assert missing_for_signing(c) == []
    assert missing_for_signing(dataclasses.replace(c, nav_follow_up_reason="   ")) != []


def test_job_support_plan_needs_no_nav_line() -> None:
    assert missing_for_signing(_without_nav_line("jobbstotteplan")) == []


def test_version_signed_before_the_rule_keeps_its_status_and_can_be_signed() -> None:
    old = _without_nav_line()
    sigs = [SignatureFact(r, T0 + timedelta(minutes=i)) for i, r in enumerate(("employee", "employer", "nav",
                                                                                   "job_specialist"))]
    assert derive_status(content=old, frozen=True, signatures=sigs, annulled=False,
                         today=date(2026, 2, 21)) == AgreementStatus.CONCLUDED
    check_can_sign("employee", old, True, [])  # frozen before the rule: raises nothing
    assert derive_status(content=old, frozen=False, signatures=[], annulled=False,
                         today=date(2026, 2, 21)) == AgreementStatus.DRAFT


def test_reason_and_behandler_round_trip_and_old_hashes_stay() -> None:
    c = complete_example_content()
    assert "nav_follow_up_reason" not in to_dict(c)  # unset: the hash of every earlier version stays what was signed
    behandler = PartySnapshot("behandler", "Dr. Eli Fjordheim", organisation="DPS Eksempelby", title="Psykolog")
    c2 = dataclasses.replace(c, nav_follow_up_reason="Grunn", parties=dataclasses.replace(c.parties, others=(behandler,)))
    back = from_dict(to_dict(c2))
    assert back == c2 and content_hash(back) == content_hash(c2) != content_hash(c)


def test_other_party_needs_a_name_and_valid_contact_details() -> None:
    c = complete_example_content()
    nameless = PartySnapshot("behandler", "", phone="12", email="ikke-e-post")
    errors = missing_for_signing(dataclasses.replace(c, parties=dataclasses.replace(c.parties, others=(nameless,))))
    assert {e.field for e in errors} == {"parties.others[0].name", "parties.others[0].phone", "parties.others[0].email"}
    assert any(e.message.nb.startswith("Annen aktør 1 – telefon") for e in errors)


def test_behandler_on_the_employers_copy_needs_consent_to_share_treatment() -> None:
    c = complete_example_content()
    behandler = PartySnapshot("behandler", "Eli Fjordheim", organisation="DPS Eksempelby")
    line = dataclasses.replace(c.follow_ups[0], actor_role="behandler", actor_name="Eli Fjordheim")
    with_behandler = dataclasses.replace(c, parties=dataclasses.replace(c.parties, others=(behandler,)),
                                         follow_ups=(*c.follow_ups, line))
    errors = sensitive_goal_errors(with_behandler, [])
    assert {(e.field, e.message.code) for e in errors} == {
        ("parties.others[0].role", "party.behandler_without_consent"),
        (f"follow_ups[{len(c.follow_ups)}].actor_role", "party.behandler_without_consent")}
    narrow = ConsentFact("employer", "Tilrettelegging, ikke helse eller behandling", True, date(2026, 1, 5))
    assert len(sensitive_goal_errors(with_behandler, [narrow])) == 2
    treatment = ConsentFact("employer", "Tilrettelegging og at hun går i behandling", True, date(2026, 1, 5))
    assert sensitive_goal_errors(with_behandler, [treatment]) == []
    other = PartySnapshot("other", "Bo Kommune", organisation="Eksempelby kommune")
    assert sensitive_goal_errors(dataclasses.replace(c, parties=dataclasses.replace(c.parties, others=(other,))),
                                 []) == []
