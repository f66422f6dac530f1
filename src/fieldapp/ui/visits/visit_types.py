"""The visit types the editor offers: those about starting a job only when there is one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from fieldapp.domain import vocab
from fieldapp.domain.pre_job_cadence import visit_types_for
from fieldapp.ui.i18n import label


def fit_visit_types(combo: QComboBox, *, has_job: bool, keep: str | None) -> None:
    """Refill `combo` with the types fitting the participant's phase; `keep` (the stored type) stays offered."""
    codes = visit_types_for(tuple(t.code for t in vocab.VISIT_TYPES), has_job=has_job, keep=keep)
    combo.blockSignals(True)
    combo.clear()
    for code in codes:
        combo.addItem(label(vocab.VISIT_TYPES, code), code)
    combo.blockSignals(False)
