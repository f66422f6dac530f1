"""The change hub: writes on the database worker reach the views on the UI thread by themselves, with their ids."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QThread

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.services.changes import Changes


def test_a_write_on_the_worker_is_heard_on_the_ui_thread_with_its_ids(qtbot: Any, ctx: Any) -> None:
    heard: list[tuple[Changes, bool]] = []
    names: list[frozenset[str]] = []
    ctx.changes.changed.connect(lambda c: heard.append((c, QThread.currentThread() == ctx.changes.thread())))
    ctx.changes.data_changed.connect(names.append)
    ws = ctx.ws
    saved: list[Participant] = []
    ctx.tasks.run(lambda: records.save(ws, Participant(first_name="Åse", last_name="Ødegård")), saved.append)
    qtbot.waitUntil(lambda: bool(saved and heard), timeout=5000)
    changes, on_ui_thread = heard[0]
    assert on_ui_thread
    assert changes.local and changes.records == {"participant": frozenset({saved[0].id})}
    assert names == [frozenset({"participant"})]


def test_nothing_written_is_not_local_and_an_empty_change_says_nothing(qtbot: Any, ctx: Any) -> None:
    heard: list[Changes] = []
    ctx.changes.changed.connect(heard.append)
    ctx.changes.notify({"participant"})
    ctx.changes.publish(Changes())
    assert [(c.entities, c.local) for c in heard] == [({"participant"}, False)]


def test_a_closed_context_hears_no_more_writes(qtbot: Any, ctx: Any, workspace: Any) -> None:
    heard: list[Changes] = []
    ctx.changes.changed.connect(heard.append)
    ctx.changes.detach()
    records.save(workspace, Participant(first_name="Kari", last_name="Nordmann"))  # on the UI thread: heard at once if at all
    assert heard == []
