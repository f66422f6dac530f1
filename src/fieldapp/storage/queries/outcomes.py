"""The plain facts the outcome figures need, read in a few flat queries (no names, no fødselsnummer)."""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from itertools import chain, compress, repeat
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import ColumnElement, Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from fieldapp.domain.outcomes.inputs import (
    AssignmentFacts, JobFacts, ParticipantFacts, VisitFacts, hours_from_percentage,
)
from fieldapp.domain import team_records as tr
from fieldapp.domain.outcomes.visit_days import VisitDays
from fieldapp.domain.retention import ENDED
from fieldapp.storage import erasure
from fieldapp.storage import models as m
from fieldapp.storage.record_map import to_record
from fieldapp.storage import today_facts
from fieldapp.storage.stored_time import stored_datetime
from fieldapp.storage.values import CURRENT_PLACEMENT_STATUSES, TermsInForce

OUT_OF_OFFICE_CHANNELS = ("on_site", "elsewhere")
NOT_COMPETITIVE_FORMS = ("work_practice",)


class _Days(dict[str | None, date | None]):
    """Stored day text to dates, each distinct text parsed once: thousands of rows share a few hundred days,
    and the column types' own conversion, value by value, cost more than the reading."""

    def __missing__(self, text: str | None) -> date | None:
        day = self[text] = None if text is None else date.fromisoformat(text)
        return day


class _Ordinals(dict[str | None, int | None]):
    """Stored day text to its ordinal (date.toordinal), None to None, each distinct text parsed once."""

    def __missing__(self, text: str | None) -> int | None:
        day = self[text] = None if text is None else date.fromisoformat(text).toordinal()
        return day


class _LocalDays(dict[str, date]):
    """A stored UTC time's first 16 characters (to the minute) to its local day, each distinct minute once."""

    def __missing__(self, minute: str) -> date:
        day = self[minute] = datetime.fromisoformat(f"{minute}+00:00").astimezone().date()
        return day


def _text(column: Any) -> ColumnElement[str]:  # a mapped date column (an ORM attribute or a Core column)
    return type_coerce(column, String)


def _minute(column: Any) -> ColumnElement[str]:  # a mapped timestamp column
    return func.substr(column, 1, 16, type_=String)


Only = Collection[str] | None  # the facts of these participants only (None: of all)


S = TypeVar("S", bound="Select[*tuple[Any, ...]]")


def _only(stmt: S, column: Any, participant_ids: Only) -> S:
    return stmt if participant_ids is None else stmt.where(column.in_(sorted(participant_ids)))


def _tuples(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[Any]:
    """The rows as the driver returns them: SQLAlchemy's per-row result objects cost more than the reading
    (only for columns read as stored, with no result conversion to apply)."""
    result = session.connection().execute(stmt)
    try:
        return cast(list[Any], result.cursor.fetchall())
    finally:
        result.close()


def participant_facts(session: Session, *, participant_ids: Only = None) -> list[ParticipantFacts]:
    return _participant_facts(_participant_rows(_plain(session).execute, participant_ids))


def _participant_rows(run: Any, participant_ids: Only) -> list[tuple[Any, ...]]:
    only, ids = _in("id", participant_ids)
    return cast(list[tuple[Any, ...]], run(
        "SELECT id, referred_on, follow_up_start, substr(created_at, 1, 16), status, substr(updated_at, 1, 16), "
        f"phase FROM participant WHERE deleted_at IS NULL{only}", ids).fetchall())


def _participant_facts(rows: list[tuple[Any, ...]]) -> list[ParticipantFacts]:
    days, local = _Days(), _LocalDays()
    # The referral date when set; else the start of follow-up, else the day the participant was registered.
    # An ended participant's last change stands in for the day follow-up ended.
    return [ParticipantFacts(pid, days[referred] or days[start] or local[created],
                             local[updated] if status == "ended" else None, phase)
            for pid, referred, start, created, status, updated, phase in rows]


def job_facts(session: Session, *, participant_ids: Only = None) -> list[JobFacts]:
    return _job_facts(_placement_rows(_plain(session).execute, participant_ids))


def _placement_rows(run: Any, participant_ids: Only) -> list[tuple[Any, ...]]:
    """Every placement not deleted, with what the jobs' facts and the current job (overdue_reads) need: the
    creation time."""
    only, ids = _in("participant_id", participant_ids)
    return cast(list[tuple[Any, ...]], run(
        "SELECT participant_id, start_date, end_date, percentage, ordinary_wage, employment_form, employer_id, "
        f"job_title, status, substr(updated_at, 1, 16), created_at FROM placement WHERE deleted_at IS NULL{only}",
        ids).fetchall())


def _job_facts(rows: list[tuple[Any, ...]]) -> list[JobFacts]:
    days, local = _Days(), _LocalDays()
    out = []
    # ordinary_wage comes as the stored 0 or 1: only its truth is asked.
    for pid, start_text, end_text, pct, wage, form, employer, title, status, updated, _made in rows:
        start, end = days[start_text], days[end_text]
        if status == "ended" and end is None:
            end = local[updated]
        out.append(JobFacts(pid, start, end, hours_from_percentage(pct),
                            bool(wage) and form not in NOT_COMPETITIVE_FORMS, employer, title))
    return out


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def visit_facts(session: Session, *, until: date, since: date | None = None,
                participant_ids: Only = None) -> list[VisitFacts]:
    """Visits begun on local days `since` (None: from the first) to `until`, both included."""
    v = m.Visit
    # Stored UTC text sorts as time, so the day limits are plain text comparisons, answered from the starts_at
    # index alone: it holds every column read here (migration 0015), about half the cost of scanning the table.
    starts = v.starts_at
    stmt = select(v.participant_id, func.substr(v.starts_at, 1, 16, type_=String), v.channel).where(
        v.deleted_at.is_(None), starts < _local_midnight(until + timedelta(days=1)))
    if since is not None:
        stmt = stmt.where(starts >= _local_midnight(since))
    stmt = _only(stmt, v.participant_id, participant_ids)
    # The local day of each distinct minute, worked out once: SQLite's "localtime" per row, or decoding every
    # timestamp in Python, took most of the overview's opening time.
    days = _LocalDays()
    # Plain rows fetched at once: the ORM's row handling, or fetching row by row, cost more than the reading.
    return [VisitFacts(pid, days[minute], channel in OUT_OF_OFFICE_CHANNELS)
            for pid, minute, channel in session.connection().execute(stmt).all()]


def _plain(session: Session) -> Any:
    """The session's own driver connection (same transaction): rows as plain tuples, without SQLAlchemy's
    per-row result objects, for the reads of every participant or visit the overview's first opening makes."""
    return cast(Any, session.connection().connection.driver_connection)


def _in(column: str, ids: Only) -> tuple[str, tuple[str, ...]]:
    """An extra condition keeping the rows of these participants only (none for all), and its parameters."""
    if ids is None:
        return "", ()
    return f" AND {column} IN (SELECT value FROM json_each(?))", (json.dumps(sorted(ids)),)


def visit_days(session: Session, *, until: date, since: date | None = None,
               participant_ids: Only = None) -> VisitDays:
    """The visits visit_facts reads, as days per participant (VisitDays): no Python object per visit."""
    run = _plain(session).execute
    if since is None:
        first = run("SELECT min(starts_at) FROM visit WHERE deleted_at IS NULL").fetchone()[0]
        if first is None:
            return VisitDays({})
        since = _LocalDays()[first[:16]]
    # The stored UTC text of each local midnight from `since` to the day after `until`: a visit's local day is
    # the last midnight its stored text is not before (text order is time order), found by bisection, with
    # no date worked out per visit.
    origin = since.toordinal() - 1
    midnights = [stored_datetime(_local_midnight(date.fromordinal(day)))
                 for day in range(origin + 1, until.toordinal() + 2)]
    if len(midnights) < 2:
        return VisitDays({})
    only, ids = _in("participant_id", participant_ids)
    # In the order of the starts_at index, which holds every column read (migration 0015): each participant's
    # days come sorted, and SQLite sorts nothing.
    rows = run("SELECT participant_id, starts_at, channel IN (?, ?) FROM visit WHERE deleted_at IS NULL "
               f"AND starts_at >= ? AND starts_at < ?{only} ORDER BY starts_at",
               (*OUT_OF_OFFICE_CHANNELS, midnights[0], midnights[-1], *ids)).fetchall()
    if not rows:
        return VisitDays({})
    pids, starts, outs = zip(*rows)
    # The rows come in time order: each local day's rows are found by bisecting the starts at its midnights
    # (a few hundred searches, not one per visit), and the loops left per visit are over zip in C.
    bounds = [bisect_left(starts, midnight) for midnight in midnights]
    days = list(chain.from_iterable(repeat(origin + k, bounds[k] - bounds[k - 1]) for k in range(1, len(bounds))))
    every: defaultdict[str, list[int]] = defaultdict(list)
    for pid, day in zip(pids, days):
        every[pid].append(day)
    out_of_office: defaultdict[str, list[int]] = defaultdict(list)
    for pid, day in compress(zip(pids, days), outs):
        out_of_office[pid].append(day)
    away = out_of_office.get
    return VisitDays({pid: (found, away(pid) or []) for pid, found in every.items()})


class _StoredLocalDays(dict[str, tuple[int, str, str]]):
    """A stored UTC date (the text's first 10 characters) to its ordinal and the stored text of the local
    midnights beginning that day and the next: a stored time's local day is then one or two text comparisons,
    with no datetime made per value."""

    def __missing__(self, utc_day: str) -> tuple[int, str, str]:
        day = date.fromisoformat(utc_day)
        found = self[utc_day] = (day.toordinal(), stored_datetime(_local_midnight(day)),
                                 stored_datetime(_local_midnight(day + timedelta(days=1))))
        return found

    def of(self, stored: str) -> int:
        """The local day (ordinal) of a stored UTC time, as datetime.fromisoformat(stored).astimezone().date()."""
        day, midnight, next_midnight = self[stored[:10]]
        # Local midnights lie within a day of UTC midnight: the local day is the UTC day, the next or the one before.
        return day + 1 if stored >= next_midnight else day if stored >= midnight else day - 1


class OverdueReads(NamedTuple):
    """What the overdue rule needs, lean: days as ordinals (date.toordinal), no per-participant objects."""

    people: list[tuple[str, str | None, int | None, int | None]]  # (id, phase, referred on, follow-up start)
    jobs: dict[str, int | None]  # participant with a current job -> its start (None: not set)
    held: dict[str, int]  # participant -> local day of the last visit held


def overdue_reads(session: Session, *, now: datetime, participant_ids: Only = None) -> OverdueReads:
    """What the overdue rule needs, for participants not ended, as the participant list reads it (so the same
    rule gives the same answer): no names, the current job (the placement starting last, as the list picks it),
    the local day of the last visit held."""
    run = _plain(session).execute
    return _overdue_reads(run, _participant_rows(run, participant_ids), _placement_rows(run, participant_ids),
                          now=now, participant_ids=participant_ids)


def facts_and_overdue(session: Session, *, now: datetime) -> tuple[list[ParticipantFacts], list[JobFacts],
                                                                    OverdueReads]:
    """participant_facts, job_facts and overdue_reads of everyone, each table read once for all three: at
    10,000 participants every scan of a table decrypts its pages again (~20 ms each)."""
    run = _plain(session).execute
    people, placements = _participant_rows(run, None), _placement_rows(run, None)
    return (_participant_facts(people), _job_facts(placements),
            _overdue_reads(run, people, placements, now=now, participant_ids=None))


# Each participant's last visit held, from the partial index of finished visits (migration 0019), named: without
# statistics SQLite would take the wider ix_visit_participant_starts, three times the pages. `only` narrows it to
# some participants (_in). Checked against a migrated folder in tests/storage/test_visit_held_index.py.
LAST_HELD = today_facts.LAST_HELD_SQL.replace("{now}", "?")  # `{only}` is filled per read


def _overdue_reads(run: Any, people: list[tuple[Any, ...]], placements: list[tuple[Any, ...]], *, now: datetime,
                   participant_ids: Only) -> OverdueReads:
    ordinal = _Ordinals()
    followed = [(pid, phase, ordinal[referred], ordinal[start])
                for pid, referred, start, _made, status, _changed, phase in people if status != ENDED]
    # The current job: of the current placements with their employer (the list reads placements joined to their
    # employer), the one starting last (no start counts as earliest, as SQLite sorts NULL), then the one made last.
    employers = {row[0] for row in run("SELECT id FROM employer").fetchall()}  # from its primary key's index
    latest: dict[str, tuple[bool, str, str]] = {}
    jobs: dict[str, int | None] = {}
    for pid, start, *_job, employer, _title, status, _changed, made in placements:
        if status in CURRENT_PLACEMENT_STATUSES and employer in employers:
            key = (start is not None, start or "", made or "")
            if pid not in latest or key > latest[pid]:
                latest[pid], jobs[pid] = key, ordinal[start]
    only, ids = _in("participant_id", participant_ids)
    local = _StoredLocalDays().of
    held = {pid: local(at) for pid, at in run(LAST_HELD.format(only=only), (stored_datetime(now), *ids)).fetchall()}
    return OverdueReads(followed, jobs, held)


def terms_in_force(session: Session, today: date, participant_ids: Collection[str]) -> dict[str, list[TermsInForce]]:
    """The agreements' terms in force on `today` (storage/today_facts.py), for these participants only."""
    run = _plain(session).execute
    return today_facts.terms_in_force(lambda sql, params: run(sql, dict(params)).fetchall(), today, participant_ids)


def assignment_facts(session: Session, *, participant_ids: Only = None, first_seq: int = 0) -> list[AssignmentFacts]:
    """In the order they were made (`seq` from `first_seq`): of two starting the same day, the later made wins."""
    a = m.Assignment
    rows = _tuples(session, _only(select(a.participant_id, a.specialist_id, _text(a.start), _text(a.until))
                                  .where(a.deleted_at.is_(None)), a.participant_id, participant_ids)
                   .order_by(a.created_at))
    days = _Days()
    return [AssignmentFacts(pid, sid, days[start], days[until], seq)  # type: ignore[arg-type]  # start is required
            for seq, (pid, sid, start, until) in enumerate(rows, start=first_seq)]


# Records that belong to one participant: a change to one of them changes that participant's facts only.
# The records the overview's facts are read from, each belonging to one participant (an agreement's versions and
# signatures give the follow-up terms in force), and the team's employer contacts.
PER_PARTICIPANT = frozenset({"participant", "placement", "visit", "assignment", "agreement", "agreement_version",
                             "signature"})
EMPLOYER_CONTACTS = frozenset({"employer_outreach", "outreach_for"})


def owners(session: Session, entity: str, ids: Collection[str]) -> set[str] | None:
    """The participants the records `ids` of `entity` (one of PER_PARTICIPANT) belong to, deleted records too;
    None when a record is no longer there at all (erased), so whose it was is not known."""
    wanted = set(ids)
    found = erasure.owners(session.connection(), entity, sorted(wanted))
    return set(found.values()) if len(found) == len(wanted) else None


def responsible_on(session: Session, day: date) -> dict[str, str]:
    """participant id -> the specialist responsible on `day`, as domain Responsibility.who works it out (the
    latest assignment begun by then whose cover has not run out; the later-made wins a tie), in one query."""
    a = m.Assignment
    ranked = (select(a.participant_id, a.specialist_id,
                     func.row_number().over(partition_by=a.participant_id,
                                            order_by=(a.start.desc(), a.created_at.desc())).label("rank"))
              .where(a.deleted_at.is_(None), a.start <= day, (a.until.is_(None)) | (a.until >= day))
              .subquery())
    return dict(session.execute(
        select(ranked.c.participant_id, ranked.c.specialist_id).where(ranked.c.rank == 1)).all())


def specialists(session: Session, *, include_inactive: bool = True) -> list[tr.Specialist]:
    s = m.Specialist
    stmt = select(s).where(s.deleted_at.is_(None)).order_by(s.name)
    if not include_inactive:
        stmt = stmt.where(s.active.is_(True))
    return [to_record(o, tr.Specialist) for o in session.scalars(stmt)]


def assignments_of(session: Session, participant_id: str) -> list[tr.Assignment]:
    a = m.Assignment
    stmt = (select(a).where(a.participant_id == participant_id, a.deleted_at.is_(None))
            .order_by(a.start, a.created_at))
    return [to_record(o, tr.Assignment) for o in session.scalars(stmt)]


def fidelity_assessments(session: Session) -> list[tr.FidelityAssessment]:
    f = m.FidelityAssessment
    stmt = select(f).where(f.deleted_at.is_(None)).order_by(f.assessed_on.desc(), f.created_at.desc())
    return [to_record(o, tr.FidelityAssessment) for o in session.scalars(stmt)]
