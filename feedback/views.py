"""The "Is this page useful?" answers from every public page.

Public pages are stored whole and served to everyone alike, so they cannot carry a per-person CSRF
token. This endpoint is exempt from Django's CSRF check and defends itself instead: it accepts
only a POST whose Origin header is this site, changes nothing but adding one harmless row, and is
rate-limited (docs/adr/0015-page-feedback.md).

As on GOV.UK, "No" is stored at once and opens "What was wrong?", with its own Send: what is sent
there is added to that answer (found through a signed reference, not a cookie), and the "No"
stays stored if nothing is sent.
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from backspasm.web.htmx import HtmxHttpRequest, personal_page
from feedback.forms import FeedbackForm, WhatWasWrongForm, answer_from_token, answer_token
from feedback.models import PageFeedback

THANKS = "thanks"
REFUSED = "refused"
WHAT_WAS_WRONG = "what_was_wrong"


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
    if "answer" in data:
        return _what_was_wrong(request, WhatWasWrongForm(data))
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
    stored = PageFeedback.objects.create(page=page, useful=form.cleaned_data["useful"])
    if not stored.useful:
        token = answer_token(stored.pk)
        if request.htmx:
            return _render(request, _asking(page, WhatWasWrongForm(initial={"answer": token})))
        return redirect(f"{reverse('feedback:what_was_wrong')}?answer={token}")
    return _thanks(request, page)


def _thanks(request: HtmxHttpRequest, page: str) -> HttpResponse:
    if request.htmx:
        return _render(request, {"feedback_state": THANKS, "feedback_page": page})
    return redirect(f"{page}?feedback={THANKS}#feedback")


def _asking(page: str, form: WhatWasWrongForm) -> dict[str, object]:
    # ``form`` too, so the page's title starts "Error: " when it has errors.
    return {
        "feedback_state": WHAT_WAS_WRONG,
        "feedback_page": page,
        "wrong_form": form,
        "form": form,
    }


def _what_was_wrong(request: HtmxHttpRequest, form: WhatWasWrongForm) -> HttpResponse:
    """Add what was wrong to the "No" just stored, once; an empty Send leaves the "No" as it is."""
    if not form.is_valid():
        pk = answer_from_token(str(form.data.get("answer", "")))
        answered = PageFeedback.objects.filter(pk=pk).first() if pk is not None else None
        return _render(request, _asking(answered.page if answered else "", form))
    answered = PageFeedback.objects.filter(pk=form.cleaned_data["answer"], useful=False).first()
    if answered is None:
        return _render(request, _asking("", form))
    comment = form.cleaned_data["comment"]
    if comment:
        PageFeedback.objects.filter(pk=answered.pk, comment="").update(comment=comment)
    return _thanks(request, answered.page)


@personal_page(methods=("GET",))
def what_was_wrong(request: HtmxHttpRequest) -> HttpResponse:
    """Without JavaScript, "No" leads here: the same question, on a page of its own."""
    token = request.GET.get("answer", "")
    pk = answer_from_token(token)
    answered = PageFeedback.objects.filter(pk=pk, useful=False).first() if pk else None
    if answered is None:
        return redirect("/")
    form = WhatWasWrongForm(initial={"answer": token})
    return render(request, "feedback/feedback.html", _asking(answered.page, form))
