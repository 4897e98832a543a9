"""Finding figures in running text, by the labelling conventions (on text written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solutions.analyser.figure_context import KIND_PRIORITY, SentenceCues, kind_from_context
from solutions.analyser.figures import CONTEXT_LIMIT, COLUMNS, KINDS, UNITS, extract_figures


def found(text: str) -> list[tuple]:
    table = extract_figures(text)
    return list(zip(table["text"], table["value"], table["unit"], table["kind"]))


@pytest.mark.parametrize("text, expected", [
    ("Nvidia shares plunged 17% on Monday.", [("17%", 17, "percent", "stock")]),
    ("It wiped out nearly $600 billion in market value.", [("$600 billion", 600e9, "USD", "stock")]),
    ("The stock closed at $118.42.", [("$118.42", 118.42, "USD", "stock")]),
    ("V3 was trained on 2,048 Nvidia H800 GPUs.", [("2,048", 2048, "GPU", "gpus")]),
    ("It used 2.788M H800 GPU hours.", [("2.788M", 2.788e6, "GPU-hours", "cost")]),
    ("Renting them costs $2 per GPU hour.", [("$2", 2, "USD", "cost")]),
    ("The model has 671B parameters.", [("671B", 671e9, "parameters", "model_size")]),
    ("It saw 14.8 trillion tokens.", [("14.8 trillion", 14.8e12, "tokens", "other")]),
    ("Meta will spend $60-65 billion on capital expenditures.", [("$60-65 billion", 60e9, "USD", "investment")]),
    ("The app was downloaded 1.6 million times.", [("1.6 million", 1.6e6, "downloads", "downloads")]),
    ("Daily active users rose 110%.", [("110%", 110, "percent", "downloads")]),
    ("It now has 20 million users.", [("20 million", 20e6, "users", "downloads")]),
    ("The global AI market could reach $990 billion.", [("$990 billion", 990e9, "USD", "market_size")]),
    ("His net worth is $1 billion.", [("$1 billion", 1e9, "USD", "other")]),
    ("Engineers earn 1.5 million yuan.", [("1.5 million", 1.5e6, "other", "other")]),
    ("Singapore accounts for 22% of its revenue.", [("22%", 22, "percent", "other")]),
    ("It bought 2.048 GPUs.", [("2.048", 2048, "GPU", "gpus")]),
    ("The model costs three per cent of its rival's price.", [("three per cent", 3, "percent", "cost")]),
    ("It has a million downloads.", [("a million", 1e6, "downloads", "downloads")]),
    ("It has 50,000 GPUs. Fifty thousand!", [("50,000", 5e4, "GPU", "gpus"), ("Fifty thousand", 5e4, "GPU", "gpus")]),
    ("Claude cost \"$10s of millions\" to train.", [("$10s of millions", 1e7, "USD", "cost")]),
    ("Its API is 90%-95% cheaper.", [("90%", 90, "percent", "cost"), ("95%", 95, "percent", "cost")]),
    ("Versions range from 1.5 billion to 70 billion parameters.",
     [("1.5 billion", 1.5e9, "parameters", "model_size"), ("70 billion", 70e9, "parameters", "model_size")]),
    # Case is ignored, and the figure's text keeps the case the article used.
    ("NVIDIA SHARES FELL 17 PER CENT, WIPING US$589 BILLION.",
     [("17 PER CENT", 17, "percent", "stock"), ("US$589 BILLION", 589e9, "USD", "stock")]),
    ("It Has Fifty Thousand GPUs and 2.6 Million Downloads.",
     [("Fifty Thousand", 5e4, "GPU", "gpus"), ("2.6 Million", 2.6e6, "downloads", "downloads")]),
    # A figure at the start of a line is a figure, even after a line that ends on a letter.
    ("DeepSeek buys chips\n2,000 GPUs were bought.", [("2,000", 2000, "GPU", "gpus")]),
    ("Costs per\n$5 million job", [("$5 million", 5e6, "USD", "cost")]),
])
def test_figures_are_found_read_and_classified(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "On January 27, 2025, markets opened late.",          # dates and years
    "Released on 20 January and again in 2023.",
    "The app ranked No. 1, up from No. 31, in the top 10.",  # ranks
    "It took 57 days, or two months, and ten years of work.",  # durations
    "GPT-4o, o1, Llama 3.1, Qwen-72B, H800, R1 and V3 were tested on MATH-500.",  # names with digits
    "As reported [4], the claim stands [1][3].",          # citation markers
    "It was 20 times faster, a 10x gain.",                 # multipliers
    "It topped charts in 51 countries and spawned 500 derivative models.",  # other counts
    "Tech giants spent billions, even hundreds of millions each.",  # vague magnitudes
    "The 22-page paper went up at 9:30 on 12/26.",        # adjectives, times, dates
    "See /media/News/2025/01/28/a32b.png for the image.",  # paths
])
def test_things_that_are_not_figures(text):
    assert found(text) == []


def test_text_is_the_minimal_expression_and_offsets_are_exact():
    text = "DeepSeek said it cost under $6 million, roughly 2.664 million GPU hours."
    table = extract_figures(text)
    assert table["text"].tolist() == ["$6 million", "2.664 million"]
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.sentence == text


def test_columns_and_dtypes():
    table = extract_figures("Nvidia fell 17% and lost $589 billion.")
    assert list(table.columns) == COLUMNS
    assert str(table["value"].dtype) == "float64" and str(table["start"].dtype) == "int64"
    assert table["value_high"].isna().all()


def test_sentence_is_reported_per_figure():
    table = extract_figures("The U.S. market fell 3%. Then Nvidia lost $589 billion in market value.")
    assert table["sentence"].tolist() == ["The U.S. market fell 3%.", "Then Nvidia lost $589 billion in market value."]


@pytest.mark.slow  # 500 examples
@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.binary().map(lambda data: data.decode("latin-1")),
                 st.lists(st.sampled_from(["$5.6 million", " 2,048 GPUs", " 17%", " in 2025", " No. 1", ".",
                                           "\n", " Fifty thousand", " - ", " to ", "[4]", "H800", " ", "x"]))
                 .map("".join)))
def test_any_text_gives_a_table_never_an_exception(text):
    table = extract_figures(text)
    assert list(table.columns) == COLUMNS
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.unit in UNITS and row.kind in KINDS


def test_a_long_sentence_gives_each_figure_a_bounded_window():
    text = "it cost $5 million and " * 40  # one sentence of 920 characters
    table = extract_figures(text)
    assert len(table) == 40 and table["sentence"].str.len().max() <= CONTEXT_LIMIT
    assert table["sentence"][20] == "\u2026$5 million and it cost $5 million and it cost $5 million\u2026"
    assert all(row.text in row.sentence for row in table.itertuples())


def test_a_value_too_large_for_a_float_is_missing_not_infinite():
    table = extract_figures("It was worth $" + "9" * 400 + " billion, or 5%.")
    assert table["value"].isna().tolist() == [True, False] and table["unit"].tolist() == ["USD", "percent"]


def old_nearest_kind(start, end, cues, is_money):
    """The nearest-cue rule as the kit first wrote it: a scan of every cue of the sentence."""
    kinds = [kind for kind in KIND_PRIORITY if not (is_money and kind == "downloads")]
    best = None
    for cue_start, cue_end, kind in cues:
        if kind not in kinds:
            continue
        distance = start - cue_end if cue_end <= start else max(0, cue_start - end)
        if best is None or (distance, kinds.index(kind)) < best[0]:
            best = ((distance, kinds.index(kind)), kind)
    return best[1] if best else None


@st.composite
def cues_and_a_figure(draw):
    """Non-overlapping cues in order, as ``cue_hits`` gives them, and a figure that may overlap some of them."""
    cues, position = [], 0
    for _ in range(draw(st.integers(0, 12))):
        position += draw(st.integers(0, 6))
        length = draw(st.integers(1, 5))
        cues.append((position, position + length, draw(st.sampled_from(KIND_PRIORITY))))
        position += length
    start = draw(st.integers(0, position + 5))
    return cues, start, start + draw(st.integers(1, 8)), draw(st.booleans())


@pytest.mark.slow  # 1,000 examples
@settings(max_examples=1000, deadline=None)
@given(cues_and_a_figure())
def test_the_nearest_cue_by_bisection_is_the_nearest_by_scanning(case):
    cues, start, end, is_money = case
    expected = old_nearest_kind(start, end, cues, is_money)
    assert SentenceCues(cues).nearest_kind(start, end, is_money) == expected
    if expected is not None:
        assert kind_from_context(start, end, SentenceCues(cues), lambda: [], is_money) == expected


def test_with_no_cue_the_neighbouring_sentences_vote():
    before = SentenceCues([(0, 5, "stock"), (10, 15, "downloads"), (20, 25, "downloads")])
    after = SentenceCues([(100, 104, "cost")])
    assert kind_from_context(50, 52, SentenceCues([]), lambda: (before, after)) == "downloads"
    assert kind_from_context(50, 52, SentenceCues([]), lambda: (before, after), is_money=True) == "cost"
    assert kind_from_context(50, 52, SentenceCues([]), lambda: ()) is None


def test_non_text_gives_an_empty_table():
    assert extract_figures(None).empty and extract_figures(b"17%").empty
