"""Rotating DJANGO_SECRET_KEY keeps people's plans: with the old key in
DJANGO_SECRET_KEY_FALLBACKS (or its _FILE form), a cookie encrypted under it is still read."""

from collections.abc import Callable
from pathlib import Path

from tests.support.checker import walk_checker
from tests.support.html import one
from tests.support.server import Browser, app_server, server_environment

OLD_KEY = "the-old-secret-key-that-made-the-patients-cookie-0123456789"
NEW_KEY = "the-new-secret-key-after-the-rotation-9876543210-abcdefghij"
LOST = "We cannot find your plan"


def plan_heading(browser: Browser) -> str:
    return one(browser.get("/self-care/plan/").soup, "h1").get_text(strip=True)


def with_cookies_of(browser: Browser, base_url: str) -> Browser:
    """The same person, their browser now reaching a restarted site."""
    again = Browser(base_url)
    for cookie in browser.cookies:
        again.cookies.set_cookie(cookie)
    return again


def test_a_cookie_made_with_the_old_key_is_read_after_the_rotation(
    static_root: Path, database_copy: Callable[[Path], Path], tmp_path: Path
):
    database = f"sqlite:///{database_copy(tmp_path)}"
    fallbacks = tmp_path / "fallbacks"
    fallbacks.write_text(f"an-even-older-key-nobody-uses-any-more-000000000000\n{OLD_KEY}\n")
    before = server_environment(static_root, DATABASE_URL=database, DJANGO_SECRET_KEY=OLD_KEY)
    rotating = {**before, "DJANGO_SECRET_KEY": NEW_KEY}

    with app_server(before, tmp_path / "before.log", workers=1) as server:
        person = Browser(server.base_url)
        assert walk_checker(person.fetch, {}).disposition == "self_care"
        heading = plan_heading(person)
        assert heading != LOST
    with app_server(
        {**rotating, "DJANGO_SECRET_KEY_FALLBACKS": f"{OLD_KEY},another-old-key"},
        tmp_path / "fallback.log",
        workers=1,
    ) as server:
        assert plan_heading(with_cookies_of(person, server.base_url)) == heading
    with app_server(
        {**rotating, "DJANGO_SECRET_KEY_FALLBACKS_FILE": str(fallbacks)},
        tmp_path / "file.log",
        workers=1,
    ) as server:
        assert plan_heading(with_cookies_of(person, server.base_url)) == heading
    with app_server(rotating, tmp_path / "without.log", workers=1) as server:
        assert plan_heading(with_cookies_of(person, server.base_url)) == LOST
