"""Tests for agreement rules: completeness, change types, diff, derived status and signing checks."""

import dataclasses
from datetime import date, datetime, timedelta, UTC

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.agreement_content import (
    AgreementContent, FollowUp, Goal, PartySnapshot, Responsibility, privacy_text,
)
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.agreement_rules import (
    REQUIRES_RESIGNING, AgreementStatus, ChangeType, SignatureFact, check_can_edit, check_can_sign,
    classify_change, concluded_by, derive_status, diff, missing_for_signing, next_agreement_number,
    required_signers,
    requires_resigning,
)
from fieldapp.domain.messages import DomainError

S = AgreementStatus
T0 = datetime(2026, 2, 20, 9, 0, tzinfo=UTC)
START, END = date(2026, 3, 2), date(2026, 8, 31)  # the example content's duration
BEFORE_START = date(2026, 2, 25)


def sig(role: str, minutes: int, revoked: bool = False) -> SignatureFact:
    return SignatureFact(role, T0 + timedelta(minutes=minutes), revoked)


ALL_TOA = [sig("employee", 1), sig("employer", 2), sig("nav", 3), sig("job_specialist", 4)]


def status(content: AgreementContent | None = None, *, frozen: bool = True, signatures: list[SignatureFact] = (),
           annulled: bool = False, today: date = BEFORE_START) -> str:
    return derive_status(content=content or complete_example_content(), frozen=frozen, signatures=signatures,
                         annulled=annulled, today=today)


def with_duration(content: AgreementContent, **changes: object) -> AgreementContent:
    return dataclasses.replace(content, duration=dataclasses.replace(content.duration, **changes))


def fields_of(content: AgreementContent) -> set[str]:
    return {e.field for e in missing_for_signing(content)}


def codes_of(content: AgreementContent) -> set[str]:
    return {e.message.code for e in missing_for_signing(content)}


# --- missing_for_signing -------------------------------------------------------------------------

def test_empty_content_lists_each_required_field() -> None:
    errors = missing_for_signing(AgreementContent())
    assert {e.field for e in errors} == {
        "parties.participant.name", "parties.employer.name", "parties.employer.orgnr",
        "parties.employer_contact.name", "parties.job_specialist.name", "parties.nav_contact.name",
        "job.title", "goals", "duration.start", "duration.end", "duration.evaluation_date", "follow_ups",
        "responsibilities",
    }
    assert {e.message.code for e in errors if e.field == "responsibilities"} == {
        "agreement.missing.responsibilities_employee", "agreement.missing.responsibilities_employer"}
    assert len({e.message.code for e in errors}) == len(errors) == 14
    for e in errors:
        assert e.message.nb and e.message.en and e.message.nb != e.message.en
    by_field = {e.field: e.message for e in errors}
    assert "Deltakerens navn" in by_field["parties.participant.name"].nb
    assert "organisasjonsnummer" in by_field["parties.employer.orgnr"].nb
    assert "NAV" in by_field["parties.nav_contact.name"].en


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("kind", ["toa", "jobbstotteplan"])
def test_complete_content_has_nothing_missing(lang: str, kind: str) -> None:
    assert missing_for_signing(complete_example_content(lang, kind)) == []


def test_nav_contact_only_required_for_toa() -> None:
    c = complete_example_content()
    no_nav = dataclasses.replace(c, parties=dataclasses.replace(c.parties, nav_contact=None))
    assert fields_of(no_nav) == {"parties.nav_contact.name"}
    assert missing_for_signing(dataclasses.replace(no_nav, agreement_type="jobbstotteplan")) == []
    blank_nav = dataclasses.replace(c, parties=dataclasses.replace(c.parties, nav_contact=PartySnapshot("nav", " ")))
    assert fields_of(blank_nav) == {"parties.nav_contact.name"}


def test_invalid_orgnr_is_reported() -> None:
    c = complete_example_content()
    orgnr = c.parties.employer.orgnr
    bad = orgnr[:8] + str((int(orgnr[8]) + 1) % 10)
    wrong = dataclasses.replace(c, parties=dataclasses.replace(
        c.parties, employer=dataclasses.replace(c.parties.employer, orgnr=bad)))
    errors = missing_for_signing(wrong)
    assert [(e.field, e.message.code) for e in errors] == [("parties.employer.orgnr", "orgnr.checksum")]
    assert errors[0].message.nb.startswith("Arbeidsgiver – organisasjonsnummer:")


def test_date_order_and_ranges() -> None:
    c = complete_example_content()
    backwards = with_duration(c, start=END, end=START)
    assert "duration.end" in fields_of(backwards)
    assert codes_of(with_duration(c, evaluation_date=END + timedelta(days=1))) == {
        "agreement.evaluation_outside_duration"}
    assert missing_for_signing(with_duration(c, evaluation_date=END)) == []


def test_follow_up_period_must_be_ordered_and_inside_duration() -> None:
    c = complete_example_content()
    late = dataclasses.replace(c.follow_ups[1], to_date=END + timedelta(days=1))
    reversed_period = dataclasses.replace(c.follow_ups[0], from_date=date(2026, 4, 1), to_date=date(2026, 3, 5))
    errors = missing_for_signing(dataclasses.replace(c, follow_ups=(reversed_period, late, *c.follow_ups[2:])))
    assert {(e.field, e.message.code) for e in errors} == {
        ("follow_ups[0].to_date", "daterange.order"),
        ("follow_ups[1].from_date", "agreement.period_outside_duration"),
    }
    early_acc = dataclasses.replace(c.accommodations[0], from_date=START - timedelta(days=1))
    assert fields_of(dataclasses.replace(c, accommodations=(early_acc,))) == {"accommodations[0].from_date"}


def test_follow_up_fields() -> None:
    c = complete_example_content()
    bad = (FollowUp(), FollowUp("nav", "Per", "Status", "custom"), FollowUp("nav", "Per", "x", "daily", form="fax"))
    assert fields_of(dataclasses.replace(c, follow_ups=bad)) == {
        "follow_ups[0].actor_role", "follow_ups[0].purpose", "follow_ups[0].frequency",
        "follow_ups[1].custom_text", "follow_ups[2].frequency", "follow_ups[2].form",
    }


def test_goals_responsibilities_and_job_values() -> None:
    c = complete_example_content()
    assert fields_of(dataclasses.replace(c, goals=(Goal("work", " "),))) == {"goals[0].description"}
    only_employee = tuple(r for r in c.responsibilities if r.party_role != "employer")
    assert codes_of(dataclasses.replace(c, responsibilities=only_employee)) == {
        "agreement.missing.responsibilities_employer"}
    odd_role = c.responsibilities + (Responsibility("boss", "x"),)
    assert fields_of(dataclasses.replace(c, responsibilities=odd_role)) == {"responsibilities[7].party_role"}
    bad_job = dataclasses.replace(c.job, percentage=120, days_per_week=8, employment_form="freelance")
    assert fields_of(dataclasses.replace(c, job=bad_job)) == {
        "job.percentage", "job.days_per_week", "job.employment_form"}
    assert fields_of(dataclasses.replace(c, agreement_type="contract")) == {"agreement_type"}
    assert fields_of(dataclasses.replace(c, privacy_text="")) == {"privacy_text"}


def test_free_text_limit_is_1000_characters() -> None:
    c = complete_example_content()
    ok = dataclasses.replace(c, goals=(Goal("work", "æ" * 1000),))
    assert missing_for_signing(ok) == []
    too_long = dataclasses.replace(c, goals=(Goal("work", "ø" * 1001),),
                                   job=dataclasses.replace(c.job, tasks="x" * 1500))
    errors = missing_for_signing(too_long)
    assert {(e.field, e.message.code) for e in errors} == {
        ("goals[0].description", "text.length"), ("job.tasks", "text.length")}
    assert all("1000" in e.message.nb and "1000" in e.message.en for e in errors)
    assert any(e.message.nb.startswith("Mål 1 – beskrivelse") for e in errors)
    assert missing_for_signing(dataclasses.replace(c, privacy_text=privacy_text() * 3)) == []


# --- status --------------------------------------------------------------------------------------

def test_draft_when_not_frozen_or_incomplete() -> None:
    assert status(frozen=False) == S.DRAFT
    assert status(frozen=False, signatures=ALL_TOA, today=START) == S.DRAFT
    assert status(AgreementContent(), frozen=True) == S.DRAFT


def test_ready_for_signing_when_frozen_without_valid_signatures() -> None:
    assert status() == S.READY_FOR_SIGNING
    assert status(signatures=[sig("employee", 1, revoked=True)]) == S.READY_FOR_SIGNING
    jsp = complete_example_content(agreement_type="jobbstotteplan")
    assert status(jsp, signatures=[sig("nav", 1)]) == S.READY_FOR_SIGNING  # NAV does not sign a jobbstøtteplan


def test_partly_signed() -> None:
    assert status(signatures=[sig("employee", 1)]) == S.PARTLY_SIGNED
    assert status(signatures=ALL_TOA[:3]) == S.PARTLY_SIGNED


def test_job_specialist_signing_early_is_not_concluded() -> None:
    early = [sig("job_specialist", 0), sig("employee", 1), sig("employer", 2), sig("nav", 3)]
    assert status(signatures=early, today=START) == S.PARTLY_SIGNED
    middle = [sig("employee", 1), sig("job_specialist", 2), sig("employer", 3), sig("nav", 4)]
    assert status(signatures=middle) == S.PARTLY_SIGNED
    resigned = [sig("job_specialist", 0, revoked=True), *early[1:], sig("job_specialist", 9)]
    assert status(signatures=resigned) == S.CONCLUDED


def test_revoked_signature_does_not_count() -> None:
    revoked_employer = [sig("employee", 1), sig("employer", 2, revoked=True), sig("nav", 3), sig("job_specialist", 4)]
    assert status(signatures=revoked_employer) == S.PARTLY_SIGNED
    assert status(signatures=[*revoked_employer, sig("employer", 5)]) == S.PARTLY_SIGNED  # after JS: not last
    assert status(signatures=[sig("employer", 0), *revoked_employer]) == S.CONCLUDED


def test_concluded_active_ended_by_date() -> None:
    assert status(signatures=ALL_TOA, today=START - timedelta(days=1)) == S.CONCLUDED
    assert status(signatures=ALL_TOA, today=START) == S.ACTIVE
    assert status(signatures=ALL_TOA, today=END) == S.ACTIVE
    assert status(signatures=ALL_TOA, today=END + timedelta(days=1)) == S.ENDED


def test_jobbstotteplan_concludes_without_nav() -> None:
    jsp = complete_example_content(agreement_type="jobbstotteplan")
    three = [sig("employee", 1), sig("employer", 2), sig("job_specialist", 3)]
    assert status(jsp, signatures=three, today=START) == S.ACTIVE
    assert status(signatures=three, today=START) == S.PARTLY_SIGNED  # a TOA still waits for NAV


def test_same_instant_counts_as_last() -> None:
    same = [sig("employee", 1), sig("employer", 1), sig("nav", 1), sig("job_specialist", 1)]
    assert status(signatures=same) == S.CONCLUDED


def test_annulled_overrides_everything() -> None:
    assert status(annulled=True, frozen=False) == S.ANNULLED
    assert status(annulled=True, signatures=ALL_TOA, today=START) == S.ANNULLED
    assert status(annulled=True, signatures=ALL_TOA, today=END + timedelta(days=9)) == S.ANNULLED


def test_every_status_is_reachable() -> None:
    reached = {status(frozen=False), status(), status(signatures=ALL_TOA[:1]), status(signatures=ALL_TOA),
               status(signatures=ALL_TOA, today=START), status(signatures=ALL_TOA, today=END + timedelta(1)),
               status(annulled=True)}
    assert reached == set(S.ALL)


def test_required_signers() -> None:
    assert set(required_signers(complete_example_content())) == {"employee", "employer", "job_specialist", "nav"}
    assert required_signers(complete_example_content(agreement_type="jobbstotteplan"))[-1] == "job_specialist"
    assert "nav" not in required_signers(complete_example_content(agreement_type="jobbstotteplan"))


# --- editing and signing -------------------------------------------------------------------------

def test_check_can_edit() -> None:
    check_can_edit(False, [])
    check_can_edit(False, [sig("employee", 1, revoked=True)])
    with pytest.raises(DomainError) as signed:
        check_can_edit(True, [sig("employee", 1)])
    assert signed.value.message.code == "agreement.edit.signed"
    assert "Trekk tilbake signaturene" in signed.value.message.nb and "Revoke" in signed.value.message.en
    with pytest.raises(DomainError) as frozen:
        check_can_edit(True, [])
    assert frozen.value.message.code == "agreement.edit.frozen"


def sign_error(role: str, signatures: list[SignatureFact], *, content: AgreementContent | None = None,
               frozen: bool = True, annulled: bool = False) -> DomainError:
    with pytest.raises(DomainError) as info:
        check_can_sign(role, content or complete_example_content(), frozen, signatures, annulled=annulled)
    return info.value


def test_check_can_sign_allows_the_normal_order() -> None:
    c = complete_example_content()
    done: list[SignatureFact] = []
    for i, role in enumerate(["employer", "nav", "employee", "job_specialist"]):
        check_can_sign(role, c, True, done)
        done.append(sig(role, i))
    assert status(c, signatures=done) == S.CONCLUDED


def test_check_can_sign_errors() -> None:
    assert sign_error("employee", [], frozen=False).message.code == "agreement.sign.draft"
    assert sign_error("employee", [], content=AgreementContent()).message.code == "agreement.sign.draft"
    twice = sign_error("employer", [sig("employer", 1)])
    assert twice.message.code == "agreement.sign.twice" and "allerede signert" in twice.message.nb
    jsp = complete_example_content(agreement_type="jobbstotteplan")
    assert sign_error("nav", [], content=jsp).message.code == "agreement.sign.role_not_required"
    assert sign_error("participant", []).message.code == "agreement.sign.role_not_required"
    assert sign_error("employee", [], annulled=True).message.code == "agreement.sign.annulled"
    early = sign_error("job_specialist", [sig("employee", 1)])
    assert early.message.code == "agreement.sign.job_specialist_last"
    assert "arbeidsgiveren" in early.message.nb and "NAV" in early.message.nb
    assert "arbeidstakeren" not in early.message.nb and "the employer" in early.message.en


def test_revoked_signature_allows_signing_again() -> None:
    check_can_sign("employer", complete_example_content(), True, [sig("employer", 1, revoked=True)])
    check_can_sign("job_specialist", complete_example_content(), True,
                   [*ALL_TOA[:3], sig("job_specialist", 0, revoked=True)])


# --- change types and diff -----------------------------------------------------------------------

def test_classify_change_examples() -> None:
    c = complete_example_content()
    assert classify_change(None, c) == {ChangeType.CREATE}
    assert classify_change(c, complete_example_content()) == set()
    assert classify_change(c, with_duration(c, end=END + timedelta(days=30))) == {ChangeType.EXTEND}
    assert classify_change(c, with_duration(c, end=END - timedelta(days=30))) == {ChangeType.SHORTEN}
    assert classify_change(c, with_duration(c, start=START - timedelta(days=7))) == {ChangeType.EXTEND}
    shifted = with_duration(c, start=START + timedelta(days=7), end=END + timedelta(days=7))
    assert classify_change(c, shifted) == {ChangeType.EXTEND, ChangeType.SHORTEN}
    assert classify_change(c, with_duration(c, evaluation_date=date(2026, 6, 15))) == {ChangeType.CHANGE_FOLLOW_UP}
    assert classify_change(c, dataclasses.replace(c, goals=c.goals[:1])) == {ChangeType.CHANGE_GOALS}
    assert classify_change(c, dataclasses.replace(c, follow_ups=c.follow_ups[::-1])) == {ChangeType.CHANGE_FOLLOW_UP}
    assert classify_change(c, dataclasses.replace(c, accommodations=())) == {ChangeType.CHANGE_ACCOMMODATIONS}
    job = dataclasses.replace(c.job, percentage=80)
    assert classify_change(c, dataclasses.replace(c, job=job)) == {ChangeType.CHANGE_JOB}
    phone = dataclasses.replace(c.parties.employer_contact, phone="911 11 111")
    new_contact = dataclasses.replace(c, parties=dataclasses.replace(c.parties, employer_contact=phone))
    assert classify_change(c, new_contact) == {ChangeType.CHANGE_CONTACT_INFO}
    both = dataclasses.replace(new_contact, goals=(Goal("x", "y"),))
    assert classify_change(c, both) == {ChangeType.CHANGE_CONTACT_INFO, ChangeType.CHANGE_GOALS}


def test_requires_resigning() -> None:
    assert {ChangeType.EXTEND, ChangeType.SHORTEN, ChangeType.CHANGE_GOALS,
                                  ChangeType.CHANGE_FOLLOW_UP, ChangeType.CHANGE_ACCOMMODATIONS} == REQUIRES_RESIGNING
    assert set(ChangeType.ALL) > REQUIRES_RESIGNING and len(ChangeType.ALL) == 9
    c = complete_example_content()
    assert requires_resigning(c, dataclasses.replace(c, goals=c.goals[:1]))
    assert requires_resigning(c, with_duration(c, end=END - timedelta(days=1)))
    assert requires_resigning(c, dataclasses.replace(c, privacy_text=c.privacy_text + " "))
    assert not requires_resigning(c, dataclasses.replace(c, job=dataclasses.replace(c.job, title="Baker")))
    assert not requires_resigning(c, c)


def test_diff_lists_changed_paths_with_old_and_new_values() -> None:
    c = complete_example_content()
    assert diff(c, c) == []
    goals = (c.goals[0], dataclasses.replace(c.goals[1], description="Øke til 100 %"))
    new = dataclasses.replace(with_duration(c, end=date(2026, 12, 31)), goals=goals)
    assert diff(c, new) == [
        ("goals[1].description", "Øke til 80 % innen august", "Øke til 100 %"),
        ("duration.end", END, date(2026, 12, 31)),
    ]


def test_diff_shows_added_and_removed_items_whole() -> None:
    c = complete_example_content()
    extra = Goal("social", "Spise lunsj med kollegene")
    assert diff(c, dataclasses.replace(c, goals=c.goals + (extra,))) == [("goals[2]", None, extra)]
    assert diff(c, dataclasses.replace(c, accommodations=c.accommodations[:1])) == [
        ("accommodations[1]", c.accommodations[1], None)]
    no_nav = dataclasses.replace(c, parties=dataclasses.replace(c.parties, nav_contact=None))
    assert diff(c, no_nav) == [("parties.nav_contact", c.parties.nav_contact, None)]


# --- agreement numbers ---------------------------------------------------------------------------

def test_next_agreement_number() -> None:
    assert next_agreement_number("K7Q2", 2026, 6) == "K7Q2-2026-0007"
    assert next_agreement_number("k7q2", 2026, 0) == "K7Q2-2026-0001"
    assert next_agreement_number("K7Q2", 2027, 9999) == "K7Q2-2027-10000"
    for bad in [("", 2026, 0), ("K7-Q2", 2026, 0), ("ÆØÅ1", 2026, 0), ("K7Q2", 26, 0), ("K7Q2", 2026, -1)]:
        with pytest.raises(ValueError):
            next_agreement_number(*bad)


@given(st.from_regex(r"[A-Z0-9]{4}", fullmatch=True), st.from_regex(r"[A-Z0-9]{4}", fullmatch=True),
       st.integers(0, 50_000), st.integers(0, 50_000))
def test_numbers_from_different_devices_or_sequences_never_collide(a: str, b: str, i: int, j: int) -> None:
    same = next_agreement_number(a, 2026, i) == next_agreement_number(b, 2026, j)
    assert same == (a == b and i == j)


@given(st.lists(st.tuples(st.sampled_from(["employee", "employer", "nav", "job_specialist", "other"]),
                          st.integers(0, 20), st.booleans()), max_size=8),
       st.sampled_from(["toa", "jobbstotteplan"]))
def test_concluded_by_agrees_with_the_derived_status(raw: list[tuple[str, int, bool]], kind: str) -> None:
    """The participant list's fast check must say "signed in full" exactly when derive_status does."""
    content = dataclasses.replace(complete_example_content(), agreement_type=kind)
    signatures = [sig(role, minutes, revoked) for role, minutes, revoked in raw]
    derived = status(content, signatures=signatures, today=BEFORE_START)
    assert concluded_by(kind, signatures) == (derived == S.CONCLUDED)
