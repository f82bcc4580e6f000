from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ContentConfig(AppConfig):
    name = "backspasm.content"
    label = "content"
    verbose_name = "Guidance content"

    def ready(self) -> None:
        from backspasm.content.editors import sync_editors_group
        from backspasm.content.reviewers import sync_reviewers_group
        from backspasm.content.signals import content_changed, editor_model_changed

        post_save.connect(editor_model_changed, dispatch_uid="content-editor-model-saved")
        post_delete.connect(editor_model_changed, dispatch_uid="content-editor-model-deleted")
        # Migrations write through historical models, which send no save signals.
        post_migrate.connect(content_changed, dispatch_uid="content-migrated")
        post_migrate.connect(sync_editors_group, dispatch_uid="content-editors-group")
        post_migrate.connect(sync_reviewers_group, dispatch_uid="content-reviewers-group")
