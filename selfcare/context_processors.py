"""Links back to a person's own plan and diary, for the header and the home page."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from triage.outcome import stored_outcome


@dataclass(frozen=True, slots=True)
class YourPage:
    # Never marked current: the site's own "Self-care" section already is on these pages.
    label: str
    url: str


def your_pages(request: HttpRequest) -> dict[str, Any]:
    """ "Your plan" and "Your pain diary" after a result that offers the plan, "Your result" after
    any other.

    Only a request that carries the session cookie is looked at: anyone else's page never reads
    the session, so the cookieless copy a cache keeps is the same for everyone. A request with a
    cookie is never stored (see ``backspasm.web.caching``), so these links stay in the person's own
    browser.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return {"your_pages": ()}
    outcome = stored_outcome(request)
    if outcome is None:
        return {"your_pages": ()}
    if outcome.offers_self_care_plan:
        links = [("Your plan", "selfcare:plan"), ("Your pain diary", "selfcare:diary")]
    else:
        links = [("Your result", "triage:result")]
    return {"your_pages": tuple(YourPage(label, reverse(name)) for label, name in links)}
