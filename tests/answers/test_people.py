"""Who is who: the people register, misspelled names and labels the fact sheet does not support."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.data_edits import set_cell
from solutions import article_ids, article_text
from solutions.data.datafiles import clear_caches
from solutions.data.facts import fact, has_source
from solutions.analyser.roles import role_heads
from solutions.chapters.people import PROBLEMS, TakenSpans, check_names, edit_distance, is_close_spelling
from solutions.data.people import is_misspelling, load_people, person

FLAG_KEYS = {"text", "start", "end", "problem", "canonical", "role_given", "role_known", "claim_id", "message"}

#: Every flag on the five seeds, by hand: (problem, flagged text, fact row).
SEED_FLAGS = {
    "000": [("mislabelled", "Analyst Arnaud Bertrand", "ATT-03a")],  # a loose label: rounded, not false
    "001": [],
    "002": [],
    "003": [("unverified_role", "Investment firm Geiger Capital", "ATT-04"),
            ("misspelled", "Jeffrey Hinton", "ATT-05a"),  # "AI researcher" is right (ATT-05a): no label flag
            ("misspelled", "Alexander Wang", "ATT-06a")],
    "004": [],  # "a prominent venture capitalist" is right (ATT-01)
}


def flags(text: str) -> list[tuple[str, str]]:
    return [(flag["problem"], flag["text"]) for flag in check_names(text)]


# --- the register -------------------------------------------------------------------------------------

def test_register_has_the_documented_columns_and_kinds():
    people = load_people()
    assert list(people.columns) == ["name", "kind", "role", "role_status", "claim_id", "affiliations", "role_words",
                                    "roles_contradicted", "variants", "roles_given", "note"]
    assert people["name"].is_unique
    assert set(people["kind"]) <= {"person", "organisation", "unknown"}
    assert set(people["role_status"]) == {"sourced", "unverifiable"}
    assert people["note"].notna().all() and people["roles_given"].notna().all()


@pytest.mark.parametrize("name", [
    "Liang Wenfeng", "Marc Andreessen", "Satya Nadella", "Geoffrey Hinton", "Alexandr Wang", "Arnaud Bertrand",
    "Geiger Capital", "Mark Zuckerberg", "DeepSeek", "High-Flyer", "Nvidia", "Meta", "OpenAI", "Microsoft"])
def test_register_includes_everyone_the_brief_names(name):
    assert person(name)["name"] == name


def test_every_row_traces_to_a_fact_row_and_sourced_roles_have_a_source():
    for row in load_people().itertuples():
        fact_row = fact(row.claim_id)  # raises KeyError for an unknown claim id
        if row.role_status == "sourced":
            assert has_source(fact_row), row.name
        else:
            assert row.role.startswith("unverifiable"), row.name


def test_unverifiable_rows_follow_the_fact_sheet():
    people = load_people().set_index("name")
    for name in people.index:
        verdict = str(fact(people.loc[name, "claim_id"])["verdict"])
        assert (people.loc[name, "role_status"] == "unverifiable") == (verdict == "unverifiable"), name
    assert people.loc["Geiger Capital", "role_status"] == "unverifiable"


@pytest.mark.parametrize("name, claim_id", [
    ("Marc Andreessen", "ATT-01"), ("Geoffrey Hinton", "ATT-05a"), ("Alexandr Wang", "ATT-06a"),
    ("Arnaud Bertrand", "ATT-03a"), ("Mark Zuckerberg", "INV-02a"), ("Benchmark", "ATT-09b")])
def test_roles_rest_on_the_version_2_rows(name, claim_id):
    """A15: the labels the fact sheet now sources (ATT-01, ATT-05a) are sourced in the register too."""
    assert person(name)["claim_id"] == claim_id
    row = fact(claim_id)
    assert has_source(row) or row["verdict"] == "unverifiable"


def test_every_variant_is_a_spelling_seen_in_the_seeds():
    seeds = " ".join(" ".join(article_text(a).split()) for a in article_ids())
    for row in load_people().itertuples():
        for variant in row.variants.split("|"):
            assert variant in seeds, (row.name, variant)


def test_person_accepts_variants_case_spacing_and_possessives():
    assert person("Jeffrey Hinton")["name"] == "Geoffrey Hinton"
    assert person("  alexander   WANG ")["name"] == "Alexandr Wang"
    assert person("Geoffrey Hinton's")["name"] == "Geoffrey Hinton"
    assert person("NVIDIA")["name"] == "Nvidia"
    hinton = person("Geoffrey Hinton")
    assert hinton["variants"] == ["Jeffrey Hinton"] and hinton["claim_id"] == "ATT-05a"
    assert isinstance(hinton["roles_given"], list)
    assert person("Hinton") is None and person("") is None and person(None) is None and person("Sam Altman") is None


# --- the seeds ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("article_id", sorted(SEED_FLAGS))
def test_seed_flags_match_the_hand_written_table(article_id):
    found = [(f["problem"], f["text"], f["claim_id"]) for f in check_names(article_text(article_id))]
    assert found == SEED_FLAGS[article_id]


def test_flags_have_the_documented_keys_and_valid_offsets():
    for article_id in article_ids():
        text = article_text(article_id)
        for flag in check_names(text):
            assert set(flag) == FLAG_KEYS
            assert text[flag["start"]:flag["end"]] == flag["text"]
            assert flag["problem"] in PROBLEMS
            assert flag["claim_id"] in flag["message"]


def test_misspelled_flags_name_the_canonical_spelling():
    wang = next(f for f in check_names(article_text("003")) if f["text"] == "Alexander Wang")
    assert wang["canonical"] == "Alexandr Wang" and "Alexandr Wang" in wang["message"]
    assert wang["role_given"] == "Scale AI founder"


def test_unverified_means_no_source_never_false():
    for article_id in article_ids():
        for flag in check_names(article_text(article_id)):
            if flag["problem"] == "unverified_role":
                assert "not false" in flag["message"] or "not that the label is false" in flag["message"]


def test_mislabelled_message_says_what_the_source_has():
    bertrand = check_names(article_text("000"))[0]
    assert bertrand["role_given"] == "Analyst"
    assert "entrepreneur" in bertrand["role_known"] and "entrepreneur" in bertrand["message"]
    assert "Startupticker" in bertrand["message"]  # the fact row's source, read from facts.csv


# --- text written for these tests ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Geoffrey Hinton spoke.", "Alexandr Wang said so.", "Microsoft CEO Satya Nadella said.",
    "Meta CEO Mark Zuckerberg posted.", "Geoffrey Hinton's warning.", "Alexandr\nWang, CEO of Scale AI, said.",
    "Satya Nadella, Microsoft's chief executive, said.", "DeepSeek founder and chief executive Liang Wenfeng.",
    "Chinese AI start-up DeepSeek", "DeepSeek, an AI startup based in China, said.", "benchmark tests on meta data",
    "entrepreneur Arnaud Bertrand wrote.", "NVIDIA and Nvidia", "the visionary Liang Wenfeng", "",
    "AI researcher Geoffrey Hinton said.", "Marc Andreessen, a prominent venture capitalist, wrote.",
    "venture capitalist Marc Andreessen", "Scale AI founder Alexandr Wang",
])
def test_correct_spellings_and_supported_labels_are_not_flagged(text):
    assert check_names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Jeffrey Hinton's remarks", [("misspelled", "Jeffrey Hinton")]),
    ("He quoted Jeffrey\nHinton at length.", [("misspelled", "Jeffrey\nHinton")]),
    ("ALEXANDER WANG SPEAKS", [("misspelled", "ALEXANDER WANG")]),
    ("Sathya Nadella said.", [("misspelled", "Sathya Nadella")]),
    ("Mark Zuckerburg posted.", [("misspelled", "Mark Zuckerburg")]),
    ("Liang Wenfang founded it.", [("misspelled", "Liang Wenfang")]),
    ("Analyst Arnaud Bertrand said.", [("mislabelled", "Analyst Arnaud Bertrand")]),
    ("analyst and entrepreneur Arnaud Bertrand", [("mislabelled", "analyst and entrepreneur Arnaud Bertrand")]),
    ("Meta CEO Satya Nadella said.", [("mislabelled", "Meta CEO Satya Nadella")]),
    ("tech billionaire Mark Zuckerberg", [("unverified_role", "tech billionaire Mark Zuckerberg")]),
    ("Marc Andreessen, an analyst, said.", [("unverified_role", "Marc Andreessen, an analyst")]),
    ("Satya Nadella, an analyst, said.", [("unverified_role", "Satya Nadella, an analyst")]),
    ("Investment firm Geiger Capital said.", [("unverified_role", "Investment firm Geiger Capital")]),
    ("venture firm Benchmark agreed", [("unverified_role", "venture firm Benchmark")]),
])
def test_misspellings_and_labels_are_flagged(text, expected):
    assert flags(text) == expected


def test_a_blank_line_separates_two_names():
    assert check_names("He thanked Jeffrey\n\nHinton Street was closed.") == []


def test_two_labels_for_one_name_are_judged_separately():
    assert flags("analyst Arnaud Bertrand and entrepreneur Arnaud Bertrand") == [
        ("mislabelled", "analyst Arnaud Bertrand")]


def test_a_close_spelling_found_by_the_fuzzy_rule_is_hedged():
    flag = check_names("Sathya Nadella said.")[0]
    assert flag["canonical"] == "Satya Nadella" and "could also be a different person" in flag["message"]
    registered = check_names("Jeffrey Hinton said.")[0]
    assert "is a misspelling" in registered["message"]


@pytest.mark.parametrize("written, canonical, close", [
    ("Jeffrey", "Geoffrey", True), ("Alexander", "Alexandr", True), ("Marc", "Mark", True),
    ("Sathya", "Satya", True), ("Geoffrey", "Geoffrey", False), ("GEOFFREY", "Geoffrey", False),
    ("Jeff", "Geoffrey", False), ("Tom", "Alexandr", False), ("Jeffery", "Geoffrey", False), ("Mary", "Mark", True),
])
def test_the_fuzzy_rule(written, canonical, close):
    assert is_close_spelling(written, canonical) is close


def test_edit_distance_and_misspelling_rule():
    assert edit_distance("kitten", "sitting") == 3 and edit_distance("abc", "abc") == 0
    assert edit_distance("a", "abcdefgh", limit=2) == 3
    assert is_misspelling("Jeffrey Hinton", "Geoffrey Hinton")
    assert not is_misspelling("NVIDIA", "Nvidia") and not is_misspelling("High Flyer", "High-Flyer")
    assert not is_misspelling("Hinton", "Geoffrey Hinton")


def test_role_words_are_normalised():
    assert role_heads("DeepSeek founder and chief executive") == ["founder", "ceo"]
    assert role_heads("Co-founder of a start-up laboratory") == ["cofounder", "startup", "lab"]
    assert role_heads("the visionary") == []


# --- answers follow the data ---------------------------------------------------------------------------

def test_renaming_the_canonical_spelling_moves_the_flag(data_copy):
    set_cell(data_copy, "people.csv", "name", "Alexandr Wang", "variants", "Alexandr Wang")
    set_cell(data_copy, "people.csv", "name", "Alexandr Wang", "name", "Alexander Wang")
    clear_caches()
    assert flags("Scale AI founder Alexander Wang said.") == []
    assert flags("Alexandr Wang said.") == [("misspelled", "Alexandr Wang")]


def test_a_role_the_register_accepts_is_no_longer_flagged(data_copy):
    set_cell(data_copy, "people.csv", "name", "Arnaud Bertrand", "roles_contradicted", "")
    clear_caches()
    assert flags("Analyst Arnaud Bertrand said.") == [("unverified_role", "Analyst Arnaud Bertrand")]
    set_cell(data_copy, "people.csv", "name", "Arnaud Bertrand", "role_words", "analyst|entrepreneur")
    clear_caches()
    assert flags("Analyst Arnaud Bertrand said.") == []


def test_a_sourced_role_replaces_unverifiable(data_copy):
    set_cell(data_copy, "people.csv", "name", "Geiger Capital", "role_status", "sourced")
    set_cell(data_copy, "people.csv", "name", "Geiger Capital", "role", "investment firm")
    set_cell(data_copy, "people.csv", "name", "Geiger Capital", "role_words", "firm")
    clear_caches()
    assert flags("Investment firm Geiger Capital said.") == []


def test_a_new_row_is_checked_at_once(data_copy):
    table = pd.read_csv(data_copy / "people.csv", dtype=str, keep_default_na=False)
    row = {column: "" for column in table.columns}
    row.update(name="Dario Amodei", kind="person", role="chief executive of Anthropic", role_status="sourced",
               claim_id="COST-08", role_words="ceo", variants="Dario Amodai", roles_given="none", note="test row")
    pd.concat([table, pd.DataFrame([row])]).to_csv(data_copy / "people.csv", index=False)
    clear_caches()
    assert flags("Dario Amodai wrote.") == [("misspelled", "Dario Amodai")]
    assert flags("Daria Amodei wrote.") == [("misspelled", "Daria Amodei")]
    assert person("dario amodai")["name"] == "Dario Amodei"


def test_messages_read_the_fact_sheet(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "ATT-03a", "source_title", "A newly found profile")
    clear_caches()
    assert "A newly found profile" in check_names("Analyst Arnaud Bertrand")[0]["message"]


# --- never raises --------------------------------------------------------------------------------------

@settings(max_examples=250, deadline=None)
@given(st.one_of(st.text(), st.binary().map(lambda data: data.decode("latin-1")),
                 st.lists(st.sampled_from(["Jeffrey", "Geoffrey", " Hinton", "Alexander Wang", "Analyst ", "CEO ",
                                           "Satya Nadella", ", a ", "venture capitalist", "\n", " ", "'s", "Meta",
                                           "and ", "DeepSeek", "Mark", "Zuckerburg", "\u0130", ",", ".", "\ud800"]))
                 .map("".join)))
def test_any_text_gives_flags_never_an_exception(text):
    for flag in check_names(text):
        assert set(flag) == FLAG_KEYS
        assert 0 <= flag["start"] < flag["end"] <= len(text)
        assert text[flag["start"]:flag["end"]] == flag["text"]
        assert flag["problem"] in PROBLEMS


def test_non_text_gives_no_flags():
    assert check_names(None) == [] and check_names(b"Jeffrey Hinton") == []


# --- many mentions ---------------------------------------------------------------------------------------

def test_every_one_of_many_close_spellings_is_flagged():
    text = "Geoffrey Hinton and Geofrey Hinton met. " * 3000
    flags = check_names(text)
    assert len(flags) == 3000
    assert {(flag["problem"], flag["text"]) for flag in flags} == {("misspelled", "Geofrey Hinton")}


class _FlatSpans:
    """Claimed spans in one sorted list: the plain version of the overlap test."""

    def __init__(self, spans):
        self.spans = sorted(spans)

    def overlaps(self, start, end):
        return any(span_start < end and start < span_end for span_start, span_end in self.spans)

    def add(self, start, end):
        self.spans = sorted(self.spans + [(start, end)])


class _SmallChunks(TakenSpans):
    _CHUNK = 2  # small chunks, so that additions split them


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(1, 6)), max_size=30),
       st.lists(st.tuples(st.integers(0, 300), st.integers(1, 8)), max_size=120))
def test_claimed_spans_answer_like_one_sorted_list(gaps, questions):
    initial, position = [], 0
    for gap, length in gaps:  # claimed spans never overlap
        initial.append((position + gap, position + gap + length))
        position += gap + length
    chunked, flat = _SmallChunks(list(reversed(initial))), _FlatSpans(initial)
    for start, length in questions:
        assert chunked.overlaps(start, start + length) == flat.overlaps(start, start + length)
        if not flat.overlaps(start, start + length):
            chunked.add(start, start + length)
            flat.add(start, start + length)
    assert [span for chunk in chunked.chunks for span in chunk] == flat.spans
