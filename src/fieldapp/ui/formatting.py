"""Dates, times, numbers and counts as written in the UI's language, independent of the system locale."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from fieldapp.domain.masking import masked_fodselsnummer
from fieldapp.ui.i18n import current_language, translate

_WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def weekday(d: date) -> str:
    return _WEEKDAYS[current_language()][d.weekday()]


def fmt_date(d: date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


def fmt_time(t: datetime | None) -> str:
    # Bokmål writes clock times with a full stop (kl. 09.30); English with a colon.
    if not t:
        return ""
    return t.strftime("%H.%M") if current_language() == "nb" else t.strftime("%H:%M")


def fmt_datetime(t: datetime | None) -> str:
    if not t:
        return ""
    if current_language() == "nb":
        return f"{weekday(t)[:3]}. {fmt_date(t)} kl. {fmt_time(t)}"
    return f"{weekday(t)[:3]} {fmt_date(t)} {fmt_time(t)}"


def fmt_long_date(d: date) -> str:
    """For headings: "mandag 23. november 2026" / "Monday 23 November 2026", the language's own way."""
    if current_language() == "nb":
        return QLocale(QLocale.Language.NorwegianBokmal).toString(QDate(d.year, d.month, d.day), "dddd d. MMMM yyyy")
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom).toString(
        QDate(d.year, d.month, d.day), "dddd d MMMM yyyy")


def sentence_start(text: str) -> str:
    """The first letter a capital, the rest untouched ("Thursday 3 December", not str.capitalize's "december")."""
    return text[:1].upper() + text[1:]


def fmt_time_span(start: datetime, end: datetime | None) -> str:
    return f"{fmt_time(start)}–{fmt_time(end)}" if end else fmt_time(start)


def fmt_fodselsnummer(value: str | None, *, reveal: bool = False) -> str:
    """Masked on screen (170590 *****), so a screen seen over a shoulder at a workplace shows only the birth
    date; `reveal=True` (after a logged reveal) as written on Norwegian documents: 170590 12345."""
    if not value:
        return ""
    if not reveal:
        return masked_fodselsnummer(value)
    return f"{value[:6]} {value[6:]}" if len(value) == 11 and value.isdigit() else value


def fmt_phone(value: str | None) -> str:
    """Norwegian 8-digit numbers: mobiles (4/9) as 3-2-3, others in pairs."""
    if not value:
        return ""
    if len(value) == 8 and value.isdigit():
        if value[0] in "49":
            return f"{value[:3]} {value[3:5]} {value[5:]}"
        return " ".join(value[i:i + 2] for i in range(0, 8, 2))
    return value


def fmt_count(n: int) -> str:
    """Thousands separated by a non-breaking space: 20 126."""
    return f"{n:,}".replace(",", "\u00a0")


def days_overdue_text(days: int) -> str:
    if days <= 0:
        return translate("Formatting", "due today")
    return translate("Formatting", "%n day(s) overdue", None, days)
