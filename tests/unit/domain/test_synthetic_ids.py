"""Tests for synthetic fødselsnummer and organisation numbers used in demo and test data."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.no import fodselsnummer, orgnr

from fieldapp.domain.synthetic_ids import individual_range, random_orgnr, synthetic_fodselsnummer
from fieldapp.domain.validation import check_fodselsnummer, check_orgnr

# Every date a fødselsnummer can encode that is not in the future.
BIRTH_DATES = st.dates(min_value=dt.date(1854, 1, 1), max_value=dt.date.today())


@given(BIRTH_DATES, st.randoms(use_true_random=False))
def test_synthetic_fodselsnummer_is_valid_and_encodes_the_birth_date(birth: dt.date, rng: random.Random) -> None:
    number = synthetic_fodselsnummer(birth, rng)
    assert len(number) == 11 and number.isascii() and number.isdigit()
    assert check_fodselsnummer(number) is None
    assert fodselsnummer.is_valid(number)
    # Month+40 is the marker of a synthetic number; the real month must come back out.
    assert int(number[2:4]) == birth.month + 40
    assert fodselsnummer.get_birth_date(number) == birth


@given(BIRTH_DATES, st.randoms(use_true_random=False))
def test_synthetic_fodselsnummer_individual_digits_match_the_century(birth: dt.date, rng: random.Random) -> None:
    low, high = individual_range(birth.year)
    assert low <= int(synthetic_fodselsnummer(birth, rng)[6:9]) <= high


@given(st.randoms(use_true_random=False))
def test_random_orgnr_is_valid_and_starts_with_8_or_9(rng: random.Random) -> None:
    number = random_orgnr(rng)
    assert len(number) == 9 and number.isdigit()
    assert number[0] in "89"
    assert check_orgnr(number) is None
    assert check_orgnr(number, label="virksomhetsnummer") is None
    assert orgnr.is_valid(number)


def test_same_seed_gives_same_numbers() -> None:
    birth = dt.date(1985, 6, 30)
    first = [synthetic_fodselsnummer(birth, random.Random(7)), random_orgnr(random.Random(7))]
    again = [synthetic_fodselsnummer(birth, random.Random(7)), random_orgnr(random.Random(7))]
    assert first == again


def test_many_numbers_for_one_date_differ() -> None:
    rng = random.Random(3)
    numbers = {synthetic_fodselsnummer(dt.date(2001, 1, 1), rng) for _ in range(50)}
    # 500 individual numbers are available; 50 draws should almost never collide much.
    assert len(numbers) > 40


@pytest.mark.parametrize(
    ("year", "expected"),
    [(1854, (500, 749)), (1899, (500, 749)), (1900, (0, 499)), (1999, (0, 499)), (2000, (500, 999)), (2039, (500, 999))],
)
def test_individual_range_per_century(year: int, expected: tuple[int, int]) -> None:
    assert individual_range(year) == expected


@pytest.mark.parametrize("year", [1853, 2040, 1])
def test_years_a_fodselsnummer_cannot_encode_are_refused(year: int) -> None:
    with pytest.raises(ValueError, match=str(year)):
        synthetic_fodselsnummer(dt.date(year, 1, 1), random.Random(0))


def test_random_orgnr_retries_when_the_check_digit_would_be_10() -> None:
    weights = (3, 2, 7, 6, 5, 4, 3, 2)

    def check(body: str) -> int:
        return (11 - sum(w * int(d) for w, d in zip(weights, body))) % 11

    bad = next(b for b in (f"8{i:07d}" for i in range(1000)) if check(b) == 10)
    good = next(b for b in (f"9{i:07d}" for i in range(1000)) if check(b) != 10)

    class Scripted(random.Random):
        """Hands out the digits of `bad` and then `good`, whatever range is asked for."""

        def __init__(self, digits: str) -> None:
            super().__init__(0)
            self.digits = iter(digits)

        def choice(self, seq):
            return int(next(self.digits))

        def randrange(self, *args):
            return int(next(self.digits))

    number = random_orgnr(Scripted(bad + good))
    assert number == good + str(check(good))
    assert orgnr.is_valid(number)
