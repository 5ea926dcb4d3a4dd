"""📊 ⬇️ under summaries, /map, /figures and /export, through the real dispatcher."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.methods import AnswerCallbackQuery, SendDocument, SendMessage, SendPhoto
from aiogram.types import BufferedInputFile, FSInputFile

from bot.charts.service import PICTURES_PER_MINUTE
from bot.exporting import EXPORTS_PER_MINUTE
from bot.html import escape
from bot.texts import label, t
from bot.views.keyboards import analysis_row
from storage.regions import all_regions
from tests.fakes import RecordingSession, make_callback, make_user
from tests.support import Feed, keyboard, texts


def _photo_result(file_id: str) -> dict[str, object]:
    size = {"file_id": file_id, "file_unique_id": f"u{file_id}", "width": 1280, "height": 960}
    return {"message_id": 7, "date": 0, "chat": {"id": 111, "type": "private"}, "photo": [size]}


async def test_chart_button_sends_a_photo_and_the_second_tap_reuses_it(
    feed: Feed, session: RecordingSession
) -> None:
    await feed("/region Астрахань")
    session.add_result(_photo_result("chart-1"), method="sendPhoto")
    [photo] = [
        c for c in await feed(make_callback("ch:r:ru-astrakhan")) if isinstance(c, SendPhoto)
    ]
    assert isinstance(photo.photo, BufferedInputFile)
    assert photo.photo.data.startswith(b"\x89PNG")
    assert photo.caption == "📊 <b>Астраханская область</b>"
    [again] = [
        c for c in await feed(make_callback("ch:r:ru-astrakhan")) if isinstance(c, SendPhoto)
    ]
    assert again.photo == "chart-1"  # Telegram's id: nothing drawn or uploaded again


async def test_chart_of_a_search_escapes_the_query(feed: Feed) -> None:
    calls = await feed(make_callback("ch:q:делегация <&>"))
    [photo] = [c for c in calls if isinstance(c, SendPhoto)]
    assert "делегация &lt;&amp;&gt;" in str(photo.caption)


async def test_chart_of_an_empty_selection_is_a_sentence(feed: Feed) -> None:
    english = make_user(111, "en")
    calls = await feed(make_callback("ch:r:ru-tyva+kz-kostanay", user=english))
    assert not [c for c in calls if isinstance(c, SendPhoto)]
    assert texts(calls) == [t("en", "chart.empty")]


async def test_stale_chart_button_is_answered_politely(feed: Feed) -> None:
    calls = await feed(make_callback("ch:r:zz-nowhere"))
    assert t("ru", "list.stale") in texts(calls)


def _alerts(calls: Sequence[object]) -> list[str]:
    return [str(c.text) for c in calls if isinstance(c, AnswerCallbackQuery) and c.show_alert]


async def test_a_user_tapping_charts_too_often_is_told_to_wait_but_drawn_ones_are_free(
    feed: Feed,
) -> None:
    kazakh = make_user(111, "kk")
    regions = [r.id for r in all_regions()][: PICTURES_PER_MINUTE + 1]
    drawn = []
    for region in regions[:PICTURES_PER_MINUTE]:
        calls = await feed(make_callback(f"ch:r:{region}", user=kazakh))
        assert not _alerts(calls)
        drawn += [region for c in calls if isinstance(c, SendPhoto)]
    calls = await feed(make_callback(f"ch:r:{regions[-1]}", user=kazakh))
    [alert] = _alerts(calls)
    assert alert.startswith(label("kk", "limits.too_many", seconds=0).split("0")[0])
    assert len(alert) <= 200
    assert not [c for c in calls if isinstance(c, SendPhoto | SendMessage)]
    again = await feed(make_callback(f"ch:r:{drawn[0]}", user=kazakh))  # drawn already
    assert not _alerts(again)
    assert [c for c in again if isinstance(c, SendPhoto)]
    other = await feed(make_callback(f"ch:r:{regions[-1]}", user=make_user(222, "en")))
    assert not _alerts(other)  # another user is not held up
    [refused] = texts(await feed("/map 2022", lang="kk"))
    assert refused.startswith(label("kk", "limits.too_many", seconds=0).split("0")[0])


async def test_a_user_exporting_too_often_is_told_to_wait(feed: Feed) -> None:
    for _ in range(EXPORTS_PER_MINUTE):
        calls = await feed(make_callback("ex:r:ru-astrakhan:csv"))
        assert [c for c in calls if isinstance(c, SendDocument)]
    calls = await feed(make_callback("ex:r:ru-astrakhan:csv"))
    [alert] = _alerts(calls)
    assert alert.startswith("Не так быстро")
    assert not [c for c in calls if isinstance(c, SendDocument)]
    await feed("/sector туризм")
    [refused] = texts(await feed("/export xlsx"))
    assert refused.startswith("Не так быстро")


async def test_export_button_sends_a_csv_document(feed: Feed) -> None:
    calls = await feed(make_callback("ex:r:ru-astrakhan:csv", user=make_user(111, "kk")))
    [document] = [c for c in calls if isinstance(c, SendDocument)]
    assert isinstance(document.document, FSInputFile)
    assert document.document.filename == "articles-ru-astrakhan.csv"
    assert document.caption == t("kk", "export.caption", title=escape("Астрахан облысы"), count=2)


async def test_export_command_uses_the_chats_last_summary(feed: Feed) -> None:
    assert texts(await feed("/export")) == [t("ru", "export.usage")]
    await feed("/sector туризм")
    calls = await feed("/export xlsx")
    [document] = [c for c in calls if isinstance(c, SendDocument)]
    assert isinstance(document.document, FSInputFile)
    assert document.document.filename == "articles-tourism.xlsx"
    assert texts(await feed("/export pdf")) == [t("ru", "export.usage")]


async def test_map_command_and_the_regions_button(feed: Feed) -> None:
    [photo] = [c for c in await feed("/map", lang="en") if isinstance(c, SendPhoto)]
    assert str(photo.caption).startswith("🗺 <b>Regional cooperation</b>: the whole archive.")
    [message] = [c for c in await feed("/regions") if isinstance(c, SendMessage)]
    buttons = [b for row in keyboard(message.reply_markup) for b in row]
    assert buttons[-1].callback_data == "mp:-"
    assert [c for c in await feed(make_callback("mp:-")) if isinstance(c, SendPhoto)]


async def test_map_of_an_empty_or_unreadable_period(feed: Feed) -> None:
    assert texts(await feed("/map 1999")) == [
        t("ru", "map.empty", period=escape("01.01.1999 — 31.12.1999"))
    ]
    [answer] = texts(await feed("/map <когда-нибудь>"))
    assert "&lt;когда-нибудь&gt;" in answer


async def test_map_reads_periods_with_the_one_date_grammar(feed: Feed) -> None:
    [answer] = texts(await feed("/map 31.02.2022"))
    assert answer.startswith(t("ru", "typed.no_day", typed=escape("31.02.2022")))
    [english] = texts(await feed("/map 1999 to 1998", lang="en"))  # a range typed backwards
    assert english == t("en", "map.empty", period=escape("01.01.1998 — 31.12.1999"))
    [refused] = texts(await feed("/map Атырау 2022"))
    assert refused.startswith(t("ru", "date.bad", query=escape("Атырау 2022")))
    [old] = texts(await feed("/map март 1999 — июнь 1999"))
    assert old == t("ru", "map.empty", period=escape("01.03.1999 — 30.06.1999"))


async def test_figures_lists_reported_turnover_with_its_source(feed: Feed) -> None:
    [answer] = texts(await feed("/figures Красноярск"))
    assert answer.startswith("💰 <b>Цифры: Красноярский край</b>")
    assert "<b>2021</b> · товарооборот: <b>около 100 млн USD</b> · " in answer
    assert "Красноярский край" in answer.split("·")[-1]
    [english] = texts(await feed("/figures Krasnoyarsk", lang="en"))
    assert "trade turnover: <b>about 100 m USD</b>" in english


async def test_figures_without_name_or_figures(feed: Feed) -> None:
    assert texts(await feed("/figures")) == [t("ru", "figures.usage")]
    [answer] = texts(await feed("/figures Атырау"))
    assert answer == t("ru", "figures.empty", title=escape("Атырауская область"))
    [unknown] = texts(await feed("/figures Нарния"))
    assert "Нарния" in unknown


def test_analysis_buttons_that_would_not_fit_64_bytes_are_left_out() -> None:
    short = analysis_row("r", "kz-atyrau+ru-astrakhan", "ru")
    assert [b.callback_data for b in short] == [
        "ch:r:kz-atyrau+ru-astrakhan", "ex:r:kz-atyrau+ru-astrakhan:csv",
        "ex:r:kz-atyrau+ru-astrakhan:xlsx",
    ]  # fmt: skip
    long_query = "товарооборот астраханской обл"  # 29 letters, two bytes each
    buttons = analysis_row("q", long_query, "ru")
    assert all(len(str(b.callback_data).encode()) <= 64 for b in buttons)
    assert [b.text for b in buttons] == ["📊 График"]
