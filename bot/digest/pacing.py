"""Pacing of digest messages: a global rate, 1/s per chat, 20/min per group, slowed by 429s."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

Sleep = Callable[[float], Awaitable[None]]

PER_CHAT_INTERVAL = 1.0  # seconds between two messages to the same chat
GROUP_WINDOW = 60.0
GROUP_MESSAGES = 20  # messages to one group per GROUP_WINDOW
SLOWDOWN = 0.7  # the rate is multiplied by this after each 429...
RECOVERY = 0.05  # ...and grows back by this many messages/s after each success
MIN_RATE = 1.0
_PRUNE_AT = 5000


class Pacer:
    """Hands out send turns; every waiting sender shares one schedule.

    Turns are spaced `1/rate` apart over all chats. A 429 (`slow_down`) pauses every sender for
    `retry_after` seconds and lowers the rate, which then grows back while sends succeed.
    Time comes from `clock` (monotonic seconds) and waiting from `sleep`, so tests can fake both.
    """

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.target_rate = rate
        self.rate = rate
        self.paused_until = 0.0
        self._clock = clock
        self._sleep = sleep
        self._next_turn = 0.0
        self._chat_next: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}
        self._last_second: deque[float] = deque()  # when the sends of the last second went

    async def wait_turn(self, chat_id: int, *, group: bool) -> None:
        """Return when a message may go to `chat_id` now."""
        while True:
            now = self._clock()
            ready = max(self.paused_until, self._chat_ready(chat_id, group, now))
            if ready > now:
                await self._sleep(ready - now)
                continue
            turn = max(now, self._next_turn)
            self._next_turn = turn + 1.0 / self.rate
            if turn > now:
                await self._sleep(turn - now)
                if self.paused_until > self._clock():
                    continue  # a 429 arrived meanwhile: this turn is void
            # Senders woken late together (a busy event loop) must not burst past the rate.
            while (late := self._window_wait(self._clock())) > 0:
                await self._sleep(late)
            self._note(chat_id, group, self._clock())
            return

    def slow_down(self, retry_after: float) -> None:
        """Telegram said 429: everybody waits `retry_after`, then goes on more slowly."""
        self.paused_until = max(self.paused_until, self._clock() + retry_after)
        self.rate = max(MIN_RATE, self.rate * SLOWDOWN)

    def succeeded(self) -> None:
        self.rate = min(self.target_rate, self.rate + RECOVERY)

    def _window_wait(self, now: float) -> float:
        """Seconds until one more message fits into the last second at the current rate."""
        while self._last_second and self._last_second[0] <= now - 1.0:
            self._last_second.popleft()
        if len(self._last_second) < max(1, int(self.rate)):
            return 0.0
        return self._last_second[0] + 1.0 - now

    def _chat_ready(self, chat_id: int, group: bool, now: float) -> float:
        ready = self._chat_next.get(chat_id, 0.0)
        sent = self._group_sent.get(chat_id)
        if group and sent is not None:
            while sent and sent[0] <= now - GROUP_WINDOW:
                sent.popleft()
            if len(sent) >= GROUP_MESSAGES:
                ready = max(ready, sent[0] + GROUP_WINDOW)
        return ready

    def _note(self, chat_id: int, group: bool, now: float) -> None:
        if len(self._chat_next) > _PRUNE_AT:
            self._prune(now)
        self._last_second.append(now)
        self._chat_next[chat_id] = now + PER_CHAT_INTERVAL
        if group:
            self._group_sent.setdefault(chat_id, deque()).append(now)

    def _prune(self, now: float) -> None:
        self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        self._group_sent = {
            c: sent
            for c, sent in self._group_sent.items()
            if sent and sent[-1] > now - GROUP_WINDOW
        }
