"""The weight explorer: scores follow the weights, bad weights fall back to defaults, and both renderings agree."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from exercises.explorer import ScoredItem, Weight, WeightExplorer
from exercises.static_html import explorer_html, score_text
from exercises.widgets import ExplorerWidget, show
from solutions.analyser.hype import hype_categories, hype_score


def small_explorer() -> WeightExplorer:
    """Two categories, three items: the ranking flips when the first weight drops."""
    first, second = hype_categories()["category"].iloc[:2]
    weights = (Weight(first, "First kind", 2.0), Weight(second, "Second kind", 1.0))
    items = (ScoredItem("a", "Article <a>", 500, ((first, 4), (second, 0))),
             ScoredItem("b", "Article b", 1000, ((first, 1), (second, 5))),
             ScoredItem("c", "Article c", 250, ((first, 0), (second, 0))))
    return WeightExplorer("test", "Weights", "Move the sliders.", weights, items)


def test_scores_are_the_hype_score_of_each_item():
    explorer = small_explorer()
    first, second = (w.key for w in explorer.weights)
    assert explorer.scores() == {"a": hype_score({first: 4, second: 0}, 500, {first: 2.0, second: 1.0}),
                                 "b": hype_score({first: 1, second: 5}, 1000, {first: 2.0, second: 1.0}),
                                 "c": 0.0}
    assert explorer.scores()["a"] == pytest.approx(16.0)


def test_changing_a_weight_reranks():
    explorer = small_explorer()
    first, second = (w.key for w in explorer.weights)
    assert explorer.ranking() == ["a", "b", "c"]
    assert explorer.ranking({first: 0.0, second: 1.0}) == ["b", "a", "c"]


@pytest.mark.parametrize("bad", [None, "heavy", float("nan"), float("inf"), True, [1]])
def test_unusable_weights_fall_back_to_the_default(bad):
    explorer = small_explorer()
    first = explorer.weights[0].key
    assert explorer.clean_weights({first: bad})[first] == 2.0


def test_weights_are_clipped_to_the_slider_range():
    explorer = small_explorer()
    first, second = (w.key for w in explorer.weights)
    assert explorer.clean_weights({first: -5, second: 99}) == {first: 0.0, second: 3.0}
    assert explorer.clean_weights("not a dict") == explorer.defaults()


@pytest.mark.parametrize("score, shown", [(0.25, "0.3"), (0.35, "0.4"), (2.04999, "2.0"), (0, "0.0"), (12.96, "13.0")])
def test_scores_are_shown_to_one_decimal_rounding_halves_up(score, shown):
    assert score_text(score) == shown


def test_static_html_escapes_labels_and_lists_the_default_ranking():
    page = explorer_html(small_explorer())
    assert "Article <a>" not in page and "Article &lt;a&gt;" in page
    rows = re.findall(r'<th scope="row">(.*?)</th>', page)
    assert [unescape(r) for r in rows] == ["Article <a>", "Article b", "Article c"]
    spec = json.loads(unescape(re.search(r'data-explorer="([^"]*)"', page).group(1)))
    assert spec == small_explorer().spec()
    assert page.count('type="range"') == 2 and 'role="status"' in page


def test_the_widget_redraws_the_ranking_when_a_slider_moves():
    widget = show(small_explorer())
    assert isinstance(widget, ExplorerWidget)
    before = re.findall(r'<th scope="row">(.*?)</th>', widget.table.value)
    widget.sliders[widget.explorer.weights[0].key].value = 0.0
    after = re.findall(r'<th scope="row">(.*?)</th>', widget.table.value)
    assert before[:2] == ["Article &lt;a&gt;", "Article b"] and after[:2] == ["Article b", "Article &lt;a&gt;"]
    widget._on_reset()
    assert re.findall(r'<th scope="row">(.*?)</th>', widget.table.value) == before
    assert widget._repr_mimebundle_()["text/html"] == explorer_html(widget.explorer)
