from typing import Any

from django.conf import settings

from backspasm.content.cache import bump_content_version


def content_changed(**kwargs: Any) -> None:
    bump_content_version()


def editor_model_changed(sender: type, **kwargs: Any) -> None:
    """Whole pages are cached under the content version, and a page may show any model editors
    change (an exercise on the self-care hub), so a save in any editors' app makes every page
    stale. Matched by app label, so this app need not import the others. Tables rebuilt from the
    content (the search index) are not an editor's change."""
    meta = getattr(sender, "_meta", None)
    if (
        meta is not None
        and meta.app_label in settings.CONTENT_EDITOR_APP_LABELS
        and not getattr(sender, "derived_from_content", False)
    ):
        bump_content_version()
