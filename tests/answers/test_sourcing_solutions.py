"""The answers of "Who said it?": attributions in a text, the four kinds of source, and the fact rows behind them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.data_edits import set_cell, set_verdict
from solutions.data.datafiles import clear_caches
from solutions.analyser.reported_speech import reported_speech
from solutions.analyser.unnamed_credits import unnamed_credits
from solutions.chapters.sourcing import (
    CHECKABLE, CLASS_MEANINGS, CLASSES, NOT_CHECKED, SELF_REPORTED, UNVERIFIABLE, VAGUE, accepted_classes,
    attributions, classify_attribution, described_only, organisations_of, register_mentions, speaks_for_itself,
)
from solutions.chapters.sourcing_seeds import (
    attribution_for, class_counts, document_owner, match_facts, seed_attributions, source_owner, split_by_source,
)

#: Every attribution in the seeds, written out by hand from the articles and the fact sheet:
#: (article, paragraph, the credit as it begins, kind, fact rows).
SEED_ATTRIBUTIONS = [
    ("000", 8, "Industry experts estimate", VAGUE, ("COST-01",)),
    ("000", 10, "Meta, another flagship U.S. entity, announced", SELF_REPORTED, ("INV-01a",)),
    ("000", 10, "perceived as", VAGUE, ("INV-01b",)),  # the motive is credited to unnamed perceivers
    ("000", 11, "Analyst Arnaud Bertrand", UNVERIFIABLE, ("ATT-03a", "ATT-03b")),
    ("001", 16, "Microsoft CEO Satya Nadella has publicly acknowledged", CHECKABLE, ("ATT-02",)),
    ("001", 16, "Some investors and AI researchers view", VAGUE, ()),
    ("002", 8, "impressed experts", VAGUE, ()),  # "has impressed experts" (A5): a credit without a verb of speaking
    ("002", 9, "the company\u2019s CEO acknowledges", SELF_REPORTED, ("GPU-07",)),
    # One credit, two sources, each with its own part of the split row ATT-09: counted and classified apart.
    ("003", 5, "Industry experts from Microsoft and Benchmark are urging", CHECKABLE, ("ATT-09a",)),
    ("003", 5, "Industry experts from Microsoft and Benchmark are urging", UNVERIFIABLE, ("ATT-09b",)),
    ("003", 7, "reportedly", VAGUE, ("ATT-07",)),
    ("003", 7, "Investment firm Geiger Capital noted", UNVERIFIABLE, ("COST-07", "ATT-04")),
    ("003", 9, "In third-party benchmark tests", VAGUE, ("TECH-07",)),
    ("003", 11, "Meta CEO Mark Zuckerberg has announced", SELF_REPORTED, ("INV-02a",)),  # not the motive, INV-02b
    ("003", 11, "Microsoft CEO Satya Nadella", CHECKABLE, ("ATT-02",)),
    ("003", 11, "AI researcher Jeffrey Hinton points", UNVERIFIABLE, ("ATT-05a", "ATT-05b")),  # the label and the claim
    ("003", 11, "industry experts highlight", VAGUE, ()),
    ("003", 13, "Analysts project", VAGUE, ("INV-03",)),
    ("003", 13, "Scale AI founder Alexander Wang", CHECKABLE, ("ATT-06a", "ATT-06b")),
    ("004", 7, "Marc Andreessen", CHECKABLE, ("ATT-01",)),
    ("004", 10, "DeepSeek's engineers revealed", SELF_REPORTED, ("GPU-02",)),
    ("004", 13, "Experts believe", VAGUE, ()),
    ("004", 15, "OpenAI announced", SELF_REPORTED, ("DATE-03",)),
    ("004", 15, "reportedly", VAGUE, ("DATE-04",)),
    ("004", 18, "Some US lawmakers", VAGUE, ("OTH-09",)),  # the fact sheet names the lawmakers the article does not
    ("004", 18, "experts argue", VAGUE, ()),
]


def _rows(table):
    return [(r.article_id, r.paragraph, r.credit, r["class"], r.claim_ids) for _, r in table.iterrows()]


def test_every_seed_attribution_is_found_classified_and_matched():
    assert _rows(seed_attributions()) == SEED_ATTRIBUTIONS


def test_no_named_seed_source_is_left_unchecked_and_counts_add_up():
    table = seed_attributions()
    assert NOT_CHECKED not in set(table["class"])
    counts = class_counts(table)
    assert list(counts.columns) == list(CLASSES) and list(counts.index) == ["000", "001", "002", "003", "004"]
    assert counts.to_numpy().sum() == len(table)
    assert counts.loc["003"].to_dict() == {CHECKABLE: 3, UNVERIFIABLE: 3, VAGUE: 4, SELF_REPORTED: 1}
    assert counts.loc["002"].to_dict() == {CHECKABLE: 0, UNVERIFIABLE: 0, VAGUE: 1, SELF_REPORTED: 1}


def test_the_six_million_is_vague_in_the_article_and_traced_to_deepseek():
    row = attribution_for("COST-01")
    assert row["class"] == VAGUE and row["traced_to"] == "DeepSeek"
    assert row["sources"][0].startswith("DeepSeek-V3 Technical Report")
    assert source_owner("COST-01") == "DeepSeek" and source_owner("DATE-03") == "OpenAI"
    assert source_owner("INV-03") is None  # Bain is not DeepSeek
    assert source_owner("ATT-05b") is None  # no source found
    assert document_owner("DeepSeek R1 release note") == "DeepSeek" and document_owner("Fortune") is None
    with pytest.raises(KeyError):
        attribution_for("MKT-03")


# --- the rule ---------------------------------------------------------------------------------------------

FOUND = {"verdict": "accurate", "source_title": "Windows Central", "source_date": "2025-01"}
MISATTRIBUTED = {"verdict": "misattributed", "source_title": "NBC Miami", "source_date": "2025-01-23"}
NOT_FOUND = {"verdict": "unverifiable", "source_title": "(none found)", "source_date": "n/a"}
NO_SOURCE_TITLE = {"verdict": "accurate", "source_title": "n/a", "source_date": "n/a"}
SOURCE = {"source_title": "CNBC", "source_date": "2025-01-23"}


@pytest.mark.parametrize("named, own, facts, kind", [
    (False, False, [FOUND], VAGUE),              # nobody named: vague, whatever the fact sheet found
    (False, True, [NOT_FOUND], VAGUE),
    (True, True, [NOT_FOUND], SELF_REPORTED),    # a company on itself, checkable or not
    (True, True, [], SELF_REPORTED),
    (True, False, [FOUND], CHECKABLE),
    (True, False, [MISATTRIBUTED], CHECKABLE),   # checkable is not the same as right
    (True, False, [FOUND, NOT_FOUND], UNVERIFIABLE),
    (True, False, [NO_SOURCE_TITLE], UNVERIFIABLE),
    (True, False, [], NOT_CHECKED),              # nobody has looked: not "unverifiable"
])
def test_the_rule_asks_its_questions_in_order(named, own, facts, kind):
    assert classify_attribution({"named": named, "own_work": own}, facts) == kind


def test_a_changed_verdict_changes_the_kind(data_copy):
    assert attribution_for("ATT-06b")["class"] == CHECKABLE
    set_verdict(data_copy, "ATT-06b", "unverifiable")
    clear_caches()
    assert attribution_for("ATT-06b")["class"] == UNVERIFIABLE


def test_a_changed_source_changes_what_the_vague_credit_is_traced_to(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "COST-01", "source_title", "Bain & Company Global Technology Report")
    clear_caches()
    assert attribution_for("COST-01")["traced_to"] is None


def test_a_person_without_an_organisation_cannot_self_report(data_copy):
    assert attribution_for("GPU-07")["class"] == SELF_REPORTED
    set_cell(data_copy, "people.csv", "name", "Mark Zuckerberg", "affiliations", "")
    clear_caches()
    row = seed_attributions().set_index("credit").loc["Meta CEO Mark Zuckerberg has announced"]
    assert row["class"] == SELF_REPORTED  # "Meta CEO" still names his company
    assert organisations_of("Mark Zuckerberg") == ()


# --- reported speech ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, subject, role", [
    ("Investment firm Geiger Capital noted that costs fell.", "Investment firm Geiger Capital", None),
    ("Even so, the company's CEO acknowledges that chips are scarce.", "the company's CEO", None),
    ("Industry experts from Microsoft and Benchmark are urging caution.",
     "Industry experts from Microsoft and Benchmark", None),
    ("Microsoft CEO Satya Nadella has publicly acknowledged the work.", "Microsoft CEO Satya Nadella", None),
    ("AI researcher Jeffrey Hinton points to education.", "AI researcher Jeffrey Hinton", None),
    ("Meta, another flagship U.S. entity, announced a plan.", "Meta", "another flagship U.S. entity"),
])
def test_reported_speech_finds_named_subjects(text, subject, role):
    (found,) = reported_speech(text)
    assert found["subject"] == subject and found["role"] == role
    assert text[found["start"]:found["end"]] == found["text"] and found["text"].startswith(subject)


@pytest.mark.parametrize("text", [
    "The success of DeepSeek suggests that open models win.",       # the subject is "the success"
    "Concerns grew about whether the United States can keep up.",    # "States" is not a verb
    "Nadella praised the model, urging the industry to take it seriously.",  # a participle, no subject
    "Experts say the model is cheap.",                               # vague: left to vague_attributions
    "The weather said nothing.",                                     # no name, no role
    "DeepSeek points out the obvious.",                              # "points" needs "to"
])
def test_reported_speech_ignores_what_is_not_a_named_source(text):
    assert [found["subject"] for found in reported_speech(text)] == []


def test_a_possessive_description_resolves_to_the_organisation_named_before():
    text = "Nvidia said its chips were used. The company's chief executive told reporters that sales rose."
    items = attributions(text)
    assert [item["speaker"] for item in items] == ["Nvidia", "Nvidia"]
    assert [item["own_work"] for item in items] == [True, False]


# --- speaking for itself ------------------------------------------------------------------------------------

@pytest.mark.parametrize("organisations, rest, verb, own", [
    (["DeepSeek"], " that chip scarcity slows DeepSeek down", "acknowledges", True),     # names itself
    (["DeepSeek"], " that their new model used 2,000 Nvidia chips", "revealed", True),  # "their" before Nvidia
    (["Microsoft"], " DeepSeek's achievements, urging the industry to take its advances seriously", "noted", False),
    (["Meta"], " plans to invest $65 billion in AI", "announced", True),               # announces, no one else
    (["Meta"], " that DeepSeek had released a model", "announced", False),
    (["Scale AI"], " DeepSeek could change everything", "suggests", False),
    ([], " that their model is cheap", "revealed", False),                              # no organisation
    (["OpenAI"], " its new system, OpenAI o3", "announced", True),
])
def test_speaks_for_itself(organisations, rest, verb, own):
    assert speaks_for_itself(organisations, rest, verb) is own


def test_organisations_come_from_the_register_and_the_phrase():
    assert organisations_of("Satya Nadella") == ("Microsoft",)
    assert organisations_of("DeepSeek") == ("DeepSeek", "High-Flyer")
    assert organisations_of(None, "Meta CEO Mark Zuckerberg") == ("Meta",)
    assert organisations_of("Geoffrey Hinton") == ()
    assert [name for _, _, name, _ in register_mentions("Jeffrey Hinton ran benchmark tests for Benchmark.")] == [
        "Geoffrey Hinton", "Benchmark"]


# --- attributions in any text ---------------------------------------------------------------------------

def test_a_teachers_sentence():
    text = ('Experts say the chatbot cost almost nothing. AI researcher Jeffrey Hinton told the BBC it would '
            '"change the world".')
    items = attributions(text)
    assert [(item["kind"], item["credit"]) for item in items] == [
        ("vague", "Experts say"), ("quote", "AI researcher Jeffrey Hinton")]
    assert items[1]["speaker"] == "Jeffrey Hinton" and items[1]["quote"] == "change the world"
    assert [classify_attribution(item) for item in items] == [VAGUE, NOT_CHECKED]


def test_a_hedge_inside_a_quote_is_counted_once():
    items = attributions("Meta employees reportedly entered 'panic mode' after the launch.")
    assert [(item["kind"], item["credit"], item["named"]) for item in items] == [("quote", "reportedly", False)]


def test_wang_fits_exactly_one_kind_by_the_sharpened_definitions():
    """A19: the record was found (CNBC reports the view as his), so Wang is checkable and nothing else."""
    row = attribution_for("ATT-06b")
    assert row["class"] == CHECKABLE and row["classes"] == (CHECKABLE,)
    assert "in any words" in CLASS_MEANINGS[UNVERIFIABLE] and "record" in CLASS_MEANINGS[CHECKABLE]


@pytest.mark.parametrize("named, facts, kinds", [
    (True, [{"verdict": "rounded", "also": ("misattributed",), **SOURCE}], (CHECKABLE,)),
    (True, [{"verdict": "rounded", "also": ("unverifiable",), **SOURCE}], (CHECKABLE, UNVERIFIABLE)),
    (True, [{"verdict": "unverifiable", "also": ("conflated",), **SOURCE}], (UNVERIFIABLE, CHECKABLE)),
    (True, [{"verdict": "unverifiable", "also": (), **SOURCE}], (UNVERIFIABLE,)),
    (True, [{"verdict": "accurate", "also": "rounded; unverifiable", **SOURCE}], (CHECKABLE, UNVERIFIABLE)),
    (True, [{"verdict": "accurate", **SOURCE}], (CHECKABLE,)),  # a row without the column
    (False, [{"verdict": "rounded", "also": ("unverifiable",), **SOURCE}], (VAGUE,)),
])
def test_accepted_classes_follow_the_also_verdicts(named, facts, kinds):
    assert accepted_classes({"named": named, "own_work": False}, facts) == kinds


def test_an_also_verdict_in_the_data_adds_a_kind(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "ATT-06b", "also", "misattributed;unverifiable")
    clear_caches()
    assert attribution_for("ATT-06b")["classes"] == (CHECKABLE, UNVERIFIABLE)


@pytest.mark.parametrize("text, credit", [
    ("Meanwhile, the v3 model has impressed experts with its speed.", "impressed experts"),
    ("The launch stunned researchers.", "stunned researchers"),
    ("In third-party benchmark tests, the model won.", "In third-party benchmark tests"),
    ("according to independent studies, it is cheap", "according to independent studies"),
    ("a move perceived as a reaction", "perceived as"),
    ("It was widely perceived as a threat.", "widely perceived as"),
])
def test_credits_without_a_verb_of_speaking_are_vague(text, credit):
    assert unnamed_credits(text)[0]["text"] == credit
    assert [(item["kind"], item["credit"], item["named"]) for item in attributions(text)] == [("vague", credit, False)]


@pytest.mark.parametrize("text", [
    "The model impressed with its speed.", "In benchmark tests, it won.", "Experts were named in tests.",
    "The results impressed Satya Nadella.", "It was perceived by Meta.", "stunning Silicon Valley and Wall Street",
])
def test_named_or_ordinary_wording_is_not_an_unnamed_credit(text):
    assert unnamed_credits(text) == []


def test_a_vague_credit_is_not_matched_to_the_rest_of_its_sentence():
    """002 ¶8: the chips after the comma are the writer's claim (GPU-05), not what the experts said."""
    row = seed_attributions().set_index(["article_id", "credit"]).loc[("002", "impressed experts")]
    assert row["claim_ids"] == () and row["traced_to"] is None


def test_fact_rows_are_matched_in_three_steps():
    rows = seed_attributions().set_index(["article_id", "paragraph", "credit"], drop=False)
    first = rows.loc[("000", 8, "Industry experts estimate")]
    assert match_facts("000", first, 8) == ["COST-01"]  # not COST-08, later in the same sentence
    second = rows.loc[("004", 10, "DeepSeek's engineers revealed")]
    assert match_facts("004", second, 10) == ["GPU-02"]  # the claim the engineers revealed
    hinton = rows.loc[("003", 11, "AI researcher Jeffrey Hinton points")]
    assert match_facts("003", hinton, 11) == ["ATT-05a", "ATT-05b"]  # the label, and the claim in its clause
    meta = rows.loc[("000", 10, "Meta, another flagship U.S. entity, announced")]
    assert match_facts("000", meta, 10) == ["INV-01a"]  # not the motive after the dash (INV-01b)
    third = rows.loc[("001", 16, "Microsoft CEO Satya Nadella has publicly acknowledged")]
    assert match_facts("001", third, 16) == ["ATT-02"]  # the register's row for Nadella, which lists 001
    assert match_facts("002", {"credit": "Nobody at all", "sentence": "Nobody at all said so."}, 9) == []


@pytest.mark.parametrize("value", [None, 5, "", b"text", ["a"]])
def test_non_text_gives_nothing(value):
    assert attributions(value) == [] and reported_speech(value) == [] and register_mentions(value) == []


PIECES = st.sampled_from(list("Aa Zz,.;'\"\u2018\u2019\u201c\u201d-\n") + [
    " said ", " Nadella ", " experts say ", " the company's CEO ", " announced ", " DeepSeek ", " its ",
    " Meta, a firm, ", " reportedly ", " noted that ", " Microsoft CEO "])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join) | st.text(max_size=200))
def test_any_text_gives_attributions_with_valid_spans(text):
    for item in attributions(text):
        assert 0 <= item["start"] < item["end"] <= len(text)
        assert text[item["start"]:item["end"]] == item["credit"]
        assert item["kind"] in ("quote", "reported", "vague")
        assert classify_attribution(item) in (*CLASSES, NOT_CHECKED)


def test_a_very_long_sentence_keeps_each_row_small():
    text = "Nadella said, and Meta, a firm, announced that outside experts say " * 400
    items = attributions(text)
    assert len(items) > 400
    assert all(len(item["sentence"]) <= len(item["credit"]) + 800 for item in items)
    assert {item["kind"] for item in items} == {"reported", "vague"}


def test_an_empty_register_names_nobody(data_copy):
    (data_copy / "people.csv").write_text(
        (data_copy / "people.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    clear_caches()
    assert register_mentions("Satya Nadella of Microsoft") == []
    assert organisations_of("Satya Nadella", "Microsoft CEO Satya Nadella") == ()


def test_the_sentence_offset_points_at_the_credit():
    text = "Reportedly, it worked. Analysts said it worked, and reportedly it did."
    for item in attributions(text):
        at = item["start"] - item["sentence_start"]
        assert item["sentence"][at:at + len(item["credit"])] == item["credit"]
    assert [item["credit"] for item in attributions(text)][-1] == "reportedly"


# --- one credit, several sources; a source given only by its role ---------------------------------------------

def test_a_credit_naming_two_sources_is_split_by_the_fact_rows_parts():
    experts = {"credit": "Industry experts from Microsoft and Benchmark are urging"}
    assert split_by_source(experts, ["ATT-09a", "ATT-09b"]) == [("Microsoft", ("ATT-09a",)),
                                                               ("Benchmark", ("ATT-09b",))]
    # One speaker's label and claim stay together; rows that are not parts of one row are not split.
    assert split_by_source({"credit": "AI researcher Jeffrey Hinton points"}, ["ATT-05a", "ATT-05b"]) == []
    assert split_by_source(experts, ["ATT-09a", "ATT-02"]) == []
    assert split_by_source(experts, ["ATT-09a"]) == []
    rows = seed_attributions()
    parts = rows[rows["part"].notna()]
    assert list(zip(parts["part"], parts["claim_ids"], parts["class"])) == [
        ("Microsoft", ("ATT-09a",), CHECKABLE), ("Benchmark", ("ATT-09b",), UNVERIFIABLE)]


def test_the_split_follows_the_fact_sheet(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "ATT-09b", "part_of", "")
    clear_caches()
    row = attribution_for("ATT-09a")
    assert row["part"] is None and row["claim_ids"] == ("ATT-09a", "ATT-09b") and row["class"] == UNVERIFIABLE


def test_the_microsoft_part_follows_its_verdict(data_copy):
    set_verdict(data_copy, "ATT-09a", "unverifiable")
    clear_caches()
    assert attribution_for("ATT-09a")["class"] == UNVERIFIABLE
    assert class_counts().loc["003", UNVERIFIABLE] == 4


def test_a_source_given_only_by_its_role_is_also_vague():
    ceo = {"named": True, "own_work": True, "credit": "the company\u2019s CEO acknowledges", "speaker": "DeepSeek"}
    assert described_only(ceo)
    assert accepted_classes(ceo, [FOUND]) == (SELF_REPORTED, VAGUE)
    named = {"named": True, "own_work": False, "credit": "Microsoft CEO Satya Nadella said", "speaker": "Satya Nadella"}
    assert not described_only(named) and accepted_classes(named, [FOUND]) == (CHECKABLE,)
    assert not described_only({"named": False, "credit": "the company\u2019s experts said", "speaker": None})
    assert attribution_for("GPU-07")["classes"] == (SELF_REPORTED, VAGUE)
    assert all(VAGUE not in row.classes[1:] for row in seed_attributions().itertuples()
               if row.claim_ids != ("GPU-07",))
