"""Bokmål everywhere, checked in the sources: no widget text written as an English literal or f-string outside
translate(), every synced record and field has a name (the conflicts view shows it), device times in local time."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import fieldapp.storage.models  # noqa: F401 - registers every mapped table before synced_tables() looks
from fieldapp.domain import field_labels
from fieldapp.services import sync as sync_service
from fieldapp.storage.capture import synced_tables
from fieldapp.ui.i18n import install_language
from fieldapp.ui.sync.conflicts_view import record_text
from fieldapp.ui.sync.devices_view import enrolled_text, last_seen_text

UI = Path(__file__).resolve().parents[2] / "src" / "fieldapp" / "ui"
# Calls whose first argument is shown to the user (a widget's text, a window title, a tooltip …).
_WIDGETS = {"QLabel", "QPushButton", "QGroupBox", "QCheckBox", "QRadioButton", "QToolButton", "QAction"}
_SETTERS = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setTitle", "setAccessibleName",
            "setAccessibleDescription", "setStatusTip", "setWhatsThis", "setInformativeText", "setLabelText",
            "showMessage", "setTabText", "setSpecialValueText", "setPrefix", "setSuffix"}
_MARKUP = re.compile(r"<[^>]*>|&\w+;")
_WORD = re.compile(r"[A-Za-zÆØÅæøå]{2,}")
# Examples of what to type, not words: the same in every language.
_NOT_WORDS = {"https://sync.example.org", "ABCD-EFGH-…"}


def _written_here(node: ast.expr) -> list[str]:
    """The text pieces written in this argument itself: literals, f-string parts, concatenated literals
    (a nested translate() call is lupdate's business and is checked by test_translations)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _written_here(node.left) + _written_here(node.right)
    return []


def untranslated_widget_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) for each widget text given as a literal or f-string holding words outside placeholders."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in _WIDGETS and name not in _SETTERS:
            continue
        pieces = _written_here(node.args[0])
        text = "".join(_MARKUP.sub("", p) for p in pieces)
        if _WORD.search(text) and "".join(pieces) not in _NOT_WORDS:
            found.append((node.lineno, "".join(pieces)))
    return found


def test_the_scan_catches_f_strings_and_literals_but_not_translated_texts() -> None:
    source = '''
label = QLabel(f"Versions of {name}")
label.setText("<h3>Event log</h3>")
box.setWindowTitle("Agreement " + number)
ok = QLabel("<h3>" + translate("AgreementHistory", "Versions") + "</h3>")
ok.setText(f"{count} · {total}")
ok.setToolTip(translate("X", "Save now (%1)").replace("%1", key))
'''
    assert [line for line, _ in untranslated_widget_texts(source)] == [2, 3, 4]


def test_no_widget_text_in_the_ui_is_an_untranslated_literal_or_f_string() -> None:
    bad = [f"{path.relative_to(UI)}:{line}: {text!r}" for path in sorted(UI.rglob("*.py"))
           for line, text in untranslated_widget_texts(path.read_text(encoding="utf-8"))]
    assert not bad, f"widget texts lupdate cannot see (use translate() with %1 placeholders): {bad}"


def test_every_synced_record_type_and_field_has_a_name_in_both_languages() -> None:
    tables = synced_tables()
    assert len(tables) > 20
    entities = {t.code for t in field_labels.ENTITIES}
    fields = {t.code for t in field_labels.FIELDS}
    missing = [t.name for t in tables if t.name not in entities]
    missing += [f"{t.name}.{c.name}" for t in tables for c in t.columns
                if c.name not in fields and f"{t.name}.{c.name}" not in fields]
    assert not missing, f"synced without a label in domain/field_labels.py: {missing}"
    for term in (*field_labels.ENTITIES, *field_labels.FIELDS):
        assert term.nb.strip() and term.en.strip(), term


def _conflict(entity: str, field: str) -> sync_service.ConflictItem:
    when = datetime(2026, 11, 23, 15, 23, tzinfo=UTC)
    return sync_service.ConflictItem(id=1, kind="overwritten", entity=entity, entity_id="x", field=field,
                                     local_value="a", remote_value="b", local_when=when, remote_when=when,
                                     local_by=None, remote_by=None, local_device="d1", remote_device="d2",
                                     detected_at=when)


def test_conflicts_name_the_field_as_the_forms_do(qapp) -> None:
    install_language(qapp, "nb")
    assert record_text(_conflict("participant", "notes")) == "Deltaker · notater"
    assert record_text(_conflict("signature", "method")) == "Signatur · signeringsmåte"
    install_language(qapp, "en")
    try:
        assert record_text(_conflict("visit", "internal_notes")) == "Visit · internal notes"
    finally:
        install_language(qapp, "nb")


def test_device_times_are_local_and_written_the_norwegian_way(qapp) -> None:
    install_language(qapp, "nb")
    device = sync_service.Device(device_id="d" * 36, name="Kontor-PC", status="pending", fingerprint="ab",
                                 enrolled_at="2026-11-23T15:23:41Z", this_device=False,
                                 last_seen="2026-11-23T15:23:41.123456+00:00")
    local = datetime(2026, 11, 23, 15, 23, 41, tzinfo=UTC).astimezone()
    for text in (enrolled_text(device), last_seen_text(device)):
        assert "UTC" not in text and "T" not in text.split()[-1]
        assert local.strftime("%d.%m.%Y") in text and f"kl. {local:%H.%M}" in text
