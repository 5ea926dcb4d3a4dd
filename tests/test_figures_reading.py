"""Turnover figures read from money sentences in Russian and Kazakh."""

from __future__ import annotations

import pytest

from storage.reading.figures import figures_in_sentence, find_figures

CASES = [
    # sentence, (measure, value, currency, bound, year, value_high)
    (
        "Товарооборот между Атырауской и Астраханской областями в 2023 году составил "
        "1,2 млрд долларов.",
        ("turnover", 1.2e9, "USD", "exact", 2023, None),
    ),
    (
        "Екі өңір арасындағы тауар айналымы 2022 жылы 600 млн АҚШ долларынан асты.",
        ("turnover", 6e8, "USD", "more", 2022, None),
    ),
    (
        "По итогам 2021 года объём взаимной торговли — товарооборот — превысил 350 млн долларов.",
        ("turnover", 3.5e8, "USD", "more", 2021, None),
    ),
    (
        "Товарооборот за 2022 год достиг почти 2,5 млрд рублей.",
        ("turnover", 2.5e9, "RUB", "about", 2022, None),
    ),
    (
        "Инвестиции в проект оцениваются от 1 до 1,5 млрд рублей.",
        ("investment", 1e9, "RUB", "range", None, 1.5e9),
    ),
    (
        "Объём инвестиций составит 120–150 млн долларов в 2025 году.",
        ("investment", 1.2e8, "USD", "range", 2025, 1.5e8),
    ),
    (
        "Экспорт продукции в Россию в 2020 году составил более 15,8 млрд тенге.",
        ("export", 1.58e10, "KZT", "more", 2020, None),
    ),
    (
        "Импорт из Астраханской области вырос до 1 200 млн рублей.",
        ("import", 1.2e9, "RUB", "less", None, None),
    ),
    (
        "Өткен жылы инвестиция көлемі 3 млрд теңгеге жуық болды.",
        ("investment", 3e9, "KZT", "about", None, None),
    ),
    (
        "Сауда айналымы 2019 жылы 1,1 млрд доллардан астам болды.",
        ("turnover", 1.1e9, "USD", "more", 2019, None),
    ),
    (
        "Товарооборот в 2022-2023 годах составил $800 млн.",
        ("turnover", 8e8, "USD", "exact", None, None),
    ),
    (
        "Товарооборот вырос с 1 до 2 млрд долларов.",
        ("turnover", 2e9, "USD", "exact", None, None),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_money_sentence_gives_one_figure(sentence: str, expected: tuple[object, ...]) -> None:
    figures = figures_in_sentence(sentence)
    assert len(figures) == 1, figures
    figure = figures[0]
    got = (
        figure.measure, figure.value, figure.currency, figure.bound, figure.year,
        figure.value_high,
    )  # fmt: skip
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Стоимость контракта составила 1,2 млрд долларов.",  # money, but no measure
        "Бюджет фестиваля — 40 млн тенге.",
        "Товарооборот заметно вырос в 2023 году.",  # a measure, but no amount
        "Товарооборот вырос на 15% в 2023 году.",  # a share is not money
        "Товарооборот составил 1,2 млрд.",  # no currency: not said what it is counted in
    ],
)
def test_sentence_without_measure_or_money_is_not_a_figure(sentence: str) -> None:
    assert figures_in_sentence(sentence) == []


def test_two_measures_in_one_sentence_each_take_their_amount() -> None:
    sentence = (
        "В 2023 году товарооборот составил 1,2 млрд долларов, экспорт — 700 млн долларов, "
        "импорт — 500 млн долларов."
    )
    got = [(f.measure, f.value, f.year) for f in figures_in_sentence(sentence)]
    assert got == [("turnover", 1.2e9, 2023), ("export", 7e8, 2023), ("import", 5e8, 2023)]


def test_article_body_figures_once_each_and_fast_exit() -> None:
    body = (
        "Губернатор провёл встречу. Товарооборот в 2023 году составил 1,2 млрд долларов. "
        "Как отметили стороны, товарооборот в 2023 году составил 1,2 млрд долларов."
    )
    assert len(find_figures(body)) == 1
    assert find_figures("Делегация посетила завод стоимостью 5 млрд рублей.") == ()


def test_a_year_is_never_invented_from_other_numbers() -> None:
    (figure,) = figures_in_sentence("Товарооборот 2023 составил 5 млн долларов.")
    assert figure.year is None
