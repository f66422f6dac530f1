"""The whole open/save/reopen path against a real Secret Service (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldapp.storage.migrate import head_revision

pytestmark = pytest.mark.secret_service

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    import keyring

    from fieldapp import paths
    from fieldapp.domain.records import Participant
    from fieldapp.services import records
    from fieldapp.services.workspace import open_workspace
    from fieldapp.storage import keystore

    data_dir = Path(sys.argv[1])
    with open_workspace(data_dir) as ws:
        saved = records.save(ws, Participant(first_name="Åse", last_name="Bråten-Sæther"))
    with open_workspace(data_dir) as ws:
        back = records.get(ws, Participant, saved.id)
        migration = ws.folder.migration
    backend = keyring.get_keyring()
    chain = [type(b).__module__ + "." + type(b).__name__ for b in getattr(backend, "backends", [backend])]
    folder_id = paths.folder_id_file(data_dir).read_text(encoding="utf-8").strip()
    key = keystore.load_key(folder_id)
    print(json.dumps({
        "backend": type(backend).__module__ + "." + type(backend).__name__,
        "chain": chain,
        "last_name": back.last_name if back else None,
        "reopened_from": migration.from_revision,
        "key_len": len(key) if key else 0,
    }))
    """
)

UNLOCK_AND_RUN = 'echo -n test-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"'


def _tools_or_skip() -> tuple[str, str]:
    run_session = shutil.which("dbus-run-session")
    daemon = shutil.which("gnome-keyring-daemon")
    if run_session and daemon:
        return run_session, daemon
    missing = [n for n, p in (("dbus-run-session", run_session), ("gnome-keyring-daemon", daemon)) if not p]
    reason = f"needs {' and '.join(missing)} (apt-get install gnome-keyring dbus)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the Secret Service test: {reason}")
    pytest.skip(reason)


def test_workspace_round_trip_through_gnome_keyring(tmp_path: Path) -> None:
    run_session, _ = _tools_or_skip()
    home = tmp_path / "home"
    env = dict(os.environ)
    for name in ("PYTHON_KEYRING_BACKEND", "FIELDAPP_TEST_KEYRING_FILE", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    for name, sub in (("HOME", "home"), ("XDG_RUNTIME_DIR", "run"), ("XDG_DATA_HOME", "home/.local/share"),
                      ("XDG_CACHE_HOME", "home/.cache"), ("XDG_CONFIG_HOME", "home/.config")):
        folder = tmp_path / sub
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        env[name] = str(folder)
    data_dir = tmp_path / "data"
    proc = subprocess.run(
        [run_session, "--", "sh", "-c", UNLOCK_AND_RUN, "sh", sys.executable, "-c", CHILD, str(data_dir)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, f"child failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["last_name"] == "Bråten-Sæther"
    assert result["reopened_from"] == head_revision()  # the second open found the first one's database
    assert result["key_len"] == 32
    assert any(name.endswith(".SecretService.Keyring") for name in result["chain"]), result
    assert not any(name.startswith(("keyring.backends.fail", "tests.")) for name in result["chain"]), result
    # The key went into gnome-keyring's own store under the temporary XDG_DATA_HOME, not into ~.
    assert list((home / ".local/share/keyrings").glob("*.keyring")), "gnome-keyring stored nothing"
