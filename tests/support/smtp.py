"""A real SMTP server for the tests (aiosmtpd on 127.0.0.1), keeping every message it accepts.

    with smtp_server() as server:      # started on a free port
        ... send to server.host, server.port ...
        server.messages                # email.message.EmailMessage, in the order received

``free_port()`` gives a port with nothing listening: a server that is down. ``smtp_server(port)``
starts one on a given port (the server that comes back).
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Inbox:
    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    received: int = 0
    count_only: bool = False  # benchmarks: count, do not parse

    async def handle_DATA(self, server, session, envelope) -> str:
        with self.lock:
            self.received += 1
            if not self.count_only:
                self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


@contextmanager
def smtp_server(port: int | None = None, inbox: Inbox | None = None) -> Iterator[Inbox]:
    """An SMTP server on 127.0.0.1 (``port``, or a free one), stopped after."""
    port = port or free_port()
    inbox = inbox or Inbox("127.0.0.1", port)
    inbox.port = port
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def serve_forever(port: int) -> None:
    """Run a server until SIGTERM, then print how many messages it took (for benchmarks, which
    run it in a process of its own, as a real mail server is)."""
    import signal

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with smtp_server(port, Inbox("127.0.0.1", port, count_only=True)) as inbox:
        print("ready", flush=True)
        stop.wait()
    print(inbox.received, flush=True)


if __name__ == "__main__":
    import sys

    serve_forever(int(sys.argv[1]))
