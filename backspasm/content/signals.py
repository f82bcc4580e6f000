from typing import Any

from backspasm.content.cache import bump_content_version


def content_changed(**kwargs: Any) -> None:
    bump_content_version()
