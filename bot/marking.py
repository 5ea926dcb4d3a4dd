"""A search hit's passage as HTML: escaped, the matching words in bold, "…" where text was cut."""

from __future__ import annotations

from bot.html import Html, bold, escape, join
from storage.models import Snippet


def marked_snippet(snippet: Snippet) -> Html:
    """ "…при поддержке <b>Байконура</b> в 2023 году…" (every piece escaped)."""
    pieces = [escape("…" if snippet.cut_before else "")]
    position = 0
    for start, end in snippet.marks:
        if start < position:  # overlapping marks cannot come from words; keep the text whole
            continue
        pieces.append(escape(snippet.text[position:start]))
        pieces.append(bold(escape(snippet.text[start:end])))
        position = end
    pieces.append(escape(snippet.text[position:]))
    pieces.append(escape("…" if snippet.cut_after else ""))
    return join("", pieces)
