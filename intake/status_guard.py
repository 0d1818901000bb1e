"""Per-tracking-code protection of the status page: after repeated wrong passphrases the code is locked
for a while. Counters live in Redis only, under a keyed hash of the code, and expire by themselves."""

from redis import Redis
from redis.exceptions import RedisError

from core.ratelimit import keyed_hash


class CodeGuard:
    def __init__(self, redis: Redis, max_failures: int, lock_seconds: int, namespace: str = "rl"):
        self.redis, self.max_failures, self.lock_seconds = redis, max_failures, lock_seconds
        self.namespace = namespace

    def _key(self, code: str) -> str:
        return f"{self.namespace}:status-fail:" + keyed_hash("code:" + code)[:32]

    def failures(self, code: str) -> int:
        """Wrong passphrases counted against the code (0 when Redis is away: the passphrase's strength still
        stands)."""
        try:
            return int(self.redis.get(self._key(code)) or 0)
        except RedisError:
            return 0

    def locked(self, code: str) -> bool:
        return self.failures(code) >= self.max_failures

    def failed(self, code: str) -> None:
        try:
            pipe = self.redis.pipeline()
            pipe.incr(self._key(code))
            pipe.expire(self._key(code), self.lock_seconds)
            pipe.execute()
        except RedisError:
            pass

    def succeeded(self, code: str) -> None:
        try:
            self.redis.delete(self._key(code))
        except RedisError:
            pass
