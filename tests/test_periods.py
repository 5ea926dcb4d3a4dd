"""The forms /map has always accepted, read by the one date grammar (bot.typed_periods through
bot.understanding), the typed forms added, and what is not only a period refused."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.periods import Period, PeriodError
from bot.understanding import names_only_a_period, understand

D = dt.date
TODAY = D(2026, 11, 21)


def parse_period(text: str) -> Period:
    """The period `text` names and nothing else, as /map reads it."""
    understood = understand(text, TODAY)
    if not names_only_a_period(understood) or understood.period is None:
        raise PeriodError(text)
    return understood.period


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("2022", D(2022, 1, 1), D(2022, 12, 31)),
        ("2022-11", D(2022, 11, 1), D(2022, 11, 30)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("11.2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("ноябрь 2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("ноября 2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("Ноябрь 2022 г.", D(2022, 11, 1), D(2022, 11, 30)),
        ("қараша 2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("2022 жылғы қараша", D(2022, 11, 1), D(2022, 11, 30)),
        ("November 2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("nov 2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("07.03.2022", D(2022, 3, 7), D(2022, 3, 7)),
        ("7.3.2022", D(2022, 3, 7), D(2022, 3, 7)),
        ("2022-03-07", D(2022, 3, 7), D(2022, 3, 7)),
        ("7 марта 2022", D(2022, 3, 7), D(2022, 3, 7)),
        ("2022-03-01..2022-06-30", D(2022, 3, 1), D(2022, 6, 30)),
        ("2022-03-01 .. 2022-06-30", D(2022, 3, 1), D(2022, 6, 30)),
        ("2018..2022", D(2018, 1, 1), D(2022, 12, 31)),
        ("март 2022 — июнь 2022", D(2022, 3, 1), D(2022, 6, 30)),
        ("  2022  ", D(2022, 1, 1), D(2022, 12, 31)),
        # the typed forms, now /map's too
        ("вчера", D(2026, 11, 20), D(2026, 11, 20)),
        ("last month", D(2026, 10, 1), D(2026, 10, 31)),
        ("өткен ай", D(2026, 10, 1), D(2026, 10, 31)),
        ("с марта по июнь 2022", D(2022, 3, 1), D(2022, 6, 30)),
        ("01.03.2022-30.06.2022", D(2022, 3, 1), D(2022, 6, 30)),
        ("2022-06-30..2022-03-01", D(2022, 3, 1), D(2022, 6, 30)),  # swapped
        ("за 2022 год", D(2022, 1, 1), D(2022, 12, 31)),
    ],
)
def test_accepted_forms(text: str, since: dt.date, until: dt.date) -> None:
    assert parse_period(text) == Period(since, until)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "22",
        "13.2022",
        "2022-13",
        "31.02.2022",
        "30.11.1800",
        "фыва 2022",
        "2022..2023..2024",
        "Атырау 2022",
        "2022; DROP TABLE articles",
        "<b>2022</b>",
    ],
)
def test_bad_input_is_a_period_error(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_key_round_trip() -> None:
    period = parse_period("2022-03-01..2022-06-30")
    assert period.key == "20220301-20220630"
    assert Period.from_key(period.key) == period


@pytest.mark.parametrize("key", ["", "2022", "20221301-20221231", "x-y"])
def test_bad_key(key: str) -> None:
    with pytest.raises(PeriodError):
        Period.from_key(key)
