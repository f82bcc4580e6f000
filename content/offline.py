"""What a phone keeps for when its signal drops: the pages that say what to do in an emergency.

The service worker (static/js/service-worker.js) is served from the site's root, so that its scope
covers every page, with the list of what it keeps written in front of it. It keeps public pages
only, fetched without cookies, so nothing from a person's answers is ever stored on the phone.

The offline page itself carries every emergency sign and the numbers, from the checker's rules, so
offline help never depends on an article. Which articles phones keep as well is the editors'
choice (``Article.available_offline``), not an address in the code: a page unpublished or renamed
since is simply not kept.
"""

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Final

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from backspasm.publishing.version import content_version
from backspasm.web.caching import public_page, without_database
from content.models import Article
from content.pages import ArticleLink, link_to

WORKER_SOURCE: Final = "js/service-worker.js"
CACHE_PREFIX: Final = "backspasm-offline-"
# What every kept page needs to show as it does online; a test checks the pages ask for no more.
ASSETS: Final = (
    "css/main.css",
    "js/app.js",
    "img/favicon.svg",
    "django_htmx/htmx-2.min.js",
)


@cache
def release_digest() -> str:
    """Changes whenever a deploy changes what a kept page looks like (templates, styles, scripts,
    the numbers it shows), so phones replace their copies after every release."""
    digest = hashlib.blake2b(digest_size=8)
    for folder in [settings.BASE_DIR / "templates", *settings.STATICFILES_DIRS]:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and path.suffix in {".html", ".css", ".js", ".svg"}:
                digest.update(path.as_posix().encode())
                digest.update(path.read_bytes())
    for number in (settings.EMERGENCY_NUMBER, settings.URGENT_NUMBER, settings.CRISIS_LINE_NUMBER):
        digest.update(number.encode())
    return digest.hexdigest()


def offline_articles() -> list[ArticleLink]:
    """The published articles editors marked to keep on phones, in reading order."""
    kept = Article.objects.published().filter(available_offline=True)
    return [link_to(article) for article in kept.only("slug", "title", "summary")]


def kept_pages() -> list[str]:
    """The pages available offline after one visit, the offline page last."""
    return [
        reverse("content:home"),
        *(article.url for article in offline_articles()),
        reverse("offline"),
    ]


def worker_config() -> dict[str, object]:
    pages = kept_pages()
    assets = [static(path) for path in ASSETS]
    if settings.DEBUG:
        # {% htmx_script %} adds django-htmx's debug helper in debug.
        assets.append(static("django_htmx/django-htmx.js"))
    # A new release (templates, styles, numbers) or an editor's change makes a new cache, and so
    # new copies of every kept page; the worker deletes the caches of earlier versions.
    version = hashlib.blake2b(
        f"{release_digest()}:{content_version()}".encode(), digest_size=8
    ).hexdigest()
    return {
        "cache": f"{CACHE_PREFIX}{version}",
        "cachePrefix": CACHE_PREFIX,
        "pages": pages,
        "offlinePage": pages[-1],
        "assets": assets,
    }


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    source = finders.find(WORKER_SOURCE)
    if not isinstance(source, str):
        raise LookupError(f"{WORKER_SOURCE} is missing from the static files")
    with open(source, encoding="utf-8") as worker:
        body = f"self.OFFLINE_CONFIG = {json.dumps(worker_config())};\n{worker.read()}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # The browser asks again on every visit and so learns of a new release at once.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
@public_page
def offline(request: HttpRequest) -> HttpResponse:
    try:
        articles = offline_articles()
    except DatabaseError:
        # The numbers and the signs need no database; only the list of kept articles is missing.
        return without_database(render(request, "pages/offline.html", {"kept_articles": []}))
    return render(request, "pages/offline.html", {"kept_articles": articles})
