"""The participant's benefits in brief, shown in the visit editor while one of the visit's topics is money."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from fieldapp.domain.cooperation_records import BENEFIT_KINDS
from fieldapp.services import benefits as service
from fieldapp.services.benefits import EconomySummary
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.widgets.theme import INTERNAL


class EconomyNote(QLabel):
    """Hidden unless the chosen topics include money; `follow` reloads it after a topic changes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("economy_note")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {INTERNAL[0]}; background: {INTERNAL[1]}; padding: 6px; border-radius: 4px;")
        self.setAccessibleName(translate("EconomyNote", "The participant's benefits"))
        self._wanted: tuple[str | None, tuple[str, ...]] = (None, ())
        self.hide()
        # A benefit saved while the visit is open (from the participant's tab) shows here at once.
        ctx.changes.data_changed.connect(
            lambda entities: "participant_benefit" in entities and self.follow(*self._wanted))

    def follow(self, participant_id: str | None, topics: tuple[str, ...]) -> None:
        self._wanted = (participant_id, topics)
        if not participant_id or not self.ctx.has_workspace:
            self.hide()
            return
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: ((participant_id, topics), service.economy_summary(ws, participant_id, topics)),
                           self._show, owner=self)

    def _show(self, result: tuple[tuple[str, tuple[str, ...]], EconomySummary | None]) -> None:
        asked, summary = result
        if asked != self._wanted:
            return  # a later topic change is on its way
        if summary is None:
            self.hide()
            return
        self.setText(self.describe(summary))
        self.show()

    @staticmethod
    def describe(summary: EconomySummary) -> str:
        title = translate("EconomyNote", "What happens to the money when the participant works?")
        if not summary.benefits:
            return f"<b>{title}</b><br>" + translate(
                "EconomyNote", "No benefits are registered. Add them on the participant's Finances and benefits tab.")
        lines = []
        for b in summary.benefits:
            parts = [f"<b>{escape(label(BENEFIT_KINDS, b.kind))}</b>"]
            if b.limits:
                parts.append(escape(b.limits))
            if b.calculation_pending:
                parts.append(translate("EconomyNote", "benefits calculation asked for %1, awaiting an answer")
                             .replace("%1", fmt_date(b.calculation_asked_on)))
            elif b.calculation_answer:
                parts.append(translate("EconomyNote", "NAV's calculation: %1")
                             .replace("%1", escape(b.calculation_answer)))
            if b.reporting:
                parts.append(escape(b.reporting))
            lines.append(" – ".join(parts))
        if summary.next_reporting_on:
            lines.append(translate("EconomyNote", "Next income report: %1").replace(
                "%1", fmt_date(summary.next_reporting_on)))
        return f"<b>{title}</b><br>" + "<br>".join(lines)
