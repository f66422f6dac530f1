"""The schema revisions shipped with the app, read from the migration files without importing Alembic."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)


def heads_from_files(migrations_dir: Path = MIGRATIONS_DIR) -> set[str]:
    """Revisions no other revision builds on (one, for the simple chain the app ships)."""
    revisions, parents = set(), set()
    for path in (migrations_dir / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = _REVISION.search(text)
        if found:
            revisions.add(found.group(1))
            down = _DOWN_REVISION.search(text)
            if down:
                parents.add(down.group(1))
    return revisions - parents
