"""gunicorn's settings for a deployment (deploy/Procfile and phananh-web.service), from the service's own settings:
HOST, PORT and WEB_CONCURRENCY, the log format of `make run` (no client address, no query string), and the metrics
of /metrics shared between the processes (triage.gunicorn_conf)."""

import os
from pathlib import Path

from core.config import Settings

_settings = Settings.from_env()

# prometheus_client picks its multi-process mode when it is first imported (by the app, below): the folder must be
# named before. phananh-web.service names one emptied at every start; otherwise (honcho, by hand) a fresh folder
# under the instance, as `make run` does.
_fresh_metrics = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _fresh_metrics:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(Path(_settings.instance_path) / "metrics")

from triage.gunicorn_conf import child_exit, fresh_metrics_dir  # noqa: E402, F401  (child_exit: gunicorn's hook)
from triage.run import ACCESS_LOG  # noqa: E402

if _fresh_metrics:
    fresh_metrics_dir(Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]))

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
# No runtime control socket (gunicorn 25+ opens one under $HOME by default): systemd manages the processes
# (`systemctl reload` for new code), and several gunicorns on one machine would share its path.
control_socket_disable = True
