"""Integrity checks and other care of the data folder."""

from __future__ import annotations

from fieldapp.services.workspace import Workspace
from fieldapp.storage.integrity import IntegrityReport, check


def check_integrity(ws: Workspace) -> IntegrityReport:
    with ws.folder.read() as session:
        return check(session.connection())
