from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from two_factor.urls import core as two_factor_core

from backspasm import offline, views
from backspasm.caching import public_page
from backspasm.signin import SignInView

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
    # Sign-in with a second factor, its enrolment and backup codes, under the admin's path: the
    # staff session cookie is sent nowhere else (backspasm.staffsessions). Without the library's
    # profile pages, which would let a staff account turn its second factor off.
    path(
        "admin/",
        include(
            (
                [path("account/login/", SignInView.as_view(), name="login"), *two_factor_core],
                "two_factor",
            )
        ),
    ),
    path("admin/", admin.site.urls),
]

handler404 = "backspasm.views.page_not_found"
handler500 = "backspasm.views.server_error"
