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

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the non-interactive backend)
from IPython.display import HTML  # noqa: E402

from solutions.chapters.arithmetic import DEFAULT_TOLERANCE  # noqa: E402
from solutions.chapters.cost import figure_in_words, restatements_of_v3_cost, v3_final_run_cost  # noqa: E402

from .formatting import trim, usd  # noqa: E402

#: Width of a chart's plotting area; labels may add a little. Narrow, so that a phone need not shrink it much.
WIDTH_INCHES = 4.6
#: The smallest text a chart may use, in points (1 pt is one unit of the SVG).
MIN_FONT_POINTS = 11
#: The width at which the book shows a chart on a phone 390 px wide (the article column, less its padding).
PHONE_CHART_PX = 342
#: The smallest text, in CSS px, that a chart may show on that phone.
PHONE_MIN_TEXT_PX = 11
plt.rcParams.update({
    "font.size": 12, "axes.labelsize": 12, "axes.titlesize": 12, "xtick.labelsize": 12, "ytick.labelsize": 12,
    # One family and a close fallback: the SVG names them in every text element, and keeps text as text.
    "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans", "Verdana"],
    "svg.fonttype": "none",
    # Element ids derived from a fixed salt, not a random one: two builds write the same SVG.
    "svg.hashsalt": "reading-the-deepseek-headlines",
})

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


def figure_html(fig, alt: str, caption: str) -> HTML:
    """A matplotlib figure as an accessible ``<figure>``: an SVG image on a white panel, alt text and caption."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.12, facecolor="#ffffff",
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    plt.close(fig)
    svg = compact_svg(buffer.getvalue())
    width_points, height_points = svg_size_points(svg)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return HTML(f'<figure class="kit-figure tex2jax_ignore mathjax_ignore"><img src="data:image/svg+xml;base64,{data}" '
                f'width="{round(width_points * 4 / 3)}" height="{round(height_points * 4 / 3)}" alt="{escape(alt)}">'
                f"<figcaption>{escape(caption)}</figcaption></figure>")


def _verdicts(row) -> str:
    """"rounded" or "rounded, also conflated": a ledger row's main verdict and its ``also`` verdicts."""
    return str(row.verdict) + (f", also {', '.join(row.also)}" if row.also else "")


_UPPER_BOUND = re.compile(r"\b(?:under|less than|below|up to|at most|no more than)\b", re.I)


def _against_reference(words: str, difference: float) -> str:
    """How a restatement stands to the report's figure: "a figure 7.6% above it", or, for "under $6 million",
    an upper bound that the report's figure fits."""
    if _UPPER_BOUND.search(words) and difference > 0:
        return "an upper bound that the report's figure fits"
    return f"a figure {abs(difference):.1%} {'above' if difference > 0 else 'below'} it"


def cost_restatements_chart() -> HTML:
    """Every restatement of V3's training cost in the articles, against the report's value."""
    reference = v3_final_run_cost()
    close = restatements_of_v3_cost()
    labels = [f"{row.article_id} ¶{row.paragraph}" for row in close.itertuples()]
    fig, ax = plt.subplots(figsize=(WIDTH_INCHES, 0.75 * len(close) + 1.6))
    low, high = reference / 1e6 * (1 - DEFAULT_TOLERANCE), reference / 1e6 * (1 + DEFAULT_TOLERANCE)
    ax.axvspan(low, high, color="#eeeeee", zorder=0)
    ax.axvline(reference / 1e6, color="#333333", linewidth=1.5, zorder=1)
    ax.text(reference / 1e6, -0.75, f" V3 report: {usd(reference)}", va="center", ha="left", color="#333333")
    for y, row in enumerate(close.itertuples()):
        colour = VERDICT_COLOURS.get(str(row.verdict), "#000000")
        ax.plot(row.value / 1e6, y, "o", markersize=9, color=colour, zorder=3)
        # The figure, and its verdicts on lines short enough for the chart to stay narrow on a phone.
        label = f"{row.text}\n{wrap_label(_verdicts(row), 24)}".replace("$", r"\$")
        ax.text(row.value / 1e6 + 0.12, y, label, va="center", color="#222222", linespacing=1.15)
    ax.set_yticks(range(len(close)), labels)
    ax.invert_yaxis()
    ax.set_xlim(reference / 1e6 * 0.85, reference / 1e6 * 1.5)
    ax.set_ylim(len(close) - 0.45, -1.05)
    ax.set_xlabel(f"US dollars, millions\n(grey band: within {DEFAULT_TOLERANCE:.0%} of the report)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    points = "; ".join(f"article {row.article_id} paragraph {row.paragraph} says "
                       f"“{figure_in_words(row.article_id, row.start, row.end)}”, "
                       f"{_against_reference(figure_in_words(row.article_id, row.start, row.end), row.difference)}, "
                       f"judged {_verdicts(row)}" for row in close.itertuples())
    alt = (f"Dot chart of the cost figures in the articles against the V3 report's {usd(reference)}, "
           f"shown as a vertical line. {points}.")
    caption = (f"Every article figure that restates the V3 report's training cost of {usd(reference)} "
               f"(line). All lie within {trim(close['difference'].abs().max() * 100, 1)}% of it, so the number "
               "itself is close every time; the verdicts differ because of the words around it.")
    return figure_html(fig, alt, caption)


_FLEET_LABELS = {
    "v3_cluster_gpus": "DeepSeek-V3 cluster\n(H800)",
    "high_flyer_a100_gpus": "High-Flyer, 2021\n(A100)",
    "llama31_405b_gpus": "Llama 3.1 405B\n(H100)",
    "claimed_hopper_gpus": "Claimed for DeepSeek\n(Hopper)",
    "meta_gpus_end_2025": "Meta's planned fleet,\nend 2025 (all GPUs)",
}


def gpu_fleets_chart() -> HTML:
    """GPU counts from the story on one logarithmic scale; the unverified claim is marked as such."""
    from solutions.chapters.gpus import gpu_fleets

    fleets = gpu_fleets()
    fig, ax = plt.subplots(figsize=(WIDTH_INCHES, 0.7 * len(fleets) + 1.5))
    for y, row in enumerate(fleets.itertuples()):
        documented = bool(row.documented)
        ax.barh(y, row.gpus, color="#0072B2" if documented else "#FFFFFF", edgecolor="#0072B2",
                hatch=None if documented else "///", height=0.6)
        note = "" if documented else "\n(unverified)"
        ax.text(row.gpus * 1.12, y, f"{row.gpus:,.0f}{note}", va="center", color="#222222")
    ax.set_yticks(range(len(fleets)), [_FLEET_LABELS[name] for name in fleets["name"]])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlim(1000, fleets["gpus"].max() * 12)
    ticks = [10 ** k for k in range(3, 8)]
    ax.set_xticks(ticks, ["1,000", "10k", "100k", "1m", "10m"])
    ax.minorticks_off()
    ax.set_xlabel("Number of GPUs (log scale:\neach step is ten times the last)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    points = "; ".join(f"{_FLEET_LABELS[r.name].replace(chr(10), ' ')}: {r.gpus:,.0f}{'' if r.documented else ', an unverified claim'}"
                       for r in fleets.itertuples())
    alt = f"Bar chart of GPU counts on a logarithmic scale. {points}."
    caption = ("GPU counts from the DeepSeek story, from the fact sheet. The bars count different things: the "
               "clusters single models were trained on, a company's older cluster, a claim, and a company's planned "
               "fleet of all its GPUs. Compare a cluster with a cluster, not with a fleet. The hatched bar is a claim that no "
               "source has confirmed; the others come from the companies' own reports or from news reports of them.")
    return figure_html(fig, alt, caption)
