"""The soak: thousands of mixed requests across every journey, with zero errors allowed and the
memory of each gunicorn worker sampled before and after."""

import itertools
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.client import Client, Response
from tests.support.checker import JOURNEYS, Answers, walk_checker

SEARCH_WORDS = ("spasm", "sciatica", "ibuprofen", "exercise", "bladder", "")


def rss_kib(pid: int) -> int | None:
    """Resident memory of a process from /proc, or None once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def memory_growth(before: dict[int, int], after: dict[int, int | None]) -> dict[int, float | None]:
    """Growth of each worker as a fraction of its starting size; None for a recycled worker."""
    growth: dict[int, float | None] = {}
    for pid, start in before.items():
        end = after.get(pid)
        growth[pid] = None if end is None or start == 0 else (end - start) / start
    return growth


@dataclass(slots=True)
class Tally:
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, responses: list[Response], task: str) -> None:
        with self.lock:
            for response in responses:
                self.requests += 1
                self.statuses[response.status] += 1
                if response.status >= 400 and len(self.errors) < 20:
                    request = f"{response.method} {response.url}"
                    self.errors.append(f"{task}: {request} -> {response.status}")

    def fail(self, task: str, error: Exception) -> None:
        with self.lock:
            self.requests += 1
            self.statuses[0] += 1
            if len(self.errors) < 20:
                self.errors.append(f"{task}: {type(error).__name__}: {error}")

    @property
    def failures(self) -> int:
        return sum(count for status, count in self.statuses.items() if not 200 <= status < 400)


Task = Callable[[Client], list[Response]]


def _journey_task(target: str, answers: Answers, tally: Tally) -> Task:
    def run(client: Client) -> list[Response]:
        result = walk_checker(client.fetch, answers)
        with tally.lock:
            tally.outcomes[f"{target} -> {result.disposition or urlsplit(result.url).path}"] += 1
        responses = list(client.history)
        # After a self-care outcome, open what it links to under /self-care/ (the plan, the diary).
        if target == "self_care":
            for link in [link for link in result.links() if link.startswith("/self-care/")][:3]:
                responses += client.follow("GET", link)
        return responses

    return run


def _page_task(path: str) -> Task:
    return lambda client: client.follow("GET", path)


def _search_task(action: str, name: str, words: Iterator[str]) -> Task:
    return lambda client: client.follow("GET", f"{action}?{urlencode({name: next(words)})}")


def build_tasks(base_url: str, tally: Tally) -> list[tuple[str, Task]]:
    """Every journey, every page linked from the home page, the guidance index and the self-care
    hub, and the site search with a few different words, when there is one."""
    client = Client(base_url)
    paths: list[str] = ["/"]
    search: tuple[str, str] | None = None
    for index in ("/", "/guidance/", "/self-care/", "/search/"):
        response = client.request("GET", index)
        if response.status != 200:
            continue
        page = client.page(response)
        for link in page.links():
            parts = urlsplit(link)
            if (
                parts.path not in paths
                and not parts.query
                and not parts.path.startswith(("/admin/", "/static/", "/check/"))
            ):
                paths.append(parts.path)
        for form in page.forms():
            text = [name for name, kind in form.kinds.items() if kind in {"search", "text"}]
            if form.method == "get" and text and search is None:
                search = (urlsplit(form.action).path, text[0])
    client.close()
    tasks: list[tuple[str, Task]] = [(f"GET {path}", _page_task(path)) for path in paths]
    if search is not None:
        tasks.append((f"search {search[0]}", _search_task(*search, itertools.cycle(SEARCH_WORDS))))
    # Journeys weigh as much as all the pages together: they are where state and bugs live.
    journeys = [
        (f"checker to {target}", _journey_task(target, answers, tally))
        for target, answers in JOURNEYS.items()
    ]
    return tasks + journeys * max(1, len(tasks) // len(journeys))


@dataclass(frozen=True, slots=True)
class SoakResult:
    requests: int
    failures: int
    statuses: dict[int, int]
    errors: list[str]
    outcomes: dict[str, int]
    tasks: list[str]
    rss_before_kib: dict[int, int]
    rss_after_kib: dict[int, int | None]
    growth: dict[int, float | None]


def soak(
    base_url: str, worker_pids: Callable[[], list[int]], *, total: int, concurrency: int
) -> SoakResult:
    tally = Tally()
    tasks = build_tasks(base_url, tally)

    def work(order: Iterator[tuple[str, Task]], limit: int) -> None:
        while True:
            with tally.lock:
                if tally.requests >= limit:
                    return
            name, task = next(order)
            client = Client(base_url)
            try:
                tally.record(task(client), name)
            # An AssertionError is the checker refusing an answer or going round in circles.
            except (OSError, RuntimeError, ValueError, AssertionError) as error:
                tally.fail(name, error)
            finally:
                client.close()

    def run(limit: int) -> None:
        threads = [
            threading.Thread(target=work, args=(itertools.cycle(tasks[i:] + tasks[:i]), limit))
            for i in range(concurrency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    # Warm up first, so the "before" sample is of workers that have imported and cached
    # everything a request touches: growth after that is what would leak.
    run(limit=max(len(tasks) * 2, total // 10))
    warm_up = tally.requests
    before = {pid: rss for pid in worker_pids() if (rss := rss_kib(pid)) is not None}
    run(limit=warm_up + total)
    after = {pid: rss_kib(pid) for pid in before}
    return SoakResult(
        requests=tally.requests - warm_up,
        failures=tally.failures,
        statuses=dict(sorted(tally.statuses.items())),
        errors=tally.errors,
        outcomes=dict(sorted(tally.outcomes.items())),
        tasks=[name for name, _ in tasks],
        rss_before_kib=before,
        rss_after_kib=after,
        growth=memory_growth(before, after),
    )
