"""What each app tells the platform about itself, from its own ``AppConfig.ready()``.

The platform imports no app: an app that has reviewed models, public pages to search or paths
with their own rules registers them here, so following an import (or go-to-definition) from the
app leads to the platform, never the other way round (docs/adr/0017).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models

type Model = type[models.Model]


@dataclass(frozen=True, slots=True)
class Reviewed:
    """A model whose content a clinical reviewer approves before the public sees it."""

    model: Model
    # The rows that belong to it (an article's sources), changed only through its review.
    children: tuple[Model, ...]
    # A URL name, taking a change's ``pk``, that shows the proposed page as the public would.
    preview_url_name: str | None
    # The objects whose own review date has passed, listed in the reviewers' queue by their
    # ``next_review_due`` and ``reviewer``.
    review_overdue: Callable[[], Iterable[Any]] | None
    # Lines a reviewer must see flagged when a change adds or takes them out (a care card's),
    # and the words of the flag.
    flag_lines: Callable[[str], bool] | None = None
    flag_label: str = ""


_reviewed: dict[Model, Reviewed] = {}
_editor_viewable: list[Model] = []
_reviewer_viewable: list[Model] = []
_search_sources: dict[Callable[[], Iterable[Any]], int] = {}
_renameable_paths: list[str] = []
_staff_paths: list[str] = []


def _add[T](items: list[T], *new: T) -> None:
    items.extend(item for item in new if item not in items)


def register_reviewed(
    model: Model,
    *,
    children: Iterable[Model] = (),
    preview_url_name: str | None = None,
    review_overdue: Callable[[], Iterable[Any]] | None = None,
    flag_lines: Callable[[str], bool] | None = None,
    flag_label: str = "",
) -> None:
    """Saving ``model`` or its ``children`` moves the content version on, editors propose changes
    to them through ``ReviewedAdmin`` and clinical reviewers approve them."""
    from django.db.models.signals import post_delete, post_save

    from backspasm.publishing.version import content_changed

    entry = Reviewed(
        model, tuple(children), preview_url_name, review_overdue, flag_lines, flag_label
    )
    _reviewed[model] = entry
    for each in (model, *entry.children):
        label = each._meta.label_lower
        post_save.connect(content_changed, sender=each, dispatch_uid=f"{label}-saved")
        post_delete.connect(content_changed, sender=each, dispatch_uid=f"{label}-deleted")


def register_editor_viewable(*model: Model) -> None:
    """Models editors may read but never change (visitors' feedback)."""
    _add(_editor_viewable, *model)


def register_reviewer_viewable(*model: Model) -> None:
    """Models clinical reviewers may read besides what editors change (the checker's counts)."""
    _add(_reviewer_viewable, *model)


def register_search_source(source: Callable[[], Iterable[Any]], *, tie_order: int) -> None:
    """A function that yields public pages as ``backspasm.publishing.searchdocs.Document``s.
    Pages that score alike are listed by their source's ``tie_order``, lowest first: apps are
    ready in layer order, which says nothing about which pages help a reader most."""
    _search_sources.setdefault(source, tie_order)


def register_renameable_paths(*prefix: str) -> None:
    """Where pages editors can rename live: a 404 there may be an old address to redirect."""
    _add(_renameable_paths, *prefix)


def register_staff_paths(*prefix: str) -> None:
    """Paths that get the staff's server-side session instead of the visitor's cookie."""
    _add(_staff_paths, *prefix)


def reviewed() -> tuple[Reviewed, ...]:
    return tuple(_reviewed.values())


def reviewed_for(model: Model) -> Reviewed | None:
    return _reviewed.get(model)


def editor_editable() -> tuple[Model, ...]:
    """What editors add, change and view: each reviewed model and its rows."""
    return tuple(model for entry in _reviewed.values() for model in (entry.model, *entry.children))


def editor_viewable() -> tuple[Model, ...]:
    return tuple(_editor_viewable)


def reviewer_viewable() -> tuple[Model, ...]:
    return (*editor_editable(), *_reviewer_viewable)


def search_sources() -> tuple[Callable[[], Iterable[Any]], ...]:
    return tuple(sorted(_search_sources, key=_search_sources.__getitem__))


def renameable_paths() -> tuple[str, ...]:
    return tuple(_renameable_paths)


def staff_paths() -> tuple[str, ...]:
    return tuple(_staff_paths)
