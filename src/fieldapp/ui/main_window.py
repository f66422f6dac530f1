"""The main window: navigation between the views, the search field, the status bar, and window state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QStackedWidget, QStatusBar, QToolBar, QWidget

from fieldapp.ui import icons
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import translate
from fieldapp.ui.menus import build_menus, standard_keys
from fieldapp.ui.views.base import View
from fieldapp.ui.views.today.view import TodayView
from fieldapp.ui.widgets.screen import fit_to_screen
from fieldapp.ui.widgets.tables import RowTable

SEARCH_DELAY_MS = 300


class MainWindow(QMainWindow):
    """Emits `first_view_loaded(rows)` once, when the view shown at start has its rows on screen.

    Built in two steps. The first (the constructor) needs no open data folder: navigation, toolbar and the
    Today view, which at start-up shows data read before the storage layer is loaded (ui/app.py). The
    second, `complete()`, builds everything else once the folder is open; the constructor runs it at once
    when the context already has one. Until then the other views and actions are disabled.
    """

    first_view_loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(translate("MainWindow", "Fieldapp – follow-up in work"))
        self.setWindowIcon(icons.app_icon())
        self.visit_editors: list[QWidget] = []

        self.today = TodayView(ctx)
        self.views: dict[str, View] = {"today": self.today}
        self.stack = QStackedWidget()
        self.stack.addWidget(self.today)
        self.setCentralWidget(self.stack)

        self._build_navigation()
        self._build_toolbar()
        self.menus = build_menus(self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self._run_search)
        self._first_loaded = False
        self.today.loaded.connect(self._on_first_loaded)
        self.completed = False
        self._waiting: list[Callable[[], None]] = []
        ctx.navigator.participant_requested.connect(
            lambda pid, tab: self._when_complete(lambda: self.show_participant(pid, tab)))
        ctx.navigator.employer_requested.connect(lambda eid: self._when_complete(lambda: self.show_employer(eid)))
        ctx.navigator.visit_requested.connect(lambda vid, pid: self._when_complete(lambda: self.open_visit(vid, pid)))
        self.restore_state()
        if ctx.has_workspace:
            self.complete()
        else:
            self._enable_actions(False)
            # Holds the status bar's place (so the view does not jump when the real one comes) and says why
            # the rest of the window is not ready yet.
            waiting = QStatusBar()
            waiting.showMessage(translate("MainWindow", "Opening the data folder …"))
            self.setStatusBar(waiting)

    def complete(self) -> None:
        """Build the views, sync and status bar that need the open data folder."""
        from fieldapp.ui.status_bar import SyncStatusBar
        from fieldapp.ui.sync.worker import SyncController
        from fieldapp.ui.views.agreements.view import AgreementsView
        from fieldapp.ui.views.employers.view import EmployersView
        from fieldapp.ui.views.jobdev.view import EmployerContactsView
        from fieldapp.ui.views.overview.view import OverviewView
        from fieldapp.ui.views.participants.view import ParticipantsView
        from fieldapp.ui.views.search.view import SearchView

        ctx = self.ctx
        self.participants = ParticipantsView(ctx)
        self.employers = EmployersView(ctx)
        self.agreements = AgreementsView(ctx)
        self.search_view = SearchView(ctx)
        self.employer_contacts = EmployerContactsView(ctx)
        self.overview = OverviewView(ctx)  # reads nothing until first shown
        self.views.update(participants=self.participants, employers=self.employers, agreements=self.agreements,
                          jobdev=self.employer_contacts, overview=self.overview)
        for view in (self.participants, self.employers, self.agreements, self.search_view, self.employer_contacts,
                     self.overview):
            self.stack.addWidget(view)
        self.sync = SyncController(ctx, self)
        self.status = SyncStatusBar(ctx, self.sync, self)
        self.status.panel_requested.connect(self.open_sync_panel)
        self.setStatusBar(self.status)
        for action in (self.participants.new_action, self.employers.new_action):
            self.menus.file.insertAction(self.menus.file_end, action)
        self.restore_view_state()
        self.today.jobdev.reload()  # Today's first paint came before the folder was open: its job part loads now
        self.completed = True
        self._enable_actions(True)
        waiting, self._waiting = self._waiting, []
        for request in waiting:
            request()

    def _when_complete(self, request: Callable[[], None]) -> None:
        """Carry out a navigation request now, or (asked from Today before the folder is open) once it is."""
        if self.completed:
            request()
        else:
            self._waiting.append(request)

    def _enable_actions(self, enabled: bool) -> None:
        for key, action in self.nav_actions.items():
            action.setEnabled(enabled or key == "today")
        for action in (self.new_visit_action, self.settings_action, self.sync_action, self.about_action,
                       self.search_action, self.import_action):
            action.setEnabled(enabled)
        self.search_field.setEnabled(enabled)

    # --- building -------------------------------------------------------------------------------
    def _build_navigation(self) -> None:
        bar = QToolBar(translate("MainWindow", "Navigation"))
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
        group = QActionGroup(self)
        self.nav_actions: dict[str, QAction] = {}
        entries = (("today", translate("MainWindow", "&Today"), "today"),
                   ("participants", translate("MainWindow", "&Participants"), "participants"),
                   ("employers", translate("MainWindow", "&Employers"), "employers"),
                   ("agreements", translate("MainWindow", "A&greements"), "agreements"),
                   ("jobdev", translate("MainWindow", "&Job development"), "employers"),
                   ("overview", translate("MainWindow", "O&verview"), "overview"))
        for number, (key, text, icon) in enumerate(entries, start=1):
            action = QAction(icons.icon(icon), text, self, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(f"{text.replace('&', '')} "
                              f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            action.triggered.connect(lambda _=False, k=key: self.show_view(k))
            group.addAction(action)
            bar.addAction(action)
            self.nav_actions[key] = action
        self.nav_actions["today"].setChecked(True)

    def _build_toolbar(self) -> None:
        bar = QToolBar(translate("MainWindow", "Actions"))
        bar.setObjectName("actions")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

        self.new_visit_action = QAction(icons.icon("new-visit"), translate("MainWindow", "&New visit …"), self)
        self.new_visit_action.setIconText(translate("MainWindow", "New visit"))
        self.new_visit_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_visit_action.setToolTip(translate("MainWindow", "Start a visit with the selected participant (Ctrl+N)"))
        self.new_visit_action.triggered.connect(self.new_visit)
        bar.addAction(self.new_visit_action)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("search_field")
        self.search_field.setPlaceholderText(translate("MainWindow", "Search participants, employers and visits (Ctrl+F)"))
        self.search_field.setAccessibleName(translate("MainWindow", "Search"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(360)
        self.search_field.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.textChanged.connect(lambda _: self._search_timer.start())
        self.search_field.returnPressed.connect(self._run_search)
        bar.addWidget(self.search_field)

        self.search_action = QAction(icons.icon("search"), translate("MainWindow", "&Search"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.triggered.connect(self._focus_search)
        self.addAction(self.search_action)

        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        bar.addWidget(spacer)
        self.settings_action = QAction(icons.icon("settings"), translate("MainWindow", "Se&ttings …"), self)
        self.settings_action.setIconText(translate("MainWindow", "Settings"))
        self.settings_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        bar.addAction(self.settings_action)
        self.sync_action = QAction(icons.icon("sync"), translate("MainWindow", "S&ync …"), self)
        self.sync_action.setIconText(translate("MainWindow", "Sync"))
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setToolTip(translate("MainWindow", "Sync status, conflicts and the team's devices"))
        self.sync_action.triggered.connect(self.open_sync_panel)
        bar.addAction(self.sync_action)
        self.about_action = QAction(icons.icon("about"), translate("MainWindow", "&About Fieldapp"), self)
        self.about_action.setIconText(translate("MainWindow", "About"))
        self.about_action.triggered.connect(self.open_about)
        bar.addAction(self.about_action)
        self.import_action = QAction(icons.icon("import"), translate("MainWindow", "&Import …"), self)
        self.import_action.setIconText(translate("MainWindow", "Import"))
        self.import_action.setToolTip(translate("MainWindow", "Import participants or employers from a spreadsheet"))
        self.import_action.triggered.connect(self.open_import)
        self.help_action = QAction(translate("MainWindow", "&Keyboard help"), self)
        self.help_action.setShortcuts(standard_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        self.help_action.triggered.connect(self.open_help)
        self.quit_action = QAction(translate("MainWindow", "&Quit"), self)
        self.quit_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)

    # --- navigation -----------------------------------------------------------------------------
    def show_view(self, key: str) -> None:
        view = self.views[key]
        self.nav_actions[key].setChecked(True)
        self.stack.setCurrentWidget(view)
        self._focus_into(view)

    @staticmethod
    def _focus_into(view: QWidget) -> None:
        """Keyboard focus must not stay on a widget of the view just hidden (its shortcuts would go dead)."""
        widget = view.nextInFocusChain()
        while widget is not view and widget is not None:
            if view.isAncestorOf(widget) and widget.isVisibleTo(view) and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_view(self) -> QWidget:
        view = self.stack.currentWidget()
        assert view is not None  # the stack holds every view from the start
        return view

    def show_participant(self, participant_id: str, tab: str = "") -> None:
        self.show_view("participants")
        self.participants.show_participant(participant_id, tab)

    def show_employer(self, employer_id: str) -> None:
        self.show_view("employers")
        if hasattr(self.employers, "show_employer"):
            self.employers.show_employer(employer_id)

    def _focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _run_search(self) -> None:
        self._search_timer.stop()
        if not self.completed:
            return
        text = self.search_field.text().strip()
        if not text:
            if self.stack.currentWidget() is self.search_view:
                self.show_view("today")
            return
        for action in self.nav_actions.values():
            action.setChecked(False)
        self.stack.setCurrentWidget(self.search_view)
        self.search_view.search(text)

    # --- visits ---------------------------------------------------------------------------------
    def selected_participant_id(self) -> str | None:
        """The participant selected in the view on screen: never one left selected in a view not shown."""
        view = self.stack.currentWidget()
        pick = getattr(view, "selected_participant_id", None)
        if callable(pick):
            return pick()
        table = getattr(view, "table", None)
        if isinstance(table, RowTable) and table.selectionModel().hasSelection():
            participant_id = getattr(table.current_row(), "participant_id", None)
            return str(participant_id) if participant_id else None
        return None

    def new_visit(self) -> None:
        """A visit with the participant selected in the current view, or (nothing selected) one the user picks."""
        if not self.completed:
            return
        participant_id = self.selected_participant_id()
        if participant_id is not None:
            self.open_visit("", participant_id)
            return
        from fieldapp.ui.dialogs.choose_participant import ChooseParticipantDialog

        dialog = ChooseParticipantDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: dialog.chosen and self.open_visit("", dialog.chosen))
        self.choose_participant = dialog
        dialog.open()

    def open_visit(self, visit_id: str, participant_id: str) -> None:
        from fieldapp.ui.visits.editor import VisitEditor

        for editor in self.visit_editors:
            if visit_id and getattr(editor, "visit_id", None) == visit_id:
                editor.raise_()
                editor.activateWindow()
                return
        editor = VisitEditor(self.ctx, visit_id=visit_id or None, participant_id=participant_id or None, parent=self)
        editor.destroyed.connect(lambda *_: self.visit_editors.remove(editor) if editor in self.visit_editors else None)
        self.visit_editors.append(editor)
        editor.show()

    # --- dialogs --------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from fieldapp.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.ctx.settings, self, sync=self.sync)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            # The weekly target and the pre-job interval may have changed: the views using them read them again.
            self.ctx.changes.notify({"participant", "employer_outreach"})
            if dialog.language_changed:
                self.offer_restart()

    def offer_restart(self) -> bool:
        """Ask to restart in the language just chosen; True when the app is restarting."""
        from fieldapp.ui.dialogs.restart import ask_restart, restart

        return ask_restart(self) and restart(self)

    def open_sync_panel(self) -> None:
        from fieldapp.ui.sync.panel import SyncPanel

        panel = SyncPanel(self.sync, self)
        fit_to_screen(panel)
        panel.exec()

    def open_help(self) -> None:
        from fieldapp.ui.dialogs.keyboard_help import KeyboardHelp

        KeyboardHelp(self.menus, self).exec()

    def open_import(self) -> None:
        from fieldapp.ui.dialogs.import_dialog import ImportDialog  # loads the import services: only when asked

        ImportDialog(self.ctx, self).exec()

    def open_about(self) -> None:
        from fieldapp.ui.dialogs.about import show_about

        show_about(self, self.ctx.ws.path)

    # --- start and close ------------------------------------------------------------------------
    def load_first_view(self) -> None:
        """Views load when first shown; this covers a window not (yet) on screen, and the status bar."""
        if not self.today.isVisible():
            self.today.reload()
        self.status.refresh()

    def _on_first_loaded(self, rows: int) -> None:
        if not self._first_loaded:
            self._first_loaded = True
            self.first_view_loaded.emit(rows)

    def restore_state(self) -> None:
        geometry = self.ctx.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            fit_to_screen(self)  # saved on a bigger screen, perhaps
        else:
            fit_to_screen(self, QSize(1280, 800))
        state = self.ctx.settings.value("main_window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def restore_view_state(self) -> None:
        splitter = self.ctx.settings.value("main_window/participants_splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.participants.splitter.restoreState(splitter)

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue("main_window/geometry", self.saveGeometry())
        s.setValue("main_window/state", self.saveState())
        if self.completed:
            s.setValue("main_window/participants_splitter", self.participants.splitter.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        for editor in list(self.visit_editors):
            if not editor.close():
                event.ignore()
                return
        self.save_state()
        if self.completed:
            self.sync.shutdown()
        super().closeEvent(event)
