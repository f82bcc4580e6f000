"""Admin for reviewed content: a save proposes a change, a clinical reviewer approves it.

``ReviewedAdmin`` is the base for every model whose words patients read (articles, exercises); its
history pages come from ``RevisionHistoryAdmin``, the reviewers' queue is ``PendingChangeAdmin``.
"""

from typing import Any
from weakref import WeakKeyDictionary

from django.contrib.admin.utils import unquote
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse

from backspasm.publishing import review
from backspasm.publishing.forms import ReviewedForm
from backspasm.publishing.historyadmin import RevisionHistoryAdmin
from backspasm.publishing.models import PendingChange


class ReviewedAdmin(RevisionHistoryAdmin):
    """Saving proposes a change; the live object changes only when a reviewer approves it."""

    form = ReviewedForm
    change_form_template = "admin/publishing/review/change_form.html"
    # The field values a newly added object has until its first change is approved.
    unpublished_values: dict[str, Any] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Django calls save_related and then response_add or response_change with the same
        # request; the proposal save_related made waits here for the response, keyed by request
        # because one admin serves every thread.
        self._proposals: WeakKeyDictionary[HttpRequest, PendingChange | None] = WeakKeyDictionary()

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
        self._proposals[request] = review.propose(
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

    def response_add(
        self, request: HttpRequest, obj: Any, post_url_continue: str | None = None
    ) -> HttpResponse:
        return self.proposal_response(request, obj, self._proposals.pop(request, None))

    def response_change(self, request: HttpRequest, obj: Any) -> HttpResponse:
        return self.proposal_response(request, obj, self._proposals.pop(request, None))

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
