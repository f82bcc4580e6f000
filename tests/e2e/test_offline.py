"""A person whose signal drops, in Chromium: after one visit the emergency pages still load."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from backspasm.publishing.version import content_changed
from content.models import Article
from tests.e2e.audit import assert_none, axe_problems, screenshot, set_width
from tests.e2e.checker import arrive_at_the_result, browser_storage
from tests.support.checker import JOURNEYS

OpenPage = Callable[..., Page]
KEPT_PAGES = ["/", "/guidance/when-to-get-help/", "/guidance/serious-causes/", "/offline/"]


def visit_once(page: Page) -> Page:
    """Given one visit to the home page, once the worker has kept the pages and took charge."""
    page.goto("/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    return page


def kept_addresses(page: Page) -> dict[str, list[str]]:
    """Each cache in Cache Storage with the addresses (paths) it holds."""
    return dict(
        page.evaluate(
            """async () => {
              const kept = {};
              for (const name of await caches.keys()) {
                const requests = await (await caches.open(name)).keys();
                kept[name] = requests.map((request) => new URL(request.url).pathname);
              }
              return kept;
            }"""
        )
    )


def go_offline(page: Page) -> None:
    page.context.set_offline(True)


def test_after_one_visit_home_and_when_to_get_help_now_load_offline_and_show_999(
    open_page: OpenPage,
):
    page = visit_once(open_page())
    go_offline(page)

    page.goto("/")
    expect(page.locator("main a[href='tel:999']").first).to_be_visible()
    page.goto("/guidance/when-to-get-help/")
    expect(page.locator("h1")).to_have_text("When to get help now")
    expect(page.locator("main")).to_contain_text("Call 999")
    expect(page.locator("link[rel=stylesheet]")).to_have_count(1)
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != "Times New Roman"


def test_offline_any_other_address_shows_the_offline_page_with_999_and_111(open_page: OpenPage):
    page = visit_once(open_page())
    go_offline(page)

    page.goto("/self-care/exercises/knee-rolls/?from=search")
    expect(page.locator("h1")).to_have_text("No internet connection")
    expect(page.locator("main a[href='tel:999']").first).to_be_visible()
    expect(page.locator("main a[href='tel:111']").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/self-care/exercises/knee-rolls/\?from=search$"))
    assert_none(axe_problems(page))


def test_a_personal_page_is_never_kept_nor_served_from_the_workers_cache(open_page: OpenPage):
    # The worker takes charge on the home page before the checker's pages load: a page that
    # starts loading while the worker activates stays with the network for good.
    page = visit_once(open_page())
    assert arrive_at_the_result(page, JOURNEYS["self_care"]) == "self_care"
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    page.goto("/self-care/plan/")
    expect(page.locator("#get-help-heading")).to_be_visible()
    go_offline(page)

    for personal in ["/self-care/plan/", "/self-care/diary/", "/check/result/", "/check/answers/"]:
        page.goto(personal)
        expect(page.locator("h1")).to_have_text("No internet connection")
    kept = kept_addresses(page)
    assert len(kept) == 1
    assert set(KEPT_PAGES) <= set(*kept.values())
    assert all(path in KEPT_PAGES or path.startswith("/static/") for path in [*kept.values()][0])
    session_keys, local_entries = browser_storage(page)
    assert local_entries == 0
    assert set(session_keys) <= {"htmx-current-path-for-history"}
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0


def test_a_new_release_replaces_the_kept_pages(open_page: OpenPage):
    page = visit_once(open_page())
    [first] = kept_addresses(page)

    content_changed()
    # A worker is "activated" once it has deleted the earlier caches.
    page.evaluate(
        """async () => {
          const taken = new Promise((resolve) =>
            navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
          await (await navigator.serviceWorker.getRegistration()).update();
          await taken;
          const worker = navigator.serviceWorker.controller;
          await new Promise((resolve) => {
            if (worker.state === "activated") resolve();
            worker.addEventListener("statechange", () => worker.state === "activated" && resolve());
          });
        }"""
    )

    [current] = kept_addresses(page)
    assert current != first
    assert set(KEPT_PAGES) <= set(kept_addresses(page)[current])


def test_the_offline_page_looks_right_on_a_phone_and_a_desktop(open_page: OpenPage):
    page = visit_once(open_page())
    go_offline(page)
    page.goto("/check/")
    for width in (375, 1280):
        set_width(page, width)
        screenshot(page, "offline", "offline-page")
    expect(page.locator("h1")).to_have_text("No internet connection")


def test_with_when_to_get_help_now_unpublished_the_worker_installs_and_offline_shows_the_numbers(
    open_page: OpenPage,
):
    Article.objects.filter(title="When to get help now").update(status="draft")
    content_changed()

    page = visit_once(open_page())
    go_offline(page)

    page.goto("/guidance/when-to-get-help/")
    expect(page.locator("h1")).to_have_text("No internet connection")
    card = page.locator("main [data-care-card='all-emergencies']")
    expect(card).to_be_visible()
    expect(card).to_contain_text("999")
    expect(page.locator("main a[href='tel:999']").first).to_be_visible()
    expect(page.locator("main a[href='tel:111']").first).to_be_visible()
    page.goto("/guidance/serious-causes/")
    expect(page.locator("h1")).to_have_text("Other serious causes of back pain")
