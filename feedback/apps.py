from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Page feedback"

    def ready(self) -> None:
        from backspasm import registry
        from feedback.models import PageFeedback

        # Editors read what visitors say about the pages, and change none of it.
        registry.register_editor_viewable(PageFeedback)
