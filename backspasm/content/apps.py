from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ContentConfig(AppConfig):
    name = "backspasm.content"
    label = "content"
    verbose_name = "Guidance content"

    def ready(self) -> None:
        from backspasm.content.editors import sync_editors_group
        from backspasm.content.models import Article, Source
        from backspasm.content.reviewers import sync_reviewers_group
        from backspasm.content.version import content_changed, content_migrated

        for model in (Article, Source):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{model.__name__}-saved")
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"{model.__name__}-deleted"
            )
        post_migrate.connect(content_migrated, dispatch_uid="content-migrated")
        post_migrate.connect(sync_editors_group, dispatch_uid="content-editors-group")
        post_migrate.connect(sync_reviewers_group, dispatch_uid="content-reviewers-group")
