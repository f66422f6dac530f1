"""Everything the server stores in the clear is named in docs/security.md ("What the server still sees"): a new
table or column fails here until it is looked at, described there, and listed below."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from fieldapp.server.db import make_engine
from fieldapp.server.migrate import upgrade

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"

# table -> its columns, each of them covered by the doc's section (ids, names, keys, hashes, times, sizes,
# ciphertext and signatures; per participant only a handle).
DESCRIBED = {
    "teams": {"id", "name", "history_id", "created_at", "next_cursor", "key_epoch", "current_key_id",
              "rotation_needed", "recovery_auth_hash"},
    "devices": {"id", "team_id", "name", "public_key", "token_hash", "previous_token_hash", "status", "created_at",
                "revoked_at", "last_seen_at"},
    "enrollment_codes": {"code_hash", "team_id", "expires_at", "used_at", "used_by"},
    "batches": {"team_id", "cursor", "device_id", "seq", "key_id", "size", "digest", "blob", "created_at"},
    "key_envelopes": {"id", "team_id", "recipient", "key_epoch", "blob", "created_by", "created_at"},
    "shred_keys": {"cursor", "team_id", "handle", "key_id", "wrapped", "created_by", "created_at"},
    "erasures": {"cursor", "team_id", "handle", "erased_at", "device_id", "reason_code", "signature",
                 "received_at"},
}


def test_every_stored_table_and_column_is_described(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        upgrade(engine)  # the schema the migrations make, not only the one the code declares
        found = inspect(engine)
        stored = {t: {c["name"] for c in found.get_columns(t)}
                  for t in found.get_table_names() if t != "alembic_version"}
    finally:
        engine.dispose()
    assert stored == DESCRIBED, "describe it in docs/security.md, 'What the server still sees', then list it here"


def test_the_section_names_what_it_holds_per_participant() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## What the server still sees"):]
    section = section[:section.index("\n## ", 1)]
    for words in ("`shred_keys`", "`erasures`", "device names", "public keys", "`last_seen_at`", "reason"):
        assert words in section, words
