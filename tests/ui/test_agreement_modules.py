"""The agreement windows' modules: no import cycle between the editor and its lifecycle bar, and small files."""

from __future__ import annotations

from pathlib import Path

import grimp

AGREEMENTS = Path(__file__).resolve().parents[2] / "src" / "fieldapp" / "ui" / "agreements"


def test_lifecycle_bar_does_not_import_the_editor() -> None:
    graph = grimp.build_graph("fieldapp")
    assert graph.find_shortest_chain(importer="fieldapp.ui.agreements.lifecycle",
                                     imported="fieldapp.ui.agreements.editor") is None


def test_agreement_ui_files_stay_under_400_lines() -> None:
    long = {p.name: n for p in AGREEMENTS.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400}
    assert not long, long
