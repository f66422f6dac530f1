"""The outbox empties only when the server acknowledges: a push whose answer is cut off leaves every batch
in place, and the retry sends the very same bytes, which the server recognises (no second copy)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from sqlalchemy import text

from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.storage import sync_state
from tests.support.fault_proxy import FaultProxy
from tests.sync.conftest import make_device, server  # noqa: F401 - fixtures used by name below

FAST = dict(timeout=2.0, max_attempts=1, deadline_s=5.0, keepalive=False, sleep=lambda s: time.sleep(min(s, 0.05)))


class CutPushAnswers(FaultProxy):
    """Passes everything, except that while `cut` is set a push reaches the server and its answer is dropped."""

    cut = False
    cut_count = 0

    def _handle(self, client: socket.socket) -> None:
        first = client.recv(65536)
        upstream = socket.create_connection(self.target, timeout=10)
        upstream.sendall(first)
        drop_answer = self.cut and first.startswith(b"POST /v1/batches")
        if drop_answer:
            self.cut_count += 1

        def pump(src: socket.socket, dst: socket.socket, swallow: bool) -> None:
            try:
                while data := src.recv(65536):
                    if not swallow:
                        dst.sendall(data)
            except OSError:
                pass
            finally:
                for s in (src, dst):
                    with contextlib.suppress(OSError):
                        s.shutdown(socket.SHUT_RDWR)

        threading.Thread(target=pump, args=(client, upstream, False), daemon=True).start()
        pump(upstream, client, drop_answer)


def _stored(srv) -> list[tuple[int, bytes]]:
    with srv.engine.connect() as conn:
        return [(r[0], bytes(r[1])) for r in conn.execute(text("SELECT seq, blob FROM batches ORDER BY cursor"))]


def test_a_push_cut_mid_answer_keeps_the_outbox_and_the_retry_sends_the_same_batch(server, make_device) -> None:
    proxy = CutPushAnswers(server.port)
    try:
        dev = make_device("a", **FAST)
        dev.client.enroll(proxy.url, server.code(server.team()), name="a")
        records.save_all(dev.ws, [Participant(first_name=f"Navn{i}", last_name="Ødegård") for i in range(30)])
        assert sync_state.pending_count(dev.ws.folder) == (30, 0)  # never sent: waiting as records

        proxy.cut = True
        report = dev.client.sync()
        assert report.state != "done" and proxy.cut_count >= 1
        stored = _stored(server)
        assert stored, "the server stored the batch before its answer was cut"
        kept = sync_state.unpushed(dev.ws.folder)
        assert [(b.seq, b.blob) for b in kept] == stored  # not acknowledged, so not emptied: the same bytes
        assert sync_state.waiting_records(dev.ws.folder) == {"participant": 30}

        proxy.cut = False
        assert dev.client.sync().state == "done"
        assert _stored(server) == stored  # the retry was recognised as the same batch, not stored again
        assert sync_state.unpushed(dev.ws.folder) == []
        assert sync_state.pending_count(dev.ws.folder) == (0, 0)
        assert sync_state.waiting_records(dev.ws.folder) == {}
    finally:
        proxy.close()


def test_a_value_the_other_writer_had_seen_is_not_reported_as_overwritten(server, make_device) -> None:
    """Each field remembers where the server acknowledged it: a later acknowledgement of another field of the
    same record does not make an earlier value look unseen."""
    import dataclasses

    team = server.team()
    a, b = make_device("a"), make_device("b")
    a.client.enroll(server.url, server.code(team), name="a")
    out = b.client.enroll(server.url, server.code(team), name="b")
    a.client.approve(b.id, out.fingerprint)
    p = records.save(a.ws, Participant(first_name="Kari", last_name="Lie", notes="fra A"))
    a.sync()  # notes acknowledged
    b.sync()  # B has seen A's notes
    p = records.get(a.ws, Participant, p.id)
    records.save(a.ws, dataclasses.replace(p, phone="912 34 567"))
    a.sync()  # phone acknowledged later
    seen = records.get(b.ws, Participant, p.id)
    assert seen is not None and seen.notes == "fra A"
    records.save(b.ws, dataclasses.replace(seen, notes="fra B, som hadde sett A sin"))
    b.sync()
    a.sync()
    assert records.get(a.ws, Participant, p.id).notes == "fra B, som hadde sett A sin"
    assert sync_state.conflicts(a.ws.folder) == []  # B had seen A's value: nothing was lost unseen
