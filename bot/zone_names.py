"""Time zones by the name of their city in the user's language (the IANA name as a fallback)."""

from __future__ import annotations

from storage.models import LANGUAGES, Lang

_CITIES: dict[str, tuple[str, str, str]] = {  # zone: ru, kk, en
    "Asia/Almaty": ("Алматы", "Алматы", "Almaty"),
    "Asia/Aqtobe": ("Актобе", "Ақтөбе", "Aktobe"),
    "Asia/Aqtau": ("Актау", "Ақтау", "Aktau"),
    "Asia/Atyrau": ("Атырау", "Атырау", "Atyrau"),
    "Asia/Oral": ("Уральск", "Орал", "Oral"),
    "Asia/Qostanay": ("Костанай", "Қостанай", "Kostanay"),
    "Asia/Qyzylorda": ("Кызылорда", "Қызылорда", "Kyzylorda"),
    "Europe/Moscow": ("Москва", "Мәскеу", "Moscow"),
    "Europe/Samara": ("Самара", "Самара", "Samara"),
    "Europe/Astrakhan": ("Астрахань", "Астрахан", "Astrakhan"),
    "Europe/Volgograd": ("Волгоград", "Волгоград", "Volgograd"),
    "Europe/Saratov": ("Саратов", "Саратов", "Saratov"),
    "Asia/Yekaterinburg": ("Екатеринбург", "Екатеринбург", "Yekaterinburg"),
    "Asia/Omsk": ("Омск", "Омбы", "Omsk"),
    "Asia/Novosibirsk": ("Новосибирск", "Новосібір", "Novosibirsk"),
    "Asia/Barnaul": ("Барнаул", "Барнаул", "Barnaul"),
    "Asia/Krasnoyarsk": ("Красноярск", "Красноярск", "Krasnoyarsk"),
    "UTC": ("UTC", "UTC", "UTC"),
}


def zone_label(zone: str, lang: Lang) -> str:
    """ "Алматы" for Asia/Almaty in ru; a zone not listed keeps its IANA city ("Asia/Tokyo" →
    "Tokyo")."""
    names = _CITIES.get(zone)
    if names is None:
        return zone.rsplit("/", 1)[-1].replace("_", " ")
    return names[LANGUAGES.index(lang)]
