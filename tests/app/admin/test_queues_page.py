"""The admin page of the work queues: depths, failed jobs (never their arguments), retry one or all, audited."""

import re

import pytest
from jobs_support import FAILURE, explode, explode_repeating, run_failing_job
from rq import Queue
from rq.registry import FailedJobRegistry
from sqlalchemy import select

from core.audit import verify_chain
from core.extensions import db
from core.models import AuditRecord

PAGE = "/can-bo/quan-tri/hang-doi/"
SECRET_TEXT = "Chủ tịch xã Ngọc Lặc nhận phong bì"  # stands for a report's text passed to a job


@pytest.fixture
def board(app, make_user, login_as):
    """Two failed jobs and one waiting on the jobs queue, one failed on the routing queue; an admin signed in."""
    redis = app.extensions["redis"]
    jobs, routing = app.config["JOBS_QUEUE"], app.config["ROUTING_QUEUE"]
    failed = [run_failing_job(redis, jobs, SECRET_TEXT), run_failing_job(redis, jobs, 2)]
    run_failing_job(redis, routing, 3)
    Queue(jobs, connection=redis).enqueue(explode, 4)  # waiting: no worker runs it
    admin = make_user("quantri", role="admin")
    client = app.test_client()
    login_as(client, "quantri")
    return client, redis, jobs, routing, failed, admin


def _row(page: str, row_id: str) -> list[str]:
    row = re.search(rf'<tr id="{re.escape(row_id)}">(.*?)</tr>', page, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_the_page_shows_depths_and_failed_jobs_without_their_arguments(board):
    client, _, jobs, routing, _, _ = board
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Hàng đợi công việc" in page and "Công việc lỗi" in page
    assert _row(page, f"queue-{jobs}")[1:] == ["1", "0", "0", "2"]  # waiting, running, scheduled, failed
    assert _row(page, f"queue-{routing}")[1:] == ["0", "0", "0", "1"]
    assert page.count("jobs_support.explode") == 3
    assert page.count(f"RuntimeError: {FAILURE}") == 3  # the error's last line
    assert SECRET_TEXT not in page and "Ngọc Lặc" not in page
    function, failed_at, error, button = _row(page, f"job-{board[4][0].id}")
    assert (function, error, button) == ("jobs_support.explode", f"RuntimeError: {FAILURE}", "Thử lại")
    assert re.fullmatch(r"\d{2}:\d{2} \d{2}/\d{2}/\d{4}", failed_at), failed_at  # when it failed, Vietnamese style
    assert response.headers["Cache-Control"] == "no-store"
    assert "<script>" not in page and "style=" not in page  # the CSP's rules: nothing inline


def test_an_error_repeating_contact_details_shows_them_masked(board, app):
    client, redis, jobs, *_ = board
    job = run_failing_job(redis, jobs, "Nguyễn Văn Dân 0912345678 nguoidan@example.vn", function=explode_repeating)
    page = client.get(PAGE).get_data(as_text=True)
    function, _, error, _ = _row(page, f"job-{job.id}")
    assert function == "jobs_support.explode_repeating" and error.startswith("ValueError: could not deliver to")
    assert "0912345678" not in page and "nguoidan@example.vn" not in page and "[đã che]" in error


def test_only_admins_see_the_page(board, app, make_user, login_as):
    make_user("canbo", unit="16522")
    inspector = app.test_client()
    login_as(inspector, "canbo")
    assert inspector.get(PAGE).status_code == 404
    anonymous = app.test_client().get(PAGE)
    assert anonymous.status_code == 302 and "/can-bo/dang-nhap" in anonymous.headers["Location"]


def test_retrying_one_job_puts_it_back_in_its_queue_and_audits_it(board, app, csrf_token):
    client, redis, jobs, _, failed, admin = board
    token = csrf_token(client.get(PAGE))
    assert client.post(PAGE + "thu-lai", data={"queue": jobs, "job_id": failed[0].id}).status_code == 400  # no token
    response = client.post(PAGE + "thu-lai", data={"csrf_token": token, "queue": jobs, "job_id": failed[0].id})
    assert response.status_code == 302
    assert failed[0].id not in FailedJobRegistry(queue=Queue(jobs, connection=redis))
    assert failed[0].id in Queue(jobs, connection=redis).job_ids
    assert "Đã đưa công việc trở lại hàng đợi." in client.get(PAGE).get_data(as_text=True)
    with app.app_context():
        record = db.session.scalars(select(AuditRecord).where(AuditRecord.action == "queue.retry")).one()
        assert (record.actor_id, record.data["queue"], record.data["job_ids"]) == (admin.id, jobs, [failed[0].id])
        assert verify_chain(db.session).first_broken is None
    # Already retried: nothing happens, nothing is recorded.
    again = client.post(PAGE + "thu-lai", data={"csrf_token": token, "queue": jobs, "job_id": failed[0].id})
    assert again.status_code == 302
    assert "không còn trong danh sách lỗi" in client.get(PAGE).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).where(AuditRecord.action == "queue.retry")) == 1
    # A queue that is not this installation's is refused.
    assert client.post(PAGE + "thu-lai", data={"csrf_token": token, "queue": "x", "job_id": "y"}).status_code == 400


def test_retrying_all_of_a_queue_leaves_the_other_queue_alone(board, app, csrf_token):
    client, redis, jobs, routing, failed, admin = board
    token = csrf_token(client.get(PAGE))
    assert client.post(PAGE + "thu-lai-tat-ca", data={"csrf_token": token, "queue": jobs}).status_code == 302
    assert FailedJobRegistry(queue=Queue(jobs, connection=redis)).count == 0
    assert FailedJobRegistry(queue=Queue(routing, connection=redis)).count == 1
    assert set(Queue(jobs, connection=redis).job_ids) >= {job.id for job in failed}
    page = client.get(PAGE).get_data(as_text=True)
    assert "Đã đưa 2 công việc trở lại hàng đợi" in page
    assert _row(page, f"queue-{jobs}")[1:] == ["3", "0", "0", "0"]
    with app.app_context():
        record = db.session.scalars(select(AuditRecord).where(AuditRecord.action == "queue.retry-all")).one()
        assert record.actor_id == admin.id and record.data["count"] == 2
        assert sorted(record.data["job_ids"]) == sorted(job.id for job in failed)
