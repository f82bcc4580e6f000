"""Addresses of the symptom checker, mounted at /check/.

- ``/check/``: start page (what the checker does, who it is for).
- ``/check/<step>/``: one question per page, in this order (a step that does not apply is skipped):
  ``emergency-signs``, ``emergency-signs-legs``, ``emergency-signs-heart``,
  ``emergency-signs-other`` (the emergency screen),
  ``age``, ``pregnancy``, ``pregnancy-symptoms`` (only when pregnant or not sure), ``how-long``,
  ``pain-score``, ``general-symptoms``, ``health``, ``type-of-pain``, ``tummy-and-peeing``,
  ``leg-pain``, ``how-it-is-changing``, ``daily-life``. Once the result is urgent, the questions
  that could still make it an emergency come first and the rest are not asked.
  GET shows the question, POST answers it and redirects to the next page.
- ``/check/answers/``: check your answers, with a Change link per answer; POST confirms them.
- ``/check/result/``: the advice (only once finished, or at once after any emergency answer).
- ``/check/under-16/``: shown instead of a result to people younger than 16.
- ``/check/start-again/``: POST clears the checker's answers and returns to the start page.
- ``/check/again/``: POST starts a fresh check (nothing ticked) and opens its first question; the
  last result, plan and diary stay until the new check ends. GET explains and offers the button.
"""

from django.urls import URLPattern, path

from triage import views

app_name = "triage"

urlpatterns: list[URLPattern] = [
    path("", views.start, name="start"),
    path("answers/", views.answers, name="answers"),
    path("result/", views.result, name="result"),
    path("under-16/", views.under_16, name="under_16"),
    path("start-again/", views.start_again, name="start_again"),
    path("again/", views.check_again, name="check_again"),
    path("<slug:slug>/", views.question, name="question"),
]
