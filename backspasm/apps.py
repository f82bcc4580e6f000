from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """Django's admin, on a site that lets in only staff who proved a second factor."""

    default_site = "backspasm.web.admin.VerifiedAdminSite"

    def ready(self) -> None:
        super().ready()
        from backspasm import registry

        registry.register_staff_paths("/admin/")
