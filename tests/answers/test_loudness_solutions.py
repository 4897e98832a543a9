"""The answers of "How loud is it?" (solutions.chapters.loudness), and the claims the chapter's prose makes about the data."""

from __future__ import annotations

import itertools
import re
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solutions import article_ids, article_paragraphs, article_text, load_articles
from solutions.analyser.hype import default_weights, find_hype, hype_score, lexicon_forms, rank_by_hype
from solutions.chapters.loudness import (
    all_finds, article_counts, article_hype_table, article_words, categories, category_rates, common_phrases,
    counterexample, dominant_category, never_lower, paragraph_finds, per_thousand, phrase_finds, ranking_moves,
)
from solutions.analyser.text import count_words

SLIDER_VALUES = [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]


# ---------------------------------------------------------------- per 1,000 words

def test_per_thousand_divides_by_the_length():
    assert per_thousand(4, 457) == pytest.approx(8.7527, abs=1e-4)
    assert per_thousand(21, 659) == pytest.approx(31.8665, abs=1e-4)
    assert per_thousand(5, 1000) == 5.0
    assert per_thousand(0, 300) == 0.0
    assert per_thousand(3, 0) == 0.0


@pytest.mark.parametrize("count, words", [(-1, 100), (1, -100), (float("nan"), 10), (1, float("inf")), (True, 5),
                                          ("4", 457)])
def test_per_thousand_refuses_what_is_not_a_count(count, words):
    with pytest.raises(ValueError):
        per_thousand(count, words)


# ---------------------------------------------------------------- the five articles

def test_the_table_counts_every_find_of_each_article_once():
    table = article_hype_table().set_index("article_id")
    assert list(table.index) == article_ids()
    for article in article_ids():
        text = article_text(article)
        finds = find_hype(text)
        assert table.loc[article, "total"] == len(finds) == len(paragraph_finds(article))
        assert [f["text"] for f in paragraph_finds(article)] == [f["text"] for f in finds]
        assert sum(table.loc[article, name] for name in categories()) == len(finds)
        assert table.loc[article, "words"] == count_words(text) == article_words(article)
        assert table.loc[article, "per_thousand"] == pytest.approx(len(finds) / count_words(text) * 1000)
        assert table.loc[article, "score"] == pytest.approx(
            hype_score(article_counts(article), count_words(text), default_weights()))


def test_paragraph_finds_are_placed_in_their_paragraph():
    for article in article_ids():
        texts = dict(zip(*(article_paragraphs(article)[c] for c in ("paragraph", "text"))))
        for find in paragraph_finds(article):
            assert texts[find["paragraph"]][find["start"]:find["end"]] == find["text"]


def test_the_numbers_the_chapter_states():
    table = article_hype_table().set_index("article_id")
    assert table.loc["000", "total"] == 22 and table.loc["000", "words"] == 659
    assert table.drop(index="000")["total"].max() <= 8
    fewest = table.sort_values(["total"], kind="stable").index[0]
    assert fewest == "003" and table.loc["003", "words"] == 457
    assert rank_by_hype(dict(table["per_thousand"])) == rank_by_hype(dict(table["score"]))
    assert len(lexicon_forms()) > 4500


def test_two_kinds_never_appear_and_metaphors_lead_everywhere_but_in_002():
    table = article_hype_table().set_index("article_id")
    assert [name for name in categories() if table[name].sum() == 0] == ["market_verb", "booster"]
    for article in article_ids():
        expected = "evaluation" if article == "002" else "metaphor"  # 002: "pushing the boundaries", "testament to"
        assert dominant_category(article_counts(article)) == expected, article
    for name in categories():
        if table[name].sum():
            assert table.loc["000", name] > table.drop(index="000")[name].max(), name


def test_titan_is_counted_twice_because_the_image_line_repeats_the_headline():
    titans = [f["paragraph"] for f in paragraph_finds("000") if f["text"] == "Titan"]
    assert titans == [1, 2]
    assert article_paragraphs("000")["text"][0].startswith("![")


def test_the_loudest_paragraph_is_000_paragraph_7():
    finds = all_finds()
    per_paragraph = finds.groupby(["article_id", "paragraph"], sort=False).size()
    assert per_paragraph.idxmax() == ("000", 7) and per_paragraph.max() == 5
    assert (per_paragraph == per_paragraph.max()).sum() == 1


def test_common_phrases_pick_the_most_frequent_then_the_first():
    phrases = common_phrases().set_index("category")
    assert list(phrases.index) == [name for name in categories() if name in set(all_finds()["category"])]
    assert phrases.loc["metaphor", "phrase"] == "wake-up call" and phrases.loc["metaphor", "count"] == 3
    assert phrases.loc["evaluation", "phrase"] == "formidable" and phrases.loc["evaluation", "count"] == 3
    assert phrases.loc["conflict", "phrase"] == "supremacy" and phrases.loc["conflict", "count"] == 2
    # Every intensifier appears once: the first in reading order wins.
    first = all_finds()[all_finds()["category"] == "intensifier"].iloc[0]
    assert phrases.loc["intensifier", "phrase"] == first["phrase"] == "dramatic"
    assert (phrases.loc["metaphor", "article_id"], phrases.loc["metaphor", "paragraph"]) == ("000", 15)


def test_common_phrases_can_pass_over_phrases_to_avoid():
    """The matching question leaves out the examples the table of kinds already gives (answers above a question)."""
    phrases = common_phrases(avoid={"metaphor": ["Wake-up call", "Sputnik moment"], "conflict": ["supremacy"]})
    phrases = phrases.set_index("category")
    assert phrases.loc["metaphor", "phrase"] not in ("wake-up call", "sputnik moment")
    assert phrases.loc["metaphor", "phrase"] == "titan" and phrases.loc["metaphor", "count"] == 2
    assert phrases.loc["conflict", "phrase"] != "supremacy"
    assert phrases.loc["evaluation", "phrase"] == "formidable"  # nothing to avoid: unchanged
    # A category whose every phrase is to be avoided still gets its most frequent one.
    only = all_finds()[all_finds()["category"] == "clickbait"]["phrase"].unique().tolist()
    assert common_phrases(avoid={"clickbait": only}).set_index("category").loc["clickbait", "phrase"] == only[0]


def test_dominant_category_breaks_ties_in_category_order_and_refuses_nothing():
    assert dominant_category({"conflict": 2, "intensifier": 2}) == "intensifier"
    assert dominant_category({"booster": 1}) == "booster"
    with pytest.raises(ValueError):
        dominant_category({"intensifier": 0})
    with pytest.raises(ValueError):
        dominant_category({"shouting": 3})


def test_unknown_articles_are_named_in_the_error():
    with pytest.raises(KeyError, match="005"):
        article_counts("005")
    with pytest.raises(KeyError, match="005"):
        article_words("005")


# ---------------------------------------------------------------- phrases in their paragraph

@pytest.mark.parametrize("article, paragraph, phrase, flagged", [
    ("000", 8, "at a mere $6 million", ["a mere"]),
    ("004", 7, "AI's Sputnik moment", ["Sputnik moment"]),
    ("003", 7, "NVIDIA’s stock dropping by 2%", []),
    ("004", 6, "as tech stocks tumbled", []),
    ("000", 14, "may face scrutiny", []),
    ("002", 14, "recently dipped", []),
    ("000", 10, "burgeoning threat", []),
    ("000", 10, "palpable tensions", []),
    ("000", 7, "visionary Liang", ["visionary"]),
])
def test_phrase_finds(article, paragraph, phrase, flagged):
    assert [f["text"] for f in phrase_finds(article, paragraph, phrase)] == flagged


def test_a_find_that_overlaps_the_phrase_counts():
    assert [f["text"] for f in phrase_finds("003", 5, "sent shock")] == ["sent shockwaves"]


def test_phrase_finds_refuses_a_phrase_that_is_not_there():
    with pytest.raises(KeyError, match="does not contain"):
        phrase_finds("000", 8, "a modest $6 million")
    with pytest.raises(KeyError, match="paragraphs 1 to"):
        phrase_finds("000", 99, "a mere")


# ---------------------------------------------------------------- what survives any choice of weights

def grid_scores(counts_a, words_a, counts_b, words_b):
    """A's and B's scores with every slider at its lowest or highest value (0 or 3). A score is linear in
    the weights, so if A scores at least B at all these corners, it does at every slider setting."""
    for values in itertools.product([0.0, 3.0], repeat=len(categories())):
        weights = dict(zip(categories(), values))
        yield weights, hype_score(counts_a, words_a, weights), hype_score(counts_b, words_b, weights)


def test_article_000_never_scores_lower_than_any_other():
    for other in article_ids()[1:]:
        assert never_lower(article_counts("000"), article_words("000"), article_counts(other), article_words(other))
        assert counterexample(article_counts("000"), article_words("000"), article_counts(other),
                              article_words(other), default_weights(), SLIDER_VALUES) is None


def test_of_the_steps_of_the_default_order_000_over_002_and_004_over_001_survive():
    order = rank_by_hype(dict(article_hype_table().set_index("article_id")["score"]))
    assert order == ["000", "002", "003", "004", "001"]
    survive = [(a, b) for a, b in zip(order, order[1:])
               if never_lower(article_counts(a), article_words(a), article_counts(b), article_words(b))]
    assert survive == [("000", "002"), ("004", "001")]
    assert article_counts("004") == article_counts("001") and article_words("004") < article_words("001")


def test_counterexample_changes_one_slider_when_it_can():
    weights = counterexample(article_counts("002"), article_words("002"), article_counts("003"),
                             article_words("003"), default_weights(), SLIDER_VALUES)
    changed = {k: v for k, v in weights.items() if v != default_weights()[k]}
    assert changed == {"evaluation": 0.5}  # the smallest single change that puts 003 above 002
    assert hype_score(article_counts("002"), 641, weights) < hype_score(article_counts("003"), 457, weights)


def test_counterexample_falls_back_to_one_kind_only():
    # B is denser only in boosters, and no single slider move from these defaults is enough.
    a, b = {"intensifier": 10, "metaphor": 10}, {"booster": 1}
    defaults = {name: 3.0 for name in categories()}
    weights = counterexample(a, 1000, b, 1000, defaults, SLIDER_VALUES)
    assert weights == {name: (3.0 if name == "booster" else 0.0) for name in categories()}
    assert counterexample(a, 1000, b, 1000, defaults, [1.0]) is None  # a single fixed value cannot reorder


def test_the_praise_slider_at_zero_moves_three_of_the_four_below_first_place():
    table = article_hype_table().set_index("article_id")
    before = rank_by_hype(dict(table["score"]))
    weights = {**default_weights(), "evaluation": 0.0}
    after = rank_by_hype({a: hype_score(article_counts(a), article_words(a), weights) for a in article_ids()})
    assert after[0] == before[0] == "000" and after[1] == "003"
    assert ranking_moves(before, after) == {"003": (3, 2), "004": (4, 3), "002": (2, 4)}


counts_strategy = st.dictionaries(st.sampled_from(["intensifier", "metaphor", "evaluation", "conflict", "clickbait"]),
                                  st.integers(0, 6), max_size=5)


@settings(max_examples=120, deadline=None)
@given(counts_a=counts_strategy, words_a=st.integers(1, 2000), counts_b=counts_strategy, words_b=st.integers(1, 2000))
def test_never_lower_agrees_with_trying_the_sliders(counts_a, words_a, counts_b, words_b):
    found = counterexample(counts_a, words_a, counts_b, words_b, default_weights(), SLIDER_VALUES)
    if never_lower(counts_a, words_a, counts_b, words_b):
        assert found is None
        assert all(a >= b - 1e-9 for _, a, b in grid_scores(counts_a, words_a, counts_b, words_b))
    else:
        assert found is not None and set(found) == set(categories())
        assert all(value in SLIDER_VALUES for value in found.values())
        assert hype_score(counts_a, words_a, found) < hype_score(counts_b, words_b, found)


def test_category_rates_cover_every_kind():
    rates = category_rates({"metaphor": 2}, 500)
    assert list(rates) == categories() and rates["metaphor"] == 4.0 and rates["booster"] == 0.0
    with pytest.raises(ValueError):
        category_rates({"noise": 1}, 500)


def test_ranking_moves_lists_only_changed_places():
    assert ranking_moves(["a", "b", "c", "d"], ["a", "d", "b", "c"]) == {"d": (4, 2), "b": (2, 3), "c": (3, 4)}
    assert ranking_moves(["a", "b"], ["a", "b"]) == {}
    with pytest.raises(ValueError):
        ranking_moves(["a", "b"], ["a", "c"])
    with pytest.raises(ValueError):
        ranking_moves(["a", "a"], ["a", "a"])


# ---------------------------------------------------------------- what the prose says the list does

@pytest.mark.parametrize("text, flagged", [
    ("Nvidia's shares fell 17% on Monday 27 January 2025.", []),
    ("Nvidia's stock plummeted in a bloodbath that sent shockwaves across Wall Street.",
     ["plummeted", "bloodbath that sent shockwaves"]),  # finds one word apart join into one phrase
    ("The largest one-day loss any US company had ever had.", []),
    ("Prices may fall, and they might rise; the data suggests it is likely.", []),
    ("She took a crash course in statistics.", ["crash"]),
    ("Another week, another AI revolution.", ["revolution"]),
    ("Oh sure, six million dollars.", []),
])
def test_what_the_list_flags_in_the_chapters_examples(text, flagged):
    assert [f["text"] for f in find_hype(text)] == flagged


def test_default_weights_are_as_the_chapter_describes():
    weights = default_weights()
    assert weights["clickbait"] == 2 * weights["intensifier"] == 2.0
    assert weights["metaphor"] == weights["conflict"] == weights["market_verb"] == 1.5
    assert weights["evaluation"] == weights["booster"] == weights["intensifier"] == 1.0


# ---------------------------------------------------------------- the page's HTML

def test_highlighted_text_is_escaped_and_tagged():
    from exercises.chapters.hype import highlight

    html = highlight('<b>A staggering</b> "sum" & a seismic shift')
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert html.count('<mark class="hype hype-') == 2
    assert re.sub(r"<[^>]+>", "", html).count("[") == 2  # a bracketed tag after each phrase
    shown = unescape(re.sub(r"<[^>]+>", "", html))
    assert shown == '<b>A staggering [intensifier]</b> "sum" & a seismic shift [metaphor]'


def test_highlighted_articles_show_every_find_and_every_paragraph():
    from exercises.chapters.hype import highlighted_articles_html

    html = highlighted_articles_html().data
    assert html.count('<mark class="hype') == len(all_finds())
    assert html.count('<details class="hype-article"') == len(load_articles())
    assert html.count('class="numbered-paragraph"') == sum(len(article_paragraphs(a)) for a in article_ids())
    assert "tex2jax_ignore mathjax_ignore" in html.split(">", 1)[0]
