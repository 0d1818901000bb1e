"""gunicorn's settings for a deployment (deploy/Procfile and phananh-web.service), from the service's own settings:
HOST, PORT and WEB_CONCURRENCY, and the log format of `make run` (no client address, no query string)."""

import os

from core.config import Settings
from triage.run import ACCESS_LOG

_settings = Settings.from_env()

bind = [f"{_settings.host}:{_settings.port}"]
workers = _settings.web_concurrency
# The access log of `make run`: method, path without query string, status, time.
accesslog = "-"
access_log_format = ACCESS_LOG[ACCESS_LOG.index("--access-logformat") + 1]
logger_class = "triage.run.WebLogger"
# A request (an upload of evidence, a periodic workbook built on demand) may take a while; the proxy waits as long.
timeout = 120
graceful_timeout = 30
keepalive = 5
# Workers are recycled now and then, a few at a time, so that memory does not creep.
max_requests = 5000
max_requests_jitter = 500
# The workers' heartbeat files on a RAM disk when there is one (a slow /tmp makes gunicorn kill healthy workers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
# No runtime control socket (gunicorn 25+ opens one in $HOME by default): systemd manages the processes
# (`systemctl reload` for new code), and several gunicorns on one machine would share its path.
control_socket_disable = True
