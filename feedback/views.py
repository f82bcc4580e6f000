"""The "Is this page useful?" answers from every public page.

Public pages are stored whole and served to everyone alike, so they cannot carry a per-person CSRF
token. This endpoint is exempt from Django's CSRF check and defends itself instead: it accepts
only a POST whose Origin header is this site, changes nothing but adding one harmless row, and is
rate-limited (docs/adr/0015-page-feedback.md).
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.crypto import salted_hmac
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from backspasm.htmx import HtmxHttpRequest, personal_page
from feedback.forms import FeedbackForm
from feedback.models import PageFeedback

THANKS = "thanks"
REFUSED = "refused"


def _from_this_site(request: HttpRequest) -> bool:
    """What Django's CSRF middleware checks first: the browser says the form came from here."""
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


def _address(group: str, request: HttpRequest) -> str:
    """The client's address as a hash keyed with the site's secret: the counter's cache key, which
    expires with its hour, can then never be matched to an address, and no address is stored."""
    address = get_client_ip_address(request) or ""
    return salted_hmac(group, address, algorithm="sha256").hexdigest()


def _everyone(group: str, request: HttpRequest) -> str:
    return "everyone"


def _past_the_limit(request: HttpRequest) -> bool:
    """Counts this answer. Without a working cache nothing can be counted, so the answer is
    refused: losing some feedback for a while is better than an unbounded table."""
    by_address = is_ratelimited(
        request,
        group="feedback",
        key=_address,
        rate=settings.FEEDBACK_RATE_PER_ADDRESS,
        increment=True,
    )
    by_everyone = is_ratelimited(
        request,
        group="feedback-everyone",
        key=_everyone,
        rate=settings.FEEDBACK_RATE_EVERYONE,
        increment=True,
    )
    return bool(by_address or by_everyone)


def _render(
    request: HtmxHttpRequest, context: dict[str, object], status: int = 200
) -> HttpResponse:
    template = "feedback/feedback.html"
    if request.htmx:
        template += "#panel"
    return render(request, template, context, status=status)


@csrf_exempt
@personal_page(methods=("POST",))
def give(request: HtmxHttpRequest) -> HttpResponseBase:
    # Read first, so a body too big or with too many fields gets the site's usual 400 page.
    data = request.POST
    if not _from_this_site(request):
        # The page every form on the site shows when it refuses a post from elsewhere.
        return render(request, "403_csrf.html", status=403)
    form = FeedbackForm(data)
    if not form.is_valid():
        # htmx swaps only a 200; a plain post shows the same form on a page of its own.
        page = data.get("page", "")
        return _render(request, {"form": form, "feedback_page": page})
    page = form.cleaned_data["page"]
    if _past_the_limit(request):
        context = {"feedback_state": REFUSED, "feedback_page": page}
        # htmx does not swap a 429, so it gets the same words with a 200.
        return _render(request, context, status=200 if request.htmx else 429)
    PageFeedback.objects.create(
        page=page, useful=form.cleaned_data["useful"], comment=form.cleaned_data["comment"]
    )
    if request.htmx:
        return _render(request, {"feedback_state": THANKS, "feedback_page": page})
    return redirect(f"{page}?feedback={THANKS}#feedback")
