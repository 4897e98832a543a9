"""The figure of the chapter "What did it cost?": every restatement of V3's training cost against the report."""

from __future__ import annotations

import re

from IPython.display import HTML

from solutions.chapters.arithmetic import DEFAULT_TOLERANCE
from solutions.chapters.cost import figure_in_words, restatements_of_v3_cost, v3_final_run_cost

from exercises.charts import VERDICT_COLOURS, WIDTH_INCHES, figure_html, kit_chart, new_figure, wrap_label
from exercises.formatting import trim, usd


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


@kit_chart
def cost_restatements_chart() -> HTML:
    """Every restatement of V3's training cost in the articles, against the report's value."""
    reference = v3_final_run_cost()
    close = restatements_of_v3_cost()
    labels = [f"{row.article_id} ¶{row.paragraph}" for row in close.itertuples()]
    fig, ax = new_figure(figsize=(WIDTH_INCHES, 0.75 * len(close) + 1.6))
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
