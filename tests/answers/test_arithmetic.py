"""Consistency arithmetic, checked against the reference fact sheet's numbers."""

from __future__ import annotations

import math

import pytest

from solutions.chapters.arithmetic import (
    classify_against_reference, cost_from_gpu_hours, gpu_hours_from_cost, relative_difference, rounds_to,
    significant_figures, wall_clock_days,
)
from solutions.data.facts import fact
from solutions.analyser.numbers import read_figure

# The V3 report's numbers, read from the fact sheet rather than typed here.
GPU_HOURS = read_figure(fact("TECH-01")["verified_value"].split(" = ")[0]).value      # 2.788M
RATE = read_figure(fact("COST-10")["verified_value"]).value                          # $2 per GPU-hour
COST = read_figure(fact("COST-01")["verified_value"] + " million").value               # 5.576, in USD million
GPUS = read_figure(fact("GPU-01")["verified_value"]).value                           # 2048


def test_the_v3_cost_paragraph_adds_up():
    assert math.isclose(cost_from_gpu_hours(GPU_HOURS, RATE), COST)
    assert math.isclose(gpu_hours_from_cost(COST, RATE), GPU_HOURS)


def test_v3_took_about_57_days_on_its_cluster():
    days = wall_clock_days(GPU_HOURS, GPUS)
    assert round(days) == 57 and "57 cluster-days" in fact("TECH-04")["verified_value"]
    assert round(wall_clock_days(2.664e6, GPUS)) == 54


def test_pre_training_stages_add_up_to_the_total():
    stages = [2.664e6, 0.119e6, 0.005e6]
    assert math.isclose(sum(cost_from_gpu_hours(h, RATE) for h in stages), COST)


@pytest.mark.parametrize("reported, expected", [
    (5.576e6, "exact"), (5.6e6, "rounded"), (6e6, "rounded"), (5e6, "inconsistent"), (1e7, "inconsistent"),
])
def test_classifying_cost_figures_against_the_report(reported, expected):
    assert classify_against_reference(reported, COST) == expected


def test_rounding_and_tolerance():
    assert classify_against_reference(2000, GPUS) == "rounded"
    assert classify_against_reference(10_000, GPUS) == "inconsistent"
    assert classify_against_reference(6.5e6, COST, tolerance=0.2) == "rounded"
    assert classify_against_reference(6.5e6, COST) == "inconsistent"
    assert rounds_to(6e6, COST) and not rounds_to(5e6, COST)
    assert [significant_figures(v) for v in (6e6, 5.6e6, 2048, 0.55)] == [1, 2, 4, 2]
    assert math.isclose(relative_difference(6e6, COST), 0.07604, rel_tol=1e-3)


@pytest.mark.parametrize("call, message", [
    (lambda: wall_clock_days(1000, 0), "number of GPUs must be greater than zero"),
    (lambda: gpu_hours_from_cost(100, 0), "hourly price must be greater than zero"),
    (lambda: cost_from_gpu_hours(-5, 2), "cannot be negative"),
    (lambda: cost_from_gpu_hours(float("nan"), 2), "finite number"),
    (lambda: relative_difference("many", 2), "must be a number"),
])
def test_impossible_input_gets_a_plain_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()
