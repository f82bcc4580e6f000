"""The store inside each worker: bounded in number and in age."""

from backspasm.workerstore import WorkerStore


def test_a_value_put_is_got_back():
    store: WorkerStore[str] = WorkerStore(size=2, max_age_seconds=60)
    store.put("page", "html")

    assert store.get("page") == "html"
    assert store.get("other") is None


def test_the_least_recently_used_value_falls_out_when_the_store_is_full():
    store: WorkerStore[str] = WorkerStore(size=2, max_age_seconds=60)
    store.put("a", "1")
    store.put("b", "2")
    store.get("a")

    store.put("c", "3")

    assert [store.get(key) for key in ("a", "b", "c")] == ["1", None, "3"]


def test_a_value_past_its_age_is_gone():
    store: WorkerStore[str] = WorkerStore(size=2, max_age_seconds=0)
    store.put("page", "html")

    assert store.get("page") is None
