"""The overview keeps the facts it read: a later opening, or a change the change hub reports, reads only the
participants whose records were written, and the figures shown follow the change."""

from __future__ import annotations

from datetime import timedelta

from fieldapp.domain.records import Participant
from fieldapp.services import outcomes, records
from tests.ui.conftest import NOW
from tests.ui.test_overview import _open_overview, _shown, team_window  # noqa: F401 - the fixture is used by name


def _counting(monkeypatch) -> tuple[list[object], list[object]]:
    full: list[object] = []
    partial: list[object] = []
    load, refresh = outcomes.load_inputs, outcomes.refresh_inputs
    monkeypatch.setattr(outcomes, "load_inputs", lambda *a, **k: full.append(k) or load(*a, **k))
    monkeypatch.setattr(outcomes, "refresh_inputs", lambda *a, **k: partial.append(a[2]) or refresh(*a, **k))
    return full, partial


def _new_participant(ctx, qtbot, view, name: str) -> None:
    person = Participant(first_name=name, last_name="Testesen", status="active",
                         follow_up_start=NOW.date() - timedelta(days=3))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.tasks.run(lambda: records.save(ctx.ws, person))


def test_a_change_reported_by_the_hub_updates_the_kept_figures(qtbot, ctx, team_window, monkeypatch) -> None:
    view = _open_overview(qtbot, team_window)
    assert _shown(view, "followed") == "40"
    full, partial = _counting(monkeypatch)

    _new_participant(ctx, qtbot, view, "Synnøve")  # the overview is showing: it follows at once
    assert _shown(view, "followed") == "41" and view.values["followed"][1].text() == "41"
    assert full == [] and len(partial) == 1 and set(partial[0]) == {"participant"}

    team_window.nav_actions["participants"].trigger()  # hidden: the change is only noted
    assert not view.isVisible()
    _new_participant(ctx, qtbot, team_window.participants, "Torbjørg")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        team_window.nav_actions["overview"].trigger()
    assert _shown(view, "followed") == "42" and full == [] and len(partial) == 2

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.specialist_choice.setCurrentIndex(1)  # switching specialist reads nothing
    assert full == [] and len(partial) == 2
    assert view.figures.team == outcomes.overview(ctx.ws, view.period(), today=NOW.date(), now=NOW)


def test_a_change_naming_no_records_reads_everything_again(qtbot, ctx, team_window, monkeypatch) -> None:
    view = _open_overview(qtbot, team_window)
    full, partial = _counting(monkeypatch)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.changes.notify({"visit"})
    assert len(full) == 1 and partial == []
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.changes.notify({"settings"})  # a setting changes the sums only
    assert len(full) == 1 and partial == []


def test_the_overdue_figure_follows_the_pre_job_interval_setting(qtbot, ctx, team_window) -> None:
    from fieldapp.services import participants as ps
    from fieldapp.ui.dialogs.settings import PRE_JOB_INTERVAL_KEY

    def expected(interval: int) -> str:
        return str(outcomes.overview(ctx.ws, view.period(), today=NOW.date(), now=NOW,
                                     pre_job_interval_days=interval).overdue_follow_ups)

    view = _open_overview(qtbot, team_window)
    assert _shown(view, "overdue") == expected(14)
    assert expected(3) != expected(60)  # the demo has participants without a job seen between 3 and 60 days ago
    listed = {r.id for r in ps.list_participants(ctx.ws, now=NOW, pre_job_interval_days=3) if r.overdue}
    assert {f.participant_id for f in view.kept.inputs.follow_ups if f.overdue} != listed  # 14 days, not 3 yet
    ctx.settings.setValue(PRE_JOB_INTERVAL_KEY, 3)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.changes.notify({"participant", "employer_outreach"})  # as the settings dialog's acceptance does
    assert _shown(view, "overdue") == expected(3)
    assert {f.participant_id for f in view.kept.inputs.follow_ups if f.overdue} == listed
    # Read again with the new interval even when nothing else tells the overview to.
    ctx.settings.setValue(PRE_JOB_INTERVAL_KEY, 60)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    assert _shown(view, "overdue") == expected(60)
