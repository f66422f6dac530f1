"""The first paint: the Today view read straight from the folder, before the storage layer is loaded."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from fieldapp import paths
from fieldapp.demo.generate import generate
from fieldapp.services.agenda import load_agenda
from fieldapp.services.first_view import quick_agenda
from fieldapp.storage import keystore

NOW = datetime(2026, 11, 18, 12, tzinfo=UTC)


@pytest.fixture
def demo(workspace):
    generate(workspace, participants=50, today=NOW.date())
    return workspace


def test_it_is_the_same_agenda_as_the_open_folder_gives(demo, data_dir) -> None:
    shown = []
    for when in (NOW, NOW + timedelta(days=3), NOW + timedelta(days=40)):
        quick = quick_agenda(data_dir, now=when)
        assert quick is not None
        assert quick == load_agenda(demo, now=when)
        shown.append((len(quick.today), len(quick.rest_of_week), len(quick.overdue)))
    assert all(max(column) > 0 for column in zip(*shown)), shown  # every part of the agenda was compared


def test_a_new_or_empty_folder_is_left_to_the_normal_open(tmp_path) -> None:
    assert quick_agenda(tmp_path / "nothing-here", now=NOW) is None
    folder = tmp_path / "only-id"
    folder.mkdir()
    paths.folder_id_file(folder).write_text("1b4e28ba-2fa1-11d2-883f-0016d3cca427\n", encoding="utf-8")
    assert quick_agenda(folder, now=NOW) is None


def test_a_folder_needing_migration_is_left_to_the_normal_open(demo, data_dir) -> None:
    with demo.folder.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0004'"))
    assert quick_agenda(data_dir, now=NOW) is None


def test_a_missing_or_wrong_key_is_left_to_the_normal_open(demo, data_dir) -> None:
    folder_id = paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()
    entry = keystore._entry(folder_id)
    right = keystore.read_secret(keystore.SERVICE, entry)
    keystore.write_secret(keystore.SERVICE, entry, "00" * 32)
    assert quick_agenda(data_dir, now=NOW) is None  # wrong key: SQLCipher cannot read the file
    keystore._backend().delete_password(keystore.SERVICE, entry)
    assert quick_agenda(data_dir, now=NOW) is None  # no key at all
    keystore.write_secret(keystore.SERVICE, entry, right)
    assert quick_agenda(data_dir, now=NOW) is not None


def test_the_first_paint_loads_neither_sqlalchemy_nor_the_storage_layer() -> None:
    """What runs before Today is on screen: the command line, the app start, the main window's first step,
    and the quick read. A new import of SQLAlchemy (or of what pulls it in) there would undo the first paint."""
    probe = ("import sys; import fieldapp.cli.main, fieldapp.cli.app_cmd, fieldapp.ui.app, fieldapp.ui.main_window, "
             "fieldapp.services.first_view; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic') "
             "or m in ('fieldapp.storage.models', 'fieldapp.storage.datafolder', 'fieldapp.services.workspace')))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
