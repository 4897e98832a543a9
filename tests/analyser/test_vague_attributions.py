"""Vague attributions: every one in the five seeds, the phrase table, named sources that must not be
flagged, and speaker phrases judged on their own (text written for these tests)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solutions.data.articles import article_text
from solutions.analyser.attribution import (
    Sources, is_vague_source, phrase_rules, proper_names, split_name_run, vague_attributions,
)
from solutions.data.datafiles import clear_caches, read_table

#: Every vague attribution in the five seed articles, in order.
SEED_PHRASES = {
    "000": ["Industry experts estimate"],
    "001": ["Some investors and AI researchers view"],
    "002": [],
    "003": ["reportedly", "industry experts highlight", "Analysts project"],
    "004": ["Experts believe", "reportedly", "Some US lawmakers", "experts argue"],
}


def phrases(text: str) -> list[str]:
    return [found["text"] for found in vague_attributions(text)]


@pytest.mark.parametrize("article", sorted(SEED_PHRASES))
def test_every_seed_vague_attribution_is_found(article):
    assert phrases(article_text(article)) == SEED_PHRASES[article]


def test_seed_offsets_point_at_the_phrases():
    for article in SEED_PHRASES:
        text = article_text(article)
        for found in vague_attributions(text):
            assert text[found["start"]:found["end"]] == found["text"]


def test_experts_from_named_organisations_are_not_vague_in_the_seeds():
    text = article_text("003")
    assert "Industry experts from Microsoft and Benchmark" in text
    assert not any(p.startswith("Industry experts") for p in phrases(text))


# --- the phrase table ----------------------------------------------------------------------------------

def test_the_phrase_table_has_readable_rows_for_teachers():
    table = read_table("vague_attribution_phrases.csv")
    assert list(table.columns) == ["pattern", "anchors", "reach", "kind", "example", "rationale", "confidence",
                                   "check"]
    assert not table.isna().any().any()
    confidence = table["confidence"].astype(float)
    assert ((confidence > 0) & (confidence <= 1)).all()
    assert (table["check"].str.len() > 20).all()
    assert set(table["kind"]) <= {"hedge", "group", "according"}
    assert (table["rationale"].str.len() > 20).all()


@pytest.mark.parametrize("row", read_table("vague_attribution_phrases.csv").itertuples(index=False),
                         ids=lambda row: str(row.example)[:30])
def test_each_rows_example_is_found_through_its_anchors(row):
    pattern = re.compile(rf"\b(?:{row.pattern})(?![\w-])", re.IGNORECASE)
    match = pattern.search(str(row.example))
    assert match, "the example should match the pattern"
    anchors = str(row.anchors).split("|")
    assert any(anchor in match.group(0).casefold() for anchor in anchors), "an anchor must be part of the match"
    found = vague_attributions(str(row.example))
    assert any(f["start"] < match.end() and match.start() < f["end"] for f in found)


@pytest.mark.parametrize("text, expected", [
    ("According to industry experts, the model cost $6 million.", ["According to industry experts"]),
    ("Industry experts estimate the cost at $6 million.", ["Industry experts estimate"]),
    ("The lab reportedly used 50,000 GPUs.", ["reportedly"]),
    ("It was apparently trained on older chips.", ["apparently"]),
    ("Its engineers are said to be recent graduates.", ["are said to"]),
    ("The founder is said to dislike interviews.", ["is said to"]),
    ("Analysts believe the figure is low.", ["Analysts believe"]),
    ("Many in the industry doubt the cost figure.", ["Many in the industry"]),
    ("Insiders expect a price war.", ["Insiders expect"]),
    ("Sources say the deal is done.", ["Sources say"]),
    ("It is what is being described as a Sputnik moment.", ["is being described as"]),
    ("The rumor mill suggests more chips.", ["rumor mill"]),
    ("Whispers in Silicon Valley put the count higher.", ["Whispers"]),
    ("Later, questions were quickly raised about the chips.", ["questions were quickly raised"]),
    ("The demo was slick, but not everyone\u2019s convinced.", ["not everyone\u2019s convinced"]),
    ("Some say the figure is misleading.", ["Some say"]),
    ("Critics argue the rules backfired.", ["Critics argue"]),
    ("It is believed that the lab has more chips.", ["It is believed"]),
    ("Observers note that prices fell.", ["Observers note"]),
    ("A person familiar with the matter confirmed it.", ["person familiar with"]),
    ("One analyst said the cost was understated.", ["One analyst said"]),
    ("By some estimates the lab spent far more.", ["By some estimates"]),
    # an unnamed group doing anything, at the start of a clause
    ("Investors did not wait for the fine print.", ["Investors did not wait"]),
    ("The index fell as investors booked profits in banks.", ["investors booked"]),
    ("There are catches, financial planners warn.", ["financial planners warn"]),
    ("Others were skeptical of the number.", ["Others were skeptical"]),
    # unnamed groups of ordinary people taking a stand, with a capitalised word before them at the opening
    ("Consumer advocates were unmoved by the figures.", ["Consumer advocates were unmoved"]),
    ("Motorists are bracing for another rise next month.", ["Motorists are bracing"]),
    ("Estate agents were delighted with the cut.", ["Estate agents were delighted"]),
    ("Friends say she never fully retired.", ["Friends say"]),
    ("Villagers have vowed to fight the plan.", ["Villagers have vowed"]),
    ("Not everyone in the packed gallery was convinced.", ["Not everyone in the packed gallery was convinced"]),
    ("Not all manufacturers are opposed.", ["Not all manufacturers are opposed"]),
    ("Not everyone agreed with the board.", ["Not everyone agreed"]),
    ("We're told that rent controls choke off building.", ["We're told"]),
    ("A break above $3 could open the door to $3.20, chartists say.", ["chartists say"]),
    ("She pointed to research showing that grants lift prices.", ["research showing"]),
    ("Lisbon, said to value him at \u00a345m, want more.", ["said to value"]),
    # a place or a body before "sources" or "insiders" says where they are, not who they are
    ("Treasury sources insisted the plan was fair.", ["sources insisted"]),
    ("Hospital insiders say the ward is short of nurses.", ["insiders say"]),
    # the outlet's own unnamed sources, passive telling, questions and worries with no owner
    ("The clause can be triggered in January, Goalpost understands.", ["Goalpost understands"]),
    ("Makers of the cable were told that demand would double.", ["were told"]),
    ("The lender also faces questions about its fees.", ["faces questions"]),
    ("The data rekindled worries that rates will stay high.", ["rekindled worries"]),
    ("Two city officials, who spoke on condition of anonymity, said the plan would pass.",
     ["Two city officials, who spoke on condition of anonymity"]),
    # a counted-sounding group of unnamed people, whatever it does and whatever stands between it and its verb
    ("Some investors, however, are questioning the valuation.", ["Some investors"]),
    ("Some motorists aren't waiting for April.", ["Some motorists"]),
    ("Plenty of people on X had declared it over.", ["Plenty of people"]),
    ("Parents backed the plan, though several said it came late.", ["several said"]),
    ("A growing number of developers now use it.", ["A growing number of developers"]),
])
def test_vague_phrases_are_found(text, expected):
    assert phrases(text) == expected


@pytest.mark.parametrize("text", [
    "The app is No. 1 in 51 countries, according to Appfigures.",    # a named source
    "Analysts at Jefferies wrote that the reset was significant.",    # analysts with their firm named
    "Bernstein analysts said the claim was overblown.",               # a firm's analysts
    "The drop was likely due to the new model.",                      # an unsourced causal guess
    "Experts from Microsoft urged caution.",                          # experts with their organisation
    "Sales fell, according to a report published by Hexwatch in October.",  # the report's publisher named
    "The model has empowered developers and researchers worldwide.",  # a group that does nothing here
    '"Investors will welcome the margin story," said Ada Quill.',     # the speaker's words, credited to her
    "The company told its investors nothing new.",                    # a group as an object
    "It enabled other researchers to build on the code.",             # researchers as the object, no claim
    "U.S. officials were investigating the purchases.",               # officials acting, not speaking
    "The open-source model is free, and almost everyone can use it.",  # anchors inside other words
    "Some analysts at Morgan Stanley disagreed.",                     # qualified group with a named firm
    "The Federation of Employers said the rise would cost jobs.",     # a group's word inside a body's name
    "Renters made up 7% of the households in the study.",             # people counted, taking no stand
    "It is not all doom for the sector.",                             # "not all" that credits no one
    '"We were told we had a lead," Ana Silva said.',                  # the speaker's own words, credited to her
    "The levy hit some 3,000 residents.",                              # "some" before a number is "about"
    "The fund returned 5% to most investors.",                        # a group as an object
    "Rents rose so fast that so few renters can save a deposit.",     # "so few": a degree, not a source
])
def test_named_sources_and_non_attributions_are_not_flagged(text):
    assert phrases(text) == []


def test_overlapping_phrases_are_reported_once():
    text = "According to some industry experts, it is widely believed to be cheap."
    assert phrases(text) == ["According to some industry experts", "it is widely believed"]


def test_the_phrase_list_is_read_from_the_data_folder(data_copy):
    path = data_copy / "vague_attribution_phrases.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    extra = {"pattern": "chinese whispers", "anchors": "chinese whispers", "reach": "0", "kind": "hedge",
             "example": "Chinese whispers say so", "rationale": "A test row: gossip passed along with no source."}
    pd.concat([table, pd.DataFrame([extra])]).to_csv(path, index=False)
    clear_caches()
    assert len(phrase_rules()) == len(table) + 1
    assert "Chinese whispers" in phrases("It was Chinese whispers all along.")


# --- speaker phrases on their own ----------------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "one analyst", "a person familiar with the matter", "experts", "they", "critics", "Industry experts",
    "some investors", "people close to the company", "an official", "the analysts", "sources", "",
])
def test_unnamed_speakers_are_vague(phrase):
    assert is_vague_source(phrase)


@pytest.mark.parametrize("phrase", [
    "Nvidia", "Analyst Arnaud Bertrand", "analysts at Jefferies", "a Nvidia spokesperson", "he", "it",
    "the company", "Bernstein analysts", "Microsoft CEO Satya Nadella", "MTI",
])
def test_named_speakers_are_not_vague(phrase):
    assert not is_vague_source(phrase)


# --- properties -----------------------------------------------------------------------------------------

_PIECES = st.sampled_from(["experts", " say ", "According to ", "reportedly", " is said to ", "Analysts",
                           " at Jefferies", "many in the industry", "\u2019", "'", "-", "\n", "İ", "ß", " ", ",",
                           "some", "questions were raised", "rumor mill", "\ud800", "open-source"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join))
def test_never_raises_and_offsets_are_valid(text):
    found = vague_attributions(text)
    previous_end = 0
    for phrase in found:
        assert set(phrase) == {"text", "start", "end", "confidence", "check"}
        assert previous_end <= phrase["start"] < phrase["end"] <= len(text)
        assert text[phrase["start"]:phrase["end"]] == phrase["text"]
        previous_end = phrase["end"]
    assert isinstance(is_vague_source(text), bool)


@pytest.mark.parametrize("value", [None, 3.5, b"experts say", ""])
def test_non_text_and_empty_input_give_nothing(value):
    assert vague_attributions(value) == []


# --- long runs of names and many descriptions -------------------------------------------------------------

def test_long_runs_of_generic_words_and_connectors_are_trimmed_whole():
    assert proper_names("The " * 3000 + "Nvidia said") == ["Nvidia"]
    run = "Of " * 3000 + "Nvidia" + " Of" * 3000
    assert split_name_run(run) == (("Nvidia", 9000, 9006),)
    assert split_name_run("Ministry of Trade and Industry") == (("Ministry of Trade and Industry", 0, 30),)
    assert split_name_run("Dan Ives of Wedbush") == (("Dan Ives", 0, 8), ("Wedbush", 12, 19))


def test_descriptions_resolve_the_same_when_walks_back_through_the_names_are_remembered():
    # "the company" sends the analyser back through up to 140 names; the steps are remembered across quotes,
    # which must not change where any description points.
    unit = "Nvidia and Meta Platforms rose. Baidu fell. \u201cYes,\u201d the company said. Alibaba said no. "
    text = unit * 60
    shared = Sources(text)
    for position in range(len(unit) - 1, len(text), len(unit) * 7):
        for head in ("company", "firm", "report"):
            assert shared.resolve_description(head, position) == Sources(text).resolve_description(head, position)
        assert shared.main_organisation(position) == Sources(text).main_organisation(position)
