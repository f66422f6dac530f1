"""How the visit editor's window is laid out: its sections, fields, tables and shortcuts.

A mixin of VisitEditor, kept apart so the editor itself holds loading, saving, finishing and closing.
Every field is registered in a FieldForm under the Visit record's field name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from fieldapp.domain import vocab
from fieldapp.ui import icons
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.visits.actions_table import ActionsEditor
from fieldapp.ui.visits.attendees import AttendeesEditor
from fieldapp.ui.visits.corrections import CorrectionsPanel
from fieldapp.ui.visits.economy_note import EconomyNote
from fieldapp.ui.visits.inputs import DateTimeEdit, TopicChecklist
from fieldapp.ui.widgets.dates import OptionalDateEdit
from fieldapp.ui.widgets.forms import FieldForm
from fieldapp.ui.widgets.theme import CONFIRM, INTERNAL, box_style, caution_style, hint_style

INTERNAL_STYLE = f"QPlainTextEdit#internal_notes {{ {box_style(INTERNAL)} }}"


class VisitEditorLayout:
    """Builds the widgets; the editor's behaviour (signals connected here) lives in VisitEditor."""

    # --- building ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(translate("VisitEditor", "Loading …"))
        self.heading.setObjectName("visit_heading")
        self.subheading = QLabel()
        self.subheading.setObjectName("visit_subheading")
        self.status_chip = QLabel()
        self.status_chip.setObjectName("visit_status")
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        head.addLayout(titles, 1)
        head.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)

        self.forms: list[FieldForm] = []
        self.sections: list[QGroupBox] = []
        content = QWidget()
        content.setObjectName("visit_content")
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setSpacing(14)
        self._build_time_place()
        self._build_attendees()
        self._build_topics()
        self._build_conversation()
        self._build_actions()
        self._build_summary()
        self._build_corrections()
        self.content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        self.content = content

        nav = QVBoxLayout()
        nav.setSpacing(2)
        self.nav_buttons: list[QPushButton] = []
        for n, box in enumerate(self.sections):
            button = QPushButton(box.title().replace("&", ""))
            button.setObjectName(f"goto_section_{n}")
            button.setFlat(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("text-align: left; padding: 6px 10px;")
            button.clicked.connect(lambda _=False, i=n: self.go_to_section(i))
            nav.addWidget(button)
            self.nav_buttons.append(button)
            button.setVisible(not box.isHidden())
        hint = QLabel(translate("VisitEditor", "Ctrl+PgDown / Ctrl+PgUp:\nnext / previous section"))
        hint.setStyleSheet(hint_style())
        hint.setWordWrap(True)
        nav.addSpacing(12)
        nav.addWidget(hint)
        nav.addStretch(1)
        nav_box = QWidget()
        nav_box.setLayout(nav)
        # As wide as the longest section title needs in the language in use (bokmål titles are longer).
        # The style sheet's horizontal padding (2 × 10) is not in a flat button's size hint before it is shown.
        nav_box.setFixedWidth(max(210, max((b.sizeHint().width() for b in self.nav_buttons), default=0) + 16 + 20))

        body = QHBoxLayout()
        body.addWidget(nav_box)
        body.addWidget(self.scroll, 1)

        self.state_label = QLabel(translate("VisitEditor", "Not saved yet"))
        self.state_label.setObjectName("save_state")
        self.state_label.setAccessibleName(translate("VisitEditor", "Save state"))
        self.confirm_bar = self._build_confirm_bar()
        self.save_button = QPushButton(icons.icon("save"), translate("VisitEditor", "Save"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(translate("VisitEditor", "Save now (Ctrl+S). What you type is also saved by itself."))
        self.save_button.clicked.connect(self.save_now)
        self.finish_button = QPushButton(icons.icon("finish"), translate("VisitEditor", "Finish visit"))
        self.finish_button.setObjectName("finish_button")
        self.finish_button.setToolTip(translate("VisitEditor", "Check, save and lock the visit (Ctrl+Enter)"))
        self.finish_button.clicked.connect(self.ask_finish)
        self.close_button = QPushButton(translate("VisitEditor", "Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.setToolTip(translate("VisitEditor", "Save and close (Esc)"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.finish_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(body, 1)
        layout.addWidget(self.confirm_bar)
        layout.addLayout(bottom)
        self.setStyleSheet(INTERNAL_STYLE + " QLabel#visit_heading { font-size: 16pt; font-weight: 600; }")
        self.content.setEnabled(False)

    def _section(self, title: str, name: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        box.setObjectName(name)
        box.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        column = QVBoxLayout(box)
        self.content_layout.addWidget(box)
        self.sections.append(box)
        return box, column

    def _form(self, column: QVBoxLayout) -> FieldForm:
        form = FieldForm()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column.addLayout(form)
        self.forms.append(form)
        return form

    def _text(self, name: str, lines: int = 4) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * (lines + 4) + 14)
        edit.textChanged.connect(self._edited)
        return edit

    def _build_time_place(self) -> None:
        _, column = self._section(translate("VisitEditor", "Time and place"), "section_time")
        form = self._form(column)
        self.starts_at = DateTimeEdit()
        self.starts_at.dateTimeChanged.connect(self._proposal_input_changed)
        form.add_field("starts_at", translate("VisitEditor", "&Start"), self.starts_at)
        self.duration = QSpinBox()
        self.duration.setRange(0, 12 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(translate("VisitEditor", " min"))
        self.duration.setSpecialValueText(translate("VisitEditor", "Not recorded"))
        self.duration.valueChanged.connect(self._edited)
        form.add_field("ends_at", translate("VisitEditor", "&Duration"), self.duration)
        self.channel = self._combo(vocab.VISIT_CHANNELS)
        form.add_field("channel", translate("VisitEditor", "&Channel"), self.channel)
        self.place = QLineEdit()
        self.place.textEdited.connect(self._edited)
        form.add_field("place", translate("VisitEditor", "&Place"), self.place)
        self.visit_type = self._combo(vocab.VISIT_TYPES)
        form.add_field("visit_type", translate("VisitEditor", "Visit &type"), self.visit_type)
        self.placement = QComboBox()
        self.placement.currentIndexChanged.connect(self._proposal_input_changed)
        form.add_field("placement_id", translate("VisitEditor", "&Job"), self.placement)
        form.add_general_error_row()
        for widget in (self.starts_at, self.duration):
            widget.setMaximumWidth(260)
        for combo in (self.channel, self.visit_type, self.placement):
            combo.setMaximumWidth(560)

    def _combo(self, terms: tuple[vocab.Term, ...]) -> QComboBox:
        combo = QComboBox()
        for term in terms:
            combo.addItem(label(terms, term.code), term.code)
        combo.currentIndexChanged.connect(self._edited)
        return combo

    def _build_attendees(self) -> None:
        _, column = self._section(translate("VisitEditor", "Present"), "section_attendees")
        self.attendees = AttendeesEditor()
        self.attendees.model.rows_edited.connect(self._edited)
        column.addWidget(self.attendees)

    def _build_topics(self) -> None:
        _, column = self._section(translate("VisitEditor", "Topics discussed"), "section_topics")
        form = self._form(column)
        self.topics = TopicChecklist()
        self.topics.changed.connect(self._edited)
        form.add_field("topics", translate("VisitEditor", "Topics"), self.topics)
        self.economy = EconomyNote(self.ctx)  # the participant's benefits while money is a topic
        column.addWidget(self.economy)
        self.topics.changed.connect(lambda: self.economy.follow(self.participant_id, self.topics.value()))

    def _build_conversation(self) -> None:
        _, column = self._section(translate("VisitEditor", "Conversation"), "section_conversation")
        form = self._form(column)
        self.employee_view = self._text("employee_view")
        form.add_field("employee_view", translate("VisitEditor", "E&mployee's view"), self.employee_view)
        self.employer_view = self._text("employer_view")
        form.add_field("employer_view", translate("VisitEditor", "Employe&r's view"), self.employer_view)
        self.works_well = self._text("works_well")
        form.add_field("works_well", translate("VisitEditor", "What &works well"), self.works_well)
        self.challenges = self._text("challenges")
        form.add_field("challenges", translate("VisitEditor", "C&hallenges"), self.challenges)

    def _build_actions(self) -> None:
        _, column = self._section(translate("VisitEditor", "Actions and next visit"), "section_actions")
        self.actions = ActionsEditor(self._visit_day)
        self.actions.model.rows_edited.connect(self._edited)
        column.addWidget(self.actions)
        form = self._form(column)
        self.next_visit = OptionalDateEdit(fill_on_focus=False)
        self.next_visit.dateChanged.connect(self._next_visit_changed)
        form.add_field("next_visit_date", translate("VisitEditor", "&Next visit by"), self.next_visit)
        self.next_visit.setMaximumWidth(260)
        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("proposal_hint")
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setStyleSheet(hint_style())
        form.addRow("", self.proposal_label)

    def _build_summary(self) -> None:
        _, column = self._section(translate("VisitEditor", "Summary and internal notes"), "section_summary")
        form = self._form(column)
        self.summary = self._text("summary", 5)
        form.add_field("summary", translate("VisitEditor", "S&ummary"), self.summary)
        summary_hint = QLabel(translate("VisitEditor", "The participant may see the summary."))
        summary_hint.setStyleSheet(hint_style())
        form.addRow("", summary_hint)
        self.internal_notes = self._text("internal_notes", 4)
        form.add_field("internal_notes", translate("VisitEditor", "&Internal notes"), self.internal_notes)
        internal_hint = QLabel(translate("VisitEditor", "Internal: only you see these notes. They never appear in documents, "
                                            "exports to others or the participant's copy."))
        internal_hint.setObjectName("internal_hint")
        internal_hint.setWordWrap(True)
        internal_hint.setStyleSheet(caution_style())
        form.addRow("", internal_hint)

    def _build_corrections(self) -> None:
        self.corrections_box, column = self._section(translate("VisitEditor", "Corrections"), "section_corrections")
        self.corrections = CorrectionsPanel(self.ctx)
        column.addWidget(self.corrections)
        self.corrections_box.hide()

    def _build_confirm_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("finish_confirm")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setStyleSheet(f"QFrame#finish_confirm {{ background: {CONFIRM[1]}; }} "
                          f"QFrame#finish_confirm QLabel {{ color: {CONFIRM[0]}; }}")
        text = QLabel(translate("VisitEditor", "Finishing locks the visit. Later corrections can only be added as notes."))
        text.setWordWrap(True)
        self.confirm_finish_button = QPushButton(icons.icon("finish"), translate("VisitEditor", "Finish and lock"))
        self.confirm_finish_button.setObjectName("confirm_finish")
        self.confirm_finish_button.setDefault(True)
        self.confirm_finish_button.clicked.connect(self.finish)
        cancel = QPushButton(translate("VisitEditor", "Cancel"))
        cancel.setObjectName("cancel_finish")
        cancel.clicked.connect(lambda: bar.hide())
        row = QHBoxLayout(bar)
        row.addWidget(text, 1)
        row.addWidget(self.confirm_finish_button)
        row.addWidget(cancel)
        bar.hide()
        return bar

    def _build_shortcuts(self) -> None:
        def shortcut(keys: str | QKeySequence, slot) -> None:
            QShortcut(QKeySequence(keys), self, slot)

        shortcut(QKeySequence.StandardKey.Save, self.save_now)
        shortcut("Ctrl+Return", self.ask_finish)
        shortcut("Ctrl+Enter", self.ask_finish)
        shortcut("Ctrl+PgDown", lambda: self.step_section(1))
        shortcut("Ctrl+PgUp", lambda: self.step_section(-1))
        shortcut("Alt+Right", lambda: self.step_section(1))
        shortcut("Alt+Left", lambda: self.step_section(-1))
