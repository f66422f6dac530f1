"""Which synced records a write transaction changed, handed to listeners once the transaction has committed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from itertools import chain

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

WRITTEN_KEY = "fieldapp.written"

Written = Mapping[str, frozenset[str]]
Listener = Callable[[Written], None]


def note_flushed(session: Session) -> None:
    """Remember the synced records this flush wrote (entity -> ids); called after each flush, ids are set by then."""
    written: dict[str, set[str]] = session.info.setdefault(WRITTEN_KEY, {})
    # session.dirty is computed afresh on each access: read once, so a bulk flush stays linear.
    dirty = [obj for obj in session.dirty if session.is_modified(obj, include_collections=False)]
    for obj in chain(session.new, dirty, session.deleted):
        if getattr(obj, "__synced__", False) and obj.id is not None:
            written.setdefault(obj.__table__.name, set()).add(obj.id)


def note_inserted(session: Session, entity: str, ids: Iterable[str]) -> None:
    """Remember records written without the ORM (bulk saves, merges), so they are reported like flushed ones."""
    written: dict[str, set[str]] = session.info.setdefault(WRITTEN_KEY, {})
    written.setdefault(entity, set()).update(ids)


def take(session: Session) -> dict[str, frozenset[str]]:
    """What the session's transaction wrote, and forget it (a rolled-back transaction's records are dropped too)."""
    written: dict[str, set[str]] = session.info.pop(WRITTEN_KEY, {})
    return {entity: frozenset(ids) for entity, ids in written.items() if ids}


class CommitListeners:
    """Functions told after every committed write; they run on the writing thread and must not write themselves."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def add(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def publish(self, written: Written) -> None:
        if not written:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(written)
            except Exception:
                # The write has committed: a listener's fault must not turn it into a failed save.
                log.exception("a change listener failed")
