"""``/feedback/``: where the "Is this page useful?" form on every public page posts;
``/feedback/what-was-wrong/``: the question a "No" opens, for a browser without JavaScript."""

from django.urls import URLPattern, path

from feedback import views

app_name = "feedback"

urlpatterns: list[URLPattern] = [
    path("", views.give, name="give"),
    path("what-was-wrong/", views.what_was_wrong, name="what_was_wrong"),
]
