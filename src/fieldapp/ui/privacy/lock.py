"""The screen lock: after the idle time set in Settings, or on Ctrl+L, every window's content is hidden until
the user unlocks (with the app PIN when one is set). Five wrong PINs close the app. The PIN is checked on a
pool thread, so the window keeps painting during the key derivation. With a PIN set, the app also starts locked:
closing it after wrong PINs, or killing it, and starting it again does not get past the PIN.

The content is taken out of the window, not covered: a covered widget still counts as visible to
accessibility tools and screenshots of the window, and a restored or re-shown window must not show it.
"""

from __future__ import annotations

import contextlib

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain.messages import DomainError
from fieldapp.ui.i18n import message, translate

IDLE_KEY = "privacy/idle_minutes"
# Whether a PIN is set, remembered outside the keyring so that a start can lock before the first paint without
# waiting for the keyring. Kept true to the keyring whenever either is read (remember_pin); the PIN itself is
# only ever checked against the keyring.
PIN_SET_KEY = "privacy/pin_set"
DEFAULT_IDLE_MINUTES = 5
EXIT_TOO_MANY_PINS = 3
_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel, QEvent.Type.TouchBegin})


def idle_minutes(settings: QSettings) -> int:
    try:
        return max(0, int(settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


def remember_pin(settings: QSettings, has_pin: bool) -> None:
    if bool(settings.value(PIN_SET_KEY, False, type=bool)) != has_pin:
        settings.setValue(PIN_SET_KEY, has_pin)
        settings.sync()


class LockScreen(QWidget):
    """What the window shows while locked: no data, a PIN field (when a PIN is set) and Unlock."""

    unlock_requested = Signal(str)

    def __init__(self, needs_pin: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        title = QLabel(translate("LockScreen", "<h2>Fieldapp is locked</h2>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(translate("LockScreen", "The content is hidden so that nobody can read it over your shoulder.")
                      if needs_pin else
                      translate("LockScreen", "The content is hidden. Set an app PIN in Settings so that only you "
                                              "can unlock."))
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin = QLineEdit()
        self.pin.setObjectName("lock_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(translate("LockScreen", "App PIN"))
        self.pin.setAccessibleName(translate("LockScreen", "App PIN"))
        self.pin.setMaximumWidth(240)
        self.pin.setVisible(needs_pin)
        self.pin.returnPressed.connect(self._submit)
        self.unlock_button = QPushButton(translate("LockScreen", "&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.error = QLabel()
        self.error.setObjectName("lock_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed-width column: word-wrapped labels inside a centring layout would otherwise be cut off.
        column = QWidget()
        column.setFixedWidth(460)
        inner = QVBoxLayout(column)
        for w in (title, note, self.pin, self.unlock_button, self.error):
            inner.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter if w in (self.pin, self.unlock_button) else
                            Qt.AlignmentFlag(0))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.pin.text())


class LockController(QObject):
    """Locks `window` (and hides the app's other windows) on idle or Ctrl+L. `locked_changed(bool)`."""

    locked_changed = Signal(bool)
    unlock_checked = Signal(bool)  # after each try: True when unlocked
    _pin_checked = Signal(object)  # from the pool thread: True, False or the DomainError

    def __init__(self, window: QMainWindow, settings: QSettings, *,
                 on_too_many: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.locked = False
        self.failures = 0
        self.checking = False
        self._pin_checked.connect(self._on_pin_checked, Qt.ConnectionType.QueuedConnection)
        self.screen: LockScreen | None = None
        self._content: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._bars: list[QWidget] = []
        self._disabled: list[QAction] = []
        self._on_too_many = on_too_many or (lambda: QApplication.exit(EXIT_TOO_MANY_PINS))
        self.timer = QTimer(self, singleShot=True, timeout=self.lock)
        self.apply_settings()
        self.lock_action = QAction(translate("LockScreen", "Lock"), window)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.destroyed.connect(self.dispose)

    def dispose(self) -> None:
        """Stop watching the application (the window is gone)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def apply_settings(self, minutes: int | None = None) -> None:
        """Idle time from Settings (0: no idle lock; Ctrl+L still locks)."""
        self.set_idle_ms((idle_minutes(self.settings) if minutes is None else minutes) * 60_000)

    def set_idle_ms(self, ms: int) -> None:
        self.timer.stop()
        self.timer.setInterval(ms)
        if ms > 0 and not self.locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT_EVENTS and not self.locked and self.timer.interval() > 0:
            self.timer.start()
        elif event.type() == QEvent.Type.Show and self.locked and isinstance(watched, QWidget) \
                and watched.isWindow() and watched is not self.window and watched.windowType() != Qt.WindowType.ToolTip:
            # A window opened while locked (a late error box, a dialog from a background task) waits too.
            QTimer.singleShot(0, lambda w=watched: self._hide_window(w))
        return False

    def _hide_window(self, widget: QWidget) -> None:
        # Checked again: by now the widget may have been put inside the window (the lock screen itself).
        if self.locked and widget.isWindow() and widget.isVisible() and not self.window.isAncestorOf(widget):
            widget.hide()
            self._hidden.append(widget)

    def lock_at_start(self) -> None:
        """Right after the window is shown, before it first paints: locked if a PIN is set."""
        if bool(self.settings.value(PIN_SET_KEY, False, type=bool)):
            self.lock(needs_pin=True)

    def note_pin(self, has_pin: bool) -> None:
        """What the keyring says once the folder is open (`services.app_pin.has_pin`, off the UI thread). A PIN
        that Settings did not know of (set by an older version) is remembered, and locks now."""
        known = bool(self.settings.value(PIN_SET_KEY, False, type=bool))
        remember_pin(self.settings, has_pin)
        if has_pin and not known:
            self.lock(needs_pin=True)

    def lock(self, needs_pin: bool | None = None) -> None:
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        self.failures = 0
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and widget.isWindow():
                widget.hide()
                self._hidden.append(widget)
        self._bars = [w for w in self.window.findChildren(QWidget) if w.parent() is self.window
                      and w is not self.window.centralWidget() and w.isVisible()]
        for bar in self._bars:
            bar.hide()
        # The window's shortcuts (Ctrl+1…4, Ctrl+N …) would otherwise still open views and editors behind the lock.
        self._disabled = [a for a in self.window.findChildren(QAction) if a.isEnabled() and a is not self.lock_action]
        for action in self._disabled:
            action.setEnabled(False)
        if needs_pin is None:
            from fieldapp.services import app_pin  # not at start-up: the keyring loads only when first locked

            try:
                needs_pin = app_pin.has_pin()
            except DomainError:
                needs_pin = False
            else:
                remember_pin(self.settings, needs_pin)
        self._content = self.window.takeCentralWidget()
        self.screen = LockScreen(needs_pin, self.window)
        self.screen.unlock_requested.connect(self.try_unlock)
        self.window.setCentralWidget(self.screen)
        self.screen.show()
        self.screen.pin.setVisible(needs_pin)
        self.screen.pin.setFocus()
        self.locked_changed.emit(True)

    def try_unlock(self, pin: str) -> None:
        """Check the PIN off the UI thread (scrypt takes about 0.2 s); `unlock_checked(ok)` follows on the UI
        thread. A second try while one is being checked is ignored: Return held down must not queue many."""
        if not self.locked or self.screen is None:
            self.unlock_checked.emit(True)
            return
        if self.checking:
            return
        self.checking = True
        self.screen.pin.setEnabled(False)
        self.screen.unlock_button.setEnabled(False)
        self.screen.error.setText(translate("LockScreen", "Checking the PIN …"))
        QThreadPool.globalInstance().start(lambda: self._check_pin(pin))

    def _check_pin(self, pin: str) -> None:
        """On a pool thread: the keyring and scrypt, then the result back through a queued signal."""
        from fieldapp.services import app_pin

        try:
            result: object = (not app_pin.has_pin()) or app_pin.verify_pin(pin)
        except DomainError as exc:
            result = exc
        # The window may have closed while the PIN was checked: then nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            self._pin_checked.emit(result)

    def _on_pin_checked(self, result: object) -> None:
        from fieldapp.services import app_pin

        self.checking = False
        if not self.locked or self.screen is None:
            return
        self.screen.pin.setEnabled(True)
        self.screen.unlock_button.setEnabled(True)
        self.screen.pin.setFocus()
        if isinstance(result, DomainError):
            self.screen.error.setText(message(result))
            self.unlock_checked.emit(False)
            return
        if result is True:
            self._unlock()
            self.unlock_checked.emit(True)
            return
        self.failures += 1
        self.screen.pin.clear()
        left = app_pin.MAX_TRIES - self.failures
        if left <= 0:
            self.screen.error.setText(translate("LockScreen", "Too many wrong PINs. Fieldapp closes."))
            self._on_too_many()
        else:
            self.screen.error.setText(translate("LockScreen", "Wrong PIN. %1 tries left before Fieldapp closes.")
                                      .replace("%1", str(left)))
        self.unlock_checked.emit(False)

    def _unlock(self) -> None:
        screen = self.window.takeCentralWidget()
        if self._content is not None:
            self.window.setCentralWidget(self._content)
            self._content.show()
        self._content = None
        if screen is not None:
            screen.deleteLater()
        self.screen = None
        for bar in self._bars:
            bar.show()
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            widget.show()
        self.locked = False
        self.failures = 0
        if self.timer.interval() > 0:
            self.timer.start()
        self.locked_changed.emit(False)


def install_lock(window: QMainWindow, settings: QSettings) -> LockController:
    return LockController(window, settings)
