"""Health: the cron's heartbeat, /healthz and /readyz."""

import os
import subprocess
import sys
import time
from pathlib import Path

from redis import Redis

from triage.heartbeat import beat, last_beat

ROOT = Path(__file__).resolve().parents[2]


def test_a_beat_is_read_back_and_a_process_that_never_beat_has_none(redis_url):
    redis = Redis.from_url(redis_url)
    redis.delete("heartbeat:h2-test", "heartbeat:never")
    before = time.time()
    beat(redis, "h2-test")
    stamp = last_beat(redis, "h2-test")
    assert stamp is not None and before <= stamp <= time.time()
    assert last_beat(redis, "never") is None
    assert redis.ttl("heartbeat:h2-test") > 86400


def test_the_cron_scheduler_beats_as_soon_as_its_loop_turns(redis_url, tmp_path):
    redis = Redis.from_url(redis_url)
    redis.delete("heartbeat:cron")
    env = {**os.environ, "REDIS_URL": redis_url, "INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k"}
    cron = subprocess.Popen(
        [sys.executable, "-m", "triage.cron"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while last_beat(redis) is None and time.monotonic() < deadline and cron.poll() is None:
            time.sleep(0.2)
    finally:
        cron.terminate()
        cron.wait(timeout=30)
    assert last_beat(redis) is not None
