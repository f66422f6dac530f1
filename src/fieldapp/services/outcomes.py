"""Caseload and outcome figures for the overview and the reports: reads the facts, the domain does the sums."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date, datetime

from fieldapp.collector_pause import collector_paused
from fieldapp.domain.outcomes.inputs import (
    AssignmentFacts, EmployerContactFacts, FollowUpFacts, OutcomeInputs, Period,
)
from fieldapp.domain.outcomes.responsibility import Responsibility
from fieldapp.domain.outcomes.summary import Summary, summarize
from fieldapp.domain.pre_job_cadence import DEFAULT_INTERVAL_DAYS
from fieldapp.services import report_settings
from fieldapp.services.follow_up import local_now
from fieldapp.services.outcomes_overdue import overdue_facts
from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import jobdev as jq
from fieldapp.storage.queries import outcomes as q

# A contact by phone or e-mail is logged but does not count towards the IPS target of face-to-face contacts.
NOT_FACE_TO_FACE = frozenset({"phone", "email"})


def load_inputs(ws: Workspace, *, today: date | None = None, visits_from: date | None = None,
                now: datetime | None = None, pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> OutcomeInputs:
    """Everything the figures need, in one read; visits only from `visits_from` (the period's start: the
    visits are most of what is read, and no figure counts a visit outside its period). Overdue follow-ups as of
    `now` (default: the local time now), by the user's `pre_job_interval_days` as the participant list uses it."""
    now = local_now(now)  # as the participant list takes it: the local day decides what is overdue
    with collector_paused(survivors_old=True):
        return _load_inputs(ws, today=today or now.date(), visits_from=visits_from, now=now,
                            pre_job_interval_days=pre_job_interval_days)


def _load_inputs(ws: Workspace, *, today: date, visits_from: date | None, now: datetime,
                 pre_job_interval_days: int) -> OutcomeInputs:
    with ws.folder.read() as session:
        # The overdue reads in the same read: the same snapshot as the other facts, the tables read once.
        participants, jobs, overdue = q.facts_and_overdue(session, now=now)
        visits = q.visit_days(session, until=today, since=visits_from)
        assignments = q.assignment_facts(session)
        specialist_list = q.specialists(session)
        contact_rows = jq.contact_rows(session)
        terms = q.terms_in_force(session, now.date(), overdue.jobs.keys())
    follow_ups = overdue_facts(overdue, terms, today=now.date(), pre_job_interval_days=pre_job_interval_days)
    specialists = {s.id: s.name for s in specialist_list}
    inputs = OutcomeInputs(participants=participants, jobs=jobs, visits=visits, assignments=assignments,
                           follow_ups=follow_ups, specialists=specialists, visits_from=visits_from)
    # Who was responsible when is worked out once, for the contacts and then the figures.
    return inputs.with_employer_contacts(employer_contact_facts(
        contact_rows, assignments, {s.name: s.id for s in specialist_list}, responsibility=inputs.responsibility))


# Past this many changed records or participants, reading everything again is about as quick and far simpler.
MOST_REFRESHED = 2_000
# What the facts are read from; a change to anything else (a setting kept in the folder, such as the caseload
# limit) changes the sums, not the facts. The pre-job follow-up interval is the user's own setting, not in the
# folder: it changes the overdue facts, so facts worked out with another interval are read anew (KeptFacts).
READ_FROM = q.PER_PARTICIPANT | q.EMPLOYER_CONTACTS | {"specialist"}


def refresh_inputs(ws: Workspace, inputs: OutcomeInputs, changes: Mapping[str, Collection[str]], *,
                   today: date | None = None, now: datetime | None = None,
                   pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> OutcomeInputs:
    """`inputs` brought up to date with the records written since they were read (entity -> ids, as the change
    hub reports them): only the facts of the participants those records belong to are read again, and the
    team's small facts (specialists, employer contacts). Everything is read again when a change does not say
    which records (no ids), touches very many, or names a record no longer there (erased outright). `inputs`
    must have been worked out with the same `pre_job_interval_days`."""
    now = local_now(now)  # as the participant list takes it: the local day decides what is overdue
    with collector_paused(survivors_old=True):
        return _refresh_inputs(ws, inputs, changes, today=today or now.date(), now=now,
                               pre_job_interval_days=pre_job_interval_days)


def _refresh_inputs(ws: Workspace, inputs: OutcomeInputs, changes: Mapping[str, Collection[str]], *,
                    today: date, now: datetime, pre_job_interval_days: int) -> OutcomeInputs:
    changes = {entity: ids for entity, ids in changes.items() if entity in READ_FROM}
    if any(not ids for ids in changes.values()) or sum(map(len, changes.values())) > MOST_REFRESHED:
        return load_inputs(ws, today=today, visits_from=inputs.visits_from, now=now,
                           pre_job_interval_days=pre_job_interval_days)
    # Employer contacts are counted for the specialist responsible on the day: worked out again only when
    # the responsibilities or the specialists' names changed (about 0.3 s at 10,000 participants).
    assignments_changed = "assignment" in changes
    contacts_changed = assignments_changed or "specialist" in changes or not q.EMPLOYER_CONTACTS.isdisjoint(changes)
    with ws.folder.read() as session:
        owners = [q.owners(session, entity, ids) for entity, ids in changes.items() if entity in q.PER_PARTICIPANT]
        if any(found is None for found in owners):  # a record erased outright: whose it was is not known
            return load_inputs(ws, today=today, visits_from=inputs.visits_from, now=now,
                               pre_job_interval_days=pre_job_interval_days)
        pids: set[str] = set().union(*(found for found in owners if found is not None))
        specialists = {s.id: s.name for s in q.specialists(session)}
        fresh = OutcomeInputs(
            participants=q.participant_facts(session, participant_ids=pids),
            jobs=q.job_facts(session, participant_ids=pids),
            visits=q.visit_days(session, until=today, since=inputs.visits_from, participant_ids=pids),
            assignments=q.assignment_facts(session, participant_ids=pids, first_seq=inputs.next_seq)
            if assignments_changed else (),
            specialists=specialists, employer_contacts=inputs.employer_contacts)
        contact_rows = jq.contact_rows(session) if contacts_changed else []
    if pids:
        fresh = replace(fresh, follow_ups=follow_up_facts(ws, now=now, participant_ids=pids,
                                                          pre_job_interval_days=pre_job_interval_days))
    merged = inputs.replacing(pids, fresh, assignments_changed=assignments_changed)
    if not contacts_changed:
        return merged
    contacts = employer_contact_facts(contact_rows, list(merged.assignments),
                                      {name: sid for sid, name in specialists.items()},
                                      responsibility=merged.responsibility)  # the figures ask it next
    return merged.with_employer_contacts(contacts)


def follow_up_facts(ws: Workspace, *, now: datetime, participant_ids: Collection[str] | None = None,
                    pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> list[FollowUpFacts]:
    """Overdue or not, per participant not ended, by the participant list's own rule (follow_up_due), from
    lean reads: no names, nothing sorted but the current jobs, no planned visits, no responsibility, and the
    agreements' follow-up terms only for participants with a job (no other rule looks at them)."""
    now = local_now(now)
    with ws.folder.read() as session:
        reads = q.overdue_reads(session, now=now, participant_ids=participant_ids)
        terms = q.terms_in_force(session, now.date(), reads.jobs.keys())
    return overdue_facts(reads, terms, today=now.date(), pre_job_interval_days=pre_job_interval_days)


def employer_contact_facts(rows: list[tuple[str, date, str, str, str | None]], assignments: list[AssignmentFacts],
                           specialist_ids: dict[str, str], *, responsibility: Responsibility | None = None
                           ) -> list[EmployerContactFacts]:
    """One fact per (contact, participant). The contact counts for the specialist who logged it when their
    user name is a specialist's name; otherwise for the participant's responsible specialist on the day (the
    first participant's, for a contact made for several), and for nobody for a general contact."""
    resp = responsibility or Responsibility(assignments)
    by_contact: dict[str, list[str]] = {}
    for oid, _on, _kind, _by, pid in rows:
        if pid:
            by_contact.setdefault(oid, []).append(pid)
    out = []
    tied: dict[str, str | None] = {}  # a contact made for several participants: worked out once for all its rows
    for oid, on, kind, made_by, pid in rows:
        sid = specialist_ids.get(made_by)
        if sid is None:
            if oid in tied:
                sid = tied[oid]
            else:
                made_for = by_contact.get(oid, ())
                sid = tied[oid] = (resp.who(made_for[0], on) if len(made_for) == 1 else  # most contacts
                                   next((who for p in sorted(made_for) if (who := resp.who(p, on))), None))
        out.append(EmployerContactFacts(sid or "", on, kind not in NOT_FACE_TO_FACE, pid, oid))
    return out


def overview(ws: Workspace, period: Period, *, specialist_id: str | None = None,
             inputs: OutcomeInputs | None = None, today: date | None = None, now: datetime | None = None,
             pre_job_interval_days: int = DEFAULT_INTERVAL_DAYS) -> Summary:
    """The figures of `period` for one specialist, or for the team when `specialist_id` is None. `now` and the
    interval only count when the facts are read here (`inputs` missing or not covering the period)."""
    if inputs is None or not inputs.covers(period):
        inputs = load_inputs(ws, today=today, visits_from=period.start, now=now,
                             pre_job_interval_days=pre_job_interval_days)
    limit = report_settings.caseload_limit(ws)
    with collector_paused(survivors_old=True):
        return summarize(inputs, period, specialist_id=specialist_id, today=today or local_now().date(),
                         caseload_limit=limit)
