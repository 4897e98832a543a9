"""Numbers and dates written the way the book writes them: "$5.576 million", "2,048", "Monday 27 January 2025"."""

from __future__ import annotations

import pandas as pd

_SCALE_WORDS = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]


def trim(value: float, digits: int = 3) -> str:
    """A number with up to ``digits`` decimals and no trailing zeros: 5.576, 2.8, 60."""
    text = f"{value:,.{digits}f}"
    if "." in text:  # only decimals lose their trailing zeros: trim(60, 0) is "60", trim(2.50) is "2.5"
        text = text.rstrip("0").rstrip(".")
    return "0" if text.lstrip("-").strip("0.,") == "" else text


def scaled(value: float, digits: int = 3, smallest: float = 1e6) -> str:
    """A large number with a scale word: 2.788 million, 589 billion; smaller numbers with commas."""
    for size, word in _SCALE_WORDS:
        if abs(value) >= size and size >= smallest:
            return f"{trim(value / size, digits)} {word}"
    return trim(value, digits)


def usd(value: float, digits: int = 3, smallest: float = 1e6) -> str:
    """Dollars: $5.576 million, $2, $294,000."""
    return "$" + scaled(value, digits, smallest)


def usd_styled(value: float, style: str) -> str:
    """Dollars in one of several styles people meet in the news, for reading-scale exercises."""
    if style == "thousand":
        return f"${trim(value / 1e3)} thousand"
    if style == "dollars":
        return f"{trim(value / 1e6)} million dollars"
    if style == "M":
        return f"${trim(value / 1e6, 2)}M"
    if style == "bn":
        return f"${trim(value / 1e9, 2)}bn"
    if style == "trillion":
        return f"${trim(value / 1e12)} trillion"
    return usd(value)


def round_significant(value: float, figures: int) -> float:
    """Round to significant figures: 5,576,000 to 1 figure is 6,000,000."""
    return float(f"{value:.{figures}g}")


def shorten(text: str, around: str = "", width: int = 110) -> str:
    """Shorten a sentence to about ``width`` characters, keeping the part around ``around``."""
    if len(text) <= width:
        return text
    centre = text.find(around) if around else 0
    start = max(0, min(centre - width // 2, len(text) - width))
    piece = text[start:start + width].strip()
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(text) else "")


def written_date(value, *, weekday: str | None = None, month: str = "long", year: bool = True) -> str:
    """A date as the book writes it, day first: "27 January 2025", "Mon 27 Jan 2025", "Friday 24 January".

    ``weekday`` is ``None`` (no weekday), ``"short"`` (Mon) or ``"long"`` (Monday); ``month`` is ``"short"``
    (Jan) or ``"long"`` (January); ``year=False`` leaves the year out. The one date formatter of the exercises.
    """
    date = pd.Timestamp(value)
    parts = [f"{date:%a}" if weekday == "short" else f"{date:%A}"] if weekday else []
    parts += [str(date.day), f"{date:%b}" if month == "short" else f"{date:%B}"]
    return " ".join(parts + ([str(date.year)] if year else []))
