"""How loud each seed article is: its loaded phrases counted, placed and scored, and which comparisons
between articles hold whatever weights a reader chooses.

Built on :mod:`solutions.analyser.hype` (what counts as a loaded phrase, and the weighted score). Word counts come
from ``articles.csv`` (``word_count``, the same count as :func:`solutions.analyser.text.count_words`).

A score is ``sum(weight × count) / words × 1000``. Article A *never scores lower* than article B, whatever
the weights (each from 0 up, not all 0), exactly when A has at least as many loaded phrases per word as B
in every category: a weighted sum of larger numbers is larger. When that fails for some category, putting
all the weight on that category ranks B above A, so :func:`counterexample` can always find weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from solutions.data.articles import article_ids, article_paragraphs, article_text, load_articles
from solutions.data.datafiles import cached
from solutions.analyser.hype import (
    checked_amount, default_weights, find_hype, hype_categories, hype_counts, hype_score, per_thousand,
)


def categories() -> list[str]:
    """The hype categories in the order of ``hype_categories.csv`` (the order scores are summed in)."""
    return [str(category) for category in hype_categories()["category"]]


# ---------------------------------------------------------------- the five articles

@cached
def _article_table() -> pd.DataFrame:
    names = categories()
    weights = default_weights()
    unweighted = {name: 1.0 for name in names}
    rows = []
    for article in load_articles().itertuples():
        counts = hype_counts(article_text(article.id))
        words = int(article.word_count)
        rows.append({"article_id": article.id, "headline": article.headline, "words": words,
                     **{name: counts[name] for name in names}, "total": sum(counts.values()),
                     "per_thousand": hype_score(counts, words, unweighted),
                     "score": hype_score(counts, words, weights)})
    return pd.DataFrame(rows, columns=["article_id", "headline", "words", *names, "total", "per_thousand", "score"])


def article_hype_table() -> pd.DataFrame:
    """One row per article: ``article_id``, ``headline``, ``words``, a count per category (in category order),
    ``total``, ``per_thousand`` (loaded phrases per 1,000 words, every phrase counting 1) and ``score``
    (the default weights of ``hype_categories.csv``)."""
    return _article_table().copy()


def article_counts(article_id: str) -> dict[str, int]:
    """An article's number of loaded phrases in each category (every category, zeros included)."""
    table = _article_table().set_index("article_id")
    if article_id not in table.index:
        raise KeyError(f"No seed article with id {article_id!r}; the ids are {', '.join(table.index)}.")
    return {name: int(table.loc[article_id, name]) for name in categories()}


def article_words(article_id: str) -> int:
    """An article's number of words (``word_count`` in ``articles.csv``)."""
    table = _article_table().set_index("article_id")
    if article_id not in table.index:
        raise KeyError(f"No seed article with id {article_id!r}; the ids are {', '.join(table.index)}.")
    return int(table.loc[article_id, "words"])


def paragraph_finds(article_id: str) -> list[dict]:
    """Every loaded phrase of an article paragraph by paragraph: :func:`find_hype` dicts with ``paragraph``
    added, and ``start``/``end`` counted within that paragraph's text (as on the articles page)."""
    paragraphs = article_paragraphs(article_id)
    found = []
    for number, text in zip(paragraphs["paragraph"], paragraphs["text"]):
        found.extend({**find, "paragraph": int(number)} for find in find_hype(str(text)))
    return found


def all_finds() -> pd.DataFrame:
    """Every loaded phrase in the five articles, in reading order: ``article_id``, ``paragraph``, ``text``,
    ``phrase`` (lower case, curly apostrophes made plain, spaces collapsed), ``category`` and ``rationale``."""
    rows = [{"article_id": article, "paragraph": find["paragraph"], "text": find["text"],
             "phrase": _plain(find["text"]), "category": find["category"], "rationale": find["rationale"]}
            for article in article_ids() for find in paragraph_finds(article)]
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "text", "phrase", "category", "rationale"])


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").casefold().split())


def common_phrases(avoid: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """For each category with finds, its most frequent phrase in the five articles (ties: the first to appear),
    with ``category``, ``phrase``, ``count`` and where it first appears (``article_id``, ``paragraph``, ``text``,
    ``rationale``); in category order.

    ``avoid`` maps a category to phrases to pass over when the category has any other (for example the examples
    its description already gives, so that a question about the phrase is not answered by the description).
    """
    finds = all_finds()
    rows = []
    for name in categories():
        in_category = finds[finds["category"] == name]
        if in_category.empty:
            continue
        avoided = {_plain(phrase) for phrase in (avoid or {}).get(name, ())}
        if not in_category["phrase"].isin(avoided).all():
            in_category = in_category[~in_category["phrase"].isin(avoided)]
        counts = in_category["phrase"].value_counts()
        # max() keeps the first of equal counts, and the phrases are listed in order of first appearance.
        best = max(in_category["phrase"].drop_duplicates(), key=lambda phrase: counts[phrase])
        first = in_category[in_category["phrase"] == best].iloc[0]
        rows.append({"category": name, "phrase": best, "count": int(counts[best]),
                     "article_id": first["article_id"], "paragraph": int(first["paragraph"]),
                     "text": first["text"], "rationale": first["rationale"]})
    return pd.DataFrame(rows, columns=["category", "phrase", "count", "article_id", "paragraph", "text", "rationale"])


def dominant_category(counts: Mapping[str, float]) -> str:
    """The category with the most finds (ties: the first in category order). ValueError when all are 0."""
    names = categories()
    unknown = sorted(set(counts) - set(names))
    if unknown:
        raise ValueError(f"Unknown hype categories: {', '.join(map(str, unknown))}.")
    values = {name: checked_amount(counts.get(name, 0), f"The count for {name!r}") for name in names}
    best = max(names, key=lambda name: (values[name], -names.index(name)))
    if values[best] == 0:
        raise ValueError("There are no finds, so no category dominates.")
    return best


# ---------------------------------------------------------------- phrases in their paragraph

def phrase_finds(article_id: str, paragraph: int, phrase: str) -> list[dict]:
    """The loaded phrases :func:`find_hype` marks inside ``phrase`` (or overlapping it) where ``phrase`` first
    appears in the paragraph. KeyError when the paragraph does not contain ``phrase``."""
    text = _paragraph_text(article_id, paragraph)
    start = text.find(phrase)
    if not phrase or start < 0:
        raise KeyError(f"Article {article_id} ¶{paragraph} does not contain {phrase!r}.")
    end = start + len(phrase)
    return [find for find in find_hype(text) if find["start"] < end and start < find["end"]]


def _paragraph_text(article_id: str, paragraph: int) -> str:
    paragraphs = article_paragraphs(article_id)
    match = paragraphs.loc[paragraphs["paragraph"] == paragraph, "text"]
    if match.empty:
        raise KeyError(f"Article {article_id} has paragraphs 1 to {len(paragraphs)}, not {paragraph}.")
    return str(match.iloc[0])


# ---------------------------------------------------------------- what survives any choice of weights

def category_rates(counts: Mapping[str, float], words: float) -> dict[str, float]:
    """Finds per 1,000 words in each category (every category; a missing one counts 0)."""
    names = categories()
    unknown = sorted(set(counts) - set(names))
    if unknown:
        raise ValueError(f"Unknown hype categories: {', '.join(map(str, unknown))}.")
    return {name: per_thousand(counts.get(name, 0), words) for name in names}


def never_lower(counts_a: Mapping[str, float], words_a: float, counts_b: Mapping[str, float],
                words_b: float) -> bool:
    """True when text A scores at least as high as text B under every choice of weights (all >= 0):
    A has at least as many finds per word as B in every category."""
    rates_a, rates_b = category_rates(counts_a, words_a), category_rates(counts_b, words_b)
    return all(rates_a[name] >= rates_b[name] - 1e-12 for name in categories())


def counterexample(counts_a: Mapping[str, float], words_a: float, counts_b: Mapping[str, float], words_b: float,
                   defaults: Mapping[str, float], values: Iterable[float]) -> dict[str, float] | None:
    """Slider settings (each weight one of ``values``) under which text A scores lower than text B.

    Prefers a setting that changes one slider from ``defaults`` (the smallest change, then the first category);
    otherwise puts the largest value on one category where B is denser and the smallest everywhere else.
    Returns None when A never scores lower (see :func:`never_lower`) or no setting of ``values`` does it.
    """
    names = categories()
    steps = sorted({checked_amount(value, "A slider value") for value in values})
    start = {name: checked_amount(defaults.get(name, 0), f"The default weight of {name!r}") for name in names}
    if not steps:
        return None

    def lower(weights: dict[str, float]) -> bool:
        return hype_score(dict(counts_a), words_a, weights) < hype_score(dict(counts_b), words_b, weights) - 1e-12

    single = [(abs(value - start[name]), index, value, name) for index, name in enumerate(names) for value in steps
              if value != start[name]]
    for _, _, value, name in sorted(single):
        weights = {**start, name: value}
        if lower(weights):
            return weights
    rates_a, rates_b = category_rates(counts_a, words_a), category_rates(counts_b, words_b)
    for name in names:
        if rates_b[name] > rates_a[name]:
            weights = {other: steps[0] for other in names} | {name: steps[-1]}
            if lower(weights):
                return weights
    return None


def ranking_moves(before: Sequence[str], after: Sequence[str]) -> dict[str, tuple[int, int]]:
    """The items whose place changed between two rankings: ``{item: (old place, new place)}``, places from 1."""
    if sorted(before) != sorted(after) or len(set(before)) != len(before):
        raise ValueError("Both rankings must list the same items, each once.")
    old = {item: place for place, item in enumerate(before, start=1)}
    return {item: (old[item], place) for place, item in enumerate(after, start=1) if old[item] != place}
