"""Idiom variants: the hype finder matches a listed idiom with its verb, possessive and article changed."""

from __future__ import annotations

import pytest

from solutions.analyser.hype import find_hype
from solutions.analyser.hype_lexicon import lexicon_rows
from solutions.analyser.hype_variants import variants, verb_forms, with_variants
from solutions.data.datafiles import clear_caches, read_table


def test_a_verb_idiom_is_matched_in_every_form_of_its_verb():
    found = set(variants("took a beating"))
    assert {"take a beating", "takes a beating", "taken a beating", "taking a beating",
            "took another beating", "taken another beating"} <= found
    assert "took a beating" not in found and "took the beating" not in found


def test_every_form_in_the_verb_table_stands_for_every_other():
    for row in read_table("hype_idiom_verbs.csv")["verb_forms"]:
        forms = row.split("|")
        for form in forms:
            assert set(variants(f"{form} the knife")) >= {f"{other} the knife" for other in forms if other != form}


def test_a_first_word_that_is_a_noun_or_an_adjective_keeps_its_form():
    # "fuel to the fire": "fuel" is a noun; "stinging rebuke": an adjective
    assert not any(variant.startswith(("fuels ", "fuelled ")) for variant in variants("fuel to the fire"))
    assert list(variants("stinging rebuke")) == []


def test_a_things_possessive_stays_a_things_and_a_persons_a_persons():
    assert "on their knees" in set(variants("on its knees"))
    assert "on his knees" not in set(variants("on its knees"))  # a person on his knees may be kneeling
    assert {"makes his blood boil", "made your blood boil"} <= set(variants("made my blood boil"))


def test_only_an_article_before_the_last_word_swaps_and_only_for_another():
    assert set(variants("drop in a bucket")) == {"drop in another bucket"}
    assert list(variants("petrol on the fire")) == []  # "petrol on a fire" is listed in its own right
    assert list(variants("a cancer on")) == []
    assert list(variants("the bomb")) == []  # two words: no article or possessive swaps


def test_a_form_listed_in_its_own_right_keeps_its_own_row():
    rows = [("took a beating", "metaphor", "first"), ("took the beating", "evaluation", "own row"),
            ("took a pounding", "metaphor", "second")]
    combined = dict((form, (category, rationale)) for form, category, rationale in with_variants(rows))
    assert combined["took the beating"] == ("evaluation", "own row")
    assert combined["taking a beating"] == ("metaphor", "first")
    assert combined["taking a pounding"] == ("metaphor", "second")


def test_the_finder_matches_a_variant_with_the_rationale_of_its_idiom():
    listed = dict((form, rationale) for form, _, rationale in lexicon_rows())
    finds = {find["text"]: find for find in find_hype("Without the cut, the rand would have taken another beating.")}
    assert finds["taken another beating"]["rationale"] == listed["took a beating"]


def test_a_verb_added_to_the_table_makes_its_idioms_match_in_every_form(data_copy):
    text = "Critics say the plan will torpedo the recovery."
    assert "torpedo the recovery" not in {find["text"] for find in find_hype(text)}
    with open(data_copy / "hype_lexicon.csv", "a", encoding="utf-8") as handle:
        handle.write('torpedoed the recovery,metaphor,"A war image for a plan that may slow growth."\n')
    clear_caches()
    assert "torpedo the recovery" not in {find["text"] for find in find_hype(text)}
    with open(data_copy / "hype_idiom_verbs.csv", "a", encoding="utf-8") as handle:
        handle.write("torpedo|torpedoes|torpedoed|torpedoing\n")
    clear_caches()
    assert "torpedo the recovery" in {find["text"] for find in find_hype(text)}


@pytest.mark.parametrize("row, problem", [
    ("Take|takes\n", "lower-case forms"),
    ("bleed\n", "lower-case forms"),
    ("took|tooks\n", "'took' is already a form of 'take'"),
])
def test_a_bad_row_of_the_verb_table_is_reported_with_its_line(data_copy, row, problem):
    with open(data_copy / "hype_idiom_verbs.csv", "a", encoding="utf-8") as handle:
        handle.write(row)
    clear_caches()
    with pytest.raises(ValueError, match="hype_idiom_verbs.csv line") as raised:
        verb_forms()
    assert problem in str(raised.value)
