"""Plain SQL statements (storage/today_facts.py) run on a session's connection."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldapp.storage.today_facts import Execute


def execute_on(session: Session) -> Execute:
    connection = session.connection()
    return lambda statement, params: connection.exec_driver_sql(statement, dict(params))
