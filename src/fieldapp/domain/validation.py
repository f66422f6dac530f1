"""Field checks that return a bilingual Message naming the problem, or None when the value is fine."""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from decimal import Decimal
from typing import Any

from stdnum.exceptions import ValidationError as _StdnumError
from stdnum.no import fodselsnummer as _fnr
from stdnum.no import orgnr as _orgnr

from fieldapp.domain.messages import FieldError, Message, ValidationFailed

TEXT_LIMIT = 1000
NOTE_LIMIT = 4000
NAME_LIMIT = 200
EMAIL_LIMIT = 254  # RFC 5321 path limit; longer addresses cannot be delivered anyway

# str.isdigit() also accepts e.g. "²" and Arabic-Indic digits, which int() or stdnum would choke on.
_ASCII_DIGITS = re.compile(r"[0-9]+")
_SEPARATORS = frozenset(".-")


def _m(code: str, nb: str, en: str) -> Message:
    return Message(code, nb, en)


def _is_digits(s: str) -> bool:
    return _ASCII_DIGITS.fullmatch(s) is not None


def _nb_date(d: dt.date) -> str:
    if isinstance(d, dt.datetime):
        return d.strftime("%d.%m.%Y kl. %H:%M")
    return d.strftime("%d.%m.%Y")


def _en_date(d: dt.date) -> str:
    return d.strftime("%Y-%m-%d %H:%M") if isinstance(d, dt.datetime) else d.isoformat()


def _num(v: Any, lang: str) -> str:
    s = f"{v:g}" if isinstance(v, float) else str(v)
    return s.replace(".", ",") if lang == "nb" else s


def normalize_digits(value: str) -> str:
    """Remove the spaces, dots and hyphens people type into identity and organisation numbers."""
    return "".join(ch for ch in value if not ch.isspace() and ch not in _SEPARATORS)


def check_fodselsnummer(value: str | None, *, today: dt.date | None = None) -> Message | None:
    """Check a fødselsnummer, D-nummer or synthetic test number (month+40 or month+80).

    An empty value is not an error here: whether the field is required is check_required's job.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    digits = normalize_digits(value) if isinstance(value, str) else ""
    if not isinstance(value, str) or (digits and not _is_digits(digits)):
        return _m("fnr.format",
                  "Fødselsnummeret kan bare inneholde sifre (mellomrom, punktum og bindestrek er lov).",
                  "The national identity number may only contain digits (spaces, dots and hyphens are allowed).")
    if len(digits) != 11:
        return _m("fnr.length", f"Fødselsnummeret må ha 11 sifre (fikk {len(digits)}).",
                  f"The national identity number must have 11 digits (got {len(digits)}).")
    # stdnum returns "10" for an impossible check digit, which never equals one character.
    if (digits[9] != _fnr.calc_check_digit1(digits[:9])
            or digits[10] != _fnr.calc_check_digit2(digits[:10])):
        return _m("fnr.checksum",
                  "Kontrollsifrene i fødselsnummeret stemmer ikke. Sjekk at alle sifrene er riktige.",
                  "The check digits of the national identity number do not match. Check every digit.")
    month = int(digits[2:4])
    # NAV's Tenor test data adds 80 to the month; stdnum only knows the older +40 convention.
    dated = digits[:2] + f"{month - 80:02d}" + digits[4:] if month > 80 else digits
    try:
        born = _fnr.get_birth_date(dated)
    except _StdnumError:
        return _m("fnr.date",
                  "Fødselsnummeret inneholder ikke en mulig fødselsdato (dag, måned eller århundre stemmer ikke).",
                  "The national identity number does not hold a possible birth date (day, month or century is wrong).")
    if born > (today or dt.date.today()):
        return _m("fnr.future", f"Fødselsdatoen i nummeret ({_nb_date(born)}) ligger i framtiden.",
                  f"The birth date in the number ({_en_date(born)}) is in the future.")
    return None


def birth_date_of(fodselsnummer: str | None) -> dt.date | None:
    """The birth date a valid fødselsnummer holds (test numbers with +40 or +80 on the month too), else None."""
    if not fodselsnummer or check_fodselsnummer(fodselsnummer) is not None:
        return None
    digits = normalize_digits(fodselsnummer)
    month = int(digits[2:4])
    dated = digits[:2] + f"{month - 80:02d}" + digits[4:] if month > 80 else digits
    try:
        return _fnr.get_birth_date(dated)
    except _StdnumError:
        return None


_ORG_LABELS_EN = {"organisasjonsnummer": "organisation number", "virksomhetsnummer": "business unit number"}


def check_orgnr(value: str | None, *, label: str = "organisasjonsnummer") -> Message | None:
    """Check an organisasjonsnummer or (with label="virksomhetsnummer") a virksomhetsnummer; empty is fine."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    # Bokmål definite form: "nummer" -> "nummeret"; the label starts the sentence.
    nb = label + "et" if label.endswith("nummer") else label
    nb_cap = nb[:1].upper() + nb[1:]
    en = _ORG_LABELS_EN.get(label, label)
    digits = normalize_digits(value) if isinstance(value, str) else ""
    if not isinstance(value, str) or (digits and not _is_digits(digits)):
        return _m("orgnr.format", f"{nb_cap} kan bare inneholde sifre.", f"The {en} may only contain digits.")
    if len(digits) != 9:
        return _m("orgnr.length", f"{nb_cap} må ha 9 sifre (fikk {len(digits)}).",
                  f"The {en} must have 9 digits (got {len(digits)}).")
    try:
        _orgnr.validate(digits)
    except _StdnumError:
        return _m("orgnr.checksum", f"Kontrollsifferet i {nb} stemmer ikke. Sjekk at alle sifrene er riktige.",
                  f"The check digit of the {en} does not match. Check every digit.")
    # Enhetsregisteret gives out numbers beginning with 8 or 9 only; 000000000 passes the check digit all the same.
    if digits[0] not in "89":
        return _m("orgnr.first_digit", f"{nb_cap} begynner alltid med 8 eller 9 (fikk {digits[0]}).",
                  f"The {en} always begins with 8 or 9 (got {digits[0]}).")
    return None


def normalize_phone(value: str) -> str:
    """Strip spaces, dots and hyphens and write a leading 00 as +: "+47 912 34 567" -> "+4791234567"."""
    s = normalize_digits(value)
    return "+" + s[2:] if s.startswith("00") else s


def check_phone(value: str | None) -> Message | None:
    """Accept a Norwegian 8-digit number (optionally +47/0047) or an international +number of 7–15 digits."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    s = normalize_phone(value) if isinstance(value, str) else ""
    rest = s[1:] if s.startswith("+") else s
    if not isinstance(value, str) or not _is_digits(rest):
        return _m("phone.format", "Telefonnummeret kan bare inneholde sifre, mellomrom og + først.",
                  "The phone number may only contain digits, spaces and a leading +.")
    local = rest[2:] if s.startswith("+47") else (None if s.startswith("+") else rest)
    if local is not None and len(local) != 8:
        return _m("phone.length", f"Et norsk telefonnummer må ha 8 sifre (fikk {len(local)}).",
                  f"A Norwegian phone number must have 8 digits (got {len(local)}).")
    if local is None and not 7 <= len(rest) <= 15:
        return _m("phone.intl_length", f"Et utenlandsk telefonnummer må ha 7–15 sifre etter + (fikk {len(rest)}).",
                  f"An international phone number must have 7–15 digits after + (got {len(rest)}).")
    return None


def check_email(value: str | None) -> Message | None:
    """Pragmatic address check: catches typing mistakes, not every RFC 5322 corner; empty is fine."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        return _m("value.type", "Verdien må være tekst.", "The value must be text.")
    if len(value) > EMAIL_LIMIT:
        return _m("email.length", f"E-postadressen er for lang: {len(value)} tegn, maks {EMAIL_LIMIT}.",
                  f"The email address is too long: {len(value)} characters, at most {EMAIL_LIMIT}.")
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        return _m("email.spaces", "E-postadressen kan ikke inneholde mellomrom eller usynlige tegn.",
                  "The email address may not contain spaces or invisible characters.")
    if value.count("@") != 1:
        n = value.count("@")
        return _m("email.at", f"E-postadressen må ha nøyaktig én @ (fant {n}).",
                  f"The email address must contain exactly one @ (found {n}).")
    local, domain = value.split("@")
    if not local:
        return _m("email.local", "E-postadressen mangler navnet foran @.",
                  "The email address has nothing before the @.")
    if "." not in domain or not all(domain.split(".")):
        return _m("email.domain", "Domenet etter @ må være på formen navn.no, for eksempel nav.no.",
                  "The domain after the @ must look like name.no, for example nav.no.")
    return None


def _check_range(value: Any, low: int, high: int, code: str, nb: str, en: str) -> Message | None:
    if value is None:
        return None
    # bool is an int subclass, but True as "1 %" is always a mistake upstream.
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)):
        return _m("number.type", "Verdien må være et tall.", "The value must be a number.")
    try:
        fine = low <= float(value) <= high and not math.isnan(float(value))
    except (ArithmeticError, TypeError, ValueError):  # Decimal("NaN") raises on comparison
        fine = False
    if fine:
        return None
    return _m(code, f"{nb} må være mellom {low} og {high} (fikk {_num(value, 'nb')}).",
              f"{en} must be between {low} and {high} (got {_num(value, 'en')}).")


def check_percent(value: int | float | None) -> Message | None:
    """Percentage of full time, 0–100 inclusive; None means not given."""
    return _check_range(value, 0, 100, "percent.range", "Prosenten", "The percentage")


def check_days_per_week(value: int | float | None) -> Message | None:
    """Working days per week, 0–7 inclusive; None means not given."""
    return _check_range(value, 0, 7, "days.range", "Antall dager per uke", "Days per week")


def check_date_range(start: dt.date | None, end: dt.date | None) -> Message | None:
    """End may not come before start; the same day (or instant) is fine, and an open end is fine."""
    if start is None or end is None:
        return None
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return _m("daterange.type", "Start og slutt må være datoer.", "Start and end must be dates.")
    a, b = start, end
    # A datetime against a plain date is compared by day, since the date carries no time of day.
    if isinstance(a, dt.datetime) != isinstance(b, dt.datetime):
        a = a.date() if isinstance(a, dt.datetime) else a
        b = b.date() if isinstance(b, dt.datetime) else b
    try:
        backwards = b < a
    except TypeError:  # naive against timezone-aware
        return _m("daterange.tz", "Start og slutt kan ikke sammenlignes (den ene mangler tidssone).",
                  "Start and end cannot be compared (one of them lacks a time zone).")
    if not backwards:
        return None
    return _m("daterange.order", f"Slutten ({_nb_date(end)}) er før starten ({_nb_date(start)}).",
              f"The end ({_en_date(end)}) is before the start ({_en_date(start)}).")


def check_text(value: str | None, *, limit: int = TEXT_LIMIT) -> Message | None:
    """Free text up to `limit` characters; None means not given."""
    if value is None:
        return None
    if not isinstance(value, str):
        return _m("value.type", "Verdien må være tekst.", "The value must be text.")
    if len(value) <= limit:
        return None
    return _m("text.length", f"Teksten er for lang: {len(value)} tegn, maks {limit}.",
              f"The text is too long: {len(value)} characters, at most {limit}.")


def check_required(value: object) -> Message | None:
    """None, an empty or whitespace-only string and an empty collection count as missing."""
    missing = _m("required", "Dette feltet må fylles ut.", "This field is required.")
    if value is None or (isinstance(value, str) and not value.strip()):
        return missing
    if isinstance(value, str):
        return None
    try:
        return missing if len(value) == 0 else None  # type: ignore[arg-type]  # unsized values raise, caught below
    except Exception:  # noqa: BLE001 - numbers, dates and other unsized values are present when not None
        return None


def collect(*pairs: tuple[str, Message | None]) -> list[FieldError]:
    """Turn (field, check result) pairs into FieldErrors, dropping the checks that passed."""
    return [FieldError(field, msg) for field, msg in pairs if msg is not None]


def raise_if(errors: list[FieldError] | tuple[FieldError, ...]) -> None:
    """Raise ValidationFailed carrying every error, so the form can mark all fields at once."""
    if errors:
        raise ValidationFailed(errors)
