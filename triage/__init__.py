"""The staff side and the runtime. Each domain is a sub-package that says what it owns: routing, deadlines
(and notifications), casework, reporting, admin. At the top stays only the runtime: the web app factory (app),
the app jobs run in (context), what routing and deadlines need per process (services), the rq worker (worker),
the cron scheduler (cron), `make run` (run) with its embedded Redis (embedded_redis), the `flask` commands
(cli), and the façades that keep jobs already queued in Redis runnable (jobs, periodic_jobs).
"""
