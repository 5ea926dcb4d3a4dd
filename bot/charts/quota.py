"""How often one user may have a picture drawn or a file exported: one at a time and a few a
minute, so that a stranger tapping 📊 or ⬇️ again and again cannot keep the workers busy.

A picture already drawn costs nothing and is never counted (the chart service asks only when it
has to draw).
"""

from __future__ import annotations

import math
import time
from collections import Counter, deque
from collections.abc import Callable
from types import TracebackType

from bot.texts import label
from storage.models import Lang

WINDOW_S = 60.0
MAX_USERS_KEPT = 10_000  # past this, users with nothing recent are forgotten


class TooManyRequests(Exception):
    """The user has one running already, or has used up the minute's allowance."""

    def __init__(self, retry_in_s: int) -> None:
        super().__init__(f"try again in {retry_in_s} s")
        self.retry_in_s = retry_in_s


def too_many(lang: Lang, refused: TooManyRequests) -> str:
    """The refusal in words (plain text: a button's alert or a message)."""
    return label(lang, "limits.too_many", seconds=refused.retry_in_s)


class Slot:
    """One job of one user, counted as running until it is left (`with`) or released."""

    def __init__(self, quota: UserQuota, user_id: int) -> None:
        self._quota: UserQuota | None = quota
        self._user_id = user_id

    def release(self) -> None:
        if self._quota is not None:
            self._quota.finished(self._user_id)
            self._quota = None

    def __enter__(self) -> Slot:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


class UserQuota:
    """At most `at_once` jobs running and `per_minute` started in any minute, per user."""

    def __init__(
        self,
        per_minute: int,
        *,
        at_once: int = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._per_minute = per_minute
        self._at_once = at_once
        self._clock = clock
        self._started: dict[int, deque[float]] = {}
        self._running: Counter[int] = Counter()

    def take(self, user_id: int) -> Slot:
        """A slot for a new job, or TooManyRequests saying when to try again."""
        now = self._clock()
        started = self._recent(user_id, now)
        if self._running[user_id] >= self._at_once:
            raise TooManyRequests(1)
        if len(started) >= self._per_minute:
            raise TooManyRequests(math.ceil(WINDOW_S - (now - started[0])))
        started.append(now)
        self._running[user_id] += 1
        return Slot(self, user_id)

    def finished(self, user_id: int) -> None:
        self._running[user_id] -= 1
        if self._running[user_id] <= 0:
            del self._running[user_id]

    def _recent(self, user_id: int, now: float) -> deque[float]:
        if user_id not in self._started and len(self._started) >= MAX_USERS_KEPT:
            self._forget_idle(now)
        started = self._started.setdefault(user_id, deque())
        while started and now - started[0] >= WINDOW_S:
            started.popleft()
        return started

    def _forget_idle(self, now: float) -> None:
        idle = [
            user_id
            for user_id, started in self._started.items()
            if user_id not in self._running and (not started or now - started[-1] >= WINDOW_S)
        ]
        for user_id in idle:
            del self._started[user_id]
