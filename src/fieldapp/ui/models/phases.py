"""How a participant's phase reads in narrow table columns."""

from __future__ import annotations

from fieldapp.domain import jobdev_vocab
from fieldapp.ui.i18n import label


def short_phase(code: str | None) -> str:
    """"Fase 2" rather than the whole name (the full name goes in the tooltip)."""
    return label(jobdev_vocab.PHASES, code).split(" – ")[0] if code else ""


def phase_name(code: str | None) -> str:
    return label(jobdev_vocab.PHASES, code) if code else ""
