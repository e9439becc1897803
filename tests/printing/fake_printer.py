"""A network thermal printer on loopback, for tests: a real listening socket served by threads."""

from __future__ import annotations

import socket
import threading
import time


class FakeNetworkPrinter:
    """Accepts every connection, then waits ``stall_s`` seconds without reading a byte (``None``: until
    ``close``), then takes the whole job and closes its end, as a printer does once a ticket is printed.

    ``accepted`` holds the monotonic time of each connection, ``jobs`` the bytes of each completed job.
    """

    def __init__(self, stall_s: float | None) -> None:
        self.stall_s = stall_s
        self.accepted: list[float] = []
        self.jobs: list[bytes] = []
        self._closed = threading.Event()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)  # the accept loop notices close() within this
        self.target = f"tcp:127.0.0.1:{self._server.getsockname()[1]}"
        threading.Thread(target=self._accept, name="fake-printer", daemon=True).start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            self.accepted.append(time.monotonic())
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()
        self._server.close()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            if self._closed.wait(self.stall_s):  # closed while stalling: the job is never taken
                return
            connection.settimeout(5)
            job = bytearray()
            while chunk := connection.recv(65536):
                job.extend(chunk)
            self.jobs.append(bytes(job))

    def close(self) -> None:
        self._closed.set()
