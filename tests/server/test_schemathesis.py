"""schemathesis against /openapi.json: generated requests, valid and invalid, never get a 5xx."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402 - after the import path and environment are set up above

from fieldapp.server import key_store, store  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server.app import create_app  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server.config import Settings  # noqa: E402 - after the import path and environment are set up above
from fieldapp.server.db import make_engine  # noqa: E402 - after the import path and environment are set up above
from fieldapp.sync.protocol import PROTOCOL_VERSION, EnrollRequest, KeyEnvelope, KeyUpdate  # noqa: E402 - after the import path and environment are set up above


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    url = request.getfixturevalue("pg_cluster").new_database() if request.param == "postgresql" else None
    settings_ = Settings(data_dir=Path(tmp_path_factory.mktemp("schema")), database_url=url,
                         max_body_bytes=64 * 1024, max_batch_bytes=16 * 1024)
    engine = make_engine(settings_.url)
    app = create_app(settings_, engine)
    team = store.create_team(engine, "Schema")
    device = str(uuid.uuid4())
    token = store.enroll(engine, EnrollRequest(store.enrollment_code(engine, team, ttl_s=600)[0], device, "d",
                                               os.urandom(32))).token
    caller = store.Caller(device, team, "active")
    key_store.update_keys(engine, caller, KeyUpdate(0, "ab" * 8, (KeyEnvelope(device, 1, os.urandom(92)),
                                                              KeyEnvelope("recovery", 1, os.urandom(92))), "0" * 64))
    yield app, token, device
    engine.dispose()


def _operations(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_no_input_makes_the_server_fail(served) -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    app, token, _ = served
    operations = _operations(app)
    assert len(operations) >= 10
    seen: dict[int, int] = {}

    def make_run(operation):
        @given(data=st.data())
        @settings(max_examples=int(os.environ.get("SCHEMA_EXAMPLES", "40")), deadline=None, suppress_health_check=list(HealthCheck))
        def run(data: st.DataObject) -> None:
            case = data.draw(operation.as_strategy())
            headers = dict(case.headers or {})
            if operation.path != "/v1/enroll" and data.draw(st.integers(0, 3)):
                headers["Authorization"] = f"Bearer {token}"  # mostly as the enrolled device
            if data.draw(st.integers(0, 3)):
                headers["Fieldapp-Protocol"] = str(PROTOCOL_VERSION)  # mostly the right protocol, so the bodies get looked at
            response = case.call(headers=headers)
            seen[response.status_code] = seen.get(response.status_code, 0) + 1
            assert response.status_code < 500, (case.method, case.formatted_path, response.status_code,
                                                response.text[:300])
            if response.status_code >= 400:
                body = response.json()
                assert "error" in body and "message" in body
        return run

    for operation in operations:
        make_run(operation)()
    print("status codes seen:", dict(sorted(seen.items())))
    assert any(200 <= s < 300 for s in seen) and any(400 <= s < 500 for s in seen), seen
