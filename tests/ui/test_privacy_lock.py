"""The screen lock: after the idle time nothing personal is on screen, a wrong PIN keeps it locked, five close the
app, Ctrl+L locks, and a window restored from the taskbar stays locked."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget

from fieldapp.domain.messages import DomainError
from fieldapp.domain.records import Participant
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.services import app_pin, records
from fieldapp.ui.privacy.lock import PIN_SET_KEY, LockController

FNR = synthetic_fodselsnummer(date(1979, 8, 21), random.Random(11))
SECRETS = ("Signe", "Rørvik", FNR[:6])


def _visible_text() -> str:
    """Every text a person could read in the app's visible windows: labels, fields, and visible table cells."""
    out: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        out.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, (QLabel, QLineEdit)):
                out.append(w.text())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                m = w.model()
                for r in range(min(m.rowCount(), 50)):
                    for c in range(m.columnCount()):
                        out.append(str(m.data(m.index(r, c)) or ""))
    return " ".join(out)


@pytest.fixture
def shown(qtbot, ctx, main_window):
    p = records.save(ctx.ws, Participant(first_name="Signe", last_name="Rørvik", fodselsnummer=FNR))
    main_window.show_participant(p.id)
    detail = main_window.participants.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.participant.id == p.id, timeout=5000)
    qtbot.waitUntil(lambda: "Rørvik" in _visible_text(), timeout=5000)
    yield main_window
    for lock in main_window.findChildren(LockController):
        lock.dispose()


def test_idle_lock_hides_everything_and_a_wrong_pin_keeps_it_locked(qtbot, ctx, shown) -> None:
    app_pin.set_pin("4711")
    closed: list[bool] = []
    lock = LockController(shown, ctx.settings, on_too_many=lambda: closed.append(True))
    lock.set_idle_ms(150)
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    text = _visible_text()
    for secret in SECRETS:
        assert secret not in text
    assert lock.screen is not None and not lock.screen.pin.isHidden()

    qtbot.keyClicks(lock.screen.pin, "0000")
    with qtbot.waitSignal(lock.unlock_checked, timeout=10_000):
        qtbot.keyClick(lock.screen.pin, Qt.Key.Key_Return)
    assert lock.locked and lock.failures == 1 and "Feil PIN-kode" in lock.screen.error.text()
    assert not any(secret in _visible_text() for secret in SECRETS)

    # The window minimised and restored from the taskbar is still locked.
    shown.showMinimized()
    shown.showNormal()
    qtbot.waitExposed(shown)
    assert lock.locked and not any(secret in _visible_text() for secret in SECRETS)

    qtbot.keyClicks(lock.screen.pin, "4711")
    with qtbot.waitSignal(lock.unlock_checked, timeout=10_000):
        qtbot.keyClick(lock.screen.pin, Qt.Key.Key_Return)
    assert not lock.locked and not closed and shown.nav_actions["participants"].isEnabled()
    qtbot.waitUntil(lambda: "Rørvik" in _visible_text(), timeout=5000)
    lock.set_idle_ms(0)


def _try_unlock(qtbot, lock, pin: str) -> bool:
    """One try through the lock screen's path; the answer comes back from the pool thread."""
    with qtbot.waitSignal(lock.unlock_checked, timeout=10_000) as checked:
        lock.try_unlock(pin)
    return bool(checked.args[0])


def test_ctrl_l_locks_and_five_wrong_pins_close_the_app(qtbot, ctx, shown) -> None:
    app_pin.set_pin("4711")
    closed: list[bool] = []
    lock = LockController(shown, ctx.settings, on_too_many=lambda: closed.append(True))
    lock.set_idle_ms(0)
    qtbot.keyClick(shown, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.locked
    # The window's shortcuts do nothing behind the lock.
    assert not shown.nav_actions["participants"].isEnabled() and not shown.new_visit_action.isEnabled()
    for attempt in range(4):
        assert not _try_unlock(qtbot, lock, "1111")
        assert not closed, f"closed after {attempt + 1} wrong PINs"
    assert not _try_unlock(qtbot, lock, "1111")
    assert closed == [True] and lock.locked


def test_without_a_pin_the_lock_still_hides_the_content(qtbot, ctx, shown) -> None:
    lock = LockController(shown, ctx.settings)
    lock.set_idle_ms(0)
    lock.lock()
    assert lock.screen is not None and not lock.screen.pin.isVisible()
    assert "Rørvik" not in _visible_text()
    with qtbot.waitSignal(lock.unlock_checked, timeout=10_000):
        qtbot.mouseClick(lock.screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked


def test_pin_is_kept_only_as_a_salted_hash() -> None:
    import keyring

    app_pin.set_pin("4711")
    stored = keyring.get_password(app_pin.SERVICE, app_pin.ENTRY)
    assert stored is not None and "4711" not in stored and stored.startswith("scrypt$")
    first_salt = stored.split("$")[4]
    app_pin.set_pin("4711")
    assert keyring.get_password(app_pin.SERVICE, app_pin.ENTRY).split("$")[4] != first_salt
    assert app_pin.verify_pin("4711") and not app_pin.verify_pin("4712")
    with pytest.raises(DomainError):
        app_pin.set_pin("12")


def test_settings_keep_idle_time_and_the_offices_retention_period(qtbot, ctx, shown) -> None:
    from fieldapp.services.retention import retention_years
    from fieldapp.ui.dialogs.settings import SettingsDialog

    lock = LockController(shown, ctx.settings)
    dialog = SettingsDialog(ctx.settings, shown)
    qtbot.addWidget(dialog)
    privacy = dialog.privacy
    qtbot.waitUntil(privacy.years.isEnabled, timeout=5000)
    assert privacy.years.value() == 5 and privacy.pin_state.text()
    privacy.idle.setValue(7)
    privacy.years.setValue(3)
    dialog.accept()
    assert int(ctx.settings.value("privacy/idle_minutes")) == 7
    assert lock.timer.interval() == 7 * 60_000
    qtbot.waitUntil(lambda: retention_years(ctx.ws) == 3, timeout=5000)


def test_the_pin_is_checked_off_the_ui_thread_and_a_second_try_waits(qtbot, ctx, shown, monkeypatch) -> None:
    import threading

    app_pin.set_pin("4711")
    real_verify = app_pin.verify_pin
    threads: list[str] = []
    release = threading.Event()

    def slow_verify(pin: str) -> bool:
        threads.append(threading.current_thread().name)
        release.wait(10)  # held until the test has looked at the screen mid-check
        return real_verify(pin)

    monkeypatch.setattr(app_pin, "verify_pin", slow_verify)
    lock = LockController(shown, ctx.settings)
    lock.set_idle_ms(0)
    lock.lock()
    with qtbot.waitSignal(lock.unlock_checked, timeout=10_000) as checked:
        lock.try_unlock("4711")
        # The UI thread is free while the key is derived: the screen says so and takes no second try.
        assert lock.checking and not lock.screen.pin.isEnabled() and not lock.screen.unlock_button.isEnabled()
        assert lock.screen.error.text()
        lock.try_unlock("4711")
        release.set()
    assert checked.args == [True] and not lock.locked
    assert len(threads) == 1 and threads[0] != threading.main_thread().name


def test_other_windows_hide_with_the_lock_and_one_shown_while_locked_waits_too(qtbot, ctx, shown) -> None:  # type: ignore[no-untyped-def]  # pytest-qt fixtures are untyped
    """An open second window, one a background task shows while locked, and one re-shown while locked."""
    lock = LockController(shown, ctx.settings)
    lock.set_idle_ms(0)
    before = QLabel("Rørvik, andre vindu")
    qtbot.addWidget(before)
    before.show()
    qtbot.waitExposed(before)
    lock.lock()
    assert not before.isVisible()
    late = QLabel(f"Sen melding om Signe {FNR[:6]}")
    qtbot.addWidget(late)
    late.show()
    before.show()  # a task shows the hidden window again
    qtbot.waitUntil(lambda: not late.isVisible() and not before.isVisible(), timeout=5000)
    assert not any(secret in _visible_text() for secret in SECRETS)
    with qtbot.waitSignal(lock.unlock_checked, timeout=10_000):
        qtbot.mouseClick(lock.screen.unlock_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]  # locked: the screen is there
    assert not lock.locked and late.isVisible() and before.isVisible()


def test_with_a_pin_the_app_starts_locked_so_restarting_after_wrong_pins_does_not_get_past_it(
        qtbot, ctx, shown) -> None:  # type: ignore[no-untyped-def]  # pytest-qt fixtures are untyped
    from fieldapp.ui.dialogs.settings import SettingsDialog

    app_pin.set_pin("4711")
    dialog = SettingsDialog(ctx.settings, shown)  # the PIN as the user sets it: Settings learn that one is set
    qtbot.addWidget(dialog)
    assert dialog.privacy.pin_state.text() and ctx.settings.value(PIN_SET_KEY, False, type=bool)
    dialog.reject()
    closed: list[bool] = []
    first = LockController(shown, ctx.settings, on_too_many=lambda: closed.append(True))
    first.lock_at_start()  # what every start does right after showing the window
    assert first.locked and first.screen is not None and first.screen.pin.isVisible()
    assert not any(s in _visible_text() for s in SECRETS)
    for _ in range(5):
        assert not _try_unlock(qtbot, first, "1111")
    assert closed == [True]
    assert _try_unlock(qtbot, first, "4711")  # (the window is reused below as the next start's)
    first.dispose()
    again = LockController(shown, ctx.settings)
    again.lock_at_start()  # the next start
    assert again.locked and not any(s in _visible_text() for s in SECRETS)
    assert _try_unlock(qtbot, again, "4711") and "Rørvik" in _visible_text()
    again.dispose()


def test_a_pin_only_the_keyring_knows_of_locks_once_it_is_read_and_every_start_after(
        qtbot, ctx, shown) -> None:  # type: ignore[no-untyped-def]  # pytest-qt fixtures are untyped
    app_pin.set_pin("4711")  # as an older version left it: Settings do not know
    ctx.settings.remove(PIN_SET_KEY)
    lock = LockController(shown, ctx.settings)
    lock.lock_at_start()
    assert not lock.locked
    lock.note_pin(app_pin.has_pin())  # the app asks the keyring once the folder is open
    assert lock.locked and ctx.settings.value(PIN_SET_KEY, False, type=bool)
    assert not any(s in _visible_text() for s in SECRETS)
    assert _try_unlock(qtbot, lock, "4711")
    lock.dispose()


def test_without_a_pin_the_app_starts_open(qtbot, ctx, shown) -> None:  # type: ignore[no-untyped-def]  # pytest-qt fixtures are untyped
    lock = LockController(shown, ctx.settings)
    lock.lock_at_start()
    lock.note_pin(app_pin.has_pin())
    assert not lock.locked and "Rørvik" in _visible_text()
    lock.dispose()
