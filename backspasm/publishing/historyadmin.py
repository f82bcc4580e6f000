"""Admin for an object's history: who changed what, a word-level diff between any two versions,
and restoring a version, which proposes it for review like any other change."""

from typing import Any

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from backspasm.publishing import comparison, review
from backspasm.publishing.forms import ReasonForm
from backspasm.publishing.models import PendingChange
from backspasm.web.admin import HistoryAdmin


class RevisionHistoryAdmin(HistoryAdmin):
    """History pages for a reviewed model; restoring proposes, it never publishes."""

    def proposal_response(
        self, request: HttpRequest, obj: Any, proposed: PendingChange | None
    ) -> HttpResponse:
        """Tell the editor where their proposal stands, back on the list."""
        if proposed is None:
            self.message_user(
                request, f"Nothing changed in “{obj}”, so there is nothing to review."
            )
        else:
            self.message_user(
                request,
                f"Your change to “{proposed.name}” is waiting for a clinical reviewer. "
                "The public page stays as it is until someone else approves it.",
                messages.SUCCESS,
            )
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    def get_urls(self) -> list[Any]:
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def _history_object(self, request: HttpRequest, object_id: str) -> Any:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such object")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _context(self, request: HttpRequest, obj: Any, title: str, **extra: Any) -> dict[str, Any]:
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "object": obj,
            "opts": self.model._meta,
            "app_label": self.model._meta.app_label,
            "has_view_permission": True,
            **extra,
        }

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        obj = self._history_object(request, object_id)
        versions = list(
            obj.history.select_related("history_user").order_by("-history_date", "-history_id")
        )
        rows = [
            {
                "version": version,
                "previous": versions[index + 1] if index + 1 < len(versions) else None,
            }
            for index, version in enumerate(versions)
        ]
        return TemplateResponse(
            request,
            "admin/publishing/review/history.html",
            self._context(
                request,
                obj,
                f"History of “{obj}”",
                rows=rows,
                pending=PendingChange.objects.for_object(obj).select_related("author", "reviewer"),
            ),
        )

    def _version(self, obj: Any, version_id: Any) -> Any:
        try:
            return obj.history.get(history_id=int(version_id))
        except (ValueError, TypeError, obj.history.model.DoesNotExist):
            raise Http404("No such version") from None

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self._history_object(request, object_id)
        old = self._version(obj, request.GET.get("old"))
        new = self._version(obj, request.GET.get("new"))
        changes = comparison.diff_between(
            self.model,
            comparison.version_state(self.model, old, obj),
            comparison.version_state(self.model, new, obj),
        )
        versions = obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        return TemplateResponse(
            request,
            "admin/publishing/review/compare.html",
            self._context(
                request,
                obj,
                f"Compare versions of “{obj}”",
                old=old,
                new=new,
                changes=changes,
                versions=versions,
            ),
        )

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        """One version, what differs from the live content, and a form to propose restoring it,
        as it was or, where the model offers it, its words with what today's page must keep."""
        obj = self._history_object(request, object_id)
        version = self._version(obj, version_id)
        can_propose = self.has_change_permission(request, obj)
        form = ReasonForm(request.POST if request.method == "POST" else None)
        as_it_was = review.version_values(obj, version)
        keeping_label = getattr(obj, "restore_keeping_label", "")
        keeping = obj.restored_keeping(as_it_was) if keeping_label else None
        problems = review.problems_with(obj, as_it_was)
        if request.method == "POST":
            if not can_propose:
                raise PermissionDenied
            values = keeping if keeping is not None and "_keep" in request.POST else as_it_was
            problems = review.problems_with(obj, values)
            if form.is_valid() and not problems:
                proposed = review.propose_restore(
                    obj,
                    version,
                    author=request.user,
                    reason=form.cleaned_data["reason"],
                    values=values,
                )
                return self.proposal_response(request, obj, proposed)
        changes = comparison.diff_between(
            self.model,
            (review.values_of(obj), review.children_of(obj)),
            comparison.version_state(self.model, version, obj),
        )
        return TemplateResponse(
            request,
            "admin/publishing/review/version.html",
            self._context(
                request,
                obj,
                f"Restore an earlier version of “{obj}”",
                version=version,
                changes=changes,
                form=form,
                can_propose=can_propose,
                problems=problems,
                keeping_label=keeping_label,
                keeping_fixes=keeping is not None and not review.problems_with(obj, keeping),
                has_children=bool(review.review_children(self.model)),
                children_names=" and ".join(review.review_children(self.model)),
            ),
        )
