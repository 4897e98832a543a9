"""The five seed articles: their metadata, full texts and numbered paragraphs."""

from __future__ import annotations

import pandas as pd

from solutions.data.datafiles import cached, read_table
from solutions.data.paths import data_dir


@cached
def _articles_table() -> pd.DataFrame:
    table = read_table("articles.csv", dates=("date",), numbers=("word_count",))
    table["word_count"] = table["word_count"].astype("int64")
    return table


def load_articles() -> pd.DataFrame:
    """Return one row per seed article.

    Columns: ``id``, ``file``, ``headline``, ``date`` (datetime, only where the text states it),
    ``place``, ``byline``, ``sources``, ``provenance`` (strings, missing where the text says nothing)
    and ``word_count``.
    """
    return _articles_table().copy()


def article_ids() -> list[str]:
    """Return the seed article ids in order, for example ``['000', '001', ...]``."""
    return _articles_table()["id"].tolist()


def _file_name(article_id: str) -> str:
    table = _articles_table()
    match = table.loc[table["id"] == article_id, "file"]
    if match.empty:
        known = ", ".join(table["id"])
        raise KeyError(f"No seed article with id {article_id!r}; the ids are {known}.")
    return match.iloc[0]


@cached
def article_text(article_id: str) -> str:
    """Return the full text of a seed article, exactly as in its file."""
    return (data_dir() / _file_name(article_id)).read_text(encoding="utf-8")


def split_paragraphs(text: str) -> list[str]:
    """Split a text into paragraphs: every non-empty line, stripped.

    Headings, captions and one-line leftovers count as paragraphs too, so that a paragraph number
    never depends on a judgement call and anyone can recount it.
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def article_paragraphs(article_id: str) -> pd.DataFrame:
    """Return the numbered paragraphs of a seed article: ``article_id``, ``paragraph`` (from 1), ``text``."""
    return _paragraphs(article_id).copy()


@cached
def _paragraphs(article_id: str) -> pd.DataFrame:
    paragraphs = split_paragraphs(article_text(article_id))
    return pd.DataFrame(
        {
            "article_id": pd.Series([article_id] * len(paragraphs), dtype="string"),
            "paragraph": pd.Series(range(1, len(paragraphs) + 1), dtype="int64"),
            "text": pd.Series(paragraphs, dtype="string"),
        }
    )


def paragraph_at(text: str, offset: int) -> int:
    """Return the number of the paragraph (as in :func:`split_paragraphs`) holding character ``offset``."""
    number, position = 0, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            number += 1
        position += len(line)
        if offset < position:
            return number
    return number


def paragraph_text(article_id: str, paragraph: int) -> str:
    """The text of one numbered paragraph of an article."""
    return str(article_paragraphs(article_id).set_index("paragraph").loc[int(paragraph), "text"])


def stated_date(article_id: str) -> pd.Timestamp:
    """The date an article's own text states (its dateline), or NaT when it states none."""
    articles = load_articles()
    rows = articles[articles["id"] == article_id]
    if rows.empty:
        raise KeyError(f"No seed article with id {article_id!r}.")
    return pd.Timestamp(rows["date"].iloc[0]) if pd.notna(rows["date"].iloc[0]) else pd.NaT


def articles_shown_before(date) -> list[str]:
    """Articles whose own stated date is before ``date``: the only ones that can be shown to be earlier.

    An undated article cannot be shown to be earlier than anything; it can only be shown to be later
    than the events it reports.
    """
    date = pd.Timestamp(date)
    return [a for a in article_ids() if pd.notna(stated_date(a)) and stated_date(a) < date]
