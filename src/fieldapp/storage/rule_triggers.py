"""Rules the database itself enforces, whatever path a write takes (UI, CLI, sync replay).

A frozen agreement version's content never changes; a signed one cannot be reopened; a signature
can only be revoked, never altered.
"""

from __future__ import annotations

PREFIX = "fa_rule_"


def rule_trigger_ddl() -> dict[str, str]:
    ddl = {
        "version_frozen_content": (
            "BEFORE UPDATE ON agreement_version WHEN OLD.frozen_at IS NOT NULL AND NEW.frozen_at IS NOT NULL AND "
            "(NEW.content_json IS NOT OLD.content_json OR NEW.content_hash IS NOT OLD.content_hash "
            "OR NEW.version_no IS NOT OLD.version_no OR NEW.agreement_id IS NOT OLD.agreement_id) "
            "BEGIN SELECT RAISE(ABORT, 'fieldapp: the content of a version ready for signing cannot change'); END"
        ),
        "version_signed_reopen": (
            "BEFORE UPDATE ON agreement_version WHEN OLD.frozen_at IS NOT NULL AND NEW.frozen_at IS NULL AND "
            "EXISTS (SELECT 1 FROM signature WHERE version_id = OLD.id AND revoked_at IS NULL) "
            "BEGIN SELECT RAISE(ABORT, 'fieldapp: a signed version cannot be reopened; revoke the signatures first'); END"
        ),
        "signature_immutable": (
            "BEFORE UPDATE ON signature WHEN NEW.version_id IS NOT OLD.version_id OR NEW.role IS NOT OLD.role "
            "OR NEW.name IS NOT OLD.name OR NEW.method IS NOT OLD.method "
            "OR NEW.confirmation_text IS NOT OLD.confirmation_text OR NEW.signed_at IS NOT OLD.signed_at "
            "OR NEW.strokes_json IS NOT OLD.strokes_json OR NEW.scan IS NOT OLD.scan "
            "OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NOT OLD.revoked_at) "
            "BEGIN SELECT RAISE(ABORT, 'fieldapp: a signature can only be revoked, never changed'); END"
        ),
        "signature_on_frozen": (
            "BEFORE INSERT ON signature WHEN (SELECT frozen_at FROM agreement_version WHERE id = NEW.version_id) IS NULL "
            "BEGIN SELECT RAISE(ABORT, 'fieldapp: only a version ready for signing can be signed'); END"
        ),
    }
    return {PREFIX + name: f"CREATE TRIGGER {PREFIX}{name} {body}" for name, body in ddl.items()}
