from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Guidance content"

    def ready(self) -> None:
        from backspasm import registry
        from content.cardguard import is_card_line
        from content.models import Article, Source
        from content.searchsources import guidance_articles, site_pages

        registry.register_reviewed(
            Article,
            children=[Source],
            preview_url_name="content:preview-change",
            review_overdue=lambda: Article.objects.review_overdue().order_by("next_review_due"),
            flag_lines=is_card_line,
            flag_label="Care card changed",
        )
        registry.register_search_source(guidance_articles, tie_order=0)
        registry.register_search_source(site_pages, tie_order=20)
        registry.register_renameable_paths("/guidance/")
        # Drafts are previewed with the staff's session, as in the admin.
        registry.register_staff_paths("/guidance/preview/")
