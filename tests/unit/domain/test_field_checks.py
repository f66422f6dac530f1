"""Tests for the phone, email, number, date-range, text and required checks and the error helpers."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.messages import FieldError, Message, ValidationFailed
from fieldapp.domain.validation import (
    NAME_LIMIT, NOTE_LIMIT, TEXT_LIMIT, check_date_range, check_days_per_week, check_email,
    check_percent, check_phone, check_required, check_text, collect, normalize_phone, raise_if,
)


def assert_bilingual(msg: Message | None, code: str) -> Message:
    assert msg is not None, f"expected {code}, got no message"
    assert msg.code == code
    assert msg.nb.strip() and msg.en.strip()
    assert msg.nb != msg.en
    return msg


# --- phone ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("+47 912 34 567", "+4791234567"), ("91234567", "91234567"), ("912 34 567", "91234567"),
        ("0047 912 34 567", "+4791234567"), ("+46 70-123 45 67", "+46701234567"), ("22.33.44.55", "22334455"),
    ],
)
def test_valid_phone_numbers_and_their_normal_form(raw: str, normal: str) -> None:
    assert check_phone(raw) is None
    assert normalize_phone(raw) == normal


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("9123456", "phone.length"), ("+47 912 34 5678", "phone.length"), ("912345678", "phone.length"),
        ("+1 234", "phone.intl_length"), ("+1234567890123456", "phone.intl_length"),
        ("912 34 56a", "phone.format"), ("+", "phone.format"), ("91+234567", "phone.format"),
    ],
)
def test_invalid_phone_numbers(raw: str, code: str) -> None:
    assert_bilingual(check_phone(raw), code)


def test_empty_phone_is_fine() -> None:
    assert check_phone(None) is None and check_phone("  ") is None


def test_leading_00_is_read_as_the_international_prefix() -> None:
    assert normalize_phone("0046 70 123 45 67") == "+46701234567"
    assert_bilingual(check_phone("00000000"), "phone.intl_length")


@given(st.text())
def test_normalize_phone_is_idempotent(value: str) -> None:
    once = normalize_phone(value)
    assert normalize_phone(once) == once


@given(st.text(alphabet="+0123456789 .-"))
def test_phone_check_does_not_depend_on_formatting(value: str) -> None:
    normal = normalize_phone(value)
    before, after = check_phone(value), check_phone(normal)
    if normal:
        assert (before and before.code) == (after and after.code)


# Norwegian subscriber numbers never start with 0; a leading 00 is the international prefix.
@given(st.sampled_from(["", "+47", "0047"]), st.integers(1, 9), st.lists(st.integers(0, 9), min_size=7, max_size=7),
       st.lists(st.sampled_from(["", " "]), min_size=8, max_size=8))
def test_any_spaced_norwegian_number_is_valid(prefix: str, first: int, rest: list[int], gaps: list[str]) -> None:
    digits = [first, *rest]
    raw = prefix + "".join(g + str(d) for g, d in zip(gaps, digits))
    assert check_phone(raw) is None
    assert normalize_phone(raw).endswith("".join(map(str, digits)))


# --- email -------------------------------------------------------------------------------

def test_valid_emails() -> None:
    for value in ["ola.nordmann@nav.no", "a@b.co", "kari+jobb@post.example.org", None, ""]:
        assert check_email(value) is None


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("ola nordmann@nav.no", "email.spaces"), ("ola@nav.no\n", "email.spaces"), ("ola.nav.no", "email.at"),
        ("ola@@nav.no", "email.at"), ("@nav.no", "email.local"), ("ola@nav", "email.domain"),
        ("ola@nav.", "email.domain"), ("ola@.no", "email.domain"), ("a" * 250 + "@x.no", "email.length"),
    ],
)
def test_invalid_emails(raw: str, code: str) -> None:
    assert_bilingual(check_email(raw), code)


# --- numbers -------------------------------------------------------------------------------

def test_percent_and_days_accept_their_whole_range() -> None:
    for v in [0, 50, 62.5, 100, Decimal("20"), None]:
        assert check_percent(v) is None
    for v in [0, 2.5, 7, None]:
        assert check_days_per_week(v) is None


def test_percent_and_days_outside_range() -> None:
    msg = assert_bilingual(check_percent(120.5), "percent.range")
    assert "120,5" in msg.nb and "120.5" in msg.en and "100" in msg.nb
    for v in [-1, 101, math.inf, math.nan, Decimal("NaN")]:
        assert_bilingual(check_percent(v), "percent.range")
    assert_bilingual(check_days_per_week(8), "days.range")
    assert_bilingual(check_days_per_week(-0.5), "days.range")


def test_non_numbers_are_reported_not_raised() -> None:
    for v in ["50", True, [50], object()]:
        assert_bilingual(check_percent(v), "number.type")
        assert_bilingual(check_days_per_week(v), "number.type")


@given(st.one_of(st.none(), st.integers(), st.floats(), st.decimals(), st.fractions()))
def test_percent_is_fine_exactly_inside_0_to_100(value: object) -> None:
    result = check_percent(value)
    inside = value is not None and not (isinstance(value, Decimal) and value.is_nan()) and 0 <= value <= 100
    assert (result is None) == (value is None or inside)


# --- date ranges ---------------------------------------------------------------------------

def test_date_range_examples() -> None:
    start = dt.date(2024, 2, 5)
    assert check_date_range(start, start) is None
    assert check_date_range(start, dt.date(2024, 2, 6)) is None
    assert check_date_range(None, start) is None and check_date_range(start, None) is None
    msg = assert_bilingual(check_date_range(start, dt.date(2024, 2, 1)), "daterange.order")
    assert "01.02.2024" in msg.nb and "05.02.2024" in msg.nb and "2024-02-01" in msg.en


def test_date_range_with_datetimes() -> None:
    nine, ten = dt.datetime(2024, 2, 5, 9, 0), dt.datetime(2024, 2, 5, 10, 0)
    assert check_date_range(nine, ten) is None
    msg = assert_bilingual(check_date_range(ten, nine), "daterange.order")
    assert "kl. 09:00" in msg.nb
    # A plain date has no time of day, so it is compared with a datetime by day.
    assert check_date_range(dt.date(2024, 2, 5), nine) is None
    assert check_date_range(ten, dt.date(2024, 2, 5)) is None
    assert_bilingual(check_date_range(ten, dt.date(2024, 2, 4)), "daterange.order")


def test_date_range_reports_uncomparable_values() -> None:
    aware = dt.datetime(2024, 2, 5, 9, tzinfo=dt.UTC)
    assert_bilingual(check_date_range(aware, dt.datetime(2024, 2, 5, 10)), "daterange.tz")
    assert_bilingual(check_date_range("2024-01-01", dt.date(2024, 1, 2)), "daterange.type")


@given(st.dates(), st.dates())
def test_date_range_passes_exactly_when_end_is_not_before_start(a: dt.date, b: dt.date) -> None:
    assert (check_date_range(a, b) is None) == (a <= b)
    # Of the two orders at least one is fine, and both only when the dates are equal.
    assert (check_date_range(a, b) is None or check_date_range(b, a) is None)
    assert check_date_range(a, a) is None


@given(st.datetimes(), st.datetimes())
def test_datetime_range_property(a: dt.datetime, b: dt.datetime) -> None:
    assert (check_date_range(a, b) is None) == (a <= b)


# --- text and required ---------------------------------------------------------------------

def test_text_limits() -> None:
    assert (TEXT_LIMIT, NOTE_LIMIT, NAME_LIMIT) == (1000, 4000, 200)
    assert check_text(None) is None
    assert check_text("x" * TEXT_LIMIT) is None
    msg = assert_bilingual(check_text("x" * (TEXT_LIMIT + 1)), "text.length")
    assert "1001" in msg.nb and "1000" in msg.nb and "1001" in msg.en and "1000" in msg.en
    assert check_text("x" * NOTE_LIMIT, limit=NOTE_LIMIT) is None
    assert_bilingual(check_text("x" * (NAME_LIMIT + 1), limit=NAME_LIMIT), "text.length")
    assert_bilingual(check_text(42), "value.type")


@given(st.text(max_size=30), st.integers(0, 30))
def test_text_check_matches_length(value: str, limit: int) -> None:
    assert (check_text(value, limit=limit) is None) == (len(value) <= limit)


def test_required() -> None:
    for missing in [None, "", "   ", "\n\t", [], ()]:
        assert_bilingual(check_required(missing), "required")
    for present in ["x", " x ", 0, False, dt.date(2024, 1, 1), ["a"]]:
        assert check_required(present) is None


# --- collecting errors ---------------------------------------------------------------------

def test_collect_drops_passing_checks_and_raise_if_carries_the_rest() -> None:
    errors = collect(
        ("first_name", check_required("")),
        ("phone", check_phone("91234567")),
        ("percent", check_percent(150)),
    )
    assert [e.field for e in errors] == ["first_name", "percent"]
    assert all(isinstance(e, FieldError) for e in errors)
    with pytest.raises(ValidationFailed) as info:
        raise_if(errors)
    assert info.value.fields == ("first_name", "percent")
    assert str(info.value).startswith("first_name: Dette feltet må fylles ut.; percent: ")
    raise_if([])  # nothing to report: must not raise
    raise_if(collect(("email", check_email("ola@nav.no"))))


# --- robustness ----------------------------------------------------------------------------

@given(st.text())
def test_field_checks_never_raise_on_text(value: str) -> None:
    for check in (check_phone, check_email, check_text, check_required):
        result = check(value)
        assert result is None or (result.nb and result.en and result.code)
    assert isinstance(normalize_phone(value), str)


ANYTHING = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.decimals(), st.text(), st.binary(),
    st.lists(st.integers()), st.dates(), st.datetimes(timezones=st.one_of(st.none(), st.timezones())),
)


@given(ANYTHING, ANYTHING)
def test_checks_never_raise_on_values_of_the_wrong_type(a: object, b: object) -> None:
    for result in (
        check_percent(a), check_days_per_week(a), check_required(a), check_text(a),
        check_phone(a), check_email(a), check_date_range(a, b),
    ):
        assert result is None or isinstance(result, Message)
