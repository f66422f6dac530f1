"""Consistency of a job's terms (percentage, days per week, working hours): warnings, never a block.

A job specialist types the hours as free text ("Mandag, onsdag og fredag kl. 07–13"); when the percentage
says something else than the hours and days, one of them is probably a typo that the employer would sign.
"""

from __future__ import annotations

import re

from fieldapp.domain.agreement_content import JobTerms
from fieldapp.domain.messages import Message

__all__ = ["FULL_TIME_HOURS", "daily_hours", "named_days", "terms_warnings"]

FULL_TIME_HOURS = 37.5  # a full-time week in Norway (arbeidsmiljøloven's normal working hours)
_TOLERANCE = 0.15  # a lunch break or a short Friday should not warn

_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_RANGE = re.compile(rf"(?<!\d){_TIME}\s*(?:-|–|—|til)\s*{_TIME}(?!\d)")
_DAYS = {
    "mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_SPAN = re.compile(r"(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|"
                   r"saturday|sunday)\s*(?:-|–|—|til|to)\s*(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|"
                   r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.IGNORECASE)


def daily_hours(text: str) -> float | None:
    """Hours in the first time range of the text ("kl. 07–13" -> 6.0, "8:30-15:00" -> 6.5), else None."""
    m = _RANGE.search(text or "")
    if not m:
        return None
    h1, m1, h2, m2 = (int(x) if x else 0 for x in m.groups())
    if h1 > 24 or h2 > 24 or m1 >= 60 or m2 >= 60:
        return None
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end <= start:
        end += 24 * 60  # a night shift, 22–06
    return (end - start) / 60


def named_days(text: str) -> int | None:
    """How many weekdays the text names ("mandag, onsdag og fredag" -> 3, "mandag–fredag" -> 5), else None."""
    lowered = (text or "").lower()
    days: set[int] = set()
    for a, b in _SPAN.findall(lowered):
        first, last = _DAYS[a], _DAYS[b]
        days.update(range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)])
    days.update(v for k, v in _DAYS.items() if re.search(rf"\b{k}\b", lowered))
    return len(days) or None


def _num(value: float, lang: str = "nb") -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(".", ",")


def terms_warnings(job: JobTerms) -> list[Message]:
    """Warnings where percentage, days per week and the hours text disagree; empty when they fit or are unset."""
    out: list[Message] = []
    pct, days = job.percentage, job.days_per_week
    named = named_days(job.hours_text)
    if days and named and named != days:
        out.append(Message("terms.days",
                           f"Arbeidstiden nevner {named} dager, men dager per uke er {days}.",
                           f"The working hours name {named} days, but days per week is {days}."))
    if not pct or pct <= 0:
        return out
    expected = FULL_TIME_HOURS * pct / 100
    week_days = days or named
    if week_days and expected / week_days > 12:
        out.append(Message("terms.long_days",
                           f"{pct} % på {week_days} dager blir {_num(expected / week_days)} timer per dag.",
                           f"{pct} % over {week_days} days makes {_num(expected / week_days, 'en')} hours a day."))
    per_day = daily_hours(job.hours_text)
    if per_day and week_days:
        weekly = per_day * week_days
        if abs(weekly - expected) > max(_TOLERANCE * expected, 1.5):
            out.append(Message(
                "terms.hours",
                f"Arbeidstiden gir omtrent {_num(weekly)} timer i uka, men {pct} % av full stilling "
                f"({_num(FULL_TIME_HOURS)} t) er {_num(expected)} timer. Sjekk stillingsprosent, dager og arbeidstid.",
                f"The working hours come to about {_num(weekly, 'en')} hours a week, but {pct} % of full time "
                f"({_num(FULL_TIME_HOURS, 'en')} h) is {_num(expected, 'en')} hours. Check the percentage, days "
                "and hours."))
    return out
