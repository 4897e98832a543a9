"""The seed articles as data: verbatim texts, metadata with proper dtypes, numbered paragraphs."""

from __future__ import annotations

import pandas as pd
import pytest

from support.paths import SHARED
from solutions import article_ids, article_paragraphs, article_text, load_articles, split_paragraphs
from solutions.data.paths import data_dir


def test_there_are_five_articles_with_their_files():
    articles = load_articles()
    assert article_ids() == ["000", "001", "002", "003", "004"]
    for row in articles.itertuples():
        assert (data_dir() / row.file).is_file()
        assert row.file.startswith(row.id + "_")


def test_article_metadata_dtypes():
    articles = load_articles()
    assert str(articles["date"].dtype).startswith("datetime64")
    assert articles["word_count"].dtype == "int64"
    for column in ["id", "file", "headline", "place", "byline", "sources", "provenance"]:
        assert isinstance(articles[column].dtype, pd.StringDtype), column


def test_fields_left_empty_are_missing_not_guessed():
    articles = load_articles().set_index("id")
    assert articles.loc["003", "date"] == pd.Timestamp("2025-01-26")
    assert articles.loc["003", "place"] == "Beijing"
    assert pd.isna(articles.loc["000", "date"]) and pd.isna(articles.loc["000", "byline"])
    assert articles.loc["004", "byline"] == "Alana Salsabila and Laila Azzahra"


@pytest.mark.parametrize("article_id", ["000", "001", "002", "003", "004"])
def test_stated_metadata_appears_in_the_text(article_id):
    row = load_articles().set_index("id").loc[article_id]
    text = article_text(article_id)
    assert text.splitlines()[0].strip().endswith(row["headline"]) or row["headline"] in text
    for field in ("place", "byline"):
        if not pd.isna(row[field]):
            assert row[field] in text
    if not pd.isna(row["date"]):
        assert row["date"].strftime("%Y-%m-%d") in text


def test_word_counts_match_the_texts():
    for row in load_articles().itertuples():
        assert row.word_count == len(article_text(row.id).split())


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seed_texts_are_verbatim_copies_of_the_shared_seeds():
    for row in load_articles().itertuples():
        assert (data_dir() / row.file).read_bytes() == (SHARED / "seeds" / row.file).read_bytes()


def test_paragraphs_are_numbered_non_empty_lines():
    assert split_paragraphs("Title\n\n  First para. \n\n\nSecond\n") == ["Title", "First para.", "Second"]
    assert split_paragraphs("") == []


def test_article_paragraphs_cover_the_whole_text():
    for article_id in article_ids():
        paragraphs = article_paragraphs(article_id)
        assert paragraphs["paragraph"].tolist() == list(range(1, len(paragraphs) + 1))
        assert "".join(paragraphs["text"]).replace(" ", "") == "".join(article_text(article_id).split())


def test_a_known_paragraph_is_where_it_should_be():
    paragraphs = article_paragraphs("003").set_index("paragraph")["text"]
    assert paragraphs[4] == "Beijing, Sunday, 26 January 2025."


def test_unknown_article_id_names_the_known_ones():
    with pytest.raises(KeyError, match="000, 001, 002, 003, 004"):
        article_text("999")
