"""Addresses of the self-care pages, mounted at /self-care/.

- ``/self-care/``: the guidance hub, for everyone.
- ``/self-care/exercises/`` and ``/self-care/exercises/<slug>/``: the exercises, for everyone.
- ``/self-care/plan/``: the personal plan, only after a self-care result from the checker.
- ``/self-care/plan/change/``: when the pain started and how bad it is today, to move the plan on.
- ``/self-care/start-back/``: the STarT Back questionnaire; its result is shown on the plan.
- ``/self-care/diary/``: the pain diary.
- ``/self-care/plan.ics``: the plan's heat and exercise sessions for a calendar app.
"""

from django.urls import URLPattern, path

from selfcare import views

app_name = "selfcare"

urlpatterns: list[URLPattern] = [
    path("", views.hub, name="hub"),
    path("exercises/", views.exercise_list, name="exercises"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    path("plan/", views.plan, name="plan"),
    path("plan/change/", views.change_plan, name="change_plan"),
    path("plan.ics", views.plan_calendar, name="calendar"),
    path("start-back/", views.start_back, name="start_back"),
    path("diary/", views.pain_diary, name="diary"),
]
