"""One logging set-up for every process (web, worker, cron, the runner), and the line each job logs when it ends.

Log lines carry ids, counts and outcome codes only: never a setting's value, a report's text or a reporter's contact
details.
"""

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from typing import IO, Any

from core.config import Settings

FORMAT = "%(asctime)s %(process_name)s[%(process)d] %(levelname)s %(name)s: %(message)s"


def formatter(process: str) -> logging.Formatter:
    """The one format: time, process name (and pid), level, logger, message."""
    return logging.Formatter(FORMAT, defaults={"process_name": process})


def configure_logging(process: str, level: str | int | None = None, stream: IO[str] | None = None) -> None:
    """Send every record of this process to `stream` (stderr) in the one format, at `level` (default: the LOG_LEVEL
    setting). Handlers already on the root logger are replaced."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter(process))
    logging.basicConfig(level=level or Settings.from_env().log_level, handlers=[handler], force=True)


def _outcome(result: Any, count: str) -> tuple[str, str]:
    """The outcome and the figures of what a job returned: a string is its outcome code; a number or a list, how many
    things it handled; a dict, its figures."""
    if isinstance(result, str):
        return result, ""
    if isinstance(result, int) and not isinstance(result, bool):
        return "ok", f" {count}={result}"
    if isinstance(result, list | tuple):
        return "ok", f" {count}={len(result)}"
    if isinstance(result, dict):
        return "ok", "".join(f" {key}={value}" for key, value in result.items())
    return "ok", ""


def logged_job(func: Callable | None = None, *, count: str = "count", also: tuple[str, ...] = ()) -> Any:
    """Decorate a job so that it logs one line when it ends, at INFO:

        job=<function name> report_id=<id or -> outcome=<outcome> [<name>_id=<id> ...] [<figure>=<value> ...]

    with the job's other arguments ending in `_id` and those named in `also`, then the figures of what it returned
    (`count` names the figure of a job that returns a number or a list). An exception is logged at ERROR as
    outcome=error with its type (not its message, which may carry an address) and raised again, so that rq records
    the failure.
    """
    if func is None:
        return functools.partial(logged_job, count=count, also=also)
    signature = inspect.signature(func)
    log = logging.getLogger(func.__module__)

    @functools.wraps(func)
    def job(*args: Any, **kwargs: Any) -> Any:
        try:
            arguments = signature.bind(*args, **kwargs).arguments
        except TypeError:  # the call below raises it, and it is logged as an error
            arguments = {}
        head = f"job={func.__name__} report_id={arguments.get('report_id', '-')}"
        ids = "".join(
            f" {name}={value}"
            for name, value in arguments.items()
            if name != "report_id" and (name.endswith("_id") or name in also) and value is not None
        )
        try:
            result = func(*args, **kwargs)
        except Exception as exc:
            log.error("%s outcome=error%s error=%s", head, ids, type(exc).__name__)
            raise
        outcome, figures = _outcome(result, count)
        log.info("%s outcome=%s%s%s", head, outcome, ids, figures)
        return result

    return job
