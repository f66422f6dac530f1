"""Searching participants, employers and visits by name, number or text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fieldapp.domain import vocab
from fieldapp.domain.masking import masked_fodselsnummer
from fieldapp.domain.names import name_sort_key
from fieldapp.services.visits import visit_row
from fieldapp.services.workspace import Workspace
from fieldapp.storage import search_index
from fieldapp.storage.queries import employers as eq
from fieldapp.storage.queries import participants as pq
from fieldapp.storage.queries import visit_search as vs
from fieldapp.storage.queries import visits as vq

MIN_LENGTH = 2
LIMIT = 50  # hits of each kind; the newest visits first
SNIPPET = 90
INDEX_STEP = 5_000  # visits indexed per transaction after a pull


class HitKind:
    PARTICIPANT = "participant"
    EMPLOYER = "employer"
    VISIT = "visit"


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    title: str
    detail: str
    participant_id: str | None = None
    starts_at: datetime | None = None
    visit_type: str | None = None


@dataclass(frozen=True)
class SearchResults:
    text: str
    participants: tuple[SearchHit, ...] = ()
    employers: tuple[SearchHit, ...] = ()
    visits: tuple[SearchHit, ...] = ()

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        return self.participants + self.employers + self.visits


def snippet(text: str, words: list[str], width: int = SNIPPET) -> str:
    """The part of `text` around the first matching word, on one line, with … where it was cut."""
    flat = " ".join(text.split())
    folded = flat.casefold()
    at = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    start = max(0, min(at - width // 3, len(flat) - width))
    part = flat[start:start + width]
    return ("…" if start > 0 else "") + part + ("…" if start + width < len(flat) else "")


def _visit_detail(text: str, fields: dict[str, str | None]) -> str:
    words = text.casefold().split()
    for value in fields.values():
        if value and any(w in value.casefold() for w in words):
            return snippet(value, words)
    return ""


def search(ws: Workspace, text: str, *, limit: int = LIMIT, lang: str = "nb") -> SearchResults:
    """Every word must match; fewer than two characters finds nothing (one letter matches almost everything)."""
    text = " ".join(text.split())
    if len(text) < MIN_LENGTH:
        return SearchResults(text=text)
    index_visits(ws, step=INDEX_STEP)  # a long backlog in steps: a save waits for one step, not all
    with ws.folder.read() as session:
        people = pq.participants(session, text=text, limit=limit)
        employers = eq.employers(session, text=text, limit=limit)
        visits = vs.matching(session, text, limit=limit)
    participants = tuple(
        SearchHit(kind=HitKind.PARTICIPANT, id=p.id, title=p.full_name, participant_id=p.id,
                  detail=" · ".join(x for x in (masked_fodselsnummer(p.fodselsnummer), vocab.label(vocab.PARTICIPANT_STATUSES, p.status, lang),
                                                vocab.label(vocab.METHODS, p.method, lang)) if x))
        for p in sorted(people, key=lambda p: (name_sort_key(p.last_name), name_sort_key(p.first_name))))
    found_employers = tuple(
        SearchHit(kind=HitKind.EMPLOYER, id=f.employer.id, title=f.employer.name,
                  detail=" · ".join(x for x in (f.employer.orgnr, f.employer.city, f.employer.industry) if x))
        for f in sorted(employers, key=lambda f: name_sort_key(f.employer.name)))
    return SearchResults(text=text, participants=participants, employers=found_employers,
                         visits=tuple(visit_hit(f, text) for f in visits))


def index_visits(ws: Workspace, *, step: int | None = None) -> int:
    """Bring the visit text index up to date (saves and pulls leave it behind); returns the visits indexed.

    With `step`, at most that many new visits per transaction, so a long catch-up never blocks a save for long."""
    with ws.folder.read() as session:
        if not search_index.pending(session.connection()):
            return 0
    done = 0
    while True:
        with ws.folder.write() as session:
            conn = session.connection()
            done += search_index.drain(conn, limit=step)
            if not search_index.pending(conn):
                return done


def visit_hit(facts: vq.VisitFacts, text: str) -> SearchHit:
    """A found visit as the search list shows it: participant, date, type and the text around the match."""
    row = visit_row(facts)
    texts = {name: getattr(facts.visit, name) for name in search_index.COLUMNS}
    return SearchHit(kind=HitKind.VISIT, id=row.id, participant_id=row.participant_id, title=row.participant_name,
                     starts_at=row.starts_at, visit_type=row.visit_type,
                     detail=_visit_detail(text, texts) or (row.place or ""))
