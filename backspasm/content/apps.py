from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ContentConfig(AppConfig):
    name = "backspasm.content"
    label = "content"
    verbose_name = "Guidance content"

    def ready(self) -> None:
        from backspasm.content.editors import sync_editors_group
        from backspasm.content.signals import content_changed

        for model_name in ("Article", "Source"):
            model = self.get_model(model_name)
            post_save.connect(
                content_changed, sender=model, dispatch_uid=f"content-save-{model_name}"
            )
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"content-delete-{model_name}"
            )
        # Migrations write through historical models, which send no save signals.
        post_migrate.connect(content_changed, dispatch_uid="content-migrated")
        post_migrate.connect(sync_editors_group, dispatch_uid="content-editors-group")
