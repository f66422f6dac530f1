"""A TCP proxy that injects faults between a device and the server: delays, refused connections, and
connections cut after a random number of bytes in either direction (mid-request or mid-response)."""

from __future__ import annotations

import random
import contextlib
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class Faults:
    delay: float = 0.15      # probability of a 10-100 ms delay on a connection
    drop: float = 0.1        # probability the connection is closed at once
    cut_request: float = 0.15   # probability the upstream direction is cut after a few bytes
    cut_response: float = 0.15  # probability the downstream direction is cut after a few bytes
    enabled: bool = True
    counts: dict[str, int] = field(default_factory=dict)


class FaultProxy:
    def __init__(self, target_port: int, *, seed: int = 0, faults: Faults | None = None) -> None:
        self.target = ("127.0.0.1", target_port)
        self.faults = faults or Faults()
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _count(self, name: str) -> None:
        self.faults.counts[name] = self.faults.counts.get(name, 0) + 1

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _decide(self) -> tuple[float, bool, int | None, int | None]:
        f = self.faults
        with self.lock:
            if not f.enabled:
                return 0.0, False, None, None
            r = self.rng
            delay = r.uniform(0.01, 0.1) if r.random() < f.delay else 0.0
            drop = r.random() < f.drop
            up = r.randint(1, 20000) if r.random() < f.cut_request else None
            down = r.randint(1, 20000) if r.random() < f.cut_response else None
            for name, on in (("delay", delay), ("drop", drop), ("cut_request", up), ("cut_response", down)):
                if on:
                    self._count(name)
            return delay, drop, up, down

    def _handle(self, client: socket.socket) -> None:
        delay, drop, up_budget, down_budget = self._decide()
        if drop:
            client.close()
            return
        try:
            upstream = socket.create_connection(self.target, timeout=10)
        except OSError:
            client.close()
            return
        if delay:
            threading.Event().wait(delay)
        done = threading.Event()

        def pump(src: socket.socket, dst: socket.socket, budget: int | None) -> None:
            try:
                while True:
                    data = src.recv(65536)
                    if not data:
                        break
                    if budget is not None:
                        if len(data) >= budget:
                            dst.sendall(data[:budget])
                            break
                        budget -= len(data)
                    dst.sendall(data)
            except OSError:
                pass
            finally:
                done.set()
                for s in (src, dst):
                    with contextlib.suppress(OSError):
                        s.shutdown(socket.SHUT_RDWR)

        threading.Thread(target=pump, args=(client, upstream, up_budget), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client, down_budget), daemon=True).start()
        done.wait()

    def close(self) -> None:
        self._stop = True
        self.sock.close()
