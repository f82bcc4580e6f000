from django.urls import path

from content import views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("guidance/", views.guidance_index, name="index"),
    path("guidance/preview/<int:pk>/", views.preview, name="preview"),
    path("guidance/preview/change/<int:pk>/", views.preview_change, name="preview-change"),
    path("guidance/<slug:slug>/", views.article, name="article"),
    path("search/", views.search, name="search"),
]
