"""Sign-in with a second factor, its enrolment, backup codes and the editor's devices: the
library's pages, with ours where they close a gap (backspasm.accounts.enrolment)."""

from django.urls import URLPattern, path
from two_factor.urls import core as two_factor_core
from two_factor.views import QRGeneratorView

from backspasm.accounts import devices
from backspasm.accounts.enrolment import BackupCodesView, EnrolView, SetUpCompleteView
from backspasm.accounts.signin import SignInView

OURS = {
    "login": SignInView.as_view(),
    "setup": EnrolView.as_view(),
    "setup_complete": SetUpCompleteView.as_view(),
    "backup_tokens": BackupCodesView.as_view(),
    # The library's answers only GET; HEAD answers wherever GET does.
    "qr": QRGeneratorView.as_view(http_method_names=["get", "head"]),
}

# Without the library's profile pages, which would let a staff account turn its second factor off.
two_factor_patterns: list[URLPattern] = [
    path(str(pattern.pattern), OURS.get(str(pattern.name), pattern.callback), name=pattern.name)
    for pattern in two_factor_core
]

account_patterns = [path("account/devices/", devices.devices, name="devices")]
