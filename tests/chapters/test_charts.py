"""The book's charts are compact SVG on their own white panel, legible on a phone, and the same on every build.

The phone check computes, from the SVG itself, the size of each chart's smallest text when the book shows the
chart ``PHONE_CHART_PX`` wide (a page 390 px wide); ``test_page_weight.py`` measures the same in Chromium.
"""

from __future__ import annotations

import re

import pytest

from exercises import charts
from exercises.chapters.attribution import sources_chart
from exercises.chapters.cost import cost_restatements_chart
from exercises.chapters.downloads import downloads_chart
from exercises.chapters.gpus import gpu_fleets_chart
from exercises.chapters.hype import per_thousand_chart
from exercises.chapters.markets import moves_chart
from exercises.chapters.timeline import timeline_chart

CHARTS = [cost_restatements_chart, gpu_fleets_chart, downloads_chart, moves_chart, timeline_chart,
          sources_chart, per_thousand_chart]
#: Bytes of SVG a chart may take (the largest, the timeline, is about 26 KB; as a PNG it was 341 KB).
MAX_SVG_BYTES = 60_000


@pytest.fixture(scope="module", params=CHARTS, ids=lambda chart: chart.__name__)
def drawn(request) -> tuple:
    """A chart function and the HTML it returned."""
    return request.param, request.param().data


@pytest.fixture(scope="module")
def chart_html(drawn) -> str:
    return drawn[1]


def test_chart_is_an_svg_image_with_alt_text_and_a_caption(chart_html):
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" width="\d+" height="\d+" alt="[^"]{40,}"',
                     chart_html), chart_html[:200]
    assert "<figcaption>" in chart_html
    assert len(charts.svg_of(chart_html).encode("utf-8")) < MAX_SVG_BYTES


def test_chart_text_is_at_least_11_px_on_a_phone(chart_html):
    svg = charts.svg_of(chart_html)
    assert min(charts.svg_font_sizes(svg)) >= charts.MIN_FONT_POINTS
    assert charts.phone_text_px(svg) >= charts.PHONE_MIN_TEXT_PX, (
        f"smallest text {charts.phone_text_px(svg):.1f} px on a phone; chart {charts.svg_size_points(svg)} pt")


def test_chart_has_its_own_white_panel_and_keeps_its_text_as_text(chart_html):
    svg = charts.svg_of(chart_html)
    first_fill = re.search(r'<path d="[^"]*"\s+style="fill: (#[0-9a-f]{6})"', svg)
    assert first_fill and first_fill.group(1) == "#ffffff", "the figure background is not an opaque white panel"
    assert "<text" in svg and "<metadata>" not in svg and "<?xml" not in svg


def test_chart_is_the_same_on_every_call(drawn):
    chart, first = drawn
    assert chart().data == first, "the SVG changed between two calls (random ids or a date?)"


def test_phone_text_px_scales_a_chart_down_but_never_up():
    svg = '<svg width="400pt" height="100pt" viewBox="0 0 400 100"><text style="font-size: 12px">a</text></svg>'
    assert charts.phone_text_px(svg, shown_px=200) == pytest.approx(6.0)
    assert charts.phone_text_px(svg, shown_px=2000) == pytest.approx(16.0)  # shown at its natural 533 px


def test_drawing_a_chart_leaves_the_learners_matplotlib_settings_alone():
    """The kit's style applies only while a chart is drawn: a learner's own plots keep their settings and backend."""
    import matplotlib

    before = (dict(matplotlib.rcParams), matplotlib.get_backend())
    for chart in CHARTS:
        chart()
    assert (dict(matplotlib.rcParams), matplotlib.get_backend()) == before
    code = ("import matplotlib, exercises.charts, exercises.chapters.cost as c; c.cost_restatements_chart(); "
            "print(matplotlib.rcParams['font.size'], 'pyplot' in __import__('sys').modules)")
    import subprocess
    import sys
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert shown == [str(matplotlib.rcParamsDefault["font.size"]), "False"]
