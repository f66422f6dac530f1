"""`fieldapp demo`: fill a data folder with invented demo data (no real people)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Protocol, TypeVar

from fieldapp.demo import agreement_rows
from fieldapp.demo import agreements as demo_agreements
from fieldapp.demo import builders as b
from fieldapp.demo import cooperation as demo_cooperation
from fieldapp.demo import content as c
from fieldapp.demo.follow_up_texts import ACTIONS
from fieldapp.demo.bulk import Pending
from fieldapp.domain import jobdev_records as jr
from fieldapp.domain import records as r
from fieldapp.domain import team_records as tr
from fieldapp.domain import visit_records as vr
from fieldapp.domain.records import RecordBase
from fieldapp.services.search import INDEX_STEP, index_visits
from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreements as agreement_store
from fieldapp.storage import records_bulk, repository
from fieldapp.storage.base import new_id

CONFIRMATION = "Jeg har lest avtalen og er enig i innholdet."
BATCH = 1000


R = TypeVar("R", bound=RecordBase)


class _Add(Protocol):
    """Stores a new record and returns it as stored, of the same type."""

    def __call__(self, rec: R, /) -> R: ...

@dataclass
class DemoSummary:
    participants: int = 0
    employers: int = 0
    placements: int = 0
    visits: int = 0
    agreements: int = 0
    specialists: int = 0
    employer_contacts: int = 0
    leads: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


def generate(ws: Workspace, *, participants: int = 30, seed: int = 2026, today: date | None = None,
             visits_per_participant: int = 10, progress: Callable[[int, int], None] | None = None) -> DemoSummary:
    rng = random.Random(seed)
    # Phases, referral dates, the team and the job search draw from their own stream.
    extra = random.Random(seed + 1)
    today = today or date.today()
    summary = DemoSummary()
    employers = []
    pending = Pending(ws.folder)
    with ws.folder.write() as session:
        team = [s for s in repository.save_many(session, b.specialists()) if isinstance(s, tr.Specialist)]
        for i in range(max(3, participants // 3)):
            made, made_contacts = b.employer(rng, i)
            stored = pending.add(made)
            employers.append((stored, [pending.add(replace(ct, employer_id=stored.id)) for ct in made_contacts]))
        pending.write(session)
    summary.employers = len(employers)
    summary.specialists = len(team)
    seekers: list[_Seeker] = []  # participants looking for a job, for the employer contacts and leads
    hired: list[tuple[r.Participant, r.Employer, r.Placement, tr.Specialist]] = []
    agreement_index = 0
    with ws.folder.read() as session:
        numbers = agreement_rows.Numbers(ws.device_id, int(agreement_store.next_number(
            session, ws.device_id, datetime.now(UTC).year).rsplit("-", 1)[1]) - 1)
    number = 0
    for start in range(0, participants, BATCH):
        with ws.folder.write() as session, records_bulk.roomy_cache(session):
            add = pending.add

            bulk: list[RecordBase] = []
            for _ in range(start, min(participants, start + BATCH)):
                p = replace(b.participant(rng, today), id=new_id())
                p = replace(p, referred_on=b.referral(p, extra))
                specialist = team[number % len(team)]
                number += 1
                pl: r.Placement | None = None
                emp: r.Employer | None = None
                contact: r.EmployerContact | None = None
                if p.status != "active" or rng.random() < 0.5:
                    emp, contacts = rng.choice(employers)
                    contact = contacts[0]
                    pl = b.placement(rng, p, emp, contact, today)
                    if pl.status == "ended" and p.status == "in_work":
                        p = replace(p, status="active")  # the job ended: looking for the next one
                    elif pl.status == "active" and p.status == "active":
                        p = replace(p, status="in_work")
                p = replace(p, phase=b.phase(p, pl, today))
                add(p)
                summary.participants += 1
                bulk.append(tr.Assignment(participant_id=p.id, specialist_id=specialist.id,
                                          start=p.referred_on or p.follow_up_start or today, reason="start"))
                for rec in b.actors_and_consents(rng, p):
                    add(rec)
                mapping, areas = b.mapping(rng, p)
                mapping = add(mapping)
                for area in areas:
                    add(replace(area, mapping_id=mapping.id))
                if pl is not None:
                    pl = add(pl)
                    summary.placements += 1
                if p.phase == "ended":
                    _add_visits(rng, extra, add, p, pl, emp, contact, min(today, p.follow_up_end or today),
                                visits_per_participant, summary, plan_next=False)
                elif p.phase == "phase3":
                    # About one in ten in work is overdue by days, so Today has something to show.
                    _add_visits(rng, extra, add, p, pl, emp, contact, today, visits_per_participant, summary,
                                overdue=len(hired) % 10 == 3)
                    hired.append((p, emp, pl, specialist))  # type: ignore[arg-type]  # phase3: a current job
                else:
                    since = p.follow_up_start or today
                    if pl is not None and pl.end_date is not None:  # visits while the job lasted, then the search
                        _add_visits(rng, extra, add, p, pl, emp, contact, pl.end_date, visits_per_participant // 2,
                                    summary, plan_next=False)
                        since = pl.end_date + timedelta(days=1)
                    _add_pre_job_visits(rng, extra, add, p, since, today, visits_per_participant, summary,
                                        overdue=len(seekers) % 10 == 5)
                    seekers.append(_Seeker(p, specialist))
                if pl is not None and emp is not None and contact is not None and rng.random() < 0.6:
                    status = demo_agreements.STATUS_CYCLE[agreement_index % len(demo_agreements.STATUS_CYCLE)]
                    agreement_index += 1
                    _add_agreement(ws, pending, numbers, rng, p, emp, contact, pl, specialist.name, status, today)
                    summary.agreements += 1
                    summary.statuses[status] = summary.statuses.get(status, 0) + 1
            pending.write(session)
            records_bulk.insert_new(session, bulk, clock=ws.folder.clock, device_id=ws.device_id, actor=ws.folder.actor,
                                    keep=False)
        if progress:
            progress(summary.participants, participants)
    with ws.folder.write() as session:
        records = _job_search(extra, [e for e, _ in employers], seekers, hired, team, today, summary)
        records_bulk.insert_new(session, records, clock=ws.folder.clock, device_id=ws.device_id,
                                actor=ws.folder.actor, keep=False)
    demo_cooperation.add(ws, seed=seed, today=today)
    index_visits(ws, step=INDEX_STEP)  # the folder is ready to search when the demo is done
    return summary


@dataclass
class _Seeker:
    participant: r.Participant
    specialist: tr.Specialist
    contacts: list[str] = field(default_factory=list)  # ids of employer contacts made for them


CONTACT_KINDS = ("first_contact", "follow_up", "workplace_meeting", "phone", "email")
CONTACT_WEIGHTS = (25, 20, 35, 12, 8)
SEARCH_STATUSES = ("lead", "applied", "interview", "closed")


def _job_search(extra: random.Random, employers: list[r.Employer], seekers: list[_Seeker],
                hired: list[tuple[r.Participant, r.Employer, r.Placement, tr.Specialist]], team: list[tr.Specialist],
                today: date, summary: DemoSummary) -> list[RecordBase]:
    """Employer contacts in the last six weeks (a few a week per specialist, some for two participants), job
    leads in every status for those looking, and the lead each current job came from."""
    out: list[RecordBase] = []
    contact_people = {e.id: f"{extra.choice(c.FIRST_NAMES)} {extra.choice(c.LAST_NAMES)}" for e in employers}

    def contact(day: date, people: list[_Seeker], emp: r.Employer | None = None) -> None:
        emp = emp or extra.choice(employers)
        kind = "first_contact" if not any(s.contacts for s in people) and people else \
            extra.choices(CONTACT_KINDS, weights=CONTACT_WEIGHTS)[0]
        made = replace(b.outreach(extra, emp, contact_people[emp.id], day, kind, today), id=new_id())
        out.append(made)
        for s in people:
            out.append(jr.OutreachFor(outreach_id=made.id, participant_id=s.participant.id))
            s.contacts.append(made.id)
        summary.employer_contacts += 1

    for s in seekers:
        # Rapid job search: most get their first employer contact within a month of referral, a few later;
        # the ones referred in the last days are still waiting for theirs.
        referred = s.participant.referred_on or today
        day = referred + timedelta(days=extra.randint(5, 30) if extra.random() < 0.8 else extra.randint(31, 90))
        if day <= today:
            contact(day, [s])
    monday = today - timedelta(days=today.weekday())
    for specialist in team:
        mine = [s for s in seekers if s.specialist.id == specialist.id]
        for week in range(6):
            first = monday - timedelta(weeks=week)
            days = [first + timedelta(days=d) for d in range(5) if first + timedelta(days=d) <= today] or [today]
            for _ in range(extra.randint(3, 5) if week else max(1, len(days) - 1)):
                day = extra.choice(days)
                # Only participants referred by then; most contacts are for one, some for two, some general.
                known = [s for s in mine if (s.participant.referred_on or today) <= day]
                n = min(len(known), extra.choices((0, 1, 2), weights=(20, 60, 20))[0])
                contact(day, extra.sample(known, n))
    for i, s in enumerate(seekers):
        p = s.participant
        for k in range(extra.randint(1, 3)):
            status = SEARCH_STATUSES[(i + k) % len(SEARCH_STATUSES)]
            back = extra.randint(25, 50) if status == "closed" else extra.randint(3, 20)
            found = max(p.referred_on or today, today - timedelta(days=back))
            emp = extra.choice(employers)
            out.append(b.lead(extra, p, emp, status, found, outreach_id=extra.choice(s.contacts) if k == 0 and s.contacts else None))
            summary.leads += 1
    for p, emp, pl, specialist in hired:
        # The job came from job development: an employer contact made for them, then the lead.
        start = pl.start_date or today
        referred = p.referred_on or start
        found = min(today, max(referred, start - timedelta(days=extra.randint(25, 45))))
        first = min(referred + timedelta(days=extra.randint(5, 30) if extra.random() < 0.8 else extra.randint(31, 90)),
                    found)
        worked = _Seeker(p, specialist)
        if first <= today:
            contact(first, [worked], emp)
        hire = b.lead(extra, p, emp, "hired", found, pl=pl, outreach_id=worked.contacts[0] if worked.contacts else None)
        out.append(replace(hire, decided_on=min(today, max(hire.interview_on or found,
                                                           start - timedelta(days=extra.randint(3, 8))))))
        summary.leads += 1
    return out


def _add_pre_job_visits(rng: random.Random, extra: random.Random, add: _Add,
                        p: r.Participant, since: date, today: date, count: int, summary: DemoSummary, *,
                        overdue: bool = False) -> None:
    """Meetings before a job: every one to two weeks; the `overdue` few have not been seen for a few weeks."""
    for day in b.pre_job_visit_days(extra, since, today, count, overdue=overdue):
        visit = add(b.visit(rng, p, None, day, "routine", finished=True))
        summary.visits += 1
        add(vr.VisitAttendee(visit_id=visit.id, role="arbeidstaker", name=p.full_name))
    # No visit is planned ahead for them: the participant list and Today's list before a job disagree on
    # whether a planned visit whose time has passed counts as being seen, and the demo must not depend on it.


def _add_visits(rng: random.Random, extra: random.Random, add: _Add,
                p, pl, emp, contact, until: date, count: int, summary: DemoSummary, *, plan_next: bool = True,
                overdue: bool = False) -> None:
    first = pl.start_date if pl and pl.start_date and pl.start_date <= until else (p.follow_up_start or until)
    days = b.visit_days(rng, first, until, 10_000)
    if len(days) > count:  # a long job: the first visits and the latest ones
        days = days[:2] + days[-(count - 2):] if count > 2 else days[-count:]
    if plan_next and pl is not None and pl.start_date and pl.start_date <= until and days:
        # Follow-up in work is kept up: the latest visit within the week; for the `overdue` few one a few
        # weeks ago (in a job held for a while), which is overdue by days, not months.
        if overdue and pl.start_date <= until - timedelta(days=60):
            latest = until - timedelta(days=extra.randint(32, 50))
            days = [*[d for d in days if d < latest - timedelta(days=6)][-(count - 1):], latest]
        elif days[-1] < until - timedelta(days=6):
            days = [*days[-(count - 1):], until - timedelta(days=extra.randint(1, 6))]
    previous_actions: list[vr.VisitAction] = []
    manager = contact.name if contact is not None else "Nærmeste leder"
    for day in days:
        kind = b.visit_kind(pl.start_date if pl is not None else None, day)
        visit = add(b.visit(rng, p, pl, day, kind, finished=True, emp=emp))
        summary.visits += 1
        add(vr.VisitAttendee(visit_id=visit.id, role="arbeidstaker", name=p.full_name))
        if pl is not None and visit.channel == "on_site":
            add(vr.VisitAttendee(visit_id=visit.id, role="nærmeste leder", name=manager))
        for prev in previous_actions:
            add(vr.VisitAction(visit_id=visit.id, what=prev.what, responsible=prev.responsible,
                               status=rng.choice(("done", "agreed")), carried_from_id=prev.id))
        previous_actions = []
        if rng.random() < 0.5:
            what, who = rng.choice(ACTIONS)
            previous_actions.append(add(vr.VisitAction(
                visit_id=visit.id, what=what, responsible=who, status="agreed",
                deadline=day + timedelta(days=rng.randint(7, 30)))))
    if plan_next and days and days[-1] < until - timedelta(days=1) and (overdue or extra.random() < 0.15):
        # A report begun yesterday and not finished yet: a draft, on Today.
        add(b.visit(rng, p, pl, until - timedelta(days=1), "routine", finished=False, emp=emp))
        summary.visits += 1
    if plan_next and days:
        next_day = days[-1] + timedelta(days=rng.choice((7, 14, 28)))
        if next_day >= until:
            add(b.visit(rng, p, pl, next_day, "routine", finished=False, emp=emp))
            summary.visits += 1


def _add_agreement(ws: Workspace, pending: Pending, numbers: agreement_rows.Numbers,
                   rng, p, emp, contact, pl, specialist: str, status: str, today: date) -> None:
    start, end = demo_agreements.dates_for(status, today, rng)
    content = demo_agreements.content_for(rng, p, emp, contact, pl, specialist, start, end)
    if status == "draft":
        content = replace(content, duration=replace(content.duration, evaluation_date=None))
    nav = content.parties.nav_contact
    names = {"employee": p.full_name, "employer": contact.name, "nav": nav.name if nav else "",
             "job_specialist": specialist}
    agreement_rows.add_agreement(pending, numbers, rng, participant_id=p.id, employer_id=emp.id, placement_id=pl.id,
                                 content=content, status=status, names=names, device_id=ws.device_id, start=start,
                                 confirmation=CONFIRMATION)
