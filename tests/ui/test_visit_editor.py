"""The visit editor driven as a user would: typing, autosave, invalid input, finishing, corrections."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt

from fieldapp.domain.visit_records import Visit
from fieldapp.services import records
from fieldapp.services import visits as service
from fieldapp.ui.i18n import translate
from fieldapp.ui.visits.attendees import participant_role
from tests.support.visit_data import active_agreement, earlier_visit, participant_in_job
from tests.ui.conftest import NOW
from tests.ui.visit_helpers import open_editor  # noqa: F401 - a fixture

TODAY = NOW.astimezone().date()


def _stored(ctx, editor):
    return service.load_stored(ctx.ws, editor.visit_id)


def test_typed_text_is_saved_as_a_draft_after_a_pause(qtbot, ctx, open_editor):
    participant, placement, contact = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    editor = open_editor(participant_id=participant.id)
    assert records.get(ctx.ws, Visit, editor.visit_id) is None  # nothing stored before anything is typed
    assert editor.placement.currentData() == placement.id
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        qtbot.keyClicks(editor.employee_view, "Trives på bakeriet, vil øke til 60 %")
        qtbot.keyClicks(editor.place, ", bakgården")
        box = editor.topics.boxes["wellbeing"]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    stored = _stored(ctx, editor)
    assert stored.visit.employee_view == "Trives på bakeriet, vil øke til 60 %"
    assert stored.visit.place == "Solbakken Bakeri AS, bakgården"
    assert stored.visit.topics == ("wellbeing",)
    assert stored.visit.placement_id == placement.id and not stored.visit.finished
    assert [(a.role, a.name) for a in stored.attendees] == [(participant_role(), "Åse Brøndbo")]
    assert editor.state_label.text() == translate("VisitEditor", "Saved at %1").replace(
        "%1", NOW.astimezone().strftime("%H.%M"))

    # An employer contact and an action through the tables, then the draft reopens as saved.
    editor.attendees.contact_menu.actions()[0].trigger()
    qtbot.mouseClick(editor.actions.add, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        qtbot.keyClicks(editor.actions.table.focusWidget() or editor.actions.table, "Prøve kassen")
        qtbot.keyClick(editor.actions.table.focusWidget(), Qt.Key.Key_Return)
    stored = _stored(ctx, editor)
    assert [a.name for a in stored.attendees] == ["Åse Brøndbo", contact.name]
    assert [(a.what, a.status) for a in stored.actions] == [("Prøve kassen", "agreed")]
    visit_id = editor.visit_id
    editor.close()

    again = open_editor(visit_id=visit_id)
    assert again.employee_view.toPlainText() == "Trives på bakeriet, vil øke til 60 %"
    assert again.topics.value() == ("wellbeing",)
    assert [r.what for r in again.actions.model.rows] == ["Prøve kassen"]
    assert again.status_chip.text() == translate("VisitEditor", "Draft")


def test_invalid_input_is_marked_kept_and_not_saved(qtbot, ctx, open_editor):
    participant, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    editor = open_editor(participant_id=participant.id)
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        qtbot.keyClicks(editor.summary, "Første utkast")
    too_long = "x" * 201
    editor.place.clear()
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        qtbot.keyClicks(editor.place, too_long)
    form = next(f for f in editor.forms if "place" in f.fields)
    assert form.error_text("place") == "Teksten er for lang: 201 tegn, maks 200."
    assert editor.place.text() == too_long  # what was typed stays
    assert editor.place.accessibleDescription() == "Teksten er for lang: 201 tegn, maks 200."
    stored = _stored(ctx, editor)
    assert stored.visit.place == "Solbakken Bakeri AS"  # the last valid value, nothing invalid stored
    assert stored.visit.summary == "Første utkast"
    assert editor.state_label.text().startswith(translate("VisitEditor", "Saved at %1").split("%1")[0])
    assert editor.state_label.text() != translate("VisitEditor", "Saved at %1").replace(
        "%1", NOW.astimezone().strftime("%H.%M"))  # says that the red fields are not saved

    # An action without "what" is marked in its cell and not stored either.
    qtbot.mouseClick(editor.actions.add, Qt.MouseButton.LeftButton)
    row = editor.actions.model.rows[0]
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        editor.actions.model.setData(editor.actions.model.index(0, 1), "Leder")
    assert editor.actions.model.error_at(0, "what") == "Dette feltet må fylles ut."
    assert editor.actions.error.text().endswith(": Dette feltet må fylles ut.") and editor.actions.error.isVisible()
    assert _stored(ctx, editor).actions == ()

    # Finishing is refused while anything is invalid.
    qtbot.mouseClick(editor.finish_button, Qt.MouseButton.LeftButton)
    assert not editor.confirm_bar.isVisible()
    assert records.get(ctx.ws, Visit, editor.visit_id).finished_at is None

    # Corrected: saved, the marks go.
    editor.actions.model.setData(editor.actions.model.index(0, 0), "Ringe leder")
    editor.place.clear()
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        qtbot.keyClicks(editor.place, "Lageret")
    assert form.error_text("place") == ""
    stored = _stored(ctx, editor)
    assert stored.visit.place == "Lageret"
    assert [(a.id, a.what, a.responsible) for a in stored.actions] == [(row.id, "Ringe leder", "Leder")]


def test_next_visit_before_start_is_marked_with_the_domain_message(qtbot, ctx, open_editor):
    participant, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    editor = open_editor(participant_id=participant.id)
    proposed = editor.next_visit.value()
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        editor.next_visit.set_value(TODAY - timedelta(days=3))
        qtbot.keyClicks(editor.summary, "Kort besøk")
    form = next(f for f in editor.forms if "next_visit_date" in f.fields)
    assert "Slutt" in form.error_text("next_visit_date") or "før" in form.error_text("next_visit_date")
    assert _stored(ctx, editor).visit.next_visit_date == proposed
    editor.next_visit.set_value(proposed)  # leave it valid, so closing at teardown does not ask


def test_finish_locks_and_a_correction_is_stored_as_a_linked_note(qtbot, ctx, open_editor):
    participant, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    editor = open_editor(participant_id=participant.id)
    qtbot.keyClicks(editor.summary, "Avtalt nytt møte om fire uker.")
    qtbot.keyClick(editor.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.confirm_bar.isVisible()
    assert editor.summary.toPlainText() == "Avtalt nytt møte om fire uker."  # Ctrl+Enter typed no new line
    with qtbot.waitSignal(editor.visit_finished, timeout=5000):
        qtbot.mouseClick(editor.confirm_finish_button, Qt.MouseButton.LeftButton)
    stored = _stored(ctx, editor)
    assert stored.visit.finished and stored.visit.finished_at == NOW
    assert stored.visit.summary == "Avtalt nytt møte om fire uker."
    assert editor.summary.isReadOnly() and editor.place.isReadOnly() and not editor.channel.isEnabled()
    assert not editor.actions.add.isVisible() and not editor.finish_button.isVisible()
    assert editor.corrections_box.isVisible()
    assert editor.status_chip.text() == translate("VisitEditor", "Finished")

    qtbot.keyClicks(editor.summary, "endret")  # read-only: nothing changes, nothing is saved
    assert editor.summary.toPlainText() == "Avtalt nytt møte om fire uker."

    panel = editor.corrections
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)  # empty: refused with the domain message
    qtbot.waitUntil(lambda: panel.form.error_text("text") == "Dette feltet må fylles ut.", timeout=3000)
    qtbot.keyClicks(panel.text, "Rettelse: besøket varte til 10.30, ikke 10.00.")
    with qtbot.waitSignal(panel.correction_added, timeout=3000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    notes = _stored(ctx, editor).notes
    assert [n.text for n in notes] == ["Rettelse: besøket varte til 10.30, ikke 10.00."]
    assert notes[0].visit_id == editor.visit_id
    assert "10.30" in panel.list_label.text() and panel.text.toPlainText() == ""
    assert _stored(ctx, editor).visit.summary == "Avtalt nytt møte om fire uker."

    visit_id = editor.visit_id
    editor.close()
    reopened = open_editor(visit_id=visit_id)
    assert reopened.finished and reopened.summary.isReadOnly()
    assert "10.30" in reopened.corrections.list_label.text()


def test_open_actions_of_the_previous_visit_are_carried_in(qtbot, ctx, open_editor):
    participant, placement, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    _, earlier = earlier_visit(ctx.ws, participant, placement, NOW - timedelta(days=12),
                               actions=(("Søke om arbeidsklær", "agreed"), ("Avklare vakter", "done")))
    editor = open_editor(participant_id=participant.id)
    rows = editor.actions.model.rows
    assert [r.what for r in rows] == ["Søke om arbeidsklær"]
    carried_cell = editor.actions.model.index(0, 4).data()
    assert (NOW - timedelta(days=12)).astimezone().strftime("%d.%m.%Y") in carried_cell
    with qtbot.waitSignal(editor.draft_saved, timeout=4000):
        editor.actions.model.setData(editor.actions.model.index(0, 3), "done")
    stored = _stored(ctx, editor)
    assert [(a.what, a.status, a.carried_from_id) for a in stored.actions] == [
        ("Søke om arbeidsklær", "done", earlier[0].id)]
    assert records.get(ctx.ws, type(earlier[0]), earlier[0].id).status == "agreed"  # the old one is untouched


def test_next_visit_proposed_from_the_agreement_or_the_default_cadence(qtbot, ctx, open_editor):
    with_agreement, placement, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    active_agreement(ctx.ws, with_agreement, placement, today=TODAY, frequency="every_other_week")
    without, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90), first_name="Per")
    editor = open_editor(participant_id=with_agreement.id)
    assert editor.next_visit.value() == TODAY + timedelta(days=14)
    assert editor.proposal_label.text() == translate("VisitEditor", "Proposed %1 from the agreement: follow-up %2.") \
        .replace("%1", (TODAY + timedelta(days=14)).strftime("%d.%m.%Y")).replace(
            "%2", translate("VisitEditor", "every other week"))
    other = open_editor(participant_id=without.id)
    assert other.next_visit.value() == TODAY + timedelta(days=30)
    # Moving the visit a week on moves the proposal with it (the date has not been typed by hand).
    other.starts_at.setDateTime(other.starts_at.dateTime().addDays(7))
    assert other.next_visit.value() == TODAY + timedelta(days=37)


def test_closing_the_window_saves_at_once(qtbot, ctx, open_editor):
    participant, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    editor = open_editor(participant_id=participant.id)
    visit_id = editor.visit_id
    qtbot.keyClicks(editor.challenges, "Lite søvn før tidligvakter")
    assert records.get(ctx.ws, Visit, visit_id) is None  # the pause has not passed yet
    qtbot.keyClick(editor.challenges, Qt.Key.Key_Escape)  # Esc closes, saving first
    assert records.get(ctx.ws, Visit, visit_id).challenges == "Lite søvn før tidligvakter"


def test_keyboard_sections_and_accessible_names(qtbot, ctx, open_editor):
    participant, _, _ = participant_in_job(ctx.ws, job_start=TODAY - timedelta(days=90))
    editor = open_editor(participant_id=participant.id)
    assert editor.summary.accessibleName() == editor.forms[-1].labelForField(
        editor.summary.parentWidget()).text().replace("&", "")
    for widget in (editor.starts_at, editor.duration, editor.channel, editor.place, editor.visit_type,
                   editor.placement, editor.employee_view, editor.next_visit, editor.internal_notes):
        assert widget.accessibleName()
    editor.starts_at.setFocus()
    qtbot.keyClick(editor.starts_at, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section() == 1
    qtbot.keyClick(QApplicationFocus.get(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert editor.current_section() == 2
    qtbot.keyClick(QApplicationFocus.get(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section() == 1
    # Tab order follows the form: start, duration, channel, place, type, job.
    editor.starts_at.setFocus()
    reached = [editor.starts_at]
    for _ in range(5):
        qtbot.keyClick(QApplicationFocus.get(), Qt.Key.Key_Tab)
        reached.append(QApplicationFocus.get())
    expected = [editor.starts_at, editor.duration, editor.channel, editor.place, editor.visit_type, editor.placement]
    assert [w.objectName() or w.parentWidget().objectName() for w in reached] == [w.objectName() for w in expected]


class QApplicationFocus:
    @staticmethod
    def get():
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()
