"""The one place the UI hears that data changed: every committed write, and what a sync run brought in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal

if TYPE_CHECKING:  # the first paint builds the hub before the storage layer is loaded
    from fieldapp.services.changes import Changes
    from fieldapp.services.workspace import Workspace


class ChangeHub(QObject):
    """Broadcasts what changed on the UI thread, so each view decides itself whether to reload.

    `changed(Changes)` carries entities and ids; `data_changed(frozenset)` only the entity names. Writes made
    through the attached workspace arrive by themselves (from any thread): no screen has to announce its saves.
    """

    changed = Signal(object)  # Changes
    data_changed = Signal(frozenset)
    _arrived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detach: Callable[[], None] | None = None
        self._open: Callable[[], bool] = lambda: True
        # Writes come from worker threads: queued, so every receiver runs on the UI thread.
        self._arrived.connect(self._deliver_written, Qt.ConnectionType.QueuedConnection)

    def attach(self, ws: Workspace, *, open_while: Callable[[], bool] = lambda: True) -> None:
        """Hear every committed write to `ws` from now on (one workspace at a time), as long as `open_while()`."""
        from fieldapp.services.changes import on_changes

        self.detach()
        self._open = open_while
        self._detach = on_changes(ws, self._arrived.emit)

    def detach(self) -> None:
        if self._detach is not None:
            self._detach()
            self._detach = None

    def publish(self, changes: Changes) -> None:
        """Tell the views (and the sync scheduler when `changes.local`) about changes not heard from a write."""
        if QThread.currentThread() == self.thread():
            self._deliver(changes)
        else:
            self._arrived.emit(changes)  # delivered only while attached, as writes are

    def notify(self, entities: Iterable[str]) -> None:
        """Ask views showing these entities to read again when nothing was written (a setting changed)."""
        from fieldapp.services.changes import Changes

        self.publish(Changes.of(entities, local=False))

    def _deliver_written(self, changes: Changes) -> None:
        # A write that finished while the app closed arrives after the views can load anything: nobody waits for it.
        if self._detach is not None and self._open():
            self._deliver(changes)

    def _deliver(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)
            self.data_changed.emit(changes.entities)
