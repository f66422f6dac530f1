"""The agreement list: every agreement with its latest version and derived status.

Kept apart from `agreement_documents` so that showing the list does not load the PDF and seal
libraries (reportlab, pyHanko), which matter for start-up time.
"""

from __future__ import annotations

from datetime import date

from fieldapp.services.workspace import Workspace
from fieldapp.storage import agreement_documents as docs_store
from fieldapp.storage.agreement_documents import AgreementRow

__all__ = ["AgreementRow", "list_agreements"]


def list_agreements(ws: Workspace, *, today: date | None = None) -> list[AgreementRow]:
    with ws.folder.read() as session:
        return docs_store.agreement_rows(session, today=today)
