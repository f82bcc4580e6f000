"""Admin for reviewed content: a save proposes a change, a clinical reviewer approves it.

``ReviewedAdmin`` is the base for every model whose words patients read (articles, exercises).
Its history pages show who changed what with a word-level diff between any two versions, and
restoring a version proposes it for review like any other change.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from backspasm.admin import HistoryAdmin, ReadOnlyAdmin
from backspasm.content import diffs, review
from backspasm.content.models import Article, PendingChange

REASON_REQUIRED = "Enter why you are making this change"


class ReasonField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Why are you making this change?")
        kwargs.setdefault(
            "help_text",
            "A clinical reviewer reads this before approving, and it is kept in the history. "
            "For example: “NICE updated its advice on heat packs”.",
        )
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}))
        kwargs.setdefault("error_messages", {"required": REASON_REQUIRED})
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)


class ReviewedForm(forms.ModelForm):  # type: ignore[type-arg]
    change_reason = ReasonField()


class ReasonForm(forms.Form):
    reason = ReasonField()


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label="Comment for the editor",
        required=False,
        help_text="Needed when you send a change back: say what to change.",
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        max_length=2000,
    )


def field_labels(model: type[models.Model]) -> dict[str, str]:
    labels = {
        field.name: str(field.verbose_name).capitalize() for field in review.content_fields(model)
    }
    for relation in review.review_children(model):
        labels[relation] = relation.capitalize()
    return labels


def comparable(
    model: type[models.Model], values: dict[str, Any], children: review.Children
) -> dict[str, Any]:
    """Field values and child rows as the texts a diff compares."""
    flat: dict[str, Any] = {}
    choices = {
        field.name: dict(field.flatchoices)
        for field in review.content_fields(model)
        if field.choices
    }
    for name, value in values.items():
        flat[name] = choices[name].get(value, value) if name in choices else value
    for relation, names in review.review_children(model).items():
        flat[relation] = diffs.rows_as_text(children.get(relation, []), names)
    return flat


def diff_between(
    model: type[models.Model],
    old: tuple[dict[str, Any], review.Children],
    new: tuple[dict[str, Any], review.Children],
) -> diffs.Comparison:
    return diffs.compare(field_labels(model), comparable(model, *old), comparable(model, *new))


def version_state(
    model: type[models.Model], version: Any, obj: models.Model
) -> tuple[dict[str, Any], review.Children]:
    values = review.json_safe(
        {field.name: getattr(version, field.name) for field in review.content_fields(model)}
    )
    return values, review.children_as_of(obj, version.history_date)


class ReviewedAdmin(HistoryAdmin):
    """Saving proposes a change; the live object changes only when a reviewer approves it."""

    form = ReviewedForm
    change_form_template = "admin/content/review/change_form.html"
    # The field values a newly added object has until its first change is approved.
    unpublished_values: dict[str, Any] = {}

    # Editing ------------------------------------------------------------------------------

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))
        if self.has_change_permission(request, obj) or (
            obj is None and self.has_add_permission(request)
        ):
            fieldsets.append(("Your change", {"fields": ("change_reason",)}))
        return fieldsets

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """A new object is saved unpublished, so it has an address for review and preview; a
        change to an existing one is kept only as a proposal (see save_related)."""
        if change:
            return
        for name, value in self.unpublished_values.items():
            setattr(obj, name, value)
        obj._change_reason = f"Added for review: {form.cleaned_data['change_reason']}"
        obj.save()

    def _proposed_children(self, formsets: list[BaseInlineFormSet]) -> review.Children:  # type: ignore[type-arg]
        children: review.Children = {}
        reviewed = review.review_children(self.model)
        for formset in formsets:
            relation = formset.fk.remote_field.get_accessor_name()
            if relation not in reviewed:
                continue
            rows = []
            for inline_form in formset.forms:
                data = getattr(inline_form, "cleaned_data", {})
                if not data or data.get("DELETE"):
                    continue
                rows.append({name: data.get(name) for name in reviewed[relation]})
            children[relation] = sorted(rows, key=lambda row: row.get("order") or 0)
        return children

    def save_related(
        self,
        request: HttpRequest,
        form: Any,
        formsets: Any,
        change: bool,
    ) -> None:
        obj = form.instance
        if not change:
            super().save_related(request, form, formsets, change)
            values = review.values_of(obj)
            values.update(
                {
                    name: form.cleaned_data[name]
                    for name in self.unpublished_values
                    if name in form.cleaned_data
                }
            )
            children = review.children_of(obj)
        else:
            values = review.values_of(obj)  # the form has put the edited values on it, unsaved
            live = type(obj).objects.get(pk=obj.pk)
            children = {**review.children_of(live), **self._proposed_children(formsets)}
            obj = live
        request._proposed_change = review.propose(  # type: ignore[attr-defined]
            obj, values, children, author=request.user, reason=form.cleaned_data["change_reason"]
        )

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> HttpResponse:
        """One button: every save is a proposal, so "save and continue editing" would mislead."""
        context.update(show_save_and_add_another=False, show_save_and_continue=False)
        response: HttpResponse = super().render_change_form(request, context, *args, **kwargs)
        return response

    def construct_change_message(
        self, request: HttpRequest, form: Any, formsets: Any, add: bool = False
    ) -> Any:
        """An edit saves no inline rows (they wait in the proposal), so there are none to list."""
        if add:
            return super().construct_change_message(request, form, formsets, add)
        return f"Proposed a change for review: {form.cleaned_data['change_reason']}"

    def _proposal_response(self, request: HttpRequest, obj: Any) -> HttpResponse:
        proposed: PendingChange | None = getattr(request, "_proposed_change", None)
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

    def response_add(
        self, request: HttpRequest, obj: Any, post_url_continue: str | None = None
    ) -> HttpResponse:
        return self._proposal_response(request, obj)

    def response_change(self, request: HttpRequest, obj: Any) -> HttpResponse:
        return self._proposal_response(request, obj)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        obj = self.get_object(request, unquote(object_id))
        extra = dict(extra_context or {})
        if obj is not None:
            extra["pending_changes"] = (
                PendingChange.objects.pending().for_object(obj).select_related("author")
            )
        response: HttpResponse = super().change_view(request, object_id, form_url, extra)
        return response

    # History ------------------------------------------------------------------------------

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
            "admin/content/review/history.html",
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
        changes = diff_between(
            self.model, version_state(self.model, old, obj), version_state(self.model, new, obj)
        )
        versions = obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        return TemplateResponse(
            request,
            "admin/content/review/compare.html",
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
        """One version, what differs from the live content, and a form to propose restoring it."""
        obj = self._history_object(request, object_id)
        version = self._version(obj, version_id)
        can_propose = self.has_change_permission(request, obj)
        form = ReasonForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if not can_propose:
                raise PermissionDenied
            if form.is_valid():
                proposed = review.propose_restore(
                    obj, version, author=request.user, reason=form.cleaned_data["reason"]
                )
                request._proposed_change = proposed  # type: ignore[attr-defined]
                return self._proposal_response(request, obj)
        changes = diff_between(
            self.model,
            (review.values_of(obj), review.children_of(obj)),
            version_state(self.model, version, obj),
        )
        return TemplateResponse(
            request,
            "admin/content/review/version.html",
            self._context(
                request,
                obj,
                f"Restore an earlier version of “{obj}”",
                version=version,
                changes=changes,
                form=form,
                can_propose=can_propose,
                has_children=bool(review.review_children(self.model)),
                children_names=" and ".join(review.review_children(self.model)),
            ),
        )


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
            "admin/content/review/queue.html",
            {
                **self.admin_site.each_context(request),
                "title": "Changes for review",
                "subtitle": None,
                "opts": self.model._meta,
                "pending": pending,
                "decided": decided,
                "overdue": Article.objects.review_overdue().order_by("next_review_due"),
            },
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
                return HttpResponseRedirect(reverse("admin:content_pendingchange_changelist"))
            except review.ReviewError as problem:
                error = str(problem)
            except ValidationError as problem:
                # The live content changed since this was proposed (another page took the slug).
                error = "This change cannot be applied: " + " ".join(problem.messages)
        changes = diff_between(
            model,
            (review.values_of(target), review.children_of(target)),
            (change.values, change.children),
        )
        opts = model._meta
        preview_url = (
            reverse("content:preview-change", kwargs={"pk": change.pk})
            if opts.label_lower == "content.article"
            else ""
        )
        return TemplateResponse(
            request,
            "admin/content/review/change.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Review the change to “{change.name}”",
                "subtitle": None,
                "opts": self.model._meta,
                "change": change,
                "target": target,
                "target_opts": opts,
                "changes": changes,
                "form": form,
                "error": error,
                "can_decide": review.can_decide(change, request.user),
                "is_author": change.author_id == request.user.pk,
                "preview_url": preview_url,
            },
        )
