"""``/feedback/``: where the "Is this page useful?" form on every public page posts."""

from django.urls import URLPattern, path

from feedback import views

app_name = "feedback"

urlpatterns: list[URLPattern] = [path("", views.give, name="give")]
