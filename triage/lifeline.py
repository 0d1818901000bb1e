"""Processes that end with their parent: a child of `make run` (Redis, gunicorn, the worker, cron) or the scheduler rq
forks from the worker must not outlive the process that started it, even when that one is killed with SIGKILL.

On Linux the kernel does it (PR_SET_PDEATHSIG: a signal sent to the child when the thread that started it ends);
elsewhere the call is a no-op and the children stop on their own, later (gunicorn's workers watch their master, the
worker's scheduler its heartbeat).
"""

import ctypes
import os
import signal
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


def _prctl() -> Callable[..., int] | None:
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux
        return None


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Have the kernel send `sig` to this process when its parent dies."""
    prctl = _prctl()
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, sig)


def tied_to_this_process() -> Callable[[], None]:
    """A `preexec_fn` for `subprocess.Popen`: the child gets SIGTERM when the calling process (more exactly, its
    calling thread) dies, however it dies. Call it in the thread that lives as long as the child should."""
    prctl, parent = _prctl(), os.getpid()  # resolved before the fork: the child only makes a system call

    def preexec() -> None:
        if prctl is None:
            return
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died between the fork and the request: nobody would tell us
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec
