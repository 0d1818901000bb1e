"""The runner's supervisor, on real processes that exit at once and a clock the test moves: a child that exits is
started again after a doubling backoff, a long run resets the count, a crash loop makes it give up."""

from triage.supervisor import GIVE_UP_AFTER_FAILURES, MAX_BACKOFF_SECONDS, STABLE_AFTER_SECONDS, Supervisor

EXIT_AT_ONCE = ["sh", "-c", "exit 3"]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _exited(supervisor: Supervisor, name: str) -> None:
    supervisor.children[name].process.wait(30)


def test_a_child_that_exits_is_started_again_after_a_doubling_backoff_then_given_up():
    clock = Clock()
    supervisor = Supervisor({"crash": EXIT_AT_ONCE}, cwd=".", env={}, clock=clock)
    supervisor.start()
    child = supervisor.children["crash"]
    delays, pids = [], {child.process.pid}
    for _ in range(3 * GIVE_UP_AFTER_FAILURES):
        _exited(supervisor, "crash")
        if not supervisor.check():
            break
        delays.append(child.restart_at - clock.now)
        clock.now = child.restart_at - 0.01
        assert supervisor.check() and child.restart_at is not None  # not before its time
        clock.now = child.restart_at
        assert supervisor.check() and child.restart_at is None
        pids.add(child.process.pid)
    else:
        raise AssertionError("a crash loop was never given up")
    assert len(delays) == GIVE_UP_AFTER_FAILURES and len(pids) == GIVE_UP_AFTER_FAILURES + 1
    assert delays[:4] == [0.5, 1.0, 2.0, 4.0] and max(delays) == MAX_BACKOFF_SECONDS
    assert child.process.returncode == 3


def test_a_child_that_ran_long_before_exiting_starts_its_count_over():
    clock = Clock()
    supervisor = Supervisor({"crash": EXIT_AT_ONCE}, cwd=".", env={}, clock=clock)
    supervisor.start()
    child = supervisor.children["crash"]
    for _ in range(3):  # three quick failures
        _exited(supervisor, "crash")
        assert supervisor.check()
        clock.now = child.restart_at
        supervisor.check()
    _exited(supervisor, "crash")
    clock.now += STABLE_AFTER_SECONDS  # this one ran a minute
    assert supervisor.check()
    assert child.failures == 1 and child.restart_at - clock.now == 0.5
    supervisor.stop(5)
