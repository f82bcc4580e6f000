from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "backspasm.content"
    label = "content"
    verbose_name = "Guidance content"
