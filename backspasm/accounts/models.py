from django.conf import settings
from django.db import models


class DeviceName(models.Model):
    """The name an editor gives one of their devices ("Work phone").

    django-two-factor-auth finds the authenticator to ask for by its `name` being "default", so
    the editor's own name for it is kept here rather than in the device's row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # django-otp's Device.persistent_id: "app_label.modelname/pk".
    device = models.CharField(max_length=255, unique=True)
    name = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.name
