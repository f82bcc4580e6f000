import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db.utils import load_backend
from django.template.loader import get_template
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backspasm.settings")

application = get_wsgi_application()

# Import the URL patterns, and with them every view, now rather than on a worker's first
# request: under gunicorn's preload_app this happens once in the master, so no worker (nor any
# worker restarted after max_requests) makes a person wait while it imports the site. Opens no
# database or cache connection, so nothing is shared across the fork.
import_module(settings.ROOT_URLCONF)

# The same for the cache and database backends, which Django imports on first use: for Redis and
# PostgreSQL that took half a second of a new worker's first request. Importing connects to nothing.
for cache in settings.CACHES.values():
    import_string(str(cache["BACKEND"]))
for database in settings.DATABASES.values():
    load_backend(database["ENGINE"])

# Compile the site's templates into the cached loader for the same reason: a worker recycled
# under load would otherwise compile each one while the requests queued behind it wait.
SITE_TEMPLATES = settings.BASE_DIR / "templates"
for path in sorted(SITE_TEMPLATES.rglob("*.html")):
    get_template(path.relative_to(SITE_TEMPLATES).as_posix())

# Everything loaded so far lives as long as the process. Frozen, the cycle collector no longer walks
# it: a full collection in a worker drops from tens of milliseconds (a stall in the middle of a
# request) to a few.
gc.freeze()
