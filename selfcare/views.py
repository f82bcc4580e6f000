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
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from backspasm.caching import public_page
from backspasm.content.version import CONTENT_CACHE_SECONDS, cached_content, content_version
from backspasm.htmx import HtmxHttpRequest, render_page
from selfcare import chart, state
from selfcare.calendar import build_calendar, filename
from selfcare.diary import Diary, Entry, record
from selfcare.forms import DiaryForm, PlanOptionsForm, StartBackForm
from selfcare.models import Exercise
from selfcare.plans import EASED_PAIN_SCORE, Plan, PlanInputs, build_plan
from selfcare.presenters import group_cautions, present_plan
from selfcare.startback import COPYRIGHT, ITEMS, USE_NOTICE
from triage.outcome import CheckerOutcome, stored_outcome

SELF_CARE = "self_care"


def _today() -> date:
    return timezone.localdate()


PersonalView = Callable[[HtmxHttpRequest, CheckerOutcome], HttpResponseBase]


def self_care_only(view: PersonalView) -> Callable[[HtmxHttpRequest], HttpResponseBase]:
    """Open the page only after a check that ended in self-care, and hand the view its outcome.

    Anyone else goes to the checker's start, or back to the advice their own result gave.
    """

    @wraps(view)
    def gated(request: HtmxHttpRequest) -> HttpResponseBase:
        outcome = stored_outcome(request)
        if outcome is not None and outcome.disposition == SELF_CARE:
            return view(request, outcome)
        target = reverse("triage:start" if outcome is None else "triage:result")
        # htmx would swap the other page into this one's region: have it load the page instead.
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)

    return gated


def _plan(
    request: HttpRequest,
    outcome: CheckerOutcome,
    diary: Diary,
    today: date,
    exercises: tuple[Exercise, ...],
) -> Plan:
    latest = diary.latest
    if latest is not None:
        pain = latest.pain
    elif outcome.pain_score is not None:
        pain = outcome.pain_score
    else:
        # Without any score, assume the pain has not eased: no exercises yet.
        pain = EASED_PAIN_SCORE + 1
    startback = state.startback_result(request.session)
    inputs = PlanInputs(
        today=today,
        days_since_start=state.days_since_start(request.session, outcome, today),
        pain_today=pain,
        pregnant=outcome.pregnant,
        age=outcome.age,
        findings=outcome.findings,
        risk=startback.risk if startback else None,
        days_eased=diary.days_eased(today),
    )
    return build_plan(inputs, [exercise.as_spec() for exercise in exercises])


def _exercises() -> tuple[Exercise, ...]:
    """For personal pages, which are rendered on every request. Public pages read the database:
    they are cached whole, and a stale version must not add to how long a page may be stale."""
    return cached_content("exercises", lambda: tuple(Exercise.objects.published()))


def _pain_source(diary: Diary, today: date) -> str:
    latest = diary.latest
    if latest is None:
        return "your symptom check"
    if latest.day == today:
        return "today"
    return f"{latest.day:%A} {latest.day.day} {latest.day:%B}"


@require_GET
@public_page
def hub(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcare/hub.html", {"exercises": Exercise.objects.published()})


@require_GET
@public_page
def exercise_list(request: HttpRequest) -> HttpResponse:
    exercises = Exercise.objects.published()
    return render(request, "selfcare/exercise_list.html", {"exercises": exercises})


@require_GET
@public_page
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(Exercise.objects.published(), slug=slug)
    return render(request, "selfcare/exercise_detail.html", {"exercise": exercise})


@never_cache
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@self_care_only
def plan(request: HtmxHttpRequest, outcome: CheckerOutcome) -> HttpResponseBase:
    today = _today()
    diary = state.load_diary(request.session, today)
    if request.method == "POST":
        form = PlanOptionsForm(request.POST)
        if form.is_valid():
            state.save_days_since_start(
                request.session, outcome, today, form.cleaned_data["days_since_start"]
            )
            earlier = diary.entry_for(today)
            entry = Entry(
                today, form.cleaned_data["pain_today"], bool(earlier and earlier.new_symptoms)
            )
            state.save_diary(request.session, record(diary, entry))
            return redirect("selfcare:plan")
    else:
        form = PlanOptionsForm(
            initial={
                "days_since_start": state.days_since_start(request.session, outcome, today),
                "pain_today": diary.latest.pain if diary.latest else outcome.pain_score,
            }
        )
    exercises = _exercises()
    built = _plan(request, outcome, diary, today, exercises)
    context = {
        "view": present_plan(built, state.startback_result(request.session)),
        "plan": built,
        "form": form,
        "diary": diary,
        "pain_source": _pain_source(diary, today),
        "exercises": exercises,
        "pregnancy_cautions": group_cautions(
            [(e.name, e.pregnancy_caution) for e in exercises if e.pregnancy_caution]
        )
        if outcome.pregnant
        else [],
        "copyright": COPYRIGHT,
        # The plan's parts that are the same for everyone come from the cache by this.
        "content_version": content_version(),
        "content_cache_seconds": CONTENT_CACHE_SECONDS,
    }
    return render_page(request, "selfcare/plan.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@self_care_only
def start_back(request: HtmxHttpRequest, _outcome: CheckerOutcome) -> HttpResponseBase:
    if request.method == "POST":
        form = StartBackForm(request.POST)
        if form.is_valid():
            state.save_startback(request.session, form.cleaned_data)
            return redirect("selfcare:plan")
    else:
        form = StartBackForm(initial=state.startback_answers(request.session))
    context = {
        "form": form,
        "items": ITEMS,
        "copyright": COPYRIGHT,
        "use_notice": USE_NOTICE,
    }
    return render_page(request, "selfcare/start_back.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@self_care_only
def pain_diary(request: HtmxHttpRequest, outcome: CheckerOutcome) -> HttpResponseBase:
    today = _today()
    current = state.load_diary(request.session, today)
    if request.method == "POST":
        form = DiaryForm(request.POST)
        if form.is_valid():
            state.remember_onset(request.session, outcome, today)
            entry = Entry(today, form.cleaned_data["pain_today"], form.cleaned_data["new_symptoms"])
            state.save_diary(request.session, record(current, entry))
            return redirect("selfcare:diary")
    else:
        form = DiaryForm()
    context = {
        "form": form,
        "diary": current,
        "chart": chart.draw(current.entries),
        "today_entry": current.entry_for(today),
        "eased_score": EASED_PAIN_SCORE,
    }
    return render_page(request, "selfcare/diary.html", context)


@never_cache
@require_GET
@self_care_only
def plan_calendar(request: HtmxHttpRequest, outcome: CheckerOutcome) -> HttpResponseBase:
    today = _today()
    diary = state.load_diary(request.session, today)
    built = _plan(request, outcome, diary, today, _exercises())
    body = build_calendar(built, ZoneInfo(settings.TIME_ZONE), datetime.now(tz=ZoneInfo("UTC")))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(today)}"'
    return response
