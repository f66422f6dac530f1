"""A fødselsnummer shown masked (birth date and *****) with a Reveal button whose use is written to the access log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QWidget

from fieldapp.domain import access_log as kinds
from fieldapp.services import access_log
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_fodselsnummer
from fieldapp.ui.i18n import translate


class MaskedId(QWidget):
    """`revealed(participant_id)` once the reveal is logged and the whole number is on screen."""

    revealed = Signal(str)

    def __init__(self, ctx: AppContext, name: str = "fodselsnummer", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id: str | None = None
        self._value: str | None = None
        self.label = QLabel("–")
        self.label.setObjectName(name)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(translate("MaskedId", "Show"))
        self.reveal_button.setObjectName(f"{name}_reveal")
        self.reveal_button.setToolTip(translate("MaskedId", "Show the whole national ID number (the access log records it)"))
        self.reveal_button.setAccessibleName(translate("MaskedId", "Show the whole national ID number"))
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.reveal_button)
        layout.addStretch(1)

    @property
    def shown_text(self) -> str:
        return self.label.text()

    def set_value(self, participant_id: str, fodselsnummer: str | None) -> None:
        """A new participant (or a reload) starts masked again."""
        self.participant_id, self._value = participant_id, fodselsnummer
        self.label.setText(fmt_fodselsnummer(fodselsnummer) or "–")
        self.reveal_button.setVisible(bool(fodselsnummer))

    def clear(self) -> None:
        self.participant_id, self._value = None, None
        self.label.setText("–")
        self.reveal_button.setVisible(False)

    def reveal(self) -> None:
        participant_id, value = self.participant_id, self._value
        if not participant_id or not value:
            return
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: access_log.record(ws, participant_id=participant_id, kind=kinds.REVEAL_FNR),
                           lambda _: self._show_whole(participant_id), owner=self)

    def _show_whole(self, participant_id: str) -> None:
        if participant_id != self.participant_id or not self._value:
            return
        self.label.setText(fmt_fodselsnummer(self._value, reveal=True))
        self.reveal_button.setVisible(False)
        self.revealed.emit(participant_id)


def replace_in_layout(layout: QLayout, old: QWidget, new: QWidget) -> None:
    """Put `new` where `old` was (a row of a form) and hide `old`, keeping its object for code that sets it."""
    layout.replaceWidget(old, new)
    old.hide()


def log_reveal_for_editing(ctx: AppContext, participant_id: str, *, owner: QWidget) -> None:
    """The edit form shows the whole number to change it: that is a reveal too, and is logged as one."""
    ws = ctx.ws
    ctx.tasks.run(lambda: access_log.record(ws, participant_id=participant_id, kind=kinds.REVEAL_FNR), owner=owner)
