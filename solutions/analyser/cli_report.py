"""The readable report of an analysis: a numbered section each for figures, quotes, vague attributions and hype."""

from __future__ import annotations

import math

from solutions.analyser.cli_output import printable

_FIGURE_WIDTH = 40
_SPEAKER_WIDTH = 60
#: Characters of context a figure's line shows before the figure when its context is too long to show whole.
_CONTEXT_BEFORE = 30


def number_text(value) -> str:
    """A figure's value for reading: "412,000,000", "38.5", or "too large" when it has none."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "too large"
    if abs(value) >= 1e15:
        return f"{value:.6g}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def shorten(text: str, width: int = 100) -> str:
    """At most ``width`` characters of ``text``, escaped; only the start of the text is ever looked at."""
    shown = printable(text[:width + 1])
    return shown if len(shown) <= width and len(text) <= width else shown[:width - 3] + "..."


def _figure_value(figure: dict) -> str:
    value = number_text(figure["value"])
    if figure.get("value_high") is not None:
        value += f" to {number_text(figure['value_high'])}"
    return value


def _context_line(figure: dict, width: int = 100) -> str:
    """The figure's context (``sentence``) shortened to ``width`` characters that include the start of the figure."""
    context = figure.get("sentence") or ""
    at = context.find(figure["text"]) if len(context) > width else 0
    if at + len(figure["text"]) <= width - 3:
        return shorten(context, width)
    return "..." + shorten(context[max(0, at - _CONTEXT_BEFORE):], width - 3)


def _figure_lines(figures: list[dict]) -> list[str]:
    lines = [f"Figures: {len(figures)}"]
    for number, figure in enumerate(figures, start=1):
        lines.append(f"{number:>3}. {shorten(figure['text'], _FIGURE_WIDTH):<18} {_figure_value(figure):>20} "
                     f"{figure['unit']:<10} {figure['kind']:<12} @{figure['start']}")
        lines.append(f"     {_context_line(figure)}")
    return lines


def _quote_lines(quotes: list[dict]) -> list[str]:
    lines = [f"Quotes: {len(quotes)}"]
    for number, quote in enumerate(quotes, start=1):
        speaker = shorten(quote.get("speaker") or "no speaker named", _SPEAKER_WIDTH)
        role = f", {shorten(quote['speaker_role'], _SPEAKER_WIDTH)}" if quote.get("speaker_role") else ""
        vague = "  [vague attribution]" if quote.get("vague_attribution") else ""
        lines.append(f"{number:>3}. {speaker}{role}{vague} @{quote['start']}")
        lines.append(f"     \u201c{shorten(quote['quote'], 96)}\u201d")
    return lines


def _phrase_lines(title: str, phrases: list[dict], with_category: bool) -> list[str]:
    lines = [f"{title}: {len(phrases)}"]
    for number, phrase in enumerate(phrases, start=1):
        category = f"{phrase['category']:<22} " if with_category else ""
        lines.append(f"{number:>3}. {category}{shorten(phrase['text'], 60)}  @{phrase['start']}")
    return lines


def format_report(result: dict) -> str:
    """The readable report: a numbered section each for figures, quotes, vague attributions and hype phrases."""
    sections = [
        _figure_lines(result["figures"]),
        _quote_lines(result["quotes"]),
        _phrase_lines("Vague attributions", result["vague_attributions"], with_category=False),
        _phrase_lines("Hype phrases", result["hype_phrases"], with_category=True),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)
