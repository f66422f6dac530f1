"""Build agreement content from demo records, and drive it to a chosen status."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import records as r
from fieldapp.domain.consent import sensitive_areas_in
from fieldapp.demo.follow_up_texts import ACCOMMODATIONS, FOLLOW_UP_PURPOSES, GOALS

# Every demo agreement reaches the employer and no demo consent covers a sensitive area, so goals in sensitive
# mapping areas ("Helse og arbeid", "Økonomi") stay off them.
EMPLOYER_GOALS = tuple(g for g in GOALS if not sensitive_areas_in(g[0]))

STATUS_CYCLE = ("active", "concluded", "partly_signed", "ready_for_signing", "draft", "ended", "annulled", "active")


def content_for(rng: random.Random, p: r.Participant, emp: r.Employer, contact: r.EmployerContact,
                pl: r.Placement, specialist: str, start: date, end: date) -> ac.AgreementContent:
    def party(role: str, name: str, **kw: Any) -> ac.PartySnapshot:
        return ac.PartySnapshot(role=role, name=name, **kw)

    picked = rng.sample(GOALS, 2)
    # Swapped without drawing again, so the rest of the demo data comes out as before.
    spare = iter(g for g in EMPLOYER_GOALS if g not in picked)
    goals = tuple(ac.Goal(category=g[0], description=g[1], progress_indicator=g[2])
                  for g in (g if g in EMPLOYER_GOALS else next(spare) for g in picked))
    accommodations = tuple(
        ac.Accommodation(category=a[0], description=a[1], responsible=a[2], from_date=start, to_date=end,
                         nav_grant=a[3]) for a in rng.sample(ACCOMMODATIONS, rng.randint(1, 3)))
    follow_ups = (
        ac.FollowUp(actor_role="job_specialist", actor_name=specialist, purpose=rng.choice(FOLLOW_UP_PURPOSES),
                    frequency=rng.choice(("weekly", "every_other_week", "monthly")), form="in_person",
                    from_date=start, to_date=end),
        ac.FollowUp(actor_role="nav", actor_name=p.nav_contact_name or "NAV-veileder",
                    purpose=rng.choice(FOLLOW_UP_PURPOSES), frequency="quarterly", form="phone",
                    from_date=start, to_date=end),
    )
    return ac.AgreementContent(
        agreement_type="toa",
        parties=ac.Parties(
            participant=party("participant", p.full_name, phone=p.phone or "", email=p.email or ""),
            employer=party("employer", emp.name, organisation=emp.name, orgnr=emp.orgnr or "", phone=emp.phone or ""),
            employer_contact=party("employer_contact", contact.name, organisation=emp.name, phone=contact.phone or "",
                                   title="Nærmeste leder"),
            job_specialist=party("job_specialist", specialist, organisation="Jobbspesialisttjenesten", title="Jobbspesialist"),
            nav_contact=party("nav", p.nav_contact_name or "NAV-veileder", organisation=p.nav_office or "NAV",
                              phone=p.nav_contact_phone or ""),
        ),
        job=ac.JobTerms(title=pl.job_title, tasks=pl.tasks or "", percentage=pl.percentage,
                        days_per_week=pl.days_per_week, hours_text=pl.working_hours or "",
                        employment_form=pl.employment_form, start=pl.start_date),
        goals=goals,
        duration=ac.Duration(start=start, end=end, may_extend=True,
                             extension_consideration="Vurderes på evalueringsmøtet.",
                             evaluation_date=start + (end - start) // 2),
        follow_ups=follow_ups, accommodations=accommodations,
        responsibilities=ac.default_responsibilities(), privacy_text=ac.privacy_text(),
    )


def dates_for(status: str, today: date, rng: random.Random) -> tuple[date, date]:
    if status == "ended":
        end = today - timedelta(days=rng.randint(5, 90))
        return end - timedelta(days=180), end
    if status == "concluded":
        start = today + timedelta(days=rng.randint(3, 30))
        return start, start + timedelta(days=180)
    start = today - timedelta(days=rng.randint(0, 120))
    return start, start + timedelta(days=rng.choice((180, 270, 365)))


def signing_plan(status: str) -> tuple[str, ...]:
    """Which roles sign, in order, to reach `status` (the job specialist signs last)."""
    if status in ("active", "concluded", "ended"):
        return ("employee", "employer", "nav", "job_specialist")
    if status == "partly_signed":
        return ("employee", "employer")
    return ()


def signed_time(start: date, step: int) -> datetime:
    return datetime.combine(start - timedelta(days=7), datetime.min.time(), tzinfo=UTC) + timedelta(minutes=5 * step)
