"""Migration 0009 (job development) on a folder holding data: participants keep their data and gain an empty
phase and referral date, the new tables take records with change capture, and it downgrades cleanly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import alembic.command
import sqlalchemy as sa
from sqlalchemy import Engine

from fieldapp import paths
from fieldapp.domain.jobdev_records import EmployerOutreach, JobLead
from fieldapp.domain.records import Employer, Participant
from fieldapp.services import job_search, jobdev, records
from fieldapp.services.workspace import open_workspace
from fieldapp.storage import integrity, keystore
from fieldapp.storage.engine import WRITE_OPTION, make_engine
from fieldapp.storage.clocks import field_stamps
from fieldapp.storage.migrate import alembic_config, head_revision

NEW_TABLES = {"employer_outreach", "outreach_for", "job_lead"}
LAST_NAME = "Ødegård-Sæther"


def _folder_engine(data_dir: Path) -> Engine:
    folder_id = paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()
    key = keystore.load_key(folder_id)
    assert key is not None
    return make_engine(paths.database_file(data_dir), key)


def _to(engine: Engine, command: str, revision: str) -> None:
    with engine.connect() as conn:
        with conn.execution_options(**{WRITE_OPTION: True}).begin():
            getattr(alembic.command, command)(alembic_config(conn), revision)


def test_0009_keeps_participants_and_adds_job_development(data_dir: Path) -> None:
    with open_workspace(data_dir) as ws:
        pid = records.save(ws, Participant(first_name="Åse", last_name=LAST_NAME)).id
        eid = records.save(ws, Employer(name="Fjordkanten Hotell AS")).id
    engine = _folder_engine(data_dir)
    try:
        _to(engine, "downgrade", "0007")  # as far down as it goes: 0007 folded the change log into clocks
        with engine.connect() as conn:
            assert not NEW_TABLES & set(sa.inspect(conn).get_table_names())
            assert "phase" not in {c["name"] for c in sa.inspect(conn).get_columns("participant")}
            assert conn.exec_driver_sql("SELECT last_name FROM participant").scalar_one() == LAST_NAME
    finally:
        engine.dispose()

    with open_workspace(data_dir) as ws:
        result = ws.folder.migration
        assert (result.from_revision, result.to_revision) == ("0007", head_revision()) and result.backup is not None
        participant = records.get(ws, Participant, pid)
        assert participant is not None and (participant.last_name, participant.phase, participant.referred_on) == (
            LAST_NAME, None, None)
        records.save(ws, replace(participant, phase="phase2", referred_on=date(2026, 11, 2)))
        contact = jobdev.log_outreach(ws, EmployerOutreach(employer_id=eid, contact_date=date(2026, 11, 20),
                                                           kind="first_contact"), [pid])
        job_search.save_lead(ws, JobLead(participant_id=pid, employer_id=eid, job_title="Resepsjon",
                                         outreach_id=contact.id))
        with ws.folder.read() as session:
            conn = session.connection()
            clocked = {row[0] for row in conn.exec_driver_sql("SELECT DISTINCT entity FROM record_clock")}
            queued = {row[0] for row in conn.exec_driver_sql("SELECT DISTINCT entity FROM outbox_record")}
            stamps = {(f, h, d) for _, i, f, h, d in field_stamps(conn, {"participant": ["first_name", "phase",
                                                                                          "referred_on"]}) if i == pid}
            report = integrity.check(conn)
        assert clocked & queued >= NEW_TABLES  # the new synced tables got their change-capture triggers
        # and the participant's rebuilt triggers see the new columns: they got the edit's clock, the name kept its own
        (first,) = [(h, d) for f, h, d in stamps if f == "first_name"]
        edited = {(h, d) for f, h, d in stamps if f in ("phase", "referred_on")}
        assert len(edited) == 1 and edited != {first} and max(edited)[0] > first[0]
        assert report.ok, report.problems
