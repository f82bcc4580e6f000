"""The reviewers' queue: changes waiting, reviews overdue, and each change's review page where a
clinical reviewer approves it or sends it back."""

from typing import Any

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from backspasm import registry
from backspasm.publishing import comparison, review
from backspasm.publishing.forms import DecisionForm
from backspasm.publishing.models import PendingChange
from backspasm.web.admin import ReadOnlyAdmin


class PendingChangeAdmin(ReadOnlyAdmin):
    """The reviewers' queue: changes waiting, overdue reviews, and each change's review page."""

    list_select_related = ("author", "reviewer", "content_type")

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        pending = PendingChange.objects.pending().select_related("author", "content_type")
        decided = (
            PendingChange.objects.exclude(status="pending")
            .select_related("author", "reviewer", "content_type")
            .order_by("-decided_at")[:20]
        )
        return TemplateResponse(
            request,
            "admin/publishing/review/queue.html",
            {
                **self.admin_site.each_context(request),
                "title": "Changes for review",
                "subtitle": None,
                "opts": self.model._meta,
                "pending": pending,
                "decided": decided,
                "overdue": [
                    (
                        obj,
                        reverse(
                            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change",
                            args=[obj.pk],
                        ),
                    )
                    for entry in registry.reviewed()
                    if entry.review_overdue is not None
                    for obj in entry.review_overdue()
                ],
            },
        )

    def _is_new(self, target: Any) -> bool:
        """Never approved and still as an added object waits (a draft article)."""
        unpublished = getattr(self.admin_site._registry.get(type(target)), "unpublished_values", {})
        return (
            bool(unpublished)
            and all(getattr(target, name) == value for name, value in unpublished.items())
            and not PendingChange.objects.for_object(target).filter(status="approved").exists()
        )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: Any = None,
    ) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        change = get_object_or_404(
            PendingChange.objects.select_related("author", "reviewer", "content_type"),
            pk=unquote(object_id),
        )
        target = change.target
        if target is None:
            raise Http404("The object this change was for no longer exists.")
        model = type(target)
        form = DecisionForm(request.POST if request.method == "POST" else None)
        error = ""
        if request.method == "POST" and form.is_valid():
            try:
                if "_approve" in request.POST:
                    review.approve(change, request.user)
                    self.message_user(
                        request, f"Approved: “{change.name}” is now live.", messages.SUCCESS
                    )
                else:
                    review.reject(change, request.user, form.cleaned_data["comment"])
                    self.message_user(
                        request, f"Sent back to {change.author}: “{change.name}”.", messages.SUCCESS
                    )
                return HttpResponseRedirect(reverse("admin:publishing_pendingchange_changelist"))
            except review.ReviewError as problem:
                error = str(problem)
            except ValidationError as problem:
                # The live content changed since this was proposed (another page took the slug).
                error = "This change cannot be applied: " + " ".join(problem.messages)
        is_new = self._is_new(target)
        # A new object's live row holds the proposal itself: compare with nothing, so the
        # reviewer reads every word of it here.
        live: tuple[dict[str, Any], review.Children] = (
            ({}, {}) if is_new else (review.values_of(target), review.children_of(target))
        )
        changes = comparison.diff_between(model, live, (change.values, change.children))
        opts = model._meta
        reviewed = registry.reviewed_for(model)
        preview_url = (
            reverse(reviewed.preview_url_name, kwargs={"pk": change.pk})
            if reviewed is not None and reviewed.preview_url_name
            else ""
        )
        return TemplateResponse(
            request,
            "admin/publishing/review/change.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Review the change to “{change.name}”",
                "subtitle": None,
                "opts": self.model._meta,
                "change": change,
                "target": target,
                "target_opts": opts,
                "changes": changes,
                "is_new": is_new,
                "form": form,
                "error": error,
                "can_decide": review.can_decide(change, request.user),
                "is_author": change.author_id == request.user.pk,
                "preview_url": preview_url,
            },
        )
