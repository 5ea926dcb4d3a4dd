"""Layout of /figures: reported turnover, investment, export and import, with their sources."""

from __future__ import annotations

from bot.html import Html, bold, escape, join, markup
from bot.texts import label, t
from bot.views.render import MESSAGE_LIMIT, plain_region_name, shorten
from storage.figures_store import StoredFigure
from storage.models import Lang
from storage.reading.figures import Figure
from storage.regions import get_region

SHOWN = 20
NAMED_REGIONS = 3
_SCALES = ((1e9, "bn"), (1e6, "m"), (1e3, "k"))


def amount(value: float, currency: str, lang: Lang) -> str:
    """1.2e9 USD -> "1,2 млрд USD" (ru, kk) or "1.2 bn USD" (en)."""
    for factor, scale in _SCALES:
        if value >= factor:
            number = f"{value / factor:.3g}"
            unit = f" {label(lang, f'figures.scale.{scale}')}"
            break
    else:
        number, unit = f"{value:,.0f}".replace(",", " "), ""
    if lang != "en":
        number = number.replace(".", ",")
    return f"{number}{unit} {currency}"


def figure_value(figure: Figure, lang: Lang) -> str:
    """The amount with its bound in words: "более 1,4 млрд USD", "1–2 млрд USD"."""
    value = amount(figure.value, figure.currency, lang)
    if figure.bound == "range" and figure.value_high is not None:
        low = amount(figure.value, figure.currency, lang).rsplit(" ", 1)[0]
        high = amount(figure.value_high, figure.currency, lang)
        return label(lang, "figures.value.range", value=low, high=high)
    return label(lang, f"figures.value.{figure.bound}", value=value)


def figure_line(stored: StoredFigure, lang: Lang) -> Html:
    figure = stored.figure
    year = escape(str(figure.year)) if figure.year else t(lang, "figures.no_year")
    source = f"/article {stored.article_id}"
    if stored.outlet:
        source += f" ({shorten(stored.outlet, 40)})"
    return markup(
        "• {year} · {measure}: {value} · {between} — {source}",
        year=bold(year),
        measure=t(lang, f"figures.measure.{figure.measure}"),
        value=bold(escape(figure_value(figure, lang))),
        between=escape(between(stored, lang)),
        source=escape(source),
    )


def between(stored: StoredFigure, lang: Lang) -> str:
    """Whom a figure is about: its regions (a few, Kazakhstan's side first, "⇄" across the
    border) and the countries its sentence names."""
    shown = stored.regions[:NAMED_REGIONS]
    sides = [
        ", ".join(plain_region_name(r, lang) for r in shown if _country(r) == country)
        for country in ("KZ", "RU")
    ]
    text = " ⇄ ".join(side for side in sides if side)
    if len(stored.regions) > NAMED_REGIONS:
        text += " …"
    countries = [plain_region_name(c, lang) for c in stored.countries if c in ("KZ", "RU")]
    return text + (f" ({', '.join(countries)})" if countries else "")


def figures_message(title: Html, figures: list[StoredFigure], lang: Lang) -> Html:
    """The heading and one line per figure, the latest year first, within one message."""
    lines = [t(lang, "figures.title", title=title)]
    for stored in figures[:SHOWN]:
        line = figure_line(stored, lang)
        if sum(len(x) + 1 for x in lines) + len(line) > MESSAGE_LIMIT:
            break
        lines.append(line)
    return join("\n", lines)


def _country(region_id: str) -> str | None:
    region = get_region(region_id)
    return region.country if region else None
