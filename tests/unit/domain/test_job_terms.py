"""Job terms that disagree (percentage against days and hours) give a warning, never a block."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain.agreement_content import JobTerms, PartySnapshot, content_hash, from_dict, to_dict
from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.job_terms import daily_hours, named_days, terms_warnings
from fieldapp.domain.validation import birth_date_of


@pytest.mark.parametrize(("text", "hours"), [("kl. 07–13", 6.0), ("8:30-15:00", 6.5), ("08.00 til 16.00", 8.0),
                                             ("22–06", 8.0), ("etter avtale", None), ("", None)])
def test_daily_hours(text: str, hours: float | None) -> None:
    assert daily_hours(text) == hours


@pytest.mark.parametrize(("text", "days"), [("Mandag, onsdag og fredag kl. 07–13", 3), ("mandag–fredag 8–16", 5),
                                            ("Monday to Thursday", 4), ("kl. 9–15", None)])
def test_named_days(text: str, days: int | None) -> None:
    assert named_days(text) == days


def test_terms_that_add_up_give_no_warning() -> None:
    assert terms_warnings(complete_example_content().job) == []  # 60 %: 3 days of 07–14.30 = 22.5 h
    assert terms_warnings(JobTerms(percentage=100, days_per_week=5, hours_text="mandag–fredag 08.00–15.30")) == []
    assert terms_warnings(JobTerms()) == []


def test_hours_against_percentage() -> None:
    [warning] = terms_warnings(JobTerms(percentage=50, days_per_week=5, hours_text="kl. 08–16"))
    assert warning.code == "terms.hours" and "40 timer" in warning.nb and "18,8 timer" in warning.nb
    assert "37,5 t" in warning.nb and "18.8 hours" in warning.en


def test_named_days_against_days_per_week_and_impossible_days() -> None:
    codes = {w.code for w in terms_warnings(JobTerms(percentage=100, days_per_week=2,
                                                     hours_text="Mandag og tirsdag kl. 8–16"))}
    assert codes == {"terms.long_days", "terms.hours"}
    codes = {w.code for w in terms_warnings(JobTerms(percentage=40, days_per_week=2,
                                                     hours_text="mandag, tirsdag og onsdag"))}
    assert codes == {"terms.days"}


def test_birth_date_from_test_numbers() -> None:
    from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
    import random

    born = date(1991, 4, 17)
    assert birth_date_of(synthetic_fodselsnummer(born, random.Random(1))) == born
    assert birth_date_of("12345678901") is None and birth_date_of(None) is None and birth_date_of("") is None


def test_new_party_fields_leave_old_content_hashes_alone() -> None:
    content = complete_example_content()
    old = to_dict(content)
    for key in ("participant", "employer"):
        old["parties"][key].pop("birth_date", None)
        old["parties"][key].pop("address", None)
    unset = from_dict(old)
    assert unset.parties.participant.birth_date is None and unset.parties.employer.address == ""
    # A version frozen before the fields existed hashes as it did: unset new fields are not in the JSON.
    assert "birth_date" not in to_dict(unset)["parties"]["participant"]
    assert content_hash(unset) != content_hash(content)
    assert to_dict(from_dict(to_dict(content))) == to_dict(content)
    assert PartySnapshot(birth_date=date(2000, 1, 1)) != PartySnapshot()
