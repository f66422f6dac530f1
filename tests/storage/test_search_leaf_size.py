"""The visit search index's leaves pack into the file's pages (migration 0022): FTS5's own leaf size (4,050
bytes) is a little too large for one 4 KiB page and for two in an 8 KiB page, so each leaf took a page of its
own and the index of 10,000 visits was 12.6 MB instead of 6.6 MB at 3,900 bytes (BENCHMARKS.md)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import alembic.command

from fieldapp.domain.records import Participant
from fieldapp.domain.visit_records import Visit
from fieldapp.services import records, search
from fieldapp.services.workspace import Workspace, open_workspace
from fieldapp.storage.engine import WRITE_OPTION
from fieldapp.storage.migrate import alembic_config

WORDS = ("arbeidsgiver", "tilrettelegging", "oppfølging", "kjemikalier", "lageret", "sykemelding", "turnus",
         "veileder", "praksisplass", "mestring", "kollegaer", "arbeidstid", "fravær", "jobbspesialist")
def _pgsz(ws: Workspace) -> int:
    with ws.folder.read() as session:
        return int(session.connection().exec_driver_sql(
            "SELECT v FROM visit_search_config WHERE k = 'pgsz'").scalar_one())


def _pages_in_use(ws: Workspace) -> int:
    raw = ws.folder.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count = cur.execute("PRAGMA page_count").fetchone()[0] - cur.execute("PRAGMA freelist_count").fetchone()[0]
        return int(count)
    finally:
        raw.close()


def test_the_index_takes_half_a_page_a_leaf(data_dir: Path) -> None:
    """Measured, not reasoned: with FTS5's own leaf size each leaf took nearly a whole 8 KiB page (39 pages for
    42 leaves here); at 3,900 bytes two share one (21 pages for 44)."""
    rng = random.Random(22)
    with open_workspace(data_dir, actor="t") as ws:
        assert _pgsz(ws) == 3900
        people = records.save_all(ws, [Participant(first_name=f"Navn{i}", last_name="Prøve") for i in range(20)])
        start = datetime(2026, 1, 5, 9, tzinfo=UTC)
        records.save_all(ws, [
            Visit(participant_id=people[i % 20].id, starts_at=start + timedelta(days=i),
                  summary=" ".join(rng.choice(WORDS) + str(rng.randrange(999)) for _ in range(60)),
                  challenges=" ".join(rng.choice(WORDS) + str(rng.randrange(999)) for _ in range(60)))
            for i in range(300)])
        before = _pages_in_use(ws)
        assert search.index_visits(ws) == 300
        used = _pages_in_use(ws) - before
        with ws.folder.read() as session:
            leaves = session.connection().exec_driver_sql("SELECT count(*) FROM visit_search_data").scalar_one()
    assert leaves > 20  # enough text that leaves were cut at the limit, not ended early
    assert used <= 0.6 * leaves, (used, leaves)


def test_0022_sets_the_leaf_size_and_downgrades_to_fts5s_own(data_dir: Path) -> None:
    with open_workspace(data_dir, actor="t") as ws:
        assert _pgsz(ws) == 3900
        with ws.folder.engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
            alembic.command.downgrade(alembic_config(conn), "0021")
        assert _pgsz(ws) == 4050
    with open_workspace(data_dir, actor="t") as ws:  # opening migrates to the head again
        assert ws.folder.migration.from_revision == "0021"
        assert _pgsz(ws) == 3900
