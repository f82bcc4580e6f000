"""Admin pieces shared by the apps editors use."""

from typing import Any

from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped library
    """Every save keeps a revision the editor can see and restore."""

    def get_history_queryset(
        self, request: HttpRequest, history_manager: Any, pk_name: str, object_id: str
    ) -> Any:
        """simple-history 3.13 calls select_related() with no field names for a model without
        foreign keys, which Django 6.1 deprecates; name the one relation the list shows."""
        return history_manager.filter(**{pk_name: object_id}).select_related("history_user")
