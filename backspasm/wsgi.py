import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backspasm.settings")

application = get_wsgi_application()

# Import the URL patterns, and with them every view, now rather than on a worker's first
# request: under gunicorn's preload_app this happens once in the master, so no worker (nor any
# worker restarted after max_requests) makes a person wait while it imports the site. Opens no
# database or cache connection, so nothing is shared across the fork.
import_module(settings.ROOT_URLCONF)
