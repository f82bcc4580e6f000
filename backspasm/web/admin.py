"""Admin pieces shared by the apps editors use."""

from typing import Any

from django.contrib.admin import AdminSite, ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from simple_history.admin import SimpleHistoryAdmin
from two_factor.admin import AdminSiteOTPRequiredMixin
from two_factor.utils import default_device


class VerifiedAdminSite(AdminSiteOTPRequiredMixin, AdminSite):  # type: ignore[misc]
    """The admin opens only to staff who signed in with a password and a second factor.

    Sign-in itself is django-two-factor-auth's. A staff account without an authenticator app (a
    new editor, or one whose lost phone an administrator removed) is sent to set one up instead
    of back to the sign-in page, which would let it in with the password alone and go round.
    """

    site_header = "Back spasm help: content"
    site_title = "Back spasm help admin"
    index_title = "Guidance, exercises and editors"

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff and not default_device(user):
            return redirect("two_factor:setup")
        response: HttpResponse = super().login(request, extra_context)
        return response


class HistoryAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped library
    """Every save keeps a revision the editor can see and restore."""

    def get_history_queryset(
        self, request: HttpRequest, history_manager: Any, pk_name: str, object_id: str
    ) -> Any:
        """simple-history 3.13 calls select_related() with no field names for a model without
        foreign keys, which Django 6.1 deprecates; name the one relation the list shows."""
        return history_manager.filter(**{pk_name: object_id}).select_related("history_user")

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(super().revert_disabled(request, obj)) or not self.has_change_permission(
            request, obj
        )

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        """simple-history lets anyone who may view the history post a revert; reverting is a
        change, so only someone who may change the object can (a source's revert went live)."""
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        response: HttpResponse = super().history_form_view(
            request, object_id, version_id, extra_context
        )
        return response


class ReadOnlyAdmin(ModelAdmin):  # type: ignore[type-arg]
    """Rows the site writes itself (counts, a review queue): staff read them and change nothing."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
