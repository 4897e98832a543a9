"""Provenance signals: untraceable citation markers, AI notices, missing bylines and dates, and a company's
own figures passed off as independent estimates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.data_edits import set_cell, set_reference
from solutions import article_ids, article_text
from solutions.data.datafiles import clear_caches
from solutions.analyser.provenance import find_byline, find_date, has_source_list
from solutions.chapters.provenance import (
    SIGNALS, Digits, article_provenance, matches_rounded, provenance_signals, self_reported_figures,
)

SIGNAL_KEYS = {"signal", "text", "start", "end", "message"}

#: Which seed shows which signal, by hand, with the metadata of articles.csv (article_provenance).
SEED_SIGNALS = {
    "000": ["self_reported_as_independent", "ai_rewrite_notice", "missing_byline", "missing_date"],
    "001": ["missing_byline", "missing_date"],
    "002": ["missing_byline", "missing_date"],
    "003": ["citation_markers_without_sources", "missing_byline"],
    "004": ["missing_date"],
}
#: The same from the text alone: seed 003's dateline and seed 004's "By ..." line are found in the text.
SEED_SIGNALS_FROM_TEXT = SEED_SIGNALS


def kinds(text: str, byline: str | None = "Jane Doe", date: str | None = "2025-01-27") -> list[str]:
    return [signal["signal"] for signal in provenance_signals(text, byline=byline, date=date)]


# --- the seeds ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("article_id", sorted(SEED_SIGNALS))
def test_seed_signals_match_the_hand_written_table(article_id):
    assert [s["signal"] for s in article_provenance(article_id)] == SEED_SIGNALS[article_id]
    assert [s["signal"] for s in provenance_signals(article_text(article_id))] == SEED_SIGNALS_FROM_TEXT[article_id]


def test_signals_have_the_documented_keys_and_valid_offsets():
    for article_id in article_ids():
        text = article_text(article_id)
        for signal in article_provenance(article_id):
            assert set(signal) == SIGNAL_KEYS and signal["signal"] in SIGNALS
            if signal["start"] == -1:
                assert signal["end"] == -1 and signal["text"] == ""
            else:
                assert text[signal["start"]:signal["end"]] == signal["text"]


def test_seed_000_industry_experts_and_ai_note():
    signals = {s["signal"]: s for s in article_provenance("000")}
    cost = signals["self_reported_as_independent"]
    assert cost["text"] == "$6 million"
    assert "Industry experts" in cost["message"] and "COST-01" in cost["message"] and "COST-09" in cost["message"]
    notice = signals["ai_rewrite_notice"]
    assert notice["text"] == "rewritten using AI" and "no link" in notice["message"]


def test_seed_003_markers_point_nowhere():
    signal = article_provenance("003")[0]
    assert signal["text"] == "[4]" and "[1] to [7]" in signal["message"] and "Bronnen" in signal["message"]


def test_seed_004_photo_caption_does_not_date_the_article():
    assert find_date(article_text("004")) is None
    start, end = find_byline(article_text("004"))
    assert article_text("004")[start:end] == "Alana Salsabila and Laila Azzahra"


def test_seed_003_dateline_is_found():
    start, end = find_date(article_text("003"))
    assert article_text("003")[start:end] == "2025-01-26"


# --- citation markers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("DeepSeek spent little [1]. Nvidia fell [2].", True),
    ("DeepSeek spent little [1].\n\nSources\n\nAI model US market", True),
    ("DeepSeek spent little [1].\n\nReferences:", True),
    ("DeepSeek spent little [1].\n\nSources\n\n[1] Reuters, 29 January 2025", False),
    ("DeepSeek spent little [1].\n\n[1] DeepSeek-V3 Technical Report", False),
    ("DeepSeek spent little [1].\n\nSources:\n- Reuters\n- CNBC", False),
    ("DeepSeek spent little [1].\nSources: Reuters, CNBC", False),
    ("DeepSeek spent little [1]. See https://arxiv.org/abs/2412.19437", False),
    ("DeepSeek spent little [1].\n\nReferences\n\n1. arxiv.org/abs/2412.19437", False),
    ("No markers here, and no sources either.", False),
])
def test_markers_without_sources(text, flagged):
    assert ("citation_markers_without_sources" in kinds(text)) is flagged


def test_an_image_link_is_not_a_source():
    text = "![Chart](https://example.com/chart.png)\nDeepSeek spent little [1]."
    assert not has_source_list(text)
    assert kinds(text) == ["citation_markers_without_sources"]


def test_a_source_word_in_running_text_is_not_a_heading():
    assert not has_source_list("Open-source models spread [1].\nSource code was released too.")


# --- AI notices ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, notice", [
    ("Note: This publication was rewritten using AI.", "rewritten using AI"),
    ("This article was written by AI.", "written by AI"),
    ("This story is AI-generated.", "AI-generated"),
    ("The content was re-written with the help of ChatGPT.", "re-written with the help of ChatGPT"),
    ("Disclaimer: generated with an AI tool.", "generated with an AI tool"),
    ("It was paraphrased by AI from the original.", "paraphrased by AI"),
    ("This article was AI-rewritten from a wire story.", "AI-rewritten"),
])
def test_ai_notices_are_found(text, notice):
    signals = [s for s in provenance_signals(text, "x", "y") if s["signal"] == "ai_rewrite_notice"]
    assert [s["text"] for s in signals] == [notice]


@pytest.mark.parametrize("text", [
    "AI-assisted coding tools are booming.",
    "The model generated code with AI researchers watching.",
    "Images created by AI flood social media, experts warn.",
    "DeepSeek created a model that rivals OpenAI.",
])
def test_talk_about_ai_is_not_a_notice(text):
    assert "ai_rewrite_notice" not in kinds(text)


# --- byline and date ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("Headline\n\nBy Jane Doe\n\nBody text.", True),
    ("Headline\nBy Jane Doe and John Smith | Reuters\nBody.", True),
    ("Headline\nBY MARIA GARCIA\nBody.", True),
    ("By offering a free model, DeepSeek won users.", False),
    ("By Monday, Nvidia had lost $589 billion.", False),
    ("Headline\nPhoto by Jane Doe/Getty Images\nBody.", False),
])
def test_byline_rule(text, found):
    assert (find_byline(text) is not None) is found
    assert ("missing_byline" in kinds(text, byline=None)) is not found


@pytest.mark.parametrize("text, found", [
    ("Headline\nJanuary 27, 2025\nBody.", True),
    ("Headline\n27 January 2025\nBody.", True),
    ("Headline\nPublished 2025-01-27 10:00\nBody.", True),
    ("BEIJING, Monday, 27 Jan. 2025. DeepSeek's app led the charts for a second day running, data showed.", True),
    ("Headline\nA photo captured on Monday, January 27, 2025. Photo by Jane Doe\nBody.", False),
    ("Unveiled in January 2025, the model spread fast.", False),
    ("Headline\n" + "A line of text.\n" * 20 + "January 27, 2025", False),
])
def test_date_rule(text, found):
    assert (find_date(text) is not None) is found
    assert ("missing_date" in kinds(text, date=None)) is not found


def test_byline_and_date_given_by_the_caller_count():
    assert kinds("Just a body.", byline=None, date=None) == ["missing_byline", "missing_date"]
    assert kinds("Just a body.", byline="Jane Doe", date="2025-01-27") == []
    assert kinds("Just a body.", byline="  ", date="") == ["missing_byline", "missing_date"]


# --- self-reported figures credited to unnamed experts -----------------------------------------------

@pytest.mark.parametrize("text, figure", [
    ("Analysts say DeepSeek trained V3 on 2,000 chips.", "2,000"),
    ("Industry experts put the training bill at $5.6 million.", "$5.6 million"),
    ("Estimates suggest the run took 2.8 million GPU hours.", "2.8 million"),
    ("But experts say it cost under $6 million.", "$6 million"),
])
def test_own_figures_credited_to_unnamed_experts(text, figure):
    signals = [s for s in provenance_signals(text, "x", "y") if s["signal"] == "self_reported_as_independent"]
    assert [s["text"] for s in signals] == [figure]


@pytest.mark.parametrize("text", [
    "DeepSeek says it trained V3 on 2,048 GPUs, experts note.",
    "According to DeepSeek, analysts were wrong: the run cost $5.6 million.",
    "Bernstein analysts put the cost at $5.6 million.",
    "Analysts at Bernstein put the cost at $5.6 million.",
    "Experts estimate the AI market at $990 billion.",
    "Industry experts estimate the cost at $5 million.",
    "DeepSeek trained V3 for $5.6 million.",
    "Experts say Nvidia lost 17% on Monday.",
])
def test_named_or_other_figures_are_not_flagged(text):
    assert "self_reported_as_independent" not in kinds(text)


def test_self_reported_figures_come_from_deepseek_documents():
    names = {figure["name"] for figure in self_reported_figures()}
    assert {"v3_reported_cost_usd", "v3_cluster_gpus", "v3_gpu_hours_total"} <= names
    assert not names & {"llama31_405b_gpu_hours", "meta_capex_2025_low_usd", "nvidia_market_value_loss_usd",
                        "claimed_hopper_gpus", "high_flyer_a100_gpus", "v3_usd_per_gpu_hour"}


@pytest.mark.parametrize("value, reference, expected", [
    (6e6, 5_576_000, True), (5.6e6, 5_576_000, True), (5.58e6, 5_576_000, True), (5_576_000, 5_576_000, True),
    (5e6, 5_576_000, False), (2000, 2048, True), (2050, 2048, True), (2100, 2048, False), (None, 2048, False),
    (float("nan"), 2048, False), (3e6, 2_788_000, True),
])
def test_rounding_rule(value, reference, expected):
    assert matches_rounded(value, reference) is expected


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab1 \n", max_size=300),
       st.lists(st.tuples(st.integers(0, 320), st.integers(0, 40)), max_size=30))
def test_the_digit_index_agrees_with_a_plain_search(text, windows):
    digits = Digits(text)
    for start, width in sorted(windows):
        assert digits.between(start, start + width) == any(ch.isdigit() for ch in text[start:start + width])


# --- answers follow the data ---------------------------------------------------------------------------

def test_a_changed_reference_value_changes_the_signal(data_copy):
    set_reference(data_copy, "v3_reported_cost_usd", 7_400_000)
    clear_caches()
    assert "self_reported_as_independent" not in [s["signal"] for s in article_provenance("000")]
    assert kinds("Industry experts put it at $7 million.") == ["self_reported_as_independent"]


def test_a_figure_whose_source_is_not_deepseek_is_not_self_reported(data_copy):
    set_cell(data_copy, "facts.csv", "claim_id", "GPU-01", "source_title", "An independent audit")
    clear_caches()
    assert "v3_cluster_gpus" not in {figure["name"] for figure in self_reported_figures()}
    assert kinds("Analysts say DeepSeek trained V3 on 2,000 chips.") == []


def test_metadata_in_articles_csv_is_used(data_copy):
    set_cell(data_copy, "articles.csv", "id", "000", "byline", "A. Writer")
    set_cell(data_copy, "articles.csv", "id", "000", "date", "2025-01-28")
    clear_caches()
    assert [s["signal"] for s in article_provenance("000")] == ["self_reported_as_independent", "ai_rewrite_notice"]


def test_unknown_article_raises_a_clear_error():
    with pytest.raises(KeyError, match="999"):
        article_provenance("999")


# --- never raises --------------------------------------------------------------------------------------

@settings(max_examples=250, deadline=None)
@given(st.one_of(st.text(), st.binary().map(lambda data: data.decode("latin-1")),
                 st.lists(st.sampled_from(["[1]", "[4]", "Sources", "\n", " ", "By Jane Doe", "experts say ",
                                           "$6 million", "2,048", "rewritten using AI", "This article ", "AI-",
                                           "generated", "https://", "January 27, 2025", "Photo", ":", "](", "![",
                                           "\u0130", "\ud800", "."]))
                 .map("".join)),
       st.sampled_from([None, "", "Jane Doe"]), st.sampled_from([None, "", "2025-01-27"]))
def test_any_text_gives_signals_never_an_exception(text, byline, date):
    for signal in provenance_signals(text, byline=byline, date=date):
        assert set(signal) == SIGNAL_KEYS and signal["signal"] in SIGNALS
        if signal["start"] == -1:
            assert signal["end"] == -1 and signal["text"] == ""
        else:
            assert 0 <= signal["start"] < signal["end"] <= len(text)
            assert text[signal["start"]:signal["end"]] == signal["text"]


def test_non_text_gives_no_signals():
    assert provenance_signals(None) == [] and provenance_signals(b"[1]") == []
