"""Pictures: each chart kind in ru, kk and en from a fixture archive is a real, non-blank PNG
of the right size; Kazakh letters render; a second request is served from the cache."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PIL import Image

from bot.charts.service import Charts, Picture, _main_currency
from bot.html import Html, escape
from bot.views.charts.drawing import MAX_SIDE_PX, WIDTH_PX, drawing, png_bytes
from bot.views.charts.map_chart import MAX_LINES, draw_cooperation_map
from bot.views.charts.specs import CooperationMap
from storage.db import Database
from storage.figures_store import Figures, StoredFigure
from storage.models import LANGUAGES, Lang, Selection
from storage.reading.figures import Figure
from storage.regions import all_regions
from storage.repository import Archive
from tests.analyst_fixtures import analyst_archive

LANGS = LANGUAGES
MAX_BYTES = 10 * 1024 * 1024
KAZAKH_LETTERS = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"


@pytest.fixture
async def archive_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await analyst_archive(tmp_path / "analyst.sqlite3")
    yield database
    await database.close()


@pytest.fixture
def charts(archive_db: Database) -> Charts:
    return Charts(archive_db, Archive(archive_db.reader), Figures(archive_db.reader))


def check_png(png: bytes, *, min_colours: int = 200, background: float = 0.95) -> Image.Image:
    """A valid PNG within Telegram's photo limits, about 1280 px wide, with a real picture."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) <= MAX_BYTES
    image = Image.open(io.BytesIO(png))
    image.load()
    width, height = image.size
    assert width == WIDTH_PX
    assert 200 <= height <= MAX_SIDE_PX
    colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None
    assert len(colours) >= min_colours  # not blank: bars, lines and text in many shades
    most, _ = max(colours)
    assert most < width * height * background  # and not one colour with specks
    return image


SELECTIONS = {
    "region": (Selection(region_ids=("kz-atyrau",)), ("kz-atyrau",)),
    "pair": (Selection(region_ids=("kz-atyrau", "ru-astrakhan")), ("kz-atyrau", "ru-astrakhan")),
    "sector": (Selection(sector="trade"), ()),
    "period": (Selection(since=dt.date(2022, 1, 1), until=dt.date(2022, 12, 31)), ()),
    "search": (Selection(query="делегации"), ()),
    "combined": (Selection(region_ids=("kz-atyrau",), sector="trade"), ("kz-atyrau",)),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(SELECTIONS))
async def test_summary_chart_of_every_kind_and_language(
    charts: Charts, kind: str, lang: Lang
) -> None:
    selection, home = SELECTIONS[kind]
    title = Html(f"<b>{kind}</b> {escape('& әғқ')}")
    picture = await charts.summary_chart(selection, title, home, lang)
    assert picture is not None
    check_png(picture.png)


@pytest.mark.parametrize("lang", LANGS)
async def test_cooperation_map_as_lines_and_as_matrix(charts: Charts, lang: Lang) -> None:
    web = await charts.cooperation_map(None, None, "2021–2023", lang)
    assert web is not None
    assert web.count > MAX_LINES / 2  # 5 × 6 regions, nearly every pair: a matrix
    check_png(web.png)
    period = await charts.cooperation_map(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "2022", lang)
    assert period is not None
    assert period.count <= web.count


@pytest.mark.parametrize("lang", LANGS)
def test_few_pairs_are_drawn_as_lines(lang: Lang) -> None:
    kz = [r.name(lang) for r in all_regions() if r.country == "KZ"][:8]
    ru = [r.name(lang) for r in all_regions() if r.country == "RU"][:10]
    pairs = [(kz[i % 8], ru[(i * 3) % 10], 1 + i % 9) for i in range(14)]
    chart = CooperationMap("Web", pairs, "KZ", "RU", "lines", "matrix {shown}/{total}", "all")
    check_png(draw_cooperation_map(chart))


def test_many_pairs_make_a_matrix_readable_at_20_by_30() -> None:
    kz = [r.name("kk") for r in all_regions() if r.country == "KZ"][:20]
    ru = [r.name("kk") for r in all_regions() if r.country == "RU"][:30]
    pairs = [(a, b, (i * 7 + j * 3) % 40 + 1) for i, a in enumerate(kz) for j, b in enumerate(ru)]
    chart = CooperationMap(
        "Ынтымақтастық", pairs, "Қазақстан", "Ресей", "-", "{shown}/{total}", ""
    )
    image = check_png(draw_cooperation_map(chart))
    assert image.size[1] < 1600  # 20 rows fit a phone screen's couple of scrolls


async def test_an_empty_selection_gets_no_picture(charts: Charts) -> None:
    nothing = Selection(region_ids=("ru-tyva",))
    assert await charts.summary_chart(nothing, escape("x"), (), "ru") is None
    assert (
        await charts.cooperation_map(dt.date(1999, 1, 1), dt.date(1999, 12, 31), "", "ru") is None
    )


async def test_pair_chart_adds_turnover_by_year(charts: Charts) -> None:
    selection = Selection(region_ids=("kz-atyrau", "ru-astrakhan"))
    turnover = await charts._turnover(selection)
    assert turnover == ([(2021, 1.1e9), (2022, 1.4e9), (2023, 1.9e9)], "USD")
    assert await charts._turnover(Selection(region_ids=("kz-kostanay",))) == ([], "")
    with_a_sector = Selection(region_ids=selection.region_ids, sector="trade")
    assert await charts._turnover(with_a_sector) == ([], "")  # figures are not per sector


async def test_second_request_is_the_cached_picture_until_the_archive_changes(
    charts: Charts, archive_db: Database
) -> None:
    selection, title = Selection(region_ids=("kz-atyrau",)), escape("Атырау")
    first = await charts.summary_chart(selection, title, ("kz-atyrau",), "kk")
    again = await charts.summary_chart(selection, title, ("kz-atyrau",), "kk")
    assert isinstance(first, Picture)
    assert again is first
    other_language = await charts.summary_chart(selection, title, ("kz-atyrau",), "en")
    assert other_language is not first
    async with archive_db.transaction() as writer:
        await writer.execute("UPDATE articles SET title = title || '!' WHERE id = 1")
    assert await charts.summary_chart(selection, title, ("kz-atyrau",), "kk") is not first


def test_kazakh_letters_render_without_missing_glyphs() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with drawing(300) as figure:
            figure.suptitle(f"Өңірлер: {KAZAKH_LETTERS}")
            figure.text(0.1, 0.5, KAZAKH_LETTERS.upper(), fontsize=20)
            png = png_bytes(figure)
    assert not [w for w in caught if "missing from font" in str(w.message)], caught
    check_png(png, min_colours=20, background=0.995)


def test_a_missing_glyph_would_be_noticed() -> None:
    """The check above can fail: a letter DejaVu Sans lacks does warn."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with drawing(300) as figure:
            figure.suptitle("\U0001f9ec")
            png_bytes(figure)
    assert [w for w in caught if "missing from font" in str(w.message)]


def test_one_currency_per_axis_the_one_with_most_years() -> None:
    def stored(year: int, currency: str) -> StoredFigure:
        figure = Figure("turnover", 1e6 * year, currency, "exact", year, "…")
        return StoredFigure(figure, 1, None, (), ())

    figures = [stored(2020, "RUB"), stored(2021, "USD"), stored(2022, "USD"), stored(2023, "RUB")]
    figures.append(stored(2024, "USD"))
    assert _main_currency(figures) == "USD"
    assert _main_currency([]) is None
