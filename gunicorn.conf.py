"""gunicorn settings for `make serve` and production (docs/adr/0006).

Environment: GUNICORN_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers),
FORWARDED_ALLOW_IPS (the reverse proxy's address). GUNICORN_CMD_ARGS overrides anything here.
"""

import os
from pathlib import Path


def available_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the whole host)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers handle one request at a time, each with one persistent database connection.
# A page spends part of its time waiting on PostgreSQL or Redis, so 2 x cores + 1 keeps every
# core busy; the measurements behind it are in docs/adr/0006.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * available_cores() + 1))
worker_class = "sync"

# Load Django once, in the master: a configuration error stops the start with one readable line
# before any worker forks, and workers share the loaded code's memory. A new release therefore
# needs a restart of the service, not a HUP.
preload_app = True

# No page takes more than a second; 30 s only catches a worker that is stuck.
timeout = 30
graceful_timeout = 20

# A safety net against a slow leak, not a routine: a 5,000-request soak grew workers by about 1%,
# and each restart leaves one worker cold. The jitter keeps workers from restarting together.
max_requests = 10_000
max_requests_jitter = 1_000

# The worker heartbeat file goes in memory: on a disk-backed /tmp (common in containers) the
# heartbeat can block a worker long enough to have it killed.
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None

# Only the reverse proxy may say a request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# The control socket sits at one path per user: a second server on the same machine would take
# it over, and stopping either would remove it. Signals from the process manager do the same job.
control_socket_disable = True

proc_name = "backspasm"

# Method, path without the query string, status, size and time; never the query string, form
# data, referrer, user agent or the client's address: answers to the checker must not reach a log.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "warning"
