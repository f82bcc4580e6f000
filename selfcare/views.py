"""Self-care pages. Public guidance for everyone; the personal plan only after a self-care result.

Each view parses, calls the pure modules, stores and renders. Pages with a form serve the whole page
or, for htmx, the ``main`` partial of the same template.
"""

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_htmx.http import HttpResponseClientRedirect

from backspasm.web.caching import public_page
from backspasm.web.htmx import HtmxHttpRequest, personal_page, render_page
from selfcare import chart, state
from selfcare.calendar import build_calendar, filename
from selfcare.diary import KEPT_DAYS, Entry, record
from selfcare.forms import DiaryForm, PlanOptionsForm, StartBackForm
from selfcare.models import Exercise
from selfcare.plans import EASED_PAIN_SCORE
from selfcare.presenters import pain_source, present_plan
from selfcare.shared import shared_parts
from selfcare.startback import COPYRIGHT, INSTRUCTION, ITEMS, USE_NOTICE
from triage.outcome import stored_outcome
from triage.severe_pain import very_severe_pain


def _today() -> date:
    return timezone.localdate()


PersonalView = Callable[[HtmxHttpRequest, state.SelfCare], HttpResponseBase]


def self_care_only(view: PersonalView) -> Callable[[HtmxHttpRequest], HttpResponseBase]:
    """Open the page only after a check that offers the plan (self-care, or a GP result for the
    days before the appointment), and hand the view the person's self-care, read from their
    session once.

    Anyone else (a bookmark after the answers were forgotten, another device, another result)
    gets a page that says why there is no plan and where to go instead.
    """

    @wraps(view)
    def gated(request: HtmxHttpRequest) -> HttpResponseBase:
        outcome = stored_outcome(request)
        if outcome is not None and outcome.offers_self_care_plan:
            return view(request, state.load(request.session, outcome, _today()))
        if request.htmx:
            # htmx would swap the explanation into this page's region: have it load the page.
            return HttpResponseClientRedirect(request.path)
        context = {"has_result": outcome is not None, "kept_days": KEPT_DAYS}
        return render(request, "selfcare/no_plan.html", context)

    return gated


def _safety_net(person: state.SelfCare) -> dict[str, object]:
    """What the result told this person to watch for, and the crisis line where it comes first."""
    net = person.safety_net()
    return {
        "safety_net": net,
        # One card per level, the person's own signs first: the plan keeps to one printed sheet.
        "get_help_cards": net.with_general(state.GET_HELP_CARDS),
        "crisis_line": person.needs_crisis_line,
        "high_risk": person.high_risk,
    }


@require_safe
@public_page
def hub(request: HttpRequest) -> HttpResponse:
    context = {
        "exercises": Exercise.objects.published(),
        "get_help_cards": state.general_get_help_cards(),
    }
    return render(request, "selfcare/hub.html", context)


@require_safe
@public_page
def exercise_list(request: HttpRequest) -> HttpResponse:
    exercises = Exercise.objects.published()
    return render(request, "selfcare/exercise_list.html", {"exercises": exercises})


@require_safe
@public_page
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(Exercise.objects.published(), slug=slug)
    return render(request, "selfcare/exercise_detail.html", {"exercise": exercise})


@personal_page(methods=("GET",))
@self_care_only
def plan(request: HtmxHttpRequest, person: state.SelfCare) -> HttpResponseBase:
    # Rendered for each request, so what is the same for everyone comes from the cache. (Public
    # pages read the database instead: they are cached whole, and a stale content version must not
    # add to how long a page may be stale.)
    shared = shared_parts()
    built = person.plan(shared.exercises)
    pregnant = person.outcome.pregnant
    context = {
        "view": present_plan(built, person.startback, shared.exercise_urls),
        "plan": built,
        "diary": person.diary,
        "pain_source": pain_source(person.diary, person.today),
        "medicines": shared.medicines_for(pregnant),
        "pregnancy_cautions": shared.pregnancy_cautions if pregnant else "",
        **_safety_net(person),
        "copyright": COPYRIGHT,
    }
    return render_page(request, "selfcare/plan.html", context)


@personal_page(methods=("GET", "POST"))
@self_care_only
def change_plan(request: HtmxHttpRequest, person: state.SelfCare) -> HttpResponseBase:
    """When the pain started and today's pain: the plan moves on from both, and the score goes in
    the diary too."""
    if request.method == "POST":
        form = PlanOptionsForm(request.POST)
        if form.is_valid():
            today = person.today
            state.save_days_since_start(
                request.session, person.outcome, today, form.cleaned_data["days_since_start"]
            )
            earlier = person.today_entry
            entry = Entry(
                today, form.cleaned_data["pain_today"], bool(earlier and earlier.new_symptoms)
            )
            state.save_diary(request.session, record(person.diary, entry))
            return redirect("selfcare:plan")
    else:
        form = PlanOptionsForm(
            initial={
                "days_since_start": person.days_since_start,
                "pain_today": person.diary.latest.pain
                if person.diary.latest
                else person.outcome.pain_score,
            }
        )
    return render_page(request, "selfcare/change_plan.html", {"form": form})


@personal_page(methods=("GET", "POST"))
@self_care_only
def start_back(request: HtmxHttpRequest, person: state.SelfCare) -> HttpResponseBase:
    if request.method == "POST":
        form = StartBackForm(request.POST)
        if form.is_valid():
            state.save_startback(request.session, form.cleaned_data)
            return redirect("selfcare:plan")
    else:
        form = StartBackForm(initial=person.startback_answers)
    context = {
        "form": form,
        "items": ITEMS,
        "instruction": INSTRUCTION,
        "copyright": COPYRIGHT,
        "use_notice": USE_NOTICE,
    }
    return render_page(request, "selfcare/start_back.html", context)


@personal_page(methods=("GET", "POST"))
@self_care_only
def pain_diary(request: HtmxHttpRequest, person: state.SelfCare) -> HttpResponseBase:
    if request.method == "POST":
        form = DiaryForm(request.POST)
        if form.is_valid():
            state.remember_onset(request.session, person.outcome, person.today)
            entry = Entry(
                person.today, form.cleaned_data["pain_today"], form.cleaned_data["new_symptoms"]
            )
            state.save_diary(request.session, record(person.diary, entry))
            return redirect("selfcare:diary")
    else:
        form = DiaryForm()
    shared = shared_parts()
    context = {
        "form": form,
        "diary": person.diary,
        "worsening": person.worsening,
        "very_severe_pain": very_severe_pain(person.pain_today),
        "chart": chart.draw(person.diary.entries),
        "today_entry": person.today_entry,
        "eased_score": EASED_PAIN_SCORE,
        "kept_days": KEPT_DAYS,
        "pregnant": person.outcome.pregnant,
        "medicines": shared.medicines_for(person.outcome.pregnant),
        **_safety_net(person),
    }
    return render_page(request, "selfcare/diary.html", context)


@never_cache
@require_safe
@self_care_only
def plan_calendar(request: HtmxHttpRequest, person: state.SelfCare) -> HttpResponseBase:
    """The light calendar, or with ``?sessions=all`` every heat and exercise session too."""
    # The plan's start day and the calendar id make the events' UIDs: both are kept from now on.
    state.remember_onset(request.session, person.outcome, person.today)
    built = person.plan(shared_parts().exercises)
    body = build_calendar(
        built,
        ZoneInfo(settings.TIME_ZONE),
        datetime.now(tz=ZoneInfo("UTC")),
        state.calendar_owner(request.session),
        every_session=request.GET.get("sessions") == "all",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(person.today)}"'
    return response
