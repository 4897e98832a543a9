"""How the chapter "How loud is it?" words the hype finder's results: category names and tags, headlines,
article labels and snippets, in exercises, highlights, tables and explorer alike."""

from __future__ import annotations

import re

from solutions.analyser.hype import hype_categories
from solutions.analyser.sentences import sentence_spans


def category_labels() -> dict[str, str]:
    table = hype_categories()
    return {str(c): str(label) for c, label in zip(table["category"], table["label"])}


def mentioned(description: str) -> str:
    """A category's description with its example words in quotation marks: "(staggering, panic)" becomes
    "(“staggering”, “panic”)". The examples are words the kit talks about, not words it uses."""
    def quote(match: re.Match) -> str:
        items = [item.strip() for item in match.group(1).split(",") if item.strip()]
        return "(" + ", ".join(item if item[:1] in "“‘'\"" else f"“{item}”" for item in items) + ")"
    return re.sub(r"\(([^()]*)\)", quote, str(description))


def description_examples() -> dict[str, list[str]]:
    """The example words each category's description gives in brackets: {"metaphor": ["shockwaves", …]}."""
    return {str(row.category): [item.strip(" “”‘’'\"") for group in re.findall(r"\(([^()]*)\)", str(row.description))
                                for item in group.split(",") if item.strip()]
            for row in hype_categories().itertuples()}


def tag(category: str) -> str:
    """The short tag printed after a highlighted phrase: "metaphor", "market verb"."""
    return category.replace("_", " ")


def short_headline(headline: str, width: int = 44) -> str:
    text = " ".join(str(headline).split())
    return text if len(text) <= width else text[:width - 1].rstrip(" :,;") + "…"


def article_label(article_id: str, headline: str) -> str:
    """"000: “DeepSeek's Surge: China's AI…”": the headline is the article's words, so it is quoted."""
    return f"{article_id}: “{short_headline(headline)}”"


def snippet(text: str, start: int, end: int, width: int = 100) -> str:
    """The sentence holding ``text[start:end]``, cut at spaces to about ``width`` characters around it."""
    first, last = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (0, len(text)))
    left, right = first, last
    while right - left > width:
        if start - left >= right - end and text.find(" ", left + 1, start) >= 0:
            left = text.find(" ", left + 1, start) + 1
        elif text.rfind(" ", end, right - 1) >= 0:
            right = text.rfind(" ", end, right - 1)
        else:
            break
    piece = text[left:right].strip()
    return ("…" if left > first else "") + (piece.rstrip(",;:") + "…" if right < last else piece)
