"""The schema revisions shipped with the app (read from the migration files without importing Alembic), and
what Alembic's drift check leaves out because migrations make it by raw SQL."""

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


# Indexes on expressions, made by raw SQL in their migrations (0006): no model describes them, and
# SQLAlchemy cannot reflect them.
EXPRESSION_INDEXES = ("ix_agreement_version_terms",)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's comparisons: the visit search index's tables and the expression indexes have no model."""
    from fieldapp.storage.search_index import is_index_table

    return not ((type_ == "table" and is_index_table(name)) or (type_ == "index" and name in EXPRESSION_INDEXES))
