from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from backspasm.accounts.urls import account_patterns, two_factor_patterns
from backspasm.web import views
from backspasm.web.caching import public_page
from content import offline

urlpatterns = [
    path("", include("content.urls")),
    path("check/", include("triage.urls")),
    path("self-care/", include("selfcare.urls")),
    path("feedback/", include("feedback.urls")),
    path(
        "about/", public_page(TemplateView.as_view(template_name="pages/about.html")), name="about"
    ),
    path(
        "privacy/",
        public_page(TemplateView.as_view(template_name="pages/privacy.html")),
        name="privacy",
    ),
    path(
        "accessibility/",
        public_page(TemplateView.as_view(template_name="pages/accessibility.html")),
        name="accessibility",
    ),
    path("offline/", offline.offline, name="offline"),
    path("service-worker.js", offline.service_worker, name="service_worker"),
    path("healthz", views.healthz, name="healthz"),
    # Sign-in with a second factor, its enrolment, backup codes and the editor's devices, under
    # the admin's path: the staff session cookie is sent nowhere else (backspasm.web.staffsessions).
    path("admin/", include((two_factor_patterns, "two_factor"))),
    path("admin/", include((account_patterns, "accounts"))),
    path("admin/", admin.site.urls),
]

handler404 = "backspasm.web.views.page_not_found"
handler500 = "backspasm.web.views.server_error"
