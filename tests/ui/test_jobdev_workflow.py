"""Job development through the real widgets: an employer contact for two participants counts on Today; a lead
moves to hired and becomes a placement; a participant without a job is overdue after the interval and leaves
the list when a visit is finished (a draft does not count)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from fieldapp.domain import vocab
from fieldapp.domain.records import Employer, EmployerContact, Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import job_search, jobdev, placements, records
from fieldapp.ui.forms.base import set_combo
from tests.ui.conftest import NOW

TODAY = NOW.astimezone().date()


def _saved(qtbot, dialog):
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def _button(widget, name: str) -> QPushButton:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_an_employer_contact_for_two_participants_counts_on_today(qtbot, ctx, main_window):
    employer = records.save(ctx.ws, Employer(name="Fjordkanten Hotell AS"))
    first = records.save(ctx.ws, Participant(first_name="Åse", last_name="Brøndbo", phase="phase2"))
    second = records.save(ctx.ws, Participant(first_name="Jonas", last_name="Ødegård", phase="phase1"))
    section = main_window.today.jobdev
    section.reload()
    qtbot.waitUntil(lambda: "0 av 6" in section.week.text(), timeout=5000)

    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    log = main_window.employer_contacts
    assert main_window.current_view() is log
    qtbot.mouseClick(log.contacts.add_button, Qt.MouseButton.LeftButton)
    dialog = log.contacts.dialog
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=5000)
    set_combo(dialog.employer_id, employer.id)
    set_combo(dialog.kind, "workplace_meeting")
    qtbot.keyClicks(dialog.contact_person, "Kari Holm")
    qtbot.keyClicks(dialog.asked_for, "Kjøkkenassistent, 50 %")
    for person in (first, second):
        box = dialog.participants.boxes[person.id]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert sorted(dialog.participants.chosen()) == sorted([first.id, second.id])
    saved = _saved(qtbot, dialog)
    [row] = jobdev.list_outreach(ctx.ws)
    assert (row.id, row.contact_date, row.kind, row.contact_person) == (saved.id, TODAY, "workplace_meeting", "Kari Holm")
    assert set(row.participant_names) == {"Åse Brøndbo", "Jonas Ødegård"}
    qtbot.waitUntil(lambda: log.contacts.list.model.rowCount() == 1, timeout=5000)

    # The employer's page lists the contact and who made it.
    log.contacts.list.table.selectRow(0)
    qtbot.mouseClick(_button(log, "outreach_log_employer"), Qt.MouseButton.LeftButton)
    page = main_window.employers.detail.outreach
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1, timeout=5000)
    assert main_window.current_view() is main_window.employers
    shown = page.list.model.row_at(0)
    assert (shown.id, shown.made_by) == (saved.id, ctx.ws.actor)
    titles = [page.list.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.list.model.columnCount())]
    assert "Gjort av" in titles and "Arbeidsgiver" not in titles

    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "1 av 6" in section.week.text(), timeout=5000)
    assert "Arbeidsgiverkontakter denne uken" in section.week.text()


def test_a_lead_through_application_and_interview_to_hired_creates_the_placement(qtbot, ctx, main_window):
    employer = records.save(ctx.ws, Employer(name="Sjøbua Kafé AS"))
    manager = records.save(ctx.ws, EmployerContact(employer_id=employer.id, name="Ola Bergstrøm"))
    person = records.save(ctx.ws, Participant(first_name="Åse", last_name="Brøndbo", phase="phase2"))
    main_window.show_participant(person.id, "pipeline")
    tab = main_window.participants.detail.pipeline
    qtbot.waitUntil(lambda: tab.participant_id == person.id and main_window.participants.detail.tabs.isEnabled()
                    and main_window.participants.detail.tabs.currentWidget() is tab, timeout=5000)

    qtbot.mouseClick(_button(tab, "add_lead"), Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=5000)
    set_combo(dialog.employer_id, employer.id)
    qtbot.keyClicks(dialog.job_title, "Kjøkkenassistent")
    lead = _saved(qtbot, dialog)
    assert (lead.status, lead.found_on, lead.employer_id) == ("lead", TODAY, employer.id)
    qtbot.waitUntil(lambda: tab.leads.model.rowCount() == 1, timeout=5000)

    for status in ("applied", "interview"):
        tab.leads.table.selectRow(0)
        tab.move_actions[status].trigger()
        qtbot.waitUntil(lambda s=status: job_search.pipeline(ctx.ws, person.id)[0].lead.status == s, timeout=5000)
        qtbot.waitUntil(lambda s=status: tab.leads.model.rowCount() == 1
                        and tab.leads.model.row_at(0).lead.status == s, timeout=5000)
    stored = job_search.pipeline(ctx.ws, person.id)[0].lead
    assert (stored.applied_on, stored.interview_on) == (TODAY, TODAY)

    tab.leads.table.selectRow(0)
    qtbot.mouseClick(_button(tab, "lead_hire"), Qt.MouseButton.LeftButton)
    hire = tab.dialog
    qtbot.waitUntil(lambda: hire.contact_id.count() == 2, timeout=5000)
    assert hire.contact_id.currentData() == manager.id
    hire.start_date.setDate(QDate(2026, 12, 7))
    hire.percentage.setValue(50)
    hire.days_per_week.setValue(3)
    set_combo(hire.employment_form, "temporary")
    hired = _saved(qtbot, hire)

    detail = placements.placement_detail(ctx.ws, hired.placement.id)
    assert detail is not None
    p = detail.placement
    assert (p.participant_id, p.employer_id, p.contact_id, p.job_title, p.percentage, p.days_per_week,
            p.employment_form, p.status, p.start_date.isoformat()) == (
        person.id, employer.id, manager.id, "Kjøkkenassistent", 50, 3, "temporary", "planned", "2026-12-07")
    assert job_search.pipeline(ctx.ws, person.id)[0].lead.placement_id == p.id
    assert records.get(ctx.ws, Participant, person.id).phase == "phase3"
    qtbot.waitUntil(lambda: tab.leads.model.row_at(0).lead.status == "hired", timeout=5000)
    qtbot.waitUntil(lambda: main_window.participants.detail.placements.list.model.rowCount() == 1, timeout=5000)


def test_without_a_job_overdue_after_the_interval_and_gone_once_seen(qtbot, ctx, main_window):
    person = records.save(ctx.ws, Participant(first_name="Jonas", last_name="Lie", phase="phase2",
                                              referred_on=TODAY - timedelta(days=60)))
    records.save(ctx.ws, Visit(participant_id=person.id, starts_at=NOW - timedelta(days=10),
                               finished_at=NOW - timedelta(days=10) + timedelta(hours=1)))
    section = main_window.today.jobdev
    section.reload()
    qtbot.waitUntil(lambda: section.pre_job_title.text() != "", timeout=5000)
    assert section.pre_job_model.rowCount() == 0  # seen 10 days ago: within the 14-day interval

    ctx.now = lambda: NOW + timedelta(days=5)  # 15 days since the last visit
    section.reload()
    qtbot.waitUntil(lambda: section.pre_job_model.rowCount() == 1, timeout=5000)
    row = section.pre_job_model.row_at(0)
    assert (row.participant_id, row.days_overdue) == (person.id, 1)
    assert row.days_without_employer_contact == 65  # referred 65 days ago, no employer contact yet

    assert not section.start_button.isEnabled()  # nothing selected yet
    section.pre_job_table.selectRow(0)
    assert section.start_button.isEnabled()
    with qtbot.waitSignal(ctx.navigator.visit_requested, timeout=2000) as request:
        qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    assert request.args == ["", person.id]
    editor = main_window.visit_editors[-1]
    qtbot.waitUntil(lambda: editor.stored is not None, timeout=5000)
    offered = {editor.visit_type.itemData(i) for i in range(editor.visit_type.count())}
    assert offered == {t.code for t in vocab.VISIT_TYPES} - {"before_start", "first_week", "first_month"}

    qtbot.keyClicks(editor.summary, "Samtale om jobbønsker")
    qtbot.waitUntil(lambda: getattr(records.get(ctx.ws, Visit, editor.visit_id), "summary", "")
                    == "Samtale om jobbønsker", timeout=8000)
    editor.close()
    # A draft is not a held visit: the participant stays overdue until the visit is finished.
    section.reload()
    qtbot.waitUntil(lambda: section.pre_job_title.text() != "", timeout=5000)
    qtbot.wait(200)
    assert section.pre_job_model.rowCount() == 1
    draft = records.get(ctx.ws, Visit, editor.visit_id)
    assert draft is not None
    records.save(ctx.ws, replace(draft, finished_at=NOW + timedelta(days=5)))
    section.reload()
    qtbot.waitUntil(lambda: section.pre_job_model.rowCount() == 0, timeout=8000)


def test_the_weekly_target_and_the_pre_job_interval_are_settings(qtbot, ctx):
    from fieldapp.ui.dialogs.settings import SettingsDialog, pre_job_interval_days, weekly_contact_target

    assert (weekly_contact_target(ctx.settings), pre_job_interval_days(ctx.settings)) == (6, 14)
    dialog = SettingsDialog(ctx.settings)
    qtbot.addWidget(dialog)
    dialog.weekly_target.setValue(4)
    dialog.pre_job_interval.setValue(21)
    dialog.accept()
    assert (weekly_contact_target(ctx.settings), pre_job_interval_days(ctx.settings)) == (4, 21)
    ctx.settings.setValue("job_development/weekly_contact_target", "not a number")
    assert weekly_contact_target(ctx.settings) == 6  # a damaged value falls back to the default


def test_phase_and_referral_date_are_set_in_the_participant_form_and_filter_the_list(qtbot, ctx, main_window):
    from datetime import date

    from fieldapp.ui.forms.participant_form import ParticipantDialog

    person = records.save(ctx.ws, Participant(first_name="Åse", last_name="Brøndbo"))
    other = records.save(ctx.ws, Participant(first_name="Jonas", last_name="Lie", phase="phase1"))
    dialog = ParticipantDialog(ctx, person)
    qtbot.addWidget(dialog)
    assert dialog.phase.currentData() is None  # "Not set"
    set_combo(dialog.phase, "phase2")
    dialog.referred_on.set_value(date(2026, 10, 1))
    saved = _saved(qtbot, dialog)
    assert (saved.phase, saved.referred_on) == ("phase2", date(2026, 10, 1))

    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = main_window.participants.list
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    set_combo(panel.phase, "phase1")
    assert [r.id for r in panel.model.rows] == [other.id]
    set_combo(panel.phase, "phase2")
    assert [r.id for r in panel.model.rows] == [person.id]
    # Referred 53 days before "now" and never seen: overdue by the 14-day pre-job interval.
    row = panel.model.rows[0]
    assert row.overdue and row.next_visit_due == date(2026, 10, 15)


def test_a_contact_with_a_new_employer_checks_its_organisation_number(qtbot, ctx, main_window):
    from fieldapp.services import employers
    from fieldapp.ui.forms.employer_outreach_form import NEW_EMPLOYER

    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    log = main_window.employer_contacts
    qtbot.mouseClick(log.contacts.add_button, Qt.MouseButton.LeftButton)
    dialog = log.contacts.dialog
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=5000)
    assert not dialog.new_name.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no employer chosen
    assert dialog.form.error_text("employer_id") != "" and dialog.isVisible()
    set_combo(dialog.employer_id, NEW_EMPLOYER)
    assert dialog.new_name.isVisible() and dialog.new_orgnr.isVisible()
    qtbot.keyClicks(dialog.new_name, "Nordlys Lager AS")
    qtbot.keyClicks(dialog.new_orgnr, "974 760 674")  # wrong check digit
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.form.error_text("employer.orgnr") != "", timeout=5000)
    assert employers.list_employers(ctx.ws) == [] and jobdev.list_outreach(ctx.ws) == []
    dialog.new_orgnr.clear()
    qtbot.keyClicks(dialog.new_orgnr, "974 760 673")
    saved = _saved(qtbot, dialog)
    [employer] = employers.list_employers(ctx.ws)
    assert (employer.name, employer.orgnr, saved.employer_id) == ("Nordlys Lager AS", "974760673", employer.id)
    assert jobdev.list_outreach(ctx.ws)[0].general


def test_a_contact_logged_by_mistake_is_deleted_after_confirming(qtbot, ctx, main_window, monkeypatch):
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from fieldapp.domain.jobdev_records import EmployerOutreach

    employer = records.save(ctx.ws, Employer(name="Fjordkanten Hotell AS"))
    jobdev.log_outreach(ctx.ws, EmployerOutreach(employer_id=employer.id, contact_date=TODAY, kind="phone"))
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    log = main_window.employer_contacts
    qtbot.waitUntil(lambda: log.contacts.list.model.rowCount() == 1, timeout=5000)
    log.contacts.list.table.selectRow(0)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No)
    qtbot.mouseClick(_button(log, "outreach_log_delete"), Qt.MouseButton.LeftButton)
    assert "Fjordkanten Hotell AS" in asked[0] and len(jobdev.list_outreach(ctx.ws)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(_button(log, "outreach_log_delete"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: log.contacts.list.model.rowCount() == 0, timeout=5000)
    assert jobdev.list_outreach(ctx.ws) == []
    assert jobdev.week_of_outreach(ctx.ws, today=date(2026, 11, 23)).count == 0
