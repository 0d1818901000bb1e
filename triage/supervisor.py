"""The child processes of `make run` (web, worker, cron), kept running: a child that exits is started again after a
backoff that doubles with each quick failure; only a crash loop (many failures in a row, each soon after its start)
makes the supervisor give up. Every child is tied to the supervisor's process (triage.lifeline), so none outlives it.
"""

import logging
import signal
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from triage.lifeline import tied_to_this_process

log = logging.getLogger(__name__)

FIRST_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 30.0
STABLE_AFTER_SECONDS = 60.0  # a child that ran this long before exiting was not crash-looping: its count starts over
GIVE_UP_AFTER_FAILURES = 10  # quick failures in a row (about two and a half minutes of backoff) before giving up


@dataclass
class Child:
    name: str
    command: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    failures: int = 0  # quick exits in a row
    restart_at: float | None = None
    restarts: int = 0


@dataclass
class Supervisor:
    commands: Mapping[str, list[str]]
    cwd: str
    env: Mapping[str, str]
    clock: Callable[[], float] = time.monotonic
    children: dict[str, Child] = field(init=False)

    def __post_init__(self) -> None:
        self.children = {name: Child(name, list(command)) for name, command in self.commands.items()}

    def _spawn(self, child: Child) -> None:
        child.process = subprocess.Popen(
            child.command, cwd=self.cwd, env=dict(self.env), preexec_fn=tied_to_this_process()
        )
        child.started_at, child.restart_at = self.clock(), None

    def start(self) -> None:
        for child in self.children.values():
            self._spawn(child)

    @staticmethod
    def backoff(failures: int) -> float:
        """Seconds before the start that follows `failures` quick failures in a row."""
        return min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2 ** max(0, failures - 1))

    def check(self) -> bool:
        """One turn: note the children that exited, start again those whose backoff is over. False when a child is
        crash-looping and the supervisor gives up."""
        now = self.clock()
        for child in self.children.values():
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    log.info("%s: starting again (restart %d)", child.name, child.restarts)
                    self._spawn(child)
                continue
            if child.process is None or child.process.poll() is None:
                continue
            ran = now - child.started_at
            child.failures = 1 if ran >= STABLE_AFTER_SECONDS else child.failures + 1
            if child.failures > GIVE_UP_AFTER_FAILURES:
                log.error(
                    "%s exited with status %s, its %d-th quick failure in a row: giving up",
                    child.name,
                    child.process.returncode,
                    child.failures,
                )
                return False
            delay = self.backoff(child.failures)
            log.error(
                "%s exited with status %s after %.1f s; starting it again in %.1f s",
                child.name,
                child.process.returncode,
                ran,
                delay,
            )
            child.restart_at = now + delay
        return True

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM to every running child, then SIGKILL to those still running after `timeout` seconds."""
        running = [(c.name, c.process) for c in self.children.values() if c.process and c.process.poll() is None]
        for _, process in running:
            process.send_signal(signal.SIGTERM)
        deadline = self.clock() + timeout
        for name, process in running:
            try:
                process.wait(max(0.0, deadline - self.clock()))
            except subprocess.TimeoutExpired:
                log.warning("%s did not stop in time; killing it", name)
                process.kill()
                process.wait()
