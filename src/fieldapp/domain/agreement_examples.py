"""Invented, complete agreement content for tests, demos and previews (no real people or organisations)."""

from datetime import date

from fieldapp.domain.agreement_content import (
    Accommodation, AgreementContent, Duration, FollowUp, Goal, JobTerms, Parties, PartySnapshot,
    default_responsibilities, privacy_text,
)

_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def orgnr_check_digit(prefix: str) -> int | None:
    """Mod-11 check digit for an 8-digit organisation number prefix; None when no valid digit exists."""
    if len(prefix) != 8 or not prefix.isascii() or not prefix.isdigit():
        raise ValueError(f"need 8 digits: {prefix!r}")
    digit = (11 - sum(w * int(d) for w, d in zip(_WEIGHTS, prefix)) % 11) % 11
    return None if digit == 10 else digit


_PREFIX = "98765432"  # invented
EXAMPLE_ORGNR = _PREFIX + str(orgnr_check_digit(_PREFIX))


def complete_example_content(lang: str = "nb", agreement_type: str = "toa") -> AgreementContent:
    """A TOA (or jobbstøtteplan) with every required field filled, running 2026-03-02 to 2026-08-31."""
    en = lang == "en"
    parties = Parties(
        participant=PartySnapshot("participant", "Kari Fjellheim Nordvik", phone="912 34 567",
                                  email="kari.nordvik@example.no", birth_date=date(1991, 4, 17)),
        employer=PartySnapshot("employer", "Bakeriet i Solbakken AS", organisation="Bakeriet i Solbakken AS",
                               orgnr=EXAMPLE_ORGNR, phone="22 33 44 55", address="Solbakkveien 12, 0000 Eksempelby"),
        employer_contact=PartySnapshot("employer_contact", "Ola Bergstrøm", organisation="Bakeriet i Solbakken AS",
                                       phone="987 65 432", email="ola@bakeriet.example.no",
                                       title="Nearest manager" if en else "Nærmeste leder"),
        job_specialist=PartySnapshot("job_specialist", "Åse Lyngvær", organisation="Jobbstøtte Eksempel",
                                     phone="+47 400 00 001", title="Job specialist" if en else "Jobbspesialist"),
        nav_contact=PartySnapshot("nav", "Per Ødegård", organisation="NAV Eksempelby", phone="55 55 33 33")
        if agreement_type == "toa" else None,
    )
    job = JobTerms(
        title="Baker's assistant" if en else "Bakerassistent",
        tasks="Baking, packing and the counter" if en else "Baking, pakking og disk",
        percentage=60, days_per_week=3,
        hours_text="Monday, Wednesday, Friday 07:00–14:30" if en else "Mandag, onsdag og fredag kl. 07.00–14.30",
        employment_form="permanent", start=date(2026, 3, 2),
    )
    goals = (
        Goal("Work tasks" if en else "Arbeidsoppgaver", "Master the morning routine on her own" if en else "Mestre morgenrutinene på egen hånd",
             "Manager confirms at the evaluation" if en else "Leder bekrefter ved evalueringen"),
        Goal("Working hours" if en else "Arbeidstid", "Increase to 80 % by August" if en else "Øke til 80 % innen august",
             "Hours in the roster" if en else "Timer i vaktlista"),
    )
    duration = Duration(start=date(2026, 3, 2), end=date(2026, 8, 31), may_extend=True,
                        extension_consideration="At the evaluation meeting" if en else "På evalueringsmøtet",
                        extension_consider_by=date(2026, 8, 1), evaluation_date=date(2026, 6, 1))
    follow_ups: tuple[FollowUp, ...] = (
        FollowUp("job_specialist", "Åse Lyngvær",
                 "Support at work and with the manager" if en else "Støtte på jobben og i samarbeid med leder",
                 "weekly", form="in_person", from_date=date(2026, 3, 2), to_date=date(2026, 3, 31)),
        FollowUp("job_specialist", "Åse Lyngvær",
                 "Routine follow-up" if en else "Rutinemessig oppfølging", "monthly", form="phone",
                 from_date=date(2026, 4, 1), to_date=date(2026, 8, 31)),
    )
    if agreement_type == "toa":
        follow_ups += (FollowUp("nav", "Per Ødegård",
                                "Follow up the wage subsidy and its deadlines" if en
                                else "Følge opp lønnstilskuddet og fristene", "quarterly", form="video",
                                from_date=date(2026, 3, 2), to_date=date(2026, 8, 31)),)
    accommodations = (
        Accommodation("working_hours", "Start at 07 instead of 05" if en else "Starter kl. 07 i stedet for kl. 05",
                      "Ola Bergstrøm", date(2026, 3, 2), date(2026, 8, 31)),
        Accommodation("social_buddy", "A fixed colleague as buddy" if en else "Fast kollega som fadder",
                      "Ola Bergstrøm", date(2026, 3, 2), date(2026, 5, 31)),
    )
    return AgreementContent(
        agreement_type=agreement_type, parties=parties, job=job, goals=goals, duration=duration,
        follow_ups=follow_ups, accommodations=accommodations,
        responsibilities=default_responsibilities(lang), privacy_text=privacy_text(lang),
    )
