"""The visit editor's proposal for the next visit: from the agreement's cadence or the default IPS cadence.

A mixin of VisitEditor, kept apart so the editor itself holds loading, saving, finishing and closing.
"""

from __future__ import annotations

from fieldapp.services import visits as service
from fieldapp.ui.formatting import fmt_date
from fieldapp.ui.i18n import translate


def _frequency_label(code: str | None) -> str:
    labels = {"weekly": translate("VisitEditor", "weekly"), "every_other_week": translate("VisitEditor", "every other week"),
              "monthly": translate("VisitEditor", "monthly"), "quarterly": translate("VisitEditor", "quarterly")}
    return labels.get(code or "", code or "")


class NextVisitProposal:
    """Shows the proposed next visit and fills in its date until the user picks one."""

    # --- next visit proposal ------------------------------------------------------------------------
    def _proposal_input_changed(self, *_: object) -> None:
        """The start or the job changed: the heading and the proposal follow."""
        if self._loading:
            return
        self._update_heading()
        self._show_proposal(update_date=not self._next_date_touched)
        self._edited()

    def _next_visit_changed(self, *_: object) -> None:
        if self._loading:
            return
        self._next_date_touched = True
        self._edited()

    def _show_proposal(self, *, update_date: bool = False) -> None:
        if self.data is None:
            return
        pid = self.placement.currentData()
        job = next((p for p in self.data.placements if p.id == pid), None)
        proposal = service.propose_next_visit(self.data.rule, visit_day=self._visit_day(),
                                              job_start=job.start_date if job else None)
        if proposal is None:
            self.proposal_label.setText(translate("VisitEditor", "No follow-up cadence applies without a job."))
            return
        if proposal.source == "agreement":
            text = translate("VisitEditor", "Proposed %1 from the agreement: follow-up %2.").replace(
                "%1", fmt_date(proposal.day)).replace("%2", _frequency_label(proposal.frequency))
        else:
            text = translate("VisitEditor", "Proposed %1 from the default IPS cadence.").replace("%1", fmt_date(proposal.day))
        self.proposal_label.setText(text)
        if update_date and not self.finished:
            self._loading, was = True, self._loading
            self.next_visit.set_value(proposal.day)
            self._loading = was
