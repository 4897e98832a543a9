"""The chip chapter's solution functions, checked against the fact sheet's numbers."""

from __future__ import annotations

import math

from solutions.gpus import gpu_claims, gpu_fleets, gpu_hours_ratio, llama_cluster_days, v3_count_check


def test_gpu_claims_are_the_four_chip_counts_in_the_seeds():
    claims = gpu_claims()
    assert list(zip(claims["article_id"], claims["text"], claims["claim_id"])) == [
        ("002", "10,000", "GPU-04"), ("003", "2,048", "GPU-01"), ("004", "2,000", "GPU-02"), ("004", "16,000", "GPU-03")]


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
