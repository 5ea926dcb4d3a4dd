"""The per-user quota on drawing and exporting: one at a time, a few a minute, then free again."""

from __future__ import annotations

import pytest

from bot.charts.quota import MAX_USERS_KEPT, TooManyRequests, UserQuota, too_many
from storage.models import Lang


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_job_at_a_time_per_user_and_others_are_not_held_up() -> None:
    quota = UserQuota(5, clock=Clock())
    with quota.take(1):
        with pytest.raises(TooManyRequests) as refused:
            quota.take(1)
        assert refused.value.retry_in_s == 1
        quota.take(2).release()  # another user is not held up
    quota.take(1).release()  # the first job is done: the next may start


def test_a_few_a_minute_then_told_when_to_come_back() -> None:
    clock = Clock()
    quota = UserQuota(3, clock=clock)
    for second in (0, 10, 20):
        clock.now = 1000.0 + second
        quota.take(7).release()
    clock.now = 1030.0
    with pytest.raises(TooManyRequests) as refused:
        quota.take(7)
    assert refused.value.retry_in_s == 30  # the first of the three leaves the window at 1060
    clock.now = 1060.0
    quota.take(7).release()
    with pytest.raises(TooManyRequests):
        quota.take(7)  # the ones of 1010 and 1020 are still inside


def test_a_refused_request_is_not_counted_and_a_slot_is_released_once() -> None:
    clock = Clock()
    quota = UserQuota(2, clock=clock)
    slot = quota.take(1)
    with pytest.raises(TooManyRequests):
        quota.take(1)  # running: refused, not counted
    slot.release()
    slot.release()  # twice: still one job finished
    quota.take(1).release()
    with pytest.raises(TooManyRequests):
        quota.take(1)  # two started this minute


def test_a_failing_job_gives_its_slot_back() -> None:
    quota = UserQuota(5, clock=Clock())
    with pytest.raises(ValueError, match="drawing failed"), quota.take(3):
        raise ValueError("drawing failed")
    quota.take(3).release()


def test_strangers_do_not_grow_the_memory_without_bound() -> None:
    clock = Clock()
    quota = UserQuota(1, clock=clock)
    for user_id in range(MAX_USERS_KEPT):
        quota.take(user_id).release()
    clock.now += 61
    quota.take(-1).release()  # the table is full: the idle ones are forgotten
    assert len(quota._started) == 1


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_refusal_fits_an_alert_in_every_language(lang: Lang) -> None:
    text = too_many(lang, TooManyRequests(42))
    assert "42" in text
    assert len(text) <= 200  # what a callback alert can show
