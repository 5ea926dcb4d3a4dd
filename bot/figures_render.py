"""Layout of /figures: reported turnover, investment, export and import, with their sources."""

from __future__ import annotations

from html import escape

from bot.render import MESSAGE_LIMIT, region_name, shorten
from bot.texts import t
from storage.figures_store import StoredFigure
from storage.reading.figures import Figure
from storage.regions import get_region

SHOWN = 20
NAMED_REGIONS = 3
_SCALES = ((1e9, "bn"), (1e6, "m"), (1e3, "k"))


def amount(value: float, currency: str, lang: str) -> str:
    """1.2e9 USD -> "1,2 млрд USD" (ru, kk) or "1.2 bn USD" (en)."""
    for factor, scale in _SCALES:
        if value >= factor:
            number = f"{value / factor:.3g}"
            unit = f" {t(lang, f'figures.scale.{scale}')}"
            break
    else:
        number, unit = f"{value:,.0f}".replace(",", " "), ""
    if lang != "en":
        number = number.replace(".", ",")
    return f"{number}{unit} {currency}"


def figure_value(figure: Figure, lang: str) -> str:
    value = amount(figure.value, figure.currency, lang)
    if figure.bound == "range" and figure.value_high is not None:
        low = amount(figure.value, figure.currency, lang).rsplit(" ", 1)[0]
        high = amount(figure.value_high, figure.currency, lang)
        return t(lang, "figures.value.range", value=low, high=high)
    return t(lang, f"figures.value.{figure.bound}", value=value)


def figure_line(stored: StoredFigure, lang: str) -> str:
    figure = stored.figure
    year = str(figure.year) if figure.year else t(lang, "figures.no_year")
    measure = t(lang, f"figures.measure.{figure.measure}")
    source = f"/article {stored.article_id}"
    if stored.outlet:
        source += f" ({escape(shorten(stored.outlet, 40))})"
    value = escape(figure_value(figure, lang))
    return f"• <b>{year}</b> · {measure}: <b>{value}</b> · {between(stored, lang)} — {source}"


def between(stored: StoredFigure, lang: str) -> str:
    """Whom a figure is about: its regions (a few, Kazakhstan's side first, "⇄" across the
    border) and the countries its sentence names."""
    shown = stored.regions[:NAMED_REGIONS]
    sides = [
        ", ".join(region_name(r, lang) for r in shown if _country(r) == country)
        for country in ("KZ", "RU")
    ]
    text = " ⇄ ".join(side for side in sides if side)
    if len(stored.regions) > NAMED_REGIONS:
        text += " …"
    countries = [region_name(code, lang) for code in stored.countries if code in ("KZ", "RU")]
    return text + (f" ({', '.join(countries)})" if countries else "")


def figures_message(title_html: str, figures: list[StoredFigure], lang: str) -> str:
    """The heading and one line per figure, the latest year first, within one message."""
    lines = [t(lang, "figures.title", title=title_html)]
    for stored in figures[:SHOWN]:
        line = figure_line(stored, lang)
        if sum(len(x) + 1 for x in lines) + len(line) > MESSAGE_LIMIT:
            break
        lines.append(line)
    return "\n".join(lines)


def _country(region_id: str) -> str | None:
    region = get_region(region_id)
    return region.country if region else None
