"""Export as JSON: the whole folder, or one participant's data (right of access). See docs/export-format.md."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldapp import __version__
from fieldapp.domain import access_log as access_kinds
from fieldapp.domain.messages import DomainError, Message
from fieldapp.files import write_atomic
from fieldapp.services import access_log
from fieldapp.services.workspace import Workspace
from fieldapp.storage.export_rows import all_rows, participant_rows

FORMAT = "fieldapp-export"
FORMAT_VERSION = 1


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _clean(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _jsonable(v) for k, v in row.items()} for row in rows]


def build_export(ws: Workspace, *, participant_id: str | None = None) -> dict[str, Any]:
    with ws.folder.read() as session:
        conn = session.connection()
        if participant_id is None:
            records = {table: _clean(rows) for table, rows in all_rows(conn)}
        else:
            found = participant_rows(conn, participant_id)
            if found is None:
                raise DomainError(Message("export.no_participant", f"Fant ingen deltaker med id {participant_id}.",
                                          f"No participant with id {participant_id}."))
            records = {table: _clean(rows) for table, rows in found.items()}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": ws.actor,
        "device_id": ws.device_id,
        "scope": {"participant_id": participant_id} if participant_id else {"all": True},
        "records": records,
    }


def write_export(ws: Workspace, out: Path, *, participant_id: str | None = None) -> dict[str, int]:
    """Write atomically (temporary file, then rename): a failed export never leaves half a file, and the access
    log records it first."""
    doc = build_export(ws, participant_id=participant_id)
    # Logged before the file is written: an export that cannot be logged (a damaged or full database) writes
    # nothing, and no file ever exists that the access log does not show. One that fails after is logged anyway.
    if participant_id is not None:
        access_log.record(ws, participant_id=participant_id, kind=access_kinds.EXPORT)
    else:
        everyone = [row["id"] for row in doc["records"].get("participant", []) if not row.get("deleted_at")]
        access_log.record_many(ws, everyone, kind=access_kinds.EXPORT)
    write_atomic(Path(out), json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return {table: len(rows) for table, rows in doc["records"].items() if rows}
