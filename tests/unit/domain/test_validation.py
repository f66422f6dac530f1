"""Tests for the fødselsnummer and organisation number checks: examples per message and properties."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.no import fodselsnummer

from fieldapp.domain.messages import Message
from fieldapp.domain.synthetic_ids import random_orgnr, synthetic_fodselsnummer
from fieldapp.domain.validation import check_fodselsnummer, check_orgnr, normalize_digits

TODAY = dt.date(2024, 6, 1)


def make_fnr(day: int, month: int, yy: int, individuals: range = range(0, 500)) -> str:
    """Build a number with valid check digits from already-shifted day/month parts."""
    for ind in individuals:
        body = f"{day:02d}{month:02d}{yy:02d}{ind:03d}"
        k1 = fodselsnummer.calc_check_digit1(body)
        k2 = fodselsnummer.calc_check_digit2(body + k1)
        if len(k1) == 1 and len(k2) == 1:
            return body + k1 + k2
    raise AssertionError("no individual number gave single check digits")


def assert_bilingual(msg: Message | None, code: str) -> Message:
    assert msg is not None, f"expected {code}, got no message"
    assert msg.code == code
    assert msg.nb.strip() and msg.en.strip()
    assert msg.nb != msg.en
    return msg


# --- fødselsnummer: examples -------------------------------------------------------------

def test_ordinary_fodselsnummer_with_separators_is_accepted() -> None:
    for value in ["15108695088", "151086 95088", "151086-95088", " 151.086.950.88 "]:
        assert check_fodselsnummer(value, today=TODAY) is None


def test_empty_fodselsnummer_is_left_to_check_required() -> None:
    assert check_fodselsnummer(None) is None
    assert check_fodselsnummer("") is None
    assert check_fodselsnummer("   ") is None


def test_fodselsnummer_wrong_length_names_the_count() -> None:
    msg = assert_bilingual(check_fodselsnummer("1510869508"), "fnr.length")
    assert "11" in msg.nb and "10" in msg.nb and "10" in msg.en
    assert_bilingual(check_fodselsnummer("151086950880"), "fnr.length")


def test_fodselsnummer_with_letters_or_foreign_digits_is_a_format_error() -> None:
    assert_bilingual(check_fodselsnummer("1510869508X"), "fnr.format")
    # Arabic-Indic digits pass str.isdigit() but are not what anyone means.
    assert_bilingual(check_fodselsnummer("١٥١٠٨٦٩٥٠٨٨"), "fnr.format")


def test_fodselsnummer_wrong_checksum() -> None:
    assert_bilingual(check_fodselsnummer("15108695077"), "fnr.checksum")


def test_d_nummer_is_accepted() -> None:
    number = make_fnr(15 + 40, 10, 86)
    assert check_fodselsnummer(number, today=TODAY) is None


def test_synthetic_month_plus_40_is_accepted() -> None:
    assert check_fodselsnummer(make_fnr(15, 10 + 40, 86), today=TODAY) is None
    # A D-nummer can be synthetic too.
    assert check_fodselsnummer(make_fnr(15 + 40, 10 + 40, 86), today=TODAY) is None


def test_tenor_month_plus_80_is_accepted() -> None:
    assert check_fodselsnummer(make_fnr(29, 2 + 80, 88), today=TODAY) is None
    assert_bilingual(check_fodselsnummer(make_fnr(30, 2 + 80, 88), today=TODAY), "fnr.date")


@pytest.mark.parametrize(
    ("day", "month", "yy", "individuals"),
    [
        (31, 2, 86, range(0, 500)),  # 31 February
        (15, 13, 86, range(0, 500)),  # month 13
        (15, 13 + 40, 86, range(0, 500)),  # month 13 even after removing the synthetic +40
        (29, 2, 89, range(0, 500)),  # 1989 was no leap year
        (15, 10, 50, range(800, 900)),  # 800–899 with year 50 fits no century
        (85, 10, 86, range(0, 500)),  # FH-number: no birth date at all
    ],
)
def test_impossible_birth_date_is_rejected(day: int, month: int, yy: int, individuals: range) -> None:
    assert_bilingual(check_fodselsnummer(make_fnr(day, month, yy, individuals), today=TODAY), "fnr.date")


def test_birth_date_in_the_future_is_rejected() -> None:
    number = make_fnr(1, 7, 24, range(500, 1000))  # 1 July 2024, a month after TODAY
    msg = assert_bilingual(check_fodselsnummer(number, today=TODAY), "fnr.future")
    assert "01.07.2024" in msg.nb and "2024-07-01" in msg.en
    assert check_fodselsnummer(number, today=dt.date(2024, 7, 1)) is None


def test_future_check_uses_the_real_date_by_default() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    number = make_fnr(tomorrow.day, tomorrow.month, tomorrow.year % 100, range(500, 1000))
    assert_bilingual(check_fodselsnummer(number), "fnr.future")
    assert check_fodselsnummer("15108695088") is None


# --- fødselsnummer and orgnr: properties -------------------------------------------------

FNR_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
FNR_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
ORGNR_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2, 1)


def test_mod_11_detects_every_single_digit_change() -> None:
    # A one-digit change by d moves a weighted sum by w*d; with 11 prime, no weight a
    # multiple of 11 and |d| <= 9, that is never 0 mod 11, so the check digit must change.
    for weights in (FNR_WEIGHTS_1, FNR_WEIGHTS_2, ORGNR_WEIGHTS):
        for w in weights:
            for delta in range(1, 10):
                assert (w * delta) % 11 != 0


def _mutate(number: str, pos: int, shift: int) -> str:
    new_digit = (int(number[pos]) + shift) % 10
    return number[:pos] + str(new_digit) + number[pos + 1:]


@given(
    st.dates(min_value=dt.date(1854, 1, 1), max_value=dt.date(2023, 12, 31)),
    st.randoms(use_true_random=False),
    st.integers(0, 10),
    st.integers(1, 9),
)
def test_changing_one_digit_of_a_fodselsnummer_breaks_the_checksum(
    birth: dt.date, rng: random.Random, pos: int, shift: int
) -> None:
    number = synthetic_fodselsnummer(birth, rng)
    assert check_fodselsnummer(number, today=TODAY) is None
    assert_bilingual(check_fodselsnummer(_mutate(number, pos, shift), today=TODAY), "fnr.checksum")


@given(st.randoms(use_true_random=False), st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_of_an_orgnr_breaks_the_checksum(rng: random.Random, pos: int, shift: int) -> None:
    number = random_orgnr(rng)
    assert check_orgnr(number) is None
    assert_bilingual(check_orgnr(_mutate(number, pos, shift)), "orgnr.checksum")


# --- orgnr: examples ---------------------------------------------------------------------

def test_orgnr_examples() -> None:
    assert check_orgnr("988077917") is None
    assert check_orgnr("988 077 917") is None
    assert check_orgnr(None) is None and check_orgnr("") is None
    assert_bilingual(check_orgnr("988077918"), "orgnr.checksum")
    msg = assert_bilingual(check_orgnr("98807791"), "orgnr.length")
    assert "9" in msg.nb and "(fikk 8)" in msg.nb and "(got 8)" in msg.en
    assert_bilingual(check_orgnr("98807791A"), "orgnr.format")
    # The check digit holds for these, but no organisation number begins with anything but 8 or 9.
    for number in ("000000000", "123456785"):
        msg = assert_bilingual(check_orgnr(number), "orgnr.first_digit")
        assert "8 eller 9" in msg.nb and "8 or 9" in msg.en


def test_orgnr_label_names_the_number_in_both_languages() -> None:
    org = assert_bilingual(check_orgnr("98807791"), "orgnr.length")
    assert org.nb.startswith("Organisasjonsnummeret") and "organisation number" in org.en
    virk = assert_bilingual(check_orgnr("98807791", label="virksomhetsnummer"), "orgnr.length")
    assert virk.nb.startswith("Virksomhetsnummeret") and "business unit number" in virk.en
    chk = assert_bilingual(check_orgnr("988077918", label="virksomhetsnummer"), "orgnr.checksum")
    assert "virksomhetsnummeret" in chk.nb and "business unit number" in chk.en


@given(st.text())
def test_identity_checks_never_raise(value: str) -> None:
    for result in (check_fodselsnummer(value), check_orgnr(value), check_orgnr(value, label="virksomhetsnummer")):
        assert result is None or (result.nb and result.en)


@given(st.text(alphabet="0123456789 .-x"))
def test_digit_like_text_is_valid_only_when_stdnum_agrees(value: str) -> None:
    # Whatever we accept, stdnum must accept too (after our own separator stripping).
    digits = normalize_digits(value)
    if value.strip() and check_fodselsnummer(value, today=TODAY) is None:
        assert fodselsnummer.is_valid(digits) or int(digits[2:4]) > 80
    if value.strip() and check_orgnr(value) is None:
        assert len(digits) == 9 and digits.isdigit()


def test_normalize_digits_strips_spaces_dots_and_hyphens() -> None:
    assert normalize_digits(" 151 086-950.88\t") == "15108695088"
    assert normalize_digits("12a34") == "12a34"
    assert normalize_digits("") == ""
