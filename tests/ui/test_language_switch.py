"""The language switch offers a restart; English has its plural forms and its own long dates."""

from __future__ import annotations


# --- 7: the language switch restarts; plural forms and dates in English ----------------------------------------
def test_english_has_plural_forms_and_english_dates(qapp):
    from datetime import date

    from fieldapp.ui.formatting import days_overdue_text, fmt_long_date
    from fieldapp.ui.i18n import install_language, translate

    try:
        install_language(qapp, "en")
        assert days_overdue_text(311) == "311 days overdue"
        assert days_overdue_text(1) == "1 day overdue"
        assert translate("ParticipantList", "%n participant(s)", None, 41) == "41 participants"
        assert translate("ParticipantList", "%n participant(s)", None, 1) == "1 participant"
        assert translate("Search", "%n match(es) for “%1”", None, 2).startswith("2 matches for")
        assert fmt_long_date(date(2026, 12, 3)) == "Thursday 3 December 2026"
        install_language(qapp, "nb")
        assert days_overdue_text(311) == translate("Formatting", "%n day(s) overdue", None, 311)
        assert "311" in days_overdue_text(311) and "day" not in days_overdue_text(311)
        assert fmt_long_date(date(2026, 12, 3)) == "torsdag 3. desember 2026"
    finally:
        install_language(qapp, "nb")


def test_today_heading_in_english_keeps_the_month_capitalised(qtbot, qapp, ctx):
    from fieldapp.ui.i18n import install_language
    from fieldapp.ui.main_window import MainWindow

    try:
        install_language(qapp, "en")
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.first_view_loaded, timeout=10_000):
            window.load_first_view()
        assert "Monday 23 November 2026" in window.today.heading.text()
    finally:
        install_language(qapp, "nb")


def test_choosing_another_language_offers_a_restart_that_restarts(qtbot, ctx, main_window, monkeypatch):
    from fieldapp.ui.dialogs import restart
    from fieldapp.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx.settings, main_window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert dialog.language_changed
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(restart, "ask_restart", lambda parent: True)
    monkeypatch.setattr(restart.QProcess, "startDetached", lambda program, args: started.append((program, args))
                        or (True, 1))
    monkeypatch.setattr(restart.QApplication, "quit", lambda: None)
    assert main_window.offer_restart()
    assert started == [restart.restart_command()]
    assert not main_window.isVisible()
