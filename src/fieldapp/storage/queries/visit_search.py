"""Visits matching a typed text: every word in the visit's texts or in its participant's name; newest first.

Words of three characters or more are looked up in the trigram index (search_index) and give the
candidate visits; every word is then checked on those candidates only (the index has no positions, so a
candidate holds the word's trigrams, not necessarily the word). A text of nothing but short words has to
scan every visit, which is slower but rare (the search needs two characters).
"""

from __future__ import annotations

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from fieldapp.storage import models as m
from fieldapp.storage import search_index
from fieldapp.storage.queries import _text
from fieldapp.storage.queries.visits import VisitFacts, _base, _facts

_HAYSTACK = " || ' ' || ".join(f"coalesce(visit.{c}, '')" for c in search_index.COLUMNS)


def _by_name(n: int) -> str:
    # Participants first (thousands), then their visits through the (participant_id, ...) index.
    return (f"SELECT rowid FROM visit WHERE participant_id IN (SELECT id FROM participant "
            f"WHERE {_text.FOLD}(first_name || ' ' || last_name) LIKE :like{n} ESCAPE '\\')")


def _long_word(n: int) -> str:
    by_text = f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH :match{n}"
    return f"SELECT * FROM ({by_text} UNION {_by_name(n)})"


def _in_texts(n: int) -> str:
    return (f"({_text.FOLD}({_HAYSTACK}) LIKE :like{n} ESCAPE '\\' "
            f"OR visit.rowid IN ({_by_name(n)}))")


def matching(session: Session, text: str, *, limit: int) -> list[VisitFacts]:
    """Call search_index.drain first (in a write transaction): visits not yet indexed are not found."""
    words = _text.words(text)
    if not words:
        return []
    _text.enable_folding(session)
    params: dict[str, str] = {}
    long_sets, checks = [], []
    for n, word in enumerate(words):
        params[f"like{n}"] = f"%{_text.escape_like(word)}%"
        if len(word) >= search_index.MIN_WORD:
            params[f"match{n}"] = search_index.match_query(word)
            long_sets.append(_long_word(n))
        checks.append(_in_texts(n))
    conditions = checks[:]
    if long_sets:
        # SQLite builds the candidate set once, then walks the visits newest first on their starts_at index
        # and stops when `limit` are found. The unary + keeps it from instead fetching every candidate by
        # rowid and sorting them all: for a word in a third of 100,000 visits that cost 260 ms, not 20 ms.
        conditions.insert(0, f"+visit.rowid IN ({' INTERSECT '.join(long_sets)})")
    stmt = (_base()
            .where(sql(" AND ".join(conditions)).bindparams(**params))
            .order_by(m.Visit.starts_at.desc()).limit(limit))
    return _facts(session, stmt)
