from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SelfcareConfig(AppConfig):
    name = "selfcare"
    verbose_name = "Self-care"

    def ready(self) -> None:
        from backspasm.content.version import content_changed
        from selfcare.models import Exercise

        post_save.connect(content_changed, sender=Exercise, dispatch_uid="exercise-saved")
        post_delete.connect(content_changed, sender=Exercise, dispatch_uid="exercise-deleted")
