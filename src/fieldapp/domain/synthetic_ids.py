"""Synthetic identity and organisation numbers for demo and test data only, never for real people."""

from __future__ import annotations

import datetime as dt
import random

from stdnum.no import fodselsnummer as _fnr

__all__ = ["individual_range", "random_orgnr", "synthetic_fodselsnummer"]

_ORGNR_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def individual_range(year: int) -> tuple[int, int]:
    """Inclusive range of individual numbers (digits 7–9) that encodes the century of `year`.

    Follows the rules stdnum (and Skatteetaten) use to recover the century, so the birth
    date read back from the number is the one we put in. 1940–1999 may also use 900–999,
    but one range per century is enough for demo data.
    """
    if 1854 <= year <= 1899:
        return 500, 749
    if 1900 <= year <= 1999:
        return 0, 499
    if 2000 <= year <= 2039:
        return 500, 999
    raise ValueError(f"a fødselsnummer cannot encode the birth year {year}")


def synthetic_fodselsnummer(birth_date: dt.date, rng: random.Random) -> str:
    """A valid 11-digit test number for `birth_date`, with 40 added to the month as NAV's test data does.

    The +40 month marks the number as synthetic, so it can never be a real person's
    fødselsnummer. Raises ValueError for a birth year outside 1854–2039.
    """
    low, high = individual_range(birth_date.year)
    prefix = f"{birth_date.day:02d}{birth_date.month + 40:02d}{birth_date.year % 100:02d}"
    # Walking a shuffled list of every individual number (instead of drawing with
    # replacement) guarantees the loop ends; about 1 in 6 gives a check digit of 10.
    for individual in rng.sample(range(low, high + 1), high - low + 1):
        body = f"{prefix}{individual:03d}"
        k1 = _fnr.calc_check_digit1(body)
        if len(k1) != 1:
            continue
        k2 = _fnr.calc_check_digit2(body + k1)
        if len(k2) != 1:
            continue
        return body + k1 + k2
    raise ValueError(f"no valid synthetic fødselsnummer exists for {birth_date.isoformat()}")


def random_orgnr(rng: random.Random) -> str:
    """A valid 9-digit organisation number starting with 8 or 9, as real ones do.

    It passes the mod-11 check but may happen to belong to a real organisation, so use
    it only for clearly fictitious demo employers.
    """
    while True:
        body = str(rng.choice((8, 9))) + "".join(str(rng.randrange(10)) for _ in range(7))
        check = (11 - sum(w * int(d) for w, d in zip(_ORGNR_WEIGHTS, body))) % 11
        # A remainder giving 10 has no single check digit; such numbers are never issued.
        if check != 10:
            return body + str(check)
