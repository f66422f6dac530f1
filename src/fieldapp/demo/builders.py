"""Build invented but realistic records: employers, participants, mapping, placements and visits."""

from __future__ import annotations

import random
import unicodedata
from datetime import UTC, date, datetime, time, timedelta

from fieldapp.domain import jobdev_records as jr
from fieldapp.domain import records as r
from fieldapp.domain import team_records as tr
from fieldapp.domain import visit_records as vr
from fieldapp.domain import vocab
from fieldapp.domain.synthetic_ids import random_orgnr, synthetic_fodselsnummer
from fieldapp.demo import content as c
from fieldapp.demo.follow_up_texts import RESPONSIBLE_ROLES, VISIT_TEXTS
from fieldapp.demo.mapping_texts import MAPPING_TEXTS


def _ascii(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isalnum() or ch in ".-")


def phone(rng: random.Random) -> str:
    return f"{rng.choice('49')}{rng.randint(0, 9_999_999):07d}"


def employer(rng: random.Random, index: int) -> tuple[r.Employer, list[r.EmployerContact]]:
    name, industry = c.EMPLOYERS[index % len(c.EMPLOYERS)]
    if index >= len(c.EMPLOYERS):
        name = f"{name.removesuffix(' AS')} avd. {index // len(c.EMPLOYERS) + 1} AS"
    postcode, city, streets = rng.choice(c.REGION_TOWNS)
    emp = r.Employer(
        name=name, orgnr=random_orgnr(rng), business_number=random_orgnr(rng),
        address=f"{rng.choice(streets)} {rng.randint(1, 120)}", postcode=postcode, city=city, industry=industry,
        phone=phone(rng), email=f"post@{_ascii(name.split(' AS')[0]).replace('.', '')[:20]}.example.no",
    )
    contacts = []
    for role in ("nearest_manager",) + tuple(rng.sample(("hr", "buddy"), rng.randint(0, 2))):
        first, last = rng.choice(c.FIRST_NAMES), rng.choice(c.LAST_NAMES)
        contacts.append(r.EmployerContact(employer_id="", name=f"{first} {last}", role=role, phone=phone(rng),
                                          email=f"{_ascii(first)}.{_ascii(last)}@example.no"))
    return emp, contacts


def participant(rng: random.Random, today: date) -> r.Participant:
    first, last = rng.choice(c.FIRST_NAMES), rng.choice(c.LAST_NAMES)
    born = date(rng.randint(1965, 2004), rng.randint(1, 12), rng.randint(1, 28))
    start = today - timedelta(days=rng.randint(14, 700))
    status = rng.choices(("active", "in_work", "ended"), weights=(45, 45, 10))[0]
    return r.Participant(
        first_name=first, last_name=last, fodselsnummer=synthetic_fodselsnummer(born, rng), phone=phone(rng),
        email=f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@example.no",
        preferred_language=rng.choices(("norsk", "engelsk", "somali", "polsk", "arabisk"), weights=(85, 5, 4, 3, 3))[0],
        method=rng.choices(("ips", "se", "other"), weights=(60, 35, 5))[0], referred_by=rng.choice(c.REFERRERS),
        follow_up_start=start, status=status,
        # Ended half-way to today: no draw from rng, so the rest of the demo data stays as it was.
        follow_up_end=start + (today - start) // 2 if status == "ended" else None,
        status_reason=rng.choice(c.CANCEL_REASONS) if status == "ended" else None,
        nav_contact_name=f"{rng.choice(c.FIRST_NAMES)} {rng.choice(c.LAST_NAMES)}",
        nav_contact_phone=f"33{rng.randint(0, 999_999):06d}", nav_office=rng.choice(c.REGION_NAV_OFFICES),
    )


def actors_and_consents(rng: random.Random, p: r.Participant) -> list[r.RecordBase]:
    out: list[r.RecordBase] = []
    for role, org in rng.sample(c.ACTOR_ROLES, rng.randint(1, 2)):
        out.append(r.CooperatingActor(
            participant_id=p.id, role=role, name=f"{rng.choice(c.FIRST_NAMES)} {rng.choice(c.LAST_NAMES)}",
            organisation=org or None, phone=phone(rng), consent_to_contact=True, consent_date=p.follow_up_start))
    for recipient in rng.sample(("employer", "nav", "behandler"), rng.randint(1, 3)):
        scope = {"employer": "At jeg får oppfølging fra jobbspesialist, og behov for tilrettelegging. Ikke diagnose.",
                 "nav": "Status i oppfølgingen, arbeidstid og behov for virkemidler.",
                 "behandler": "Hvordan arbeidet går, og endringer som kan påvirke helsen."}[recipient]
        out.append(r.Consent(participant_id=p.id, recipient=recipient, scope=scope, given=rng.random() > 0.1,
                             decided_on=p.follow_up_start or date.today()))
    return out


def mapping(rng: random.Random, p: r.Participant) -> tuple[r.Mapping, list[r.MappingArea]]:
    m = r.Mapping(participant_id=p.id, mapped_on=(p.follow_up_start or date.today()) + timedelta(days=rng.randint(3, 30)))
    areas = []
    # Typically about half the areas are worked through in the first mapping.
    for code, _nb, _en, sensitive in vocab.MAPPING_AREAS:
        if rng.random() < 0.5:
            continue
        status, description, action = rng.choice(MAPPING_TEXTS[code])
        areas.append(r.MappingArea(
            mapping_id="", area=code, status=status, description=description, action=action or None,
            responsible=rng.choice(RESPONSIBLE_ROLES) if action else None,
            deadline=m.mapped_on + timedelta(days=rng.randint(7, 60)) if action else None, sensitive=sensitive))
    return m, areas


def placement(rng: random.Random, p: r.Participant, emp: r.Employer, contact: r.EmployerContact,
              today: date) -> r.Placement:
    jobs = [j for j in c.JOBS if j[2] == emp.industry] or list(c.JOBS)
    title, tasks, _ = rng.choice(jobs)
    start = (p.follow_up_start or today) + timedelta(days=rng.randint(20, 120))
    status = "planned" if start > today else rng.choices(("active", "ended"), weights=(85, 15))[0]
    end = today - timedelta(days=rng.randint(1, 60)) if status == "ended" and start < today - timedelta(days=61) else None
    if status == "ended" and end is None:
        status = "active"
    terms = rng.choice(c.JOB_TERMS)
    return r.Placement(
        participant_id=p.id, employer_id=emp.id, contact_id=contact.id, job_title=title, tasks=tasks,
        percentage=terms[0], working_hours=terms[2], days_per_week=terms[1], employment_form=rng.choice(
            ("permanent", "temporary", "temporary", "work_practice", "on_call")),
        ordinary_wage=rng.random() > 0.15, start_date=start, end_date=end, status=status,
        end_reason=rng.choice(c.END_REASONS) if status == "ended" else None)


def visit_kind(start: date | None, day: date) -> str:
    """The visit type fitting the day's place in the job: before start, first week, first month, then routine."""
    if start is None:
        return "routine"
    if day < start:
        return "before_start"
    return "first_week" if day <= start + timedelta(days=7) else "first_month" if day <= start + timedelta(days=28) \
        else "routine"


def visit_days(rng: random.Random, start: date, until: date, count: int) -> list[date]:
    """Visit dates following the IPS cadence: before start, first week, weekly, then monthly."""
    days = [start - timedelta(days=rng.randint(2, 6)), start + timedelta(days=rng.randint(1, 3))]
    d = days[-1]
    while len(days) < count:
        d += timedelta(days=7 if d < start + timedelta(days=30) else rng.randint(21, 35))
        if d > until:
            break
        days.append(d)
    return [d for d in days if d <= until][:count]


def workplace(emp: r.Employer) -> str:
    """Where a visit at the workplace takes place: the employer's address."""
    return f"{emp.name}, {emp.address}, {emp.postcode} {emp.city}"


def visit(rng: random.Random, p: r.Participant, pl: r.Placement | None, day: date, kind: str,
          finished: bool, *, emp: r.Employer | None = None) -> vr.Visit:
    starts = datetime.combine(day, time(rng.choice((8, 9, 10, 12, 13, 14)), rng.choice((0, 15, 30))), tzinfo=UTC)
    t = VISIT_TEXTS
    ends_at = starts + timedelta(minutes=rng.choice((30, 45, 60, 75)))
    if pl is not None:
        channel = rng.choices(("on_site", "phone", "video", "elsewhere"), weights=(70, 15, 5, 10))[0]
        place = {"on_site": workplace(emp) if emp else pl.job_title, "phone": "Telefon", "video": "Video"}.get(
            channel, rng.choice(c.PRE_JOB_PLACES))
    else:
        # Before a job the meetings are out in town, at home or at the office; now and then by phone.
        channel = rng.choices(("elsewhere", "phone"), weights=(85, 15))[0]
        place = "Telefon" if channel == "phone" else rng.choice((*c.PRE_JOB_PLACES, p.nav_office or "NAV-kontoret"))
    return vr.Visit(
        participant_id=p.id, placement_id=pl.id if pl else None, starts_at=starts, ends_at=ends_at,
        channel=channel, place=place, visit_type=kind,
        topics=tuple(rng.sample([tp.code for tp in vocab.VISIT_TOPICS], rng.randint(2, 5))),
        employee_view=rng.choice(t["employee_view"]), employer_view=rng.choice(t["employer_view"]) if pl else None,
        works_well=rng.choice(t["works_well"]), challenges=rng.choice(t["challenges"]),
        summary=rng.choice(t["summary"]), internal_notes=rng.choice(t["internal_notes"]) if rng.random() < 0.4 else None,
        finished_at=starts + timedelta(hours=2) if finished else None)


def specialists() -> list[tr.Specialist]:
    return [tr.Specialist(name=name) for name in c.SPECIALISTS]


def referral(p: r.Participant, extra: random.Random) -> date | None:
    """The referral came a few days to three weeks before follow-up started."""
    return p.follow_up_start - timedelta(days=extra.randint(3, 21)) if p.follow_up_start else None


def phase(p: r.Participant, pl: r.Placement | None, today: date) -> str:
    """NAV's phase fitting the participant: ended, keeping a job (Fase 3), or looking for one (Fase 1 for the
    first weeks after referral, then Fase 2)."""
    if p.status == "ended":
        return "ended"
    if pl is not None and pl.status in ("active", "planned"):
        return "phase3"
    since = p.referred_on or p.follow_up_start or today
    return "phase1" if (today - since).days < 45 else "phase2"


def pre_job_visit_days(extra: random.Random, start: date, today: date, count: int, *, overdue: bool) -> list[date]:
    """Meetings every one to two weeks from the start of follow-up; the latest within the pre-job interval
    (14 days), or 16–40 days ago for the few who are overdue."""
    last = max(start, today - timedelta(days=extra.randint(16, 40) if overdue else extra.randint(1, 11)))
    last = min(last, today - timedelta(days=1))  # held: not later today
    days = [last]
    d = last - timedelta(days=extra.randint(7, 14))
    while d >= start and len(days) < count:
        days.append(d)
        d -= timedelta(days=extra.randint(7, 14))
    return sorted(days)


def outreach(extra: random.Random, emp: r.Employer, contact_person: str, day: date, kind: str,
             today: date) -> jr.EmployerOutreach:
    next_date = day + timedelta(days=extra.randint(3, 14))
    return jr.EmployerOutreach(
        employer_id=emp.id, contact_date=day, kind=kind, contact_person=contact_person,
        asked_for=extra.choice(c.OUTREACH_ASKED), outcome=extra.choice(c.OUTREACH_OUTCOMES),
        next_step=extra.choice(c.OUTREACH_NEXT) if next_date >= today - timedelta(days=3) else None,
        next_step_date=next_date if next_date >= today - timedelta(days=3) else None)


def lead(extra: random.Random, p: r.Participant, emp: r.Employer, status: str, found: date,
         outreach_id: str | None = None, pl: r.Placement | None = None) -> jr.JobLead:
    """A job lead moved as far as `status`, a few days between each step; a hired one names its placement."""
    jobs = [j for j in c.JOBS if j[2] == emp.industry] or list(c.JOBS)
    if pl is not None:
        jobs = [(pl.job_title, "", emp.industry or "")]
    applied = found + timedelta(days=extra.randint(1, 6)) if status != "lead" else None
    interview = (applied or found) + timedelta(days=extra.randint(4, 10)) if status in ("interview", "hired") else None
    decided = (interview or applied or found) + timedelta(days=extra.randint(3, 12)) \
        if status in ("hired", "closed") else None
    return jr.JobLead(participant_id=p.id, employer_id=emp.id, job_title=extra.choice(jobs)[0], status=status,
                      found_on=found, applied_on=applied, interview_on=interview, decided_on=decided,
                      outreach_id=outreach_id, placement_id=pl.id if pl else None,
                      notes=None if pl else extra.choice(c.CLOSED_LEAD_NOTES if status == "closed" else c.LEAD_NOTES))
