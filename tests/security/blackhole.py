"""A loopback TCP proxy that can turn into a black hole, for tests of a database that hangs."""

import selectors
import socket
import threading
import time
from types import TracebackType


class BlackholeProxy:
    """Forwards 127.0.0.1:port to a target until `hang()`: from then on every byte from either
    side is read and dropped, so connections stay open and nothing ever answers, as with a
    database server that has frozen. The kernel still acknowledges what the client sends, the
    harshest case for a client: TCP itself never reports a problem.

    Runs in a thread of the test; it stops when the block ends or after `lifetime` seconds,
    whichever is first, and closes every connection it holds.
    """

    def __init__(self, target_port: int, lifetime: float = 180.0) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.deadline = time.monotonic() + lifetime
        self.hanging = threading.Event()
        self.stopping = threading.Event()
        self.stuck = threading.Condition()
        self.stuck_clients: set[int] = set()
        self.accepted = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "BlackholeProxy":
        self.thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Close every connection: whatever was stuck on the database fails at once."""
        self.stopping.set()
        self.thread.join(timeout=10)

    def hang(self) -> None:
        self.hanging.set()

    def thaw(self) -> None:
        """Forward again. What was swallowed stays lost, as after a real outage, so connections
        made before it are broken; new ones work."""
        self.hanging.clear()

    @property
    def connections(self) -> int:
        """Client connections accepted so far."""
        return self.accepted

    def wait_for_stuck_clients(self, count: int, timeout: float) -> bool:
        """True once `count` client connections have sent something into the black hole."""
        with self.stuck:
            return self.stuck.wait_for(lambda: len(self.stuck_clients) >= count, timeout)

    def _run(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self.listener, selectors.EVENT_READ, None)
        open_sockets: list[socket.socket] = [self.listener]
        try:
            while not self.stopping.is_set() and time.monotonic() < self.deadline:
                for key, _ in selector.select(timeout=0.1):
                    if key.data is None:
                        client, _ = self.listener.accept()
                        self.accepted += 1
                        upstream = socket.create_connection(("127.0.0.1", self.target_port), 5)
                        open_sockets += [client, upstream]
                        selector.register(client, selectors.EVENT_READ, (upstream, True))
                        selector.register(upstream, selectors.EVENT_READ, (client, False))
                        continue
                    source = key.fileobj
                    assert isinstance(source, socket.socket)
                    peer, from_client = key.data
                    try:
                        data = source.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        for end in (source, peer):
                            if end.fileno() >= 0:
                                selector.unregister(end)
                                end.close()
                    elif not self.hanging.is_set():
                        peer.sendall(data)
                    elif from_client:
                        with self.stuck:
                            self.stuck_clients.add(source.fileno())
                            self.stuck.notify_all()
        finally:
            for open_socket in open_sockets:
                open_socket.close()
            selector.close()
