"""The checker's pages. Each view parses, asks the flow or the engine, stores and renders.

Every page serves both the whole page and, for htmx, just its swappable region: one template per
page with a ``main`` partial, chosen by ``request.htmx``. Pages that show answers are never cached,
so they do not linger in the browser's cache on a shared device.
"""

import functools

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from backspasm.web.caching import mark_public
from backspasm.web.htmx import HtmxHttpRequest, personal_page, render_page
from triage import flow, monitoring
from triage.forms import form_class, initial
from triage.presenters import Numbers, fold_answers, present_answers, present_result
from triage.steps import EMERGENCY_STEPS, READING_MINUTES


# Bounded: the script prefix comes with each request (SCRIPT_NAME), and there are 16 questions.
@functools.lru_cache(maxsize=64)
def _reverse_question(script_prefix: str, slug: str) -> str:
    return reverse("triage:question", kwargs={"slug": slug})


def _question_url(step: flow.Step) -> str:
    """A question's address. Reversing it on every answer cost more than the redirect that
    carries it, so each is reversed once; reverse() reads the prefix of the request being served,
    so the prefix is part of the key."""
    return _reverse_question(get_script_prefix(), step.slug)


def _resume(progress: flow.Progress) -> HttpResponseRedirect:
    """Send the person to where their journey really is."""
    if progress.end is flow.End.EMERGENCY:
        return redirect("triage:result")
    if progress.end is flow.End.UNDER_16:
        return redirect("triage:under_16")
    if progress.next_step is not None:
        return HttpResponseRedirect(_question_url(progress.next_step))
    if progress.finished:
        return redirect("triage:result")
    return redirect("triage:answers")


def _back_url(progress: flow.Progress, step: flow.Step) -> str:
    if progress.complete:
        return reverse("triage:answers")
    previous = progress.previous(step)
    if previous is None:
        return reverse("triage:start")
    return _question_url(previous)


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    progress = flow.load(request.session)
    context = {
        "first_step": flow.FIRST_STEP,
        "reading_minutes": READING_MINUTES,
        "emergency_pages": len(EMERGENCY_STEPS),
        "resume_url": _resume(progress).url if progress.answered else "",
    }
    response = render(request, "triage/start.html", context)
    if progress.answered:
        # The page now speaks to one person; without answers it stays a public, cacheable page.
        add_never_cache_headers(response)
    else:
        mark_public(request, response)
    return response


@personal_page(methods=("GET", "POST"))
def question(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    step = flow.STEPS_BY_SLUG.get(slug)
    if step is None:
        raise Http404("No such question")
    progress = flow.load(request.session)
    if not progress.can_show(step):
        return _resume(progress)
    if request.method == "POST":
        form = form_class(step)(request.POST)
        if form.is_valid():
            answered = progress.answer(step, form.cleaned_data[step.key])
            return _resume(flow.save(request.session, answered))
    else:
        form = form_class(step)(initial=initial(step, progress.value(step)))
    context = {
        "step": step,
        "form": form,
        "field": form[step.key],
        "back_url": _back_url(progress, step),
    }
    return render_page(request, "triage/question.html", context)


@personal_page(methods=("GET", "POST"))
def answers(request: HtmxHttpRequest) -> HttpResponse:
    progress = flow.load(request.session)
    if not progress.complete:
        return _resume(progress)
    if request.method == "POST":
        return _resume(flow.confirm(request.session, progress))
    rows, nothing_found = fold_answers(present_answers(progress))
    back_url = _question_url(progress.answered[-1][0])
    context: dict[str, object] = {
        "rows": rows,
        "nothing_found": nothing_found,
        "back_url": back_url,
    }
    return render_page(request, "triage/answers.html", context)


def _numbers() -> Numbers:
    return Numbers(
        emergency=settings.EMERGENCY_NUMBER,
        urgent=settings.URGENT_NUMBER,
        crisis_line=settings.CRISIS_LINE_NUMBER,
        crisis_line_name=settings.CRISIS_LINE_NAME,
    )


@personal_page(methods=("GET",))
def result(request: HtmxHttpRequest) -> HttpResponse:
    progress = flow.load(request.session)
    outcome = progress.outcome
    continue_url = ""
    if outcome is None:
        # Checking again: the last result stays until the new check ends.
        previous = flow.load_previous(request.session)
        if previous is None or previous.outcome is None:
            return _resume(progress)
        continue_url = _resume(progress).url
        progress, outcome = previous, previous.outcome
    else:
        monitoring.count_once(request.session, outcome)
    if continue_url:
        back_url = continue_url
    elif progress.end is flow.End.EMERGENCY:
        back_url = _question_url(progress.answered[-1][0])
    else:
        back_url = reverse("triage:answers")
    context = {
        "result": present_result(
            outcome,
            progress.answers,
            _numbers(),
            timezone.localdate(),
            pregnancy_not_sure=progress.pregnancy_not_sure,
        ),
        "back_url": back_url,
        "continue_url": continue_url,
    }
    return render_page(request, "triage/result.html", context)


@personal_page(methods=("GET", "POST"))
def check_again(request: HtmxHttpRequest) -> HttpResponse:
    """POST starts a fresh check with nothing ticked; GET explains it and offers the button.

    The last result, plan and diary stay until the new check ends. The button posts without
    htmx: the checker's pages replace the whole page, header and back link included.
    """
    if request.method == "POST":
        flow.check_again(request.session)
        return HttpResponseRedirect(_question_url(flow.FIRST_STEP))
    return render_page(request, "triage/check_again.html", {"back_url": reverse("triage:start")})


@personal_page(methods=("GET",))
def under_16(request: HtmxHttpRequest) -> HttpResponse:
    progress = flow.load(request.session)
    if progress.end is not flow.End.UNDER_16:
        return _resume(progress)
    back_url = reverse("triage:question", kwargs={"slug": "age"})
    return render_page(request, "triage/under_16.html", {"back_url": back_url})


@personal_page(methods=("GET", "POST"))
def start_again(request: HtmxHttpRequest) -> HttpResponse:
    """GET asks first (it works without JavaScript); POST clears the checker's answers."""
    if request.method == "POST":
        flow.clear(request.session)
        return redirect("triage:start")
    back_url = request.GET.get("next", "")
    if not back_url.startswith("/check/") or not url_has_allowed_host_and_scheme(
        back_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back_url = reverse("triage:start")
    return render_page(request, "triage/start_again.html", {"back_url": back_url})
