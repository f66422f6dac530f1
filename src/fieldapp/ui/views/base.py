"""What the main window expects of a view in its navigation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from fieldapp.ui.context import AppContext


class View(QWidget):
    """A page of the main window. `reload()` fetches its data on the worker thread and emits `loaded`
    with the number of rows it shows once they are on screen; views reload themselves when the
    change bus reports a change to an entity they show (`entities`)."""

    loaded = Signal(int)
    entities: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True  # nothing loaded yet: the first time the view is shown, it loads
        ctx.changes.data_changed.connect(self._on_data_changed)

    def reload(self) -> None:
        raise NotImplementedError

    def expect_preloaded(self) -> None:
        """The first data is already being loaded by someone else (start-up): do not load again when shown."""
        self._stale = False

    def _on_data_changed(self, entities: frozenset[str]) -> None:
        if entities & self.entities:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale and self.ctx.has_workspace:  # at start-up the folder may still be opening
            self._stale = False
            self.reload()
