from django.contrib import admin

from backspasm.publishing.models import PendingChange
from backspasm.publishing.queueadmin import PendingChangeAdmin

admin.site.register(PendingChange, PendingChangeAdmin)
