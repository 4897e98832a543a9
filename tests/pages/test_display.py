"""The reading pages' HTML: article text and metadata are always escaped, anchors are stable."""

from __future__ import annotations

import pandas as pd

from exercises.display import (
    article_html, articles_overview_html, fact_anchor, fact_cards_html, paragraph_anchor, verdict_table_html,
)
from solutions import article_paragraphs, load_articles, load_facts
from solutions.data.facts import verdict_counts


def test_anchors():
    assert paragraph_anchor("003", 7) == "a003-p7"
    assert fact_anchor("COST-01") == "fact-cost-01"


def test_article_html_numbers_and_escapes_every_paragraph():
    html = article_html("000").data
    paragraphs = article_paragraphs("000")
    for number in paragraphs["paragraph"]:
        assert f'id="a000-p{number}"' in html
    assert "DeepSeek&#x27;s Surge" in html and "DeepSeek's Surge" not in html


def test_overview_escapes_markup_in_metadata():
    articles = load_articles()
    articles.loc[0, "headline"] = "<script>alert(1)</script>"
    html = articles_overview_html(articles).data
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count('<tr><th scope="row"') == len(articles)


def test_missing_metadata_says_not_stated():
    html = articles_overview_html().data
    stated_dates = load_articles()["date"].notna().sum()
    assert html.count("<time") == stated_dates


def test_fact_cards_follow_the_data():
    facts = load_facts()
    facts.loc[facts["claim_id"] == "COST-02", "seed_wording"] = "<b>changed</b>"
    html = fact_cards_html("cost", facts).data
    assert "&lt;b&gt;changed&lt;/b&gt;" in html
    assert html.count('class="fact-card"') == (facts["topic"] == "cost").sum()


def test_verdict_table_counts_follow_the_data():
    facts = load_facts()
    facts["verdict"] = pd.Categorical(["wrong"] * len(facts), categories=facts["verdict"].cat.categories)
    html = verdict_table_html(verdict_counts(facts)).data
    import re

    cells = re.findall(r'<th scope="row"[^>]*>wrong</th><td class="number"[^>]*>(\d+)</td>', html)
    assert cells == [str((facts["seed_ids"].map(len) > 0).sum())]  # the articles' claims, not reference rows
