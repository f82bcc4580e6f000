"""Public guidance pages, search and the staff-only draft preview."""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_otp.decorators import otp_required

from backspasm.publishing.models import PendingChange
from backspasm.publishing.review import proposed_object
from backspasm.web.caching import public_page, without_database
from content import pages
from content.forms import SearchForm
from content.models import Article
from content.pages import SourceLink, build_article_page, draft_section
from content.search import search as search_site
from content.searchlimit import too_many_searches

View = Callable[..., Any]


def staff_preview(permission: str) -> Callable[[View], View]:
    """A page only for staff who passed the second factor too, as in the admin, with the given
    permission: never kept by any cache."""

    def decorate(view: View) -> View:
        checked = permission_required(permission, raise_exception=True)(view)
        verified: View = otp_required(login_url="admin:login")(checked)
        return require_safe(never_cache(staff_member_required(verified)))

    return decorate


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    try:
        sections = pages.published_guidance().sections
    except DatabaseError:
        # The way to help needs no database: only the list of guidance is missing.
        return without_database(render(request, "pages/home.html", {"guidance_sections": ()}))
    return render(request, "pages/home.html", {"guidance_sections": sections})


@require_safe
@public_page
def guidance_index(request: HttpRequest) -> HttpResponse:
    return render(request, "content/index.html", {"guidance": pages.published_guidance()})


@require_safe
@public_page
def article(request: HttpRequest, slug: str) -> HttpResponse:
    page = pages.published_article(slug)
    if page is None:
        raise Http404("No published article has this address.")
    return render(request, "content/article.html", {"page": page})


@require_safe
@public_page
def search(request: HttpRequest) -> HttpResponse:
    """The empty form is a public page; results are never kept (``public_page`` stores nothing
    asked with a query string), since what someone searched for can say what they fear."""
    if not request.GET:
        return render(request, "content/search.html", {"form": SearchForm()})
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    if query and too_many_searches(request):
        response = render(request, "content/search_limited.html", status=429)
        response["Retry-After"] = "60"
        return response
    return render(
        request,
        "content/search.html",
        {
            "form": form,
            "query": query,
            "results": search_site(query) if query else None,
            "searched": "q" in request.GET,
        },
    )


@staff_preview("content.view_article")
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Any article as the public would see it, drafts included, marked as a preview."""
    draft = get_object_or_404(Article.objects.prefetch_related("sources"), pk=pk)
    section = pages.published_guidance().section_of(draft.slug) or draft_section(draft)
    return render(
        request,
        "content/article.html",
        {"page": build_article_page(draft, section), "preview_of": draft},
    )


@staff_preview("publishing.view_pendingchange")
def preview_change(request: HttpRequest, pk: int) -> HttpResponse:
    """An article as it would look with a proposed change, sources included, for its reviewer."""
    change = get_object_or_404(
        PendingChange.objects.filter(
            content_type__app_label="content", content_type__model="article"
        ),
        pk=pk,
    )
    article = proposed_object(change)
    if not isinstance(article, Article):
        raise Http404("This change is not to an article.")
    section = draft_section(article)
    page = replace(
        build_article_page(article, section),
        sources=tuple(
            SourceLink(title=row["title"], url=row["url"])
            for row in change.children.get("sources", [])
        ),
    )
    return render(
        request,
        "content/article.html",
        {"page": page, "preview_of": article, "preview_change": change},
    )
