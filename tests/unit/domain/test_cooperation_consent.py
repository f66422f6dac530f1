"""Consent rules of a cooperation meeting: which recipient an actor falls under, who lacks consent, and which
sensitive areas the minutes may show."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.cooperation_consent import areas_for_minutes, consent_warning, recipient_for, without_consent
from fieldapp.domain.records import Consent, CooperatingActor

DAY = date(2026, 12, 3)


def _actor(role: str, organisation: str = "", *, consent: bool = False) -> CooperatingActor:
    return CooperatingActor(id=role, participant_id="p", role=role, name=f"Navn {role}", organisation=organisation,
                            consent_to_contact=consent)


def _consent(recipient: str, scope: str, given: bool = True) -> Consent:
    return Consent(participant_id="p", recipient=recipient, scope=scope, given=given, decided_on=DAY)


def test_roles_fall_under_the_recipient_they_name() -> None:
    assert recipient_for(_actor("NAV-veileder")) == "nav"
    assert recipient_for(_actor("Økonomisk rådgiver", "NAV økonomi- og gjeldsrådgivning")) == "nav"
    for role, org in (("Behandler ved DPS", ""), ("Miljøterapeut", "FACT-teamet"), ("Fastlege", ""),
                      ("Psykolog", "Lysthuset psykologsenter")):
        assert recipient_for(_actor(role, org)) == "behandler", role
    assert recipient_for(_actor("Boveileder", "Boligoppfølgingstjenesten")) == "other"


def test_consent_on_the_actor_or_a_given_consent_for_its_recipient_counts() -> None:
    dps, nav, housing, own = (_actor("Behandler DPS"), _actor("NAV-veileder"), _actor("Boligkontor"),
                              _actor("Boligkontor 2", consent=True))
    consents = [_consent("behandler", "Hvordan arbeidet går"), _consent("nav", "Status", given=False)]
    assert [a.role for a in without_consent([dps, nav, housing, own], consents)] == ["NAV-veileder", "Boligkontor"]
    warning = consent_warning([housing])
    assert warning is not None and "Navn Boligkontor" in warning.nb and "Navn Boligkontor" in warning.en
    assert consent_warning([]) is None


def test_a_sensitive_area_reaches_the_minutes_only_with_consent_for_every_recipient_attending() -> None:
    dps, nav = _actor("Behandler DPS"), _actor("NAV-veileder")
    consents = [_consent("behandler", "Helse og jobb, og bolig"), _consent("nav", "Jobb og bolig, ikke helse")]
    assert areas_for_minutes([dps], consents) == {"health_treatment", "housing"}
    assert areas_for_minutes([dps, nav], consents) == {"housing"}
    assert areas_for_minutes([dps, nav, _actor("Boligkontor")], consents) == frozenset()
    assert areas_for_minutes([], consents) == frozenset()
