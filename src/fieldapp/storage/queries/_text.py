"""Case-insensitive text matching in SQLite that also folds æ, ø and å (SQLite's lower() only folds ASCII)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_
from sqlalchemy.orm import QueryableAttribute, Session

FOLD = "fa_fold"


# A text column: a mapped attribute (str or str | None) or any text expression.
Column = ColumnElement[Any] | QueryableAttribute[Any]

def _fold(value: object) -> str | None:
    return None if value is None else str(value).casefold()


def enable_folding(session: Session) -> None:
    """Register the fold function on the session's connection (cheap; pooled connections keep it)."""
    dbapi = session.connection().connection.dbapi_connection
    dbapi.create_function(FOLD, 1, _fold, deterministic=True)  # type: ignore[union-attr]  # driver conn. None only if closed


def words(text: str | None) -> list[str]:
    return [w for w in (text or "").casefold().split() if w]


def escape_like(word: str) -> str:
    """`word` for a LIKE pattern with ESCAPE '\\': its own %, _ and \\ match literally."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(word: str) -> str:
    return f"%{escape_like(word)}%"


def haystack(*columns: Column) -> ColumnElement[str]:
    """All searchable columns joined by spaces, empty ones skipped, folded."""
    joined: ColumnElement[str] = literal("")
    for col in columns:
        joined = joined + " " + func.coalesce(col, "")
    folded: ColumnElement[str] = getattr(func, FOLD)(joined)
    return folded


def all_words_in(text: str | None, *columns: Column) -> ColumnElement[bool] | None:
    """Every word of `text` occurs in one of the columns; None when there is nothing to match on.

    Digits typed with spaces or dots (a fødselsnummer as 170590 12345) still match: each word is
    matched on its own, and a word with dots or hyphens also matches with them removed.
    """
    found = words(text)
    if not found:
        return None
    hay = haystack(*columns)
    criteria = []
    for w in found:
        bare = w.replace(".", "").replace("-", "")
        options = {w, bare} if bare else {w}
        criteria.append(or_(*(hay.like(_like(o), escape="\\") for o in sorted(options))))
    return and_(*criteria)
