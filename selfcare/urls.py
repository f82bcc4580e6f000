from django.urls import URLPattern

app_name = "selfcare"

urlpatterns: list[URLPattern] = []
