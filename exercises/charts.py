"""The book's charts: matplotlib figures embedded as compact SVG, with alt text computed from the same data.

Every chart is drawn with its text at least ``MIN_FONT_POINTS`` and at most ``WIDTH_INCHES`` wide (plus its
labels), so that a phone 390 px wide, which shows a chart about ``PHONE_CHART_PX`` wide, still draws its smallest
text at 11 CSS px or more. The SVG keeps its text as text (small, sharp at any zoom) and is written byte for
byte the same on every build (fixed ids, no date). Each chart is its own opaque white panel, never transparent:
its dark text and colour-blind-safe marks stay readable in dark mode, where the theme only dims the panel a little.
"""

from __future__ import annotations

import base64
import io
import re
import textwrap
from html import escape

import functools
from collections.abc import Callable
from typing import Any

import matplotlib
from IPython.display import HTML
from matplotlib.figure import Figure

#: Width of a chart's plotting area; labels may add a little. Narrow, so that a phone need not shrink it much.
WIDTH_INCHES = 4.6
#: The smallest text a chart may use, in points (1 pt is one unit of the SVG).
MIN_FONT_POINTS = 11
#: The width at which the book shows a chart on a phone 390 px wide (the article column, less its padding).
PHONE_CHART_PX = 342
#: The smallest text, in CSS px, that a chart may show on that phone.
PHONE_MIN_TEXT_PX = 11
#: The kit's chart style. It applies only while a chart is drawn (:func:`kit_chart`), so importing the kit never
#: changes a learner's own matplotlib settings or backend.
KIT_STYLE = {
    "font.size": 12, "axes.labelsize": 12, "axes.titlesize": 12, "xtick.labelsize": 12, "ytick.labelsize": 12,
    # One family and a close fallback: the SVG names them in every text element, and keeps text as text.
    "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans", "Verdana"],
    "svg.fonttype": "none",
    # Element ids derived from a fixed salt, not a random one: two builds write the same SVG.
    "svg.hashsalt": "reading-the-deepseek-headlines",
}

#: Okabe-Ito colours, safe for the common kinds of colour blindness; every mark also has a text label.
VERDICT_COLOURS = {"accurate": "#009E73", "rounded": "#0072B2", "conflated": "#E69F00", "misattributed": "#D55E00",
                   "opinion-as-fact": "#CC79A7", "wrong": "#000000", "unverifiable": "#999999"}

#: Attributes of an SVG element that hold coordinates; their numbers are rounded to 0.01 pt.
_GEOMETRY = re.compile(r'\b(d|x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|transform|points)="([^"]*)"')
_LONG_DECIMAL = re.compile(r"(-?\d+\.\d\d)\d+")


def _round_geometry(match: re.Match) -> str:
    return f'{match.group(1)}="{_LONG_DECIMAL.sub(lambda m: m.group(1), match.group(2))}"'


def compact_svg(svg: str) -> str:
    """Matplotlib's SVG without its XML prologue, metadata and indentation, coordinates to 0.01 pt."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r">\s+<", "><", svg)
    svg = re.sub(r"\s*\n\s*", " ", svg)
    return _GEOMETRY.sub(_round_geometry, svg).strip()


def svg_size_points(svg: str) -> tuple[float, float]:
    """The width and height an SVG written by :func:`figure_html` declares, in points."""
    width, height = (re.search(rf'<svg[^>]*\b{name}="([\d.]+)pt"', svg) for name in ("width", "height"))
    return float(width.group(1)), float(height.group(1))


def svg_font_sizes(svg: str) -> list[float]:
    """The font size of every text element of an SVG written by :func:`figure_html`, in points."""
    return [float(size) for size in re.findall(r"font-size: ?([\d.]+)px", svg)]


def svg_of(html: str) -> str:
    """The SVG embedded in the HTML of a chart made by :func:`figure_html`."""
    data = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html).group(1)
    return base64.b64decode(data).decode("utf-8")


def phone_text_px(svg: str, shown_px: float = PHONE_CHART_PX) -> float:
    """The size in CSS px of the chart's smallest text when the chart is shown ``shown_px`` wide (at most its
    natural width, 4/3 px per point, as an image with ``max-width: 100%`` is)."""
    width_points, _ = svg_size_points(svg)
    scale = min(shown_px, width_points * 4 / 3) / width_points
    return min(svg_font_sizes(svg), default=float("inf")) * scale


def wrap_label(text: str, width: int = 18) -> str:
    """A chart label broken into lines of at most ``width`` characters, so that a narrow chart can hold it."""
    return textwrap.fill(text, width)


def kit_chart(draw: Callable[..., HTML]) -> Callable[..., HTML]:
    """Decorate a function that draws a chart: it runs with :data:`KIT_STYLE`, and the learner's settings come back."""
    @functools.wraps(draw)
    def styled(*args: Any, **kwargs: Any) -> HTML:
        with matplotlib.rc_context(KIT_STYLE):
            return draw(*args, **kwargs)
    return styled


def new_figure(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float], **subplots: Any):
    """A figure and its axes, made without pyplot: no window, no backend to choose, nothing left open."""
    figure = Figure(figsize=figsize)
    return figure, figure.subplots(nrows, ncols, **subplots)


def figure_html(fig, alt: str, caption: str) -> HTML:
    """A matplotlib figure as an accessible ``<figure>``: an SVG image on a white panel, alt text and caption."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.12, facecolor="#ffffff",
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = compact_svg(buffer.getvalue())
    width_points, height_points = svg_size_points(svg)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return HTML(f'<figure class="kit-figure tex2jax_ignore mathjax_ignore"><img src="data:image/svg+xml;base64,{data}" '
                f'width="{round(width_points * 4 / 3)}" height="{round(height_points * 4 / 3)}" alt="{escape(alt)}">'
                f"<figcaption>{escape(caption)}</figcaption></figure>")
