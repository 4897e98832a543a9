"""The chip chapter's solution functions, checked against the fact sheet's numbers."""

from __future__ import annotations

import math

import pytest

from solutions import article_paragraphs
from solutions.chapters.gpus import (
    article_words, claim_parts, gpu_claim_parts, gpu_claims, gpu_fleets, gpu_hours_ratio, llama_cluster_days,
    unverifiable_gpu_claims, v3_count_check,
)


def test_gpu_claims_are_the_four_chip_counts_in_the_seeds():
    claims = gpu_claims()
    assert list(zip(claims["article_id"], claims["text"], claims["claim_id"])) == [
        ("002", "10,000", "GPU-04"), ("003", "2,048", "GPU-01"), ("004", "2,000", "GPU-02"), ("004", "16,000", "GPU-03a")]


def test_a_figure_judged_by_a_split_row_gives_one_claim_per_part():
    """The 16,000 of 004 ¶10 is two claims (fact sheet v2): right for Meta, no source found for OpenAI."""
    assert claim_parts("GPU-03a") == ("GPU-03a", "GPU-03b") and claim_parts("GPU-04") == ("GPU-04",)
    parts = gpu_claim_parts()
    sixteen = parts[parts["text"] == "16,000"]
    assert list(zip(sixteen["claim_id"], sixteen["verdict"], sixteen["also"])) == [
        ("GPU-03a", "accurate", ("conflated",)), ("GPU-03b", "unverifiable", ())]
    assert sixteen["quote"].tolist() == ["Meta … rely on supercomputers equipped with up to 16,000 chips",
                                         "OpenAI rely on supercomputers equipped with up to 16,000 chips"]
    assert not parts.loc[parts["text"] != "16,000", "split"].any()
    assert parts.set_index("claim_id").loc["GPU-01", "also"] == ("conflated",)


@pytest.mark.parametrize("claim_id", ["GPU-01", "GPU-02", "GPU-03a", "GPU-03b", "GPU-04", "GPU-05", "GPU-07"])
def test_article_words_are_the_articles_own_characters(claim_id):
    place = article_words(claim_id)
    paragraph = article_paragraphs(place["article_id"]).set_index("paragraph").loc[place["paragraph"], "text"]
    position = 0
    for piece in place["quote"].split(" … "):
        position = paragraph.index(piece, position) + len(piece)


def test_a_claim_made_outside_the_articles_has_no_article_words():
    with pytest.raises(KeyError):
        article_words("GPU-06")


def test_unverifiable_gpu_claims_follow_the_verdicts():
    assert unverifiable_gpu_claims() == (["GPU-03b", "GPU-06"], [])


def test_counts_against_the_report():
    assert v3_count_check(2048) == "exact"
    assert v3_count_check(2000) == "rounded"
    assert v3_count_check(10_000) == "inconsistent"


def test_fleets_are_sorted_and_the_claim_is_marked_unverified():
    fleets = gpu_fleets()
    assert fleets["gpus"].is_monotonic_increasing
    assert fleets.loc[~fleets["documented"], "name"].tolist() == ["claimed_hopper_gpus"]


def test_work_ratio_and_days_match_the_fact_sheet():
    assert round(gpu_hours_ratio()) == 11  # "about 11x V3's GPU-hours" (facts.md, A3)
    assert math.isclose(llama_cluster_days(), 30.84e6 / 16_000 / 24)
