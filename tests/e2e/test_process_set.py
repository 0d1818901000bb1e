"""The production recipe runs: the process set of deploy/Procfile (2 gunicorn workers, 2 rq workers, the cron),
started from the Procfile's own lines on a fresh PostgreSQL database and the run's Redis, takes a few hundred
reports through the public form over HTTP from several citizens at once and routes each exactly once."""

import os
import random

import pytest
from process_set import ProcessSet, free_port, fresh_database, install, service_env, wait_until_routed
from process_set import file_reports as file_through_the_form
from sqlalchemy.engine import make_url

from core.vocabulary import Status
from tests_support import IN_CI, Browser

REPORTS = 240
CITIZENS = 8

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    # Skipped before the session trains its classifier; under CI the database fixture fails instead.
    pytest.mark.skipif(
        not os.environ.get("TEST_DATABASE_URL") and not IN_CI,
        reason="TEST_DATABASE_URL is not set (the process set runs on PostgreSQL)",
    ),
]


@pytest.fixture(scope="module")
def database():
    """A fresh database of this module's own on the server of TEST_DATABASE_URL."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.fail("CI=true but TEST_DATABASE_URL is not set: the process set runs on PostgreSQL")
    name = f"{make_url(url).database}_procset_{os.environ.get('PYTEST_XDIST_WORKER', 'gw0')}"
    return fresh_database(url, name)


@pytest.fixture(scope="module")
def service(database, redis_url, model_dir, tmp_path_factory):
    """The Procfile's processes, installed as deploy/README.md says, stopped whatever happens."""
    scratch = tmp_path_factory.mktemp("process-set")
    logs = scratch / "logs"
    logs.mkdir()
    port = free_port()
    # The cron's reconciler enqueues again, while the workers route, whatever is still waiting.
    env = service_env(database, redis_url, model_dir, scratch / "instance", port, RECONCILE_INTERVAL_SECONDS="5")
    install(env, logs)
    processes = ProcessSet(env, logs, {"web": 1, "worker": 2, "cron": 1})
    try:
        processes.start()
        base = f"http://127.0.0.1:{port}"
        processes.wait_web(base + "/")
        yield {"base": base, "database": database, "processes": processes}
    finally:
        processes.stop()


def test_the_recipe_starts_the_process_set(service):
    processes = service["processes"]
    assert [p.kind for p in processes.processes] == ["web", "worker", "worker", "cron"]
    assert not processes.dead(), processes.tail()


def test_every_report_filed_through_the_form_is_routed_exactly_once(service):
    processes = service["processes"]
    filings = file_through_the_form(service["base"], REPORTS, CITIZENS)

    refused = [(f.number, f.status, f.page[-300:]) for f in filings if f.status != 201 or not f.code]
    assert not refused, refused[:3]
    codes = {f.code for f in filings}
    assert len(codes) == REPORTS

    state = wait_until_routed(service["database"], timeout=90)
    assert set(state) == codes, "receipts without a report, or reports without a receipt"
    waiting = [code for code, (status, _) in state.items() if status == Status.RECEIVED]
    assert not waiting, f"{len(waiting)} report(s) never routed\n{processes.tail()}"
    assert {status for status, _ in state.values()} <= {Status.ROUTED, Status.NEEDS_TRIAGE}
    classified = {code: n for code, (_, n) in state.items() if n != 1}
    assert not classified, f"reports not classified exactly once: {list(classified.items())[:5]}"
    assert not processes.dead(), processes.tail()

    browser = Browser(service["base"])
    for filing in random.Random(7).sample(filings, 12):
        token = Browser.token(browser.page("/tra-cuu"))
        status, page = browser.post(
            "/tra-cuu", {"csrf_token": token, "code": filing.code, "passphrase": filing.passphrase}
        )
        assert status == 200, (filing.code, status)
        assert f"Đơn {filing.code}" in page
