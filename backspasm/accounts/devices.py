"""An editor's own page of the devices that sign in to their account, where they name them."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp.decorators import otp_required
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice

from backspasm.accounts.models import DeviceName


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    kind: str
    added: datetime | None
    last_used: datetime | None
    form: "NameForm | None"
    left: int | None = None  # backup codes not yet used


class NameForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=64,
        help_text="For example, Work phone",
        error_messages={
            "required": "Enter a name for this device",
            "max_length": "Enter a name of 64 characters or fewer",
        },
    )


def rows_for(user: Any, bound: tuple[str, NameForm] | None = None) -> list[Row]:
    # Authenticator apps first, numbered among themselves; backup codes last.
    devices: list[Device] = sorted(
        devices_for_user(user), key=lambda device: isinstance(device, StaticDevice)
    )
    names = dict(
        DeviceName.objects.filter(user=user).values_list("device", "name"),
    )
    rows = []
    for number, device in enumerate(devices, start=1):  # backup codes come last
        if isinstance(device, StaticDevice):
            rows.append(
                Row(
                    device.persistent_id,
                    "Backup codes",
                    "Backup codes, each used once",
                    getattr(device, "created_at", None),
                    getattr(device, "last_used_at", None),
                    None,
                    left=device.token_set.count(),
                )
            )
            continue
        name = names.get(device.persistent_id) or f"Authenticator app {number}"
        form = (
            bound[1]
            if bound and bound[0] == device.persistent_id
            else NameForm(initial={"name": name}, prefix=f"device-{device.pk}")
        )
        rows.append(
            Row(
                device.persistent_id,
                name,
                "Authenticator app",
                getattr(device, "created_at", None),
                getattr(device, "last_used_at", None),
                form,
            )
        )
    return rows


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@otp_required  # type: ignore[untyped-decorator]  # untyped library
def devices(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    bound = None
    if request.method == "POST":
        persistent_id = request.POST.get("device", "")
        device = next((d for d in devices_for_user(user) if d.persistent_id == persistent_id), None)
        if device is None or isinstance(device, StaticDevice):
            raise Http404("You have no such device.")
        form = NameForm(request.POST, prefix=f"device-{device.pk}")
        if form.is_valid():
            DeviceName.objects.update_or_create(
                device=persistent_id, defaults={"user": user, "name": form.cleaned_data["name"]}
            )
            messages.success(request, f"Saved the name {form.cleaned_data['name']}.")
            return redirect("accounts:devices")
        bound = (persistent_id, form)
    status = 200 if bound is None else 400
    return render(request, "accounts/devices.html", {"rows": rows_for(user, bound)}, status=status)
