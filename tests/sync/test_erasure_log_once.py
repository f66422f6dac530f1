"""A late change for an erased participant is logged once as refused, even when the pull that refused it was cut
and the same batch was opened again (the erasure log is what `fieldapp erase --log` shows)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.records import Participant
from fieldapp.services import erasure, records
from fieldapp.storage import erasure as erasure_store
from fieldapp.storage import merge
from tests.sync.test_erasure import _push_before_pull


def test_a_refused_late_change_is_logged_once_when_the_pull_is_cut_and_taken_again(
        team, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    srv, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Lena", last_name="Loggført"))
    for dev in (a, b, c):
        dev.sync()
    got = records.get(c.ws, Participant, p.id)
    assert got is not None
    records.save(c.ws, dataclasses.replace(got, phone="90011223"))  # c is offline
    erasure.erase(a.ws, participant_id=p.id, reason_code="participant_request")
    a.sync()
    _push_before_pull(c)  # c's late edit reaches the server after the erasure

    real_run = merge._Applier.run  # noqa: SLF001  # cut where a batch is applied
    cuts: list[int] = []

    def cut_once(self: Any) -> None:
        if self.b.device_id == c.id and not cuts:
            cuts.append(self.b.seq)
            raise RuntimeError("the machine went down")
        real_run(self)

    monkeypatch.setattr(merge._Applier, "run", cut_once)
    with pytest.raises(RuntimeError):
        b.client.sync()
    assert cuts
    b.sync()
    b.sync()
    handle = participant_handle(p.id)
    refused = [e for e in erasure_store.erasure_log(b.ws.folder)
               if e.event == "late_change_refused" and e.handle == handle]
    assert [(e.device_id, e.count) for e in refused] == [(c.id, 1)]
    assert records.get(b.ws, Participant, p.id) is None
