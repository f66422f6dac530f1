"""A read-only look into a data folder before the storage layer is loaded: the app's first paint.

Opening a data folder properly (storage/datafolder.py) needs SQLAlchemy, the models and the change-capture
machinery: over a second of imports on a slow laptop, before anything can be shown. The Today view only
reads, so at start-up it is read through a bare SQLCipher connection instead, with the same key from the
keyring and the same statements (storage/today_facts.py), while the rest loads. This never creates,
migrates or writes anything: a folder that is new, not yet migrated to this version of the app, or
whose key is missing gets `None`, and the app takes its normal path (which reports such problems).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fieldapp import paths
from fieldapp.storage import keystore
from fieldapp.storage.revisions import heads_from_files
from fieldapp.storage.today_facts import Execute

log = logging.getLogger(__name__)


@contextmanager
def read_only(data_dir: Path, *, connections: int = 1) -> Iterator[list[Execute] | None]:
    """Yields `connections` functions `execute(sql, params) -> rows`, each on its own connection to the
    folder's database (so they can run on different threads), or None when the folder cannot be read
    as it is (see the module's docstring). The connections are closed afterwards."""
    opened = _connect(Path(data_dir), connections)
    if opened is None:
        yield None
        return
    try:
        yield [_executor(connection) for connection in opened]
    finally:
        for connection in opened:
            connection.close()


def _executor(connection: Any) -> Execute:
    def execute(statement: str, params: Mapping[str, Any]) -> list[Any]:
        rows: list[Any] = connection.execute(statement, dict(params)).fetchall()
        return rows

    return execute


def _connect(data_dir: Path, count: int) -> list[Any] | None:
    db_path, id_file = paths.database_file(data_dir), paths.folder_id_file(data_dir)
    if not db_path.is_file() or db_path.stat().st_size == 0 or not id_file.is_file():
        return None
    try:
        key = keystore.load_key(id_file.read_text(encoding="utf-8").strip())
    except keystore.DatabaseKeyDamaged:  # the normal opening says so
        return None
    if key is None:
        return None
    import sqlcipher3

    from fieldapp.storage import cipher_format

    fmt = cipher_format.detect(db_path, key)
    if fmt is None:  # damaged or another key: the normal opening says so
        return None
    opened: list[Any] = []
    try:
        for _ in range(count):
            # The same raw key and format as storage/engine.py.
            connection = cipher_format.connect(db_path, key, fmt)
            opened.append(connection)
            connection.execute("PRAGMA query_only = ON")
            connection.execute("PRAGMA temp_store = MEMORY")  # as storage/engine.py: no plain temporary file
            connection.execute("PRAGMA busy_timeout = 10000")
        stored = opened[0].execute("SELECT version_num FROM alembic_version").fetchall()
        heads = heads_from_files()
        if len(heads) != 1 or [row[0] for row in stored] != sorted(heads):
            log.info("quick open: schema %s is not this app's %s", stored, heads)
            raise LookupError("schema")
    except (sqlcipher3.DatabaseError, LookupError) as exc:  # wrong key, damaged file, other schema
        log.info("quick open: %s", exc)
        for connection in opened:
            connection.close()
        return None
    return opened
