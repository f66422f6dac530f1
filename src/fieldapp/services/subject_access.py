"""The right of access: "Eksporter innsyn" writes a readable bokmål PDF and the JSON export, and logs it."""

from __future__ import annotations

import json
from pathlib import Path

from fieldapp.documents.subject_access_pdf import render_subject_access_pdf
from fieldapp.domain import access_log as kinds
from fieldapp.files import write_atomic
from fieldapp.services import access_log
from fieldapp.services.exporting import build_export
from fieldapp.services.workspace import Workspace


def export_subject_access(ws: Workspace, participant_id: str, folder: Path) -> tuple[Path, Path]:
    """Write innsyn-<date>-<id>.pdf and .json into `folder`; returns both paths. Raises DomainError for an
    unknown participant and OSError when the folder cannot be written."""
    doc = build_export(ws, participant_id=participant_id)
    stem = f"innsyn-{doc['exported_at'][:10]}-{participant_id[:8]}"
    pdf_path, json_path = Path(folder) / f"{stem}.pdf", Path(folder) / f"{stem}.json"
    pdf = render_subject_access_pdf(doc)
    access_log.record(ws, participant_id=participant_id, kind=kinds.ACCESS_EXPORT)  # first: no file goes unlogged
    write_atomic(json_path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    write_atomic(pdf_path, pdf)
    return pdf_path, json_path
