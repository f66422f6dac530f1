"""What a write changed (entity -> ids), told to listeners after every committed write through a workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from fieldapp.services.workspace import Workspace


@dataclass(frozen=True)
class Changes:
    """Records changed, entity -> ids (an empty id set means "some"); an empty Changes is false.

    `local`: written on this device, so it waits to be pushed. A sync run's incoming records, or a view asked to
    read again when nothing was written, are not local."""

    records: Mapping[str, frozenset[str]] = field(default_factory=dict)
    local: bool = True

    @classmethod
    def of(cls, entities: Iterable[str], *, local: bool = True) -> Changes:
        """Changes known only by entity name (which records is not known)."""
        return cls({entity: frozenset() for entity in entities}, local=local)

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(self.records)

    def ids(self, entity: str) -> frozenset[str]:
        return self.records.get(entity, frozenset())

    def touches(self, entities: Iterable[str]) -> bool:
        return not self.entities.isdisjoint(entities)

    def __bool__(self) -> bool:
        return bool(self.records)


def on_changes(ws: Workspace, listener: Callable[[Changes], None]) -> Callable[[], None]:
    """Call `listener(changes)` after every committed write to `ws`, on the writing thread; returns the remover."""
    return ws.folder.on_commit(lambda written: listener(Changes(dict(written))))
