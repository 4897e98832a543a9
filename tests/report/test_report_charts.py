"""The report's charts (``charts.py``): the hardest exercises sorted with a label on every bar, the scores before and
after with the mean, colour-blind-safe colours, alt text that states the data, and no chart without data."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from exercises.charts import svg_of
from exercises.report.charts import BAR_COLOUR, MEAN_COLOUR, before_after_chart, hardest_chart

OKABE_ITO = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999",
             "#ffffff"}


def exercises(*rows: tuple[str, int, int]) -> pd.DataFrame:
    """An exercise table with only what the chart reads: title, right at the first try, graded first tries."""
    table = pd.DataFrame(rows, columns=["exercise_title", "right_at_first_try", "graded_first_tries"])
    table["exercise_id"] = table["exercise_title"].str.lower()
    table["right_at_first_try_share"] = (table["right_at_first_try"] / table["graded_first_tries"]).astype("Float64")
    return table


def svg_texts(html: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg_of(html))


def fill_colours(html: str) -> set[str]:
    return {colour.lower() for colour in re.findall(r"(?:fill|stroke): ?(#[0-9a-fA-F]{6})", svg_of(html))}


def test_the_hardest_exercises_come_first_each_bar_labelled_with_its_value():
    html = hardest_chart(exercises(("Easy", 9, 10), ("Hard", 1, 4), ("Middle", 3, 6), ("Untried", 0, 0)))
    texts = svg_texts(html)
    assert [text for text in texts if text in ("Easy", "Hard", "Middle", "Untried")] == ["Hard", "Middle", "Easy"]
    assert {"25% (1 of 4)", "50% (3 of 6)", "90% (9 of 10)"} <= set(texts)
    assert BAR_COLOUR.lower() in fill_colours(html) and fill_colours(html) <= OKABE_ITO
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert alt.startswith("Horizontal bar chart of 3 exercises") and "Hardest: Hard, 25% (1 of 4)" in alt
    assert "<figcaption>Which exercises the class found hardest" in html


def test_no_bar_chart_when_no_first_try_was_graded():
    assert hardest_chart(exercises(("Reflection", 0, 0))) is None


def scores(*rows: tuple[float | None, float | None]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=["before", "after"], dtype="Float64")
    table["learner"] = [f"learner {index}" for index in range(len(table))]
    return table


def test_the_before_and_after_chart_shows_each_pair_and_the_mean():
    html = before_after_chart(scores((0.0, 0.5), (0.25, 0.25), (0.5, 0.0), (1.0, None)))
    texts = svg_texts(html)
    assert "mean 0.25" in texts and "Before" in texts and "After" in texts
    assert MEAN_COLOUR.lower() in fill_colours(html) and fill_colours(html) <= OKABE_ITO
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert alt.startswith("Slope chart of 3 learners") and "the mean went from 0.25 to 0.25" in alt
    assert "Learners who scored higher after: 1; lower: 1; the same: 1." in alt


@pytest.mark.parametrize("rows", [[], [(0.5, None), (None, 0.25)]])
def test_no_slope_chart_without_a_learner_who_has_both_scores(rows):
    assert before_after_chart(scores(*rows)) is None


def test_drawing_a_chart_leaves_matplotlib_settings_alone():
    import matplotlib

    size = matplotlib.rcParams["font.size"]
    hardest_chart(exercises(("Hard", 1, 4)))
    assert matplotlib.rcParams["font.size"] == size
