"""One enrollment code, several devices at once, on PostgreSQL: exactly one of them is enrolled."""

from __future__ import annotations

import os
import threading
import time
import uuid

from sqlalchemy import event, func, select

from fieldapp.server import errors, store
from fieldapp.server.db import devices, enrollment_codes, make_engine
from fieldapp.server.migrate import upgrade
from fieldapp.sync.protocol import EnrollRequest


def test_an_enrollment_code_is_used_once_even_when_devices_race(pg_cluster) -> None:
    engine = make_engine(pg_cluster.new_database())
    upgrade(engine)
    team = store.create_team(engine, "Kappløp")

    # Every racer reads the code as unused before any of them takes the team lock: the window the old code left.
    @event.listens_for(engine, "after_cursor_execute")
    def _widen(conn, cursor, statement, params, context, executemany) -> None:
        if statement.lstrip().startswith("SELECT") and "FROM enrollment_codes" in statement:
            time.sleep(0.05)

    racers, rounds = 4, 6
    for _ in range(rounds):
        code = store.enrollment_code(engine, team, ttl_s=60)[0]
        start = threading.Barrier(racers)
        outcomes: list[str] = []

        # This round's barrier, code and list, bound now (the threads are joined within the round anyway).
        def enroll(start: threading.Barrier = start, code: str = code, outcomes: list[str] = outcomes) -> None:
            start.wait()
            try:
                store.enroll(engine, EnrollRequest(code, str(uuid.uuid4()), "d", os.urandom(32)))
                outcomes.append("enrolled")
            except errors.ApiError as exc:
                outcomes.append(exc.code)

        threads = [threading.Thread(target=enroll) for _ in range(racers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(outcomes) == ["bad_code"] * (racers - 1) + ["enrolled"], outcomes

    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(devices)).scalar_one() == rounds
        assert conn.execute(select(func.count()).select_from(enrollment_codes)
                            .where(enrollment_codes.c.used_at.is_(None))).scalar_one() == 0
    engine.dispose()
