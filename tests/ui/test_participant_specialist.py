"""The participant list shows each participant's responsible job specialist and filters by them: mine, each
specialist's, nobody's, all."""

from __future__ import annotations

from datetime import timedelta

from fieldapp.demo.generate import generate
from fieldapp.domain.team_records import Specialist
from fieldapp.services import participants as ps
from fieldapp.services import team
from tests.ui.conftest import NOW


def _column(model, title: str) -> int:
    from PySide6.QtCore import Qt

    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def test_specialist_column_and_filter(qtbot, ctx, workspace) -> None:
    generate(workspace, participants=30, today=NOW.date())
    others = team.specialists(workspace)
    assert others  # the demo has its team
    me = team.save_specialist(workspace, Specialist(name=workspace.actor))
    everyone = ps.list_participants(workspace, now=NOW)
    mine_ids = {everyone[0].id, everyone[3].id}
    for pid in mine_ids:
        team.hand_over(workspace, participant_id=pid, specialist_id=me.id, start=NOW.date() - timedelta(days=3))
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.first_view_loaded, timeout=10_000):
        window.load_first_view()
    with qtbot.waitSignal(window.participants.loaded, timeout=10_000):
        window.nav_actions["participants"].trigger()
    panel = window.participants.list
    qtbot.waitUntil(lambda: panel.model.rowCount() == 30, timeout=10_000)

    column = _column(panel.model, "Jobbspesialist")
    shown = {panel.model.row_at(r).id: panel.model.index(r, column).data() for r in range(panel.model.rowCount())}
    rows = {r.id: r for r in ps.list_participants(workspace, now=NOW)}
    for pid in mine_ids:
        assert shown[pid] == workspace.actor
    assert all(shown[pid] == (row.specialist_name or "") for pid, row in rows.items())
    assert len(set(shown.values())) > 2  # several specialists are shown, not one name everywhere

    combo = panel.specialist
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0] == "Alle jobbspesialister" and texts[1] == "Mine" and texts[-1] == "Ingen ansvarlig"
    assert {combo.itemData(i) for i in range(2, combo.count() - 1)} == {s.id for s in others}

    combo.setCurrentIndex(1)  # Mine
    assert {panel.model.row_at(r).id for r in range(panel.model.rowCount())} == mine_ids
    assert panel.count.text().startswith("2 ")

    other = others[0]
    panel.choose_specialist(other.id)
    theirs = {pid for pid, row in rows.items() if row.specialist_id == other.id}
    assert theirs and {panel.model.row_at(r).id for r in range(panel.model.rowCount())} == theirs

    combo.setCurrentIndex(0)  # all again
    assert panel.model.rowCount() == 30

    # A handover made in the Team dialog (which announces "assignment") shows in the list.
    moved = next(pid for pid in rows if pid not in mine_ids)
    team.hand_over(workspace, participant_id=moved, specialist_id=me.id, start=NOW.date())
    with qtbot.waitSignal(window.participants.loaded, timeout=10_000):
        ctx.changes.notify({"assignment"})
    combo.setCurrentIndex(1)  # Mine
    assert {panel.model.row_at(r).id for r in range(panel.model.rowCount())} == mine_ids | {moved}


def test_filter_rows_by_specialist_and_nobody(workspace) -> None:
    from tests.support.team_data import share_out

    generate(workspace, participants=12, today=NOW.date())
    share_out(workspace, today=NOW.date())  # a handover, and a cover that has ended
    everyone = ps.list_participants(workspace, now=NOW)
    team.hand_over(workspace, participant_id=everyone[5].id, specialist_id=team.specialists(workspace)[2].id,
                   reason="cover", start=NOW.date() - timedelta(days=2), until=NOW.date() + timedelta(days=5))
    rows = ps.list_participants(workspace, now=NOW)
    responsible = team.responsible_on(workspace, NOW.date())
    assert all(r.specialist_id == responsible.get(r.id) for r in rows)
    some = next(iter(responsible.values()))
    assert [r.id for r in ps.filter_rows(rows, specialist=some)] == [r.id for r in rows if responsible.get(r.id) == some]
    assert [r.id for r in ps.filter_rows(rows, specialist=ps.NO_SPECIALIST)] == [
        r.id for r in rows if r.id not in responsible]
    assert ps.filter_rows(rows, specialist=None) == rows


def test_responsible_query_agrees_with_the_domain_rule(workspace) -> None:
    from fieldapp.storage.queries import outcomes as oq
    from tests.support.team_data import share_out

    generate(workspace, participants=15, today=NOW.date())
    share_out(workspace, today=NOW.date())
    everyone = ps.list_participants(workspace, now=NOW)
    third = team.specialists(workspace)[2]
    team.hand_over(workspace, participant_id=everyone[4].id, specialist_id=third.id, reason="cover",
                   start=NOW.date() - timedelta(days=2), until=NOW.date() + timedelta(days=5))
    team.hand_over(workspace, participant_id=everyone[4].id, specialist_id=third.id,
                   start=NOW.date() + timedelta(days=20))
    for days in (-400, -25, -10, 0, 3, 10, 30):
        day = NOW.date() + timedelta(days=days)
        with workspace.folder.read() as session:
            found = oq.responsible_on(session, day)
        assert found == team.responsible_on(workspace, day), day
