"""`fieldapp demo`: fill a data folder with invented demo data (no real people)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from fieldapp.demo import agreements as demo_agreements
from fieldapp.demo import builders as b
from fieldapp.demo import content as c
from fieldapp.domain import visit_records as vr
from fieldapp.domain.records import RecordBase
from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreements as agreement_store
from fieldapp.storage import repository

CONFIRMATION = "Jeg har lest avtalen og er enig i innholdet."
BATCH = 200


@dataclass
class DemoSummary:
    participants: int = 0
    employers: int = 0
    placements: int = 0
    visits: int = 0
    agreements: int = 0
    statuses: dict[str, int] | None = None


def generate(ws: Workspace, *, participants: int = 30, seed: int = 2026, today: date | None = None,
             visits_per_participant: int = 10, progress: Callable[[int, int], None] | None = None) -> DemoSummary:
    rng = random.Random(seed)
    today = today or date.today()
    summary = DemoSummary(statuses={})
    specialist = ws.actor if ws.actor and ws.actor != "root" else "Jobbspesialist Demo"
    employers = []
    with ws.folder.write() as session:
        for i in range(max(3, participants // 3)):
            emp, contacts = b.employer(rng, i)
            emp = repository.add_new(session, emp)
            contacts = [repository.add_new(session, replace(ct, employer_id=emp.id)) for ct in contacts]
            employers.append((emp, contacts))
    summary.employers = len(employers)
    agreement_index = 0
    for start in range(0, participants, BATCH):
        with ws.folder.write() as session:
            def add(rec: RecordBase) -> RecordBase:
                return repository.add_new(session, rec, new_parent=True)

            for _ in range(start, min(participants, start + BATCH)):
                p = add(b.participant(rng, today))
                summary.participants += 1
                for rec in b.actors_and_consents(rng, p):
                    add(rec)
                mapping, areas = b.mapping(rng, p)
                mapping = add(mapping)
                for area in areas:
                    add(replace(area, mapping_id=mapping.id))
                pl = emp = contact = None
                if p.status != "active" or rng.random() < 0.5:
                    emp, contacts = rng.choice(employers)
                    contact = contacts[0]
                    pl = add(b.placement(rng, p, emp, contact, today))
                    summary.placements += 1
                _add_visits(rng, add, p, pl, today, visits_per_participant, summary)
                if pl is not None and emp is not None and contact is not None and rng.random() < 0.6:
                    session.flush()
                    status = demo_agreements.STATUS_CYCLE[agreement_index % len(demo_agreements.STATUS_CYCLE)]
                    agreement_index += 1
                    _add_agreement(ws, session, rng, p, emp, contact, pl, specialist, status, today)
                    summary.agreements += 1
                    summary.statuses[status] = summary.statuses.get(status, 0) + 1  # type: ignore[index]
        if progress:
            progress(summary.participants, participants)
    return summary


def _add_visits(rng: random.Random, add: Callable[[RecordBase], RecordBase], p, pl, today: date,  # type: ignore[no-untyped-def]
                count: int, summary: DemoSummary) -> None:
    first = pl.start_date if pl and pl.start_date and pl.start_date <= today else (p.follow_up_start or today)
    days = b.visit_days(rng, first, today, count)
    kinds = ["before_start", "first_week"] + ["first_month"] * 3
    previous_actions: list[vr.VisitAction] = []
    for n, day in enumerate(days):
        last = n == len(days) - 1
        visit = add(b.visit(rng, p, pl, day, kinds[n] if n < len(kinds) else "routine",
                            finished=not (last and rng.random() < 0.3)))
        summary.visits += 1
        add(vr.VisitAttendee(visit_id=visit.id, role="arbeidstaker", name=p.full_name))
        if pl is not None and visit.channel == "on_site":
            add(vr.VisitAttendee(visit_id=visit.id, role="nærmeste leder", name="Nærmeste leder"))
        for prev in previous_actions:
            add(vr.VisitAction(visit_id=visit.id, what=prev.what, responsible=prev.responsible,
                               status=rng.choice(("done", "agreed")), carried_from_id=prev.id))
        previous_actions = []
        if rng.random() < 0.5:
            what, who = rng.choice(c.ACTIONS)
            previous_actions.append(add(vr.VisitAction(  # type: ignore[arg-type]
                visit_id=visit.id, what=what, responsible=who, status="agreed",
                deadline=day + timedelta(days=rng.randint(7, 30)))))
    if days:
        next_day = days[-1] + timedelta(days=rng.choice((7, 14, 28)))
        if next_day >= today:
            add(b.visit(rng, p, pl, next_day, "routine", finished=False))
            summary.visits += 1


def _add_agreement(ws: Workspace, session, rng, p, emp, contact, pl, specialist: str,  # type: ignore[no-untyped-def]
                   status: str, today: date) -> None:
    start, end = demo_agreements.dates_for(status, today, rng)
    content = demo_agreements.content_for(rng, p, emp, contact, pl, specialist, start, end)
    if status == "draft":
        content = replace(content, duration=replace(content.duration, evaluation_date=None))
    agreement, version = agreement_store.create(session, device_id=ws.device_id, participant_id=p.id, content=content,
                                                employer_id=emp.id, placement_id=pl.id)
    if status == "draft":
        return
    agreement_store.freeze(session, version.id)
    names = {"employee": p.full_name, "employer": contact.name, "nav": content.parties.nav_contact.name,
             "job_specialist": specialist}
    for step, role in enumerate(demo_agreements.signing_plan("active" if status == "annulled" else status)):
        agreement_store.sign(session, version.id, role=role, name=names[role],
                             method=rng.choice(("drawn", "paper")), confirmation_text=CONFIRMATION,
                             device_id=ws.device_id, signed_at=demo_agreements.signed_time(start, step))
    if status == "annulled":
        agreement_store.annul(session, agreement.id, reason="Registrert ved en feil (demodata).")
