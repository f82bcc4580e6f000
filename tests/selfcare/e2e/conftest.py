"""The browser fixtures of tests/e2e (Debian's Chromium, a live server with the seeded content)."""

from tests.e2e.conftest import (  # noqa: F401
    _seeded_content,
    _seeded_rows,
    base_url,
    browser_context_args,
    browser_type_launch_args,
    open_page,
)
