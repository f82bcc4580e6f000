"""A small store inside one worker process, in front of the shared cache.

Reading the shared cache costs a round trip and unpickling on every request; what is already in
this process costs a dictionary look-up. Keys carry the content version, so an editor's change
still reaches every worker at once: the old entries are simply never asked for again, and fall
out as new ones come in. Entries also expire after a while, so that if a version bump is ever
lost (the shared cache down while an editor saves), no worker keeps old pages for longer than the
shared cache would.
"""

import threading
import time
from collections import OrderedDict


class WorkerStore[T]:
    """The most recently used values of this process, bounded in number and in age."""

    def __init__(self, size: int, max_age_seconds: float) -> None:
        self.size = size
        self.max_age_seconds = max_age_seconds
        self._values: OrderedDict[str, tuple[float, T]] = OrderedDict()
        # runserver and the test live server answer requests on threads.
        self._lock = threading.Lock()

    def get(self, key: str) -> T | None:
        with self._lock:
            entry = self._values.get(key)
            if entry is None:
                return None
            expires, value = entry
            if time.monotonic() >= expires:
                del self._values[key]
                return None
            self._values.move_to_end(key)
            return value

    def put(self, key: str, value: T) -> None:
        with self._lock:
            self._values[key] = (time.monotonic() + self.max_age_seconds, value)
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
