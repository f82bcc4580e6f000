from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PublishingConfig(AppConfig):
    name = "backspasm.publishing"
    label = "publishing"
    verbose_name = "Review before publish"

    def ready(self) -> None:
        from backspasm import registry
        from backspasm.publishing.editors import sync_editors_group
        from backspasm.publishing.models import PendingChange
        from backspasm.publishing.reviewers import sync_reviewers_group
        from backspasm.publishing.version import content_migrated

        # Editors see what waits for review, reviewers decide on it.
        registry.register_editor_viewable(PendingChange)
        registry.register_reviewer_viewable(PendingChange)
        post_migrate.connect(content_migrated, dispatch_uid="content-migrated")
        post_migrate.connect(sync_editors_group, dispatch_uid="content-editors-group")
        post_migrate.connect(sync_reviewers_group, dispatch_uid="content-reviewers-group")
