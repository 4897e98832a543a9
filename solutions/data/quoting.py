"""A fact's wording in an article's own words: where it stands in a paragraph, and how the article prints it
(its own quotation marks, dashes, spacing, commas and capitals)."""

from __future__ import annotations

import re

from solutions.data.articles import paragraph_text


def _loose_pattern(fragment: str) -> str:
    """A regular expression for a fragment of the fact sheet's wording that tolerates the article's own
    quotation marks, dashes, spacing, commas and capitals."""
    parts = []
    for piece in re.split(r"(\s*[-\u2013\u2014]\s*|\s+)", fragment):
        if not piece:
            continue
        if piece.strip() in ("-", "\u2013", "\u2014"):
            parts.append(r"\s*[-\u2013\u2014]\s*")
        elif piece.isspace():
            parts.append(r",?\s+")
        else:
            parts.append("".join("['\u2018\u2019\"\u201c\u201d]" if c in "'\u2018\u2019\"\u201c\u201d" else re.escape(c)
                                 for c in piece))
    return "".join(parts)


def quote_span(article_id: str, paragraph: int, wording: str) -> tuple[int, int] | None:
    """Where a fact's wording (one fragment, without "...") stands in a paragraph: (start, end), or None."""
    if " ... " in wording:
        return None
    pattern = re.compile(_loose_pattern(wording.strip()), re.IGNORECASE)
    match = pattern.search(paragraph_text(article_id, paragraph))
    return None if match is None else match.span()


def quote_in_article(article_id: str, paragraph: int, wording: str) -> str:
    """The article's own words for a fact's wording in one paragraph (its quotation marks and dashes);
    elided fragments ("...") are joined with an ellipsis. Falls back to ``wording`` when not found."""
    pieces = printed_fragments(wording.split(" ... "), paragraph_text(article_id, paragraph))
    return wording if pieces is None else " … ".join(pieces)


def fragment_matches(fragments: list[str], text: str) -> list[re.Match] | None:
    """Where the fragments of a fact's wording stand in ``text``, found in order (each after the one before), or
    None when one is missing."""
    matches, position = [], 0
    for fragment in fragments:
        match = re.compile(_loose_pattern(fragment.strip()), re.IGNORECASE).search(text, position)
        if match is None:
            return None
        matches.append(match)
        position = match.end()
    return matches


def printed_fragments(fragments: list[str], text: str) -> list[str] | None:
    """Fragments of a fact's wording exactly as ``text`` prints them, found in order, or None when one is missing."""
    matches = fragment_matches(fragments, text)
    return None if matches is None else [match.group() for match in matches]


def spans_overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two spans in the same paragraph share a character (a missing span overlaps nothing)."""
    return bool(a and b and a[0] < b[1] and b[0] < a[1])
