from django.apps import AppConfig


class SelfcareConfig(AppConfig):
    name = "selfcare"
    verbose_name = "Self-care"

    def ready(self) -> None:
        from backspasm import registry
        from selfcare.models import Exercise
        from selfcare.search import public_pages

        registry.register_reviewed(Exercise)
        registry.register_search_source(public_pages, tie_order=10)
        registry.register_renameable_paths("/self-care/exercises/")
