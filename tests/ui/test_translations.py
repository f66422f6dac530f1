"""Bokmål is complete: every UI text found by lupdate has a finished translation, and the window shows it."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from fieldapp.ui.i18n import install_language, translate, translations_dir

UI = Path(__file__).resolve().parents[2] / "src" / "fieldapp" / "ui"
SHIPPED = translations_dir() / "fieldapp_nb.ts"
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def _messages(ts: Path) -> dict[tuple[str, str], list[str] | None]:
    """(context, source) -> translation forms, or None when unfinished/empty."""
    found: dict[tuple[str, str], list[str] | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            forms = [f.text or "" for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text or ""]
            done = tr.get("type") not in ("unfinished", "obsolete", "vanished") and all(f.strip() for f in forms)
            found[(name, msg.findtext("source") or "")] = forms if done else None
    return found


def _lupdate() -> Path:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    return tool if tool.exists() else Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")


def test_every_ui_text_has_a_finished_bokmal_translation(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([str(_lupdate()), *sources, "-locations", "none", "-ts", str(extracted)], check=True,
                   capture_output=True)
    wanted = _messages(extracted)
    assert len(wanted) > 50, "lupdate found suspiciously few texts"
    shipped = _messages(SHIPPED)
    missing = [key for key in wanted if shipped.get(key) is None]
    assert not missing, f"untranslated in {SHIPPED.name} (run `make ts-update` and translate): {missing}"


def test_translations_keep_their_placeholders() -> None:
    for (context, source), forms in _messages(SHIPPED).items():
        for form in forms or []:
            expected = set(PLACEHOLDER.findall(source))
            assert set(PLACEHOLDER.findall(form)) == expected, f"{context}: {source!r} -> {form!r}"


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("translate", "tr"):
                yield name, node


def test_every_translate_call_uses_literal_texts_so_lupdate_finds_them() -> None:
    bad = []
    for path in UI.rglob("*.py"):
        for name, call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            literal_args = call.args[:2] if name == "translate" else call.args[:1]
            if not literal_args or not all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                           for a in literal_args):
                bad.append(f"{path.relative_to(UI)}:{call.lineno}")
    assert not bad, f"translate()/tr() with a non-literal context or text (lupdate cannot see it): {bad}"


def test_compiled_bokmal_is_loaded(qapp) -> None:
    loaded = install_language(qapp, "nb")
    assert any(p.name == "fieldapp_nb.qm" for p in loaded), "run `make translations`"
    assert translate("MainWindow", "&Today") == "&I dag"
    assert translate("Formatting", "%n day(s) overdue", None, 3) == "3 dager over fristen"
    install_language(qapp, "en")
    assert translate("MainWindow", "&Today") == "&Today"
    install_language(qapp, "nb")


def _visible_texts(root: QWidget) -> list[str]:
    texts = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        texts.append(w.toolTip())
    return [t for t in texts if t]


@pytest.mark.usefixtures("qapp")
def test_main_window_in_bokmal_shows_no_english_source_text(main_window) -> None:
    english = {source for (_ctx, source), forms in _messages(SHIPPED).items()
               if forms and forms[0] != source and len(source) > 3}
    shown = _visible_texts(main_window)
    for action in main_window.findChildren(type(main_window.new_visit_action)):
        shown += [action.text(), action.toolTip()]
    leaked = sorted({t for t in shown if t in english})
    assert not leaked, f"English texts in the bokmål UI: {leaked}"


def test_qts_standard_buttons_are_in_bokmal_too(qapp) -> None:
    """Qt has no bokmål translation of its own: its standard buttons come from ours (ui/qt_texts.py)."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    install_language(qapp, "nb")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close)
    assert sorted(b.text() for b in buttons.buttons()) == ["Avbryt", "Lagre", "Lukk"]
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(b.text() for b in box.buttons()) == ["&Ja", "&Nei"]


def test_every_plural_text_has_english_forms() -> None:
    """English is the source language, but "%n day(s)" needs its own forms: the English file holds them."""
    english = _messages(translations_dir() / "fieldapp_en.ts")
    plural = [key for key in _messages(SHIPPED) if "%n" in key[1]]
    missing = [key for key in plural if not english.get(key) or len(english[key] or []) != 2]
    assert not missing, f"plural texts without English forms in fieldapp_en.ts: {missing}"
