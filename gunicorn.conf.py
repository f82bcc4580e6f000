"""gunicorn settings for `make serve` and production (docs/adr/0006).

Environment: GUNICORN_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers), GUNICORN_THREADS
(threads in each worker), FORWARDED_ALLOW_IPS (the reverse proxy's address). GUNICORN_CMD_ARGS
overrides anything here.
"""

import os
from pathlib import Path


def available_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the whole host)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# A page spends part of its time waiting on PostgreSQL or Redis, so 2 x cores + 1 workers keep
# every core busy (docs/adr/0006). Each worker runs threads (docs/adr/0012): with one request per
# worker, a few slow clients or requests stuck on a hung database held every worker while the
# emergency advice queued behind them. A gthread worker waits for a client's first bytes without
# a thread, and a thread held by a slow request leaves the others serving. Each thread keeps its
# own database connection: workers x threads per server counts against max_connections. At most
# half of them wait on PostgreSQL at once (settings.DATABASE_WAITING_THREADS, docs/adr/0021).
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * available_cores() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A worker takes a connection only when it has a thread free for it: one whose threads are all
# held (by a hung database, say) leaves new connections to the other workers instead of queueing
# them behind its stuck requests. That leaves no room for idle kept-alive connections, so each
# response closes its connection; the reverse proxy keeps the clients' connections alive.
worker_connections = threads
keepalive = 0

# Load Django once, in the master: a configuration error stops the start with one readable line
# before any worker forks, and workers share the loaded code's memory. A new release therefore
# needs a restart of the service, not a HUP.
preload_app = True

# No page takes more than a second; 30 s only catches a worker whose main loop is stuck.
timeout = 30
graceful_timeout = 20

# Workers are never replaced after a number of requests: memory levels off rather than leaks (a
# soak of 25,450 requests grew workers by 1.4-3.4%, one of 5,090 by 0.9-3.2%), while each
# replacement reset a few connections mid-request and took a public page's p99 under load from
# 18 ms to 150-250 ms. `make bench`'s soak holds the growth under 10%.
max_requests = 0

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
