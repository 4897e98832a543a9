"""The figure of the chapter "Markets and money": the one-day share moves on the days the fact sheet records."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from solutions.data.events import claim_event_date
from solutions.data.markets import NVIDIA, dated_moves, largest_fall
from solutions.chapters.markets import META_PLAN_CLAIM, market_value_lost

from exercises.charts import WIDTH_INCHES, figure_html, kit_chart, new_figure, wrap_label
from .wording import billions_range, change_text, day, move_text, security_name


_BLUE, _SKY, _GREEN, _VERMILION = "#0072B2", "#56B4E9", "#009E73", "#D55E00"


def _bar_colour(row, fall_date: pd.Timestamp) -> str:
    if row.security != NVIDIA:
        return _SKY
    if row.change_percent >= 0:
        return _GREEN
    return _VERMILION if pd.Timestamp(row.date) == fall_date and row.security == NVIDIA else _BLUE


@kit_chart
def moves_chart() -> HTML:
    """Nvidia's (and the Nasdaq's) one-day moves on the dated days, with the day of Meta's spending plan noted.

    The chart does not mark article 003's date: an exercise below asks which article was written before
    the record fall."""
    moves = dated_moves()
    fall = largest_fall()
    fall_day = pd.Timestamp(fall["date"])
    low, high = market_value_lost()
    meta_plan = claim_event_date(META_PLAN_CLAIM)
    span = max(abs(moves["change_percent"].min()), moves["change_percent"].max())
    left, right = -span * 1.1, span * 1.05
    # Each row's day and security sit above its bar, so that the bars have the chart's whole width on a phone.
    fig, ax = new_figure(figsize=(WIDTH_INCHES, 1.1 * len(moves) + 0.8))
    for y, row in enumerate(moves.itertuples()):
        change = float(row.change_percent)
        ax.barh(y, change, color=_bar_colour(row, fall_day), height=0.66, zorder=2)
        ax.text(left, y - 0.4, f"{day(pd.Timestamp(row.date))}, {security_name(row.security)}", va="bottom",
                ha="left", color="#222222", zorder=3, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        text = change_text(row)
        if pd.Timestamp(row.date) == fall_day and row.security == NVIDIA:
            # The record bar is long enough to hold its own label (white on vermillion: contrast 4.9:1).
            text += f"\n{wrap_label(f'{billions_range(low, high)} of value', 16)}".replace("$", r"\$")
            ax.text(change + 0.5, y, text, va="center", ha="left", color="white", fontweight="bold", zorder=3,
                    linespacing=1.1)
        else:
            ax.text(change + (0.5 if change >= 0 else -0.5), y, text, va="center",
                    ha="left" if change >= 0 else "right", color="#222222")
    ax.set_yticks([])
    ax.set_ylim(len(moves) - 0.55, -0.9)
    ax.axvline(0, color="#333333", linewidth=1)
    plan_rows = [y for y, date in enumerate(moves["date"]) if date == meta_plan]
    if plan_rows:
        ax.text(0.8, plan_rows[0] + 0.05, wrap_label("Same day: Meta announces its spending plan", 14), va="center",
                ha="left", color="#333333", linespacing=1.1)
    ax.set_xlim(left, right)
    ax.set_xlabel("Change in one day (%)")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    points = "; ".join(f"{day(pd.Timestamp(r.date))}, {move_text(r)}" for r in moves.itertuples())
    alt = (f"Horizontal bar chart of one-day moves in share prices, in date order: {points}. The longest bar, "
           f"highlighted, is Nvidia on {day(fall_day)}, a loss of {billions_range(low, high)} in market value. "
           f"A note beside the {day(meta_plan)} bar says Meta announced its spending plan that day.")
    facts = ", ".join(dict.fromkeys(str(c) for c in moves["claim_id"]))
    caption = (f"One-day moves in share prices on the days the fact sheet records ({facts}). Meta announced its "
               f"spending plan on {day(meta_plan)}, before the record fall of {day(fall_day)}.")
    return figure_html(fig, alt, caption)
