"""What the Today view is made of, read with plain SQL through any DB-API connection.

The same statements serve the app's normal path (an SQLAlchemy session's connection) and its first paint
(a bare SQLCipher connection opened before SQLAlchemy is even imported, storage/quick_open.py): one
reader, so both paths always show the same thing. A participant's visit list is read with the same
visit statement. Nothing here imports SQLAlchemy.

Stored formats are those of storage/types.py: datetimes as ISO-8601 UTC text ("…Z", so text order is
time order), dates as ISO-8601 dates.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fieldapp.storage.stored_time import stored_datetime
from fieldapp.domain import agreement_content as ac
from fieldapp.domain.agreement_rules import SignatureFact
from fieldapp.storage.values import CURRENT_PLACEMENT_STATUSES, TermsInForce, VisitBrief

# execute(sql, params) -> rows, for statements with :named parameters.
Execute = Callable[[str, Mapping[str, Any]], Iterable[Sequence[Any]]]


@dataclass(frozen=True)
class CurrentJob:
    """A participant (not deleted) with the job they have now or are about to start."""

    participant_id: str
    first_name: str
    last_name: str
    status: str
    employer_name: str
    job_title: str
    start_date: date | None


@dataclass(frozen=True)
class TodayFacts:
    planned_today: tuple[VisitBrief, ...]
    planned_later: tuple[VisitBrief, ...]
    jobs: dict[str, CurrentJob]  # by participant; with several current jobs, the one starting last
    last_held: dict[str, datetime]  # start of the latest finished visit begun by `now`
    terms: dict[str, list[TermsInForce]]
    drafts: tuple[VisitBrief, ...] = ()  # unfinished visits begun before today, newest first
    last_draft: dict[str, datetime] | None = None  # start of the latest unfinished visit begun by `now`


# A visit as lists show it (VisitBrief), with its participant's name and its job's employer.
_VISIT_BRIEFS = (
    "SELECT v.id, v.participant_id, p.first_name, p.last_name, e.name, v.starts_at, v.ends_at, v.channel, "
    "v.visit_type, v.place, v.summary, v.finished_at "
    "FROM visit v JOIN participant p ON p.id = v.participant_id "
    "LEFT JOIN placement pl ON pl.id = v.placement_id LEFT JOIN employer e ON e.id = pl.employer_id "
    "WHERE v.deleted_at IS NULL AND p.deleted_at IS NULL AND ")
_PLANNED = (_VISIT_BRIEFS + "v.finished_at IS NULL AND v.starts_at >= :start AND v.starts_at < :end "
            "ORDER BY v.starts_at, p.last_name")
_FOR_PARTICIPANT = _VISIT_BRIEFS + "v.participant_id = :participant ORDER BY v.starts_at DESC"
_JOBS = (
    "SELECT pl.participant_id, p.first_name, p.last_name, p.status, e.name, pl.job_title, pl.start_date "
    "FROM placement pl JOIN participant p ON p.id = pl.participant_id JOIN employer e ON e.id = pl.employer_id "
    f"WHERE pl.deleted_at IS NULL AND p.deleted_at IS NULL "
    f"AND pl.status IN ({', '.join(repr(s) for s in CURRENT_PLACEMENT_STATUSES)}) "
    "ORDER BY pl.start_date DESC, pl.created_at DESC")
_DRAFTS = _VISIT_BRIEFS + "v.finished_at IS NULL AND v.starts_at < :before ORDER BY v.starts_at DESC"
# Only a finished visit was held: a draft left open (one letter typed, then closed) must not silence the
# overdue list; it shows as a draft instead (_LAST_DRAFT, _DRAFTS) so it gets finished or discarded.
# From the partial index of finished visits (migration 0019): a third of the pages of ix_visit_participant_starts,
# which SQLite would take without statistics.
# The last visit held per participant, from the partial index of finished visits (migration 0019); `now` is the
# parameter's spelling, `only` an extra condition (the overview's queries/outcomes.py fills both its own way).
LAST_HELD_SQL = ("SELECT participant_id, max(starts_at) FROM visit INDEXED BY ix_visit_held WHERE deleted_at IS NULL "
                 "AND starts_at <= {now} AND finished_at IS NOT NULL{only} GROUP BY participant_id")
_LAST_HELD = LAST_HELD_SQL.format(now=":now", only="")
_LAST_DRAFT = ("SELECT participant_id, max(starts_at) FROM visit WHERE deleted_at IS NULL AND starts_at <= :now "
               "AND finished_at IS NULL GROUP BY participant_id")
# Frozen versions of agreements not annulled whose period includes the day; period, type and follow-up
# lines are read with SQLite's JSON functions instead of parsing every agreement, and come from the index
# ix_agreement_version_terms (migration 0006) on exactly these expressions: change one here and there.
_TERMS = (
    "SELECT v.id, a.participant_id, json_extract(v.content_json, '$.agreement_type'), "
    "json_extract(v.content_json, '$.duration.start') AS first, json_extract(v.content_json, '$.duration.end') "
    "AS last, json_extract(v.content_json, '$.follow_ups') "
    "FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id "
    "WHERE a.deleted_at IS NULL AND a.annulled_at IS NULL AND v.deleted_at IS NULL AND v.frozen_at IS NOT NULL "
    "AND first <= :day AND coalesce(last, :day) >= :day "
    "ORDER BY a.created_at DESC, v.version_no DESC")
_SIGNATURES = "SELECT version_id, role, signed_at, revoked_at FROM signature WHERE deleted_at IS NULL"
_SIGNATURES_OF = _SIGNATURES + " AND version_id IN (SELECT value FROM json_each(:ids))"


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def planned_between(execute: Execute, start: datetime, end: datetime) -> list[VisitBrief]:
    """Visits not yet finished that start in [start, end), earliest first; times in the local time zone."""
    return _visit_briefs(execute(_PLANNED, {"start": stored_datetime(start), "end": stored_datetime(end)}))


def drafts_before(execute: Execute, before: datetime) -> list[VisitBrief]:
    """Unfinished visits that started before `before`, newest first; times in the local time zone."""
    return _visit_briefs(execute(_DRAFTS, {"before": stored_datetime(before)}))


def visits_of(execute: Execute, participant_id: str) -> list[VisitBrief]:
    """A participant's visits, newest first; times in the local time zone."""
    return _visit_briefs(execute(_FOR_PARTICIPANT, {"participant": participant_id}))


def _visit_briefs(rows: Iterable[Sequence[Any]]) -> list[VisitBrief]:
    return [VisitBrief(id=vid, participant_id=pid, participant_name=f"{first} {last}".strip(), employer_name=employer,
                       starts_at=datetime.fromisoformat(starts).astimezone(),
                       ends_at=datetime.fromisoformat(ends).astimezone() if ends else None, channel=channel,
                       visit_type=kind, place=place, summary=summary, finished=finished_at is not None)
            for vid, pid, first, last, employer, starts, ends, channel, kind, place, summary, finished_at in rows]


def current_jobs(execute: Execute) -> dict[str, CurrentJob]:
    current: dict[str, CurrentJob] = {}
    for participant_id, first, last, status, employer, title, start in execute(_JOBS, {}):
        if participant_id not in current:
            current[participant_id] = CurrentJob(participant_id, first, last, status, employer, title, _day(start))
    return current


def terms_in_force(execute: Execute, today: date,
                   participant_ids: Collection[str] | None = None) -> dict[str, list[TermsInForce]]:
    """Per participant, the frozen versions of agreements not annulled whose period includes `today`, newest
    first, with what decides whether they are in force: type, period, the job specialist's follow-up lines
    and the signatures. A frozen version's content was complete when frozen and cannot change.
    `participant_ids`: only these participants' (the follow-up lines are worked out only for them)."""
    versions = _versions_in_force(execute, today)
    if participant_ids is None:
        return _with_signatures(versions, _signatures(execute))
    versions = [row for row in versions if row[1] in participant_ids]
    # Only these versions' signatures, found by the version_id index: a refresh for one participant used to
    # read all of them (5,000 at 10,000 participants) to keep a few.
    wanted = json.dumps([row[0] for row in versions])
    return _with_signatures(versions, list(execute(_SIGNATURES_OF, {"ids": wanted})))


def _versions_in_force(execute: Execute, today: date) -> list[Sequence[Any]]:
    return list(execute(_TERMS, {"day": today.isoformat()}))


def _signatures(execute: Execute) -> list[Sequence[Any]]:
    return list(execute(_SIGNATURES, {}))


def _with_signatures(versions: list[Sequence[Any]], signatures: list[Sequence[Any]]) -> dict[str, list[TermsInForce]]:
    wanted = {row[0] for row in versions}
    signed: dict[str, list[SignatureFact]] = {}
    for version_id, role, signed_at, revoked_at in signatures:
        if version_id in wanted:
            signed.setdefault(version_id, []).append(
                SignatureFact(role, datetime.fromisoformat(signed_at), revoked_at is not None))
    found: dict[str, list[TermsInForce]] = {}
    for version_id, participant_id, agreement_type, first, last, follow_ups in versions:
        found.setdefault(participant_id, []).append(TermsInForce(
            agreement_type=agreement_type or "", start=date.fromisoformat(first), end=_day(last),
            follow_ups=_job_specialist_lines(follow_ups), signatures=tuple(signed.get(version_id, ()))))
    return found


def _job_specialist_lines(stored: str | None) -> tuple[ac.FollowUp, ...]:
    lines = []
    for item in json.loads(stored or "[]"):
        if isinstance(item, dict) and item.get("actor_role") == "job_specialist":
            lines.append(ac.FollowUp(actor_role="job_specialist", frequency=item.get("frequency") or "",
                                     from_date=_day(item.get("from_date")), to_date=_day(item.get("to_date"))))
    return tuple(lines)


def read_today_facts(execute: Execute, *, now: datetime, today_start: datetime, tomorrow_start: datetime,
                     week_end: datetime, also: Execute | None = None) -> TodayFacts:
    """Everything the Today view shows, for the local day starting at `today_start`, as of `now`.

    With `also` (a second connection), about half of the reading runs on a thread of its own: SQLite works
    without Python's interpreter lock, so on two cores the reading takes about a third less time."""
    day = now.astimezone().date()

    def visits_and_agreements() -> tuple[list[VisitBrief], list[VisitBrief], list[VisitBrief], list[Sequence[Any]]]:
        return (planned_between(execute, today_start, tomorrow_start), planned_between(execute, tomorrow_start, week_end),
                drafts_before(execute, today_start), _versions_in_force(execute, day))

    def jobs_held_signatures(run: Execute) -> tuple[dict[str, CurrentJob], dict[str, datetime], dict[str, datetime],
                                                    list[Sequence[Any]]]:
        at_now = {"now": stored_datetime(now)}
        return (current_jobs(run), {pid: datetime.fromisoformat(at) for pid, at in run(_LAST_HELD, at_now)},
                {pid: datetime.fromisoformat(at) for pid, at in run(_LAST_DRAFT, at_now)}, _signatures(run))

    if also is None:
        jobs, held, drafted, signatures = jobs_held_signatures(execute)
        today, later, drafts, versions = visits_and_agreements()
    else:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-today-facts") as pool:
            other = pool.submit(jobs_held_signatures, also)
            today, later, drafts, versions = visits_and_agreements()
            jobs, held, drafted, signatures = other.result()
    return TodayFacts(planned_today=tuple(today), planned_later=tuple(later), jobs=jobs, last_held=held,
                      terms=_with_signatures(versions, signatures), drafts=tuple(drafts), last_draft=drafted)
