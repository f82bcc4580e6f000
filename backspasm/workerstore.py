"""A small store inside one worker process, in front of the shared cache.

Reading the shared cache costs a round trip and unpickling on every request; what is already in
this process costs a dictionary look-up. Keys carry the content version, so an editor's change
still reaches every worker at once: the old entries are simply never asked for again, and fall
out as new ones come in.
"""

import threading
from collections import OrderedDict


class WorkerStore[T]:
    """The most recently used values of this process, bounded in number."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[str, T] = OrderedDict()
        # runserver and the test live server answer requests on threads.
        self._lock = threading.Lock()

    def get(self, key: str) -> T | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: str, value: T) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
