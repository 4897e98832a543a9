"""The figure of the chapter "How many downloads?": the trackers' dated counts against article 000's undated figure."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from IPython.display import HTML

from solutions.chapters.downloads import (
    dated_counts, series_tracker, tracker_name, tracker_series, undated_crossing, undated_figure,
)

from exercises.charts import WIDTH_INCHES, figure_html, kit_chart, new_figure, wrap_label
from exercises.formatting import scaled
from .wording import count_words, ranking_event, written_day


#: Okabe-Ito colours for the trackers and for the undated claim.
TRACKER_COLOURS = {"Appfigures": "#0072B2", "AppMagic": "#E69F00"}
CLAIM_COLOUR = "#D55E00"
RANKING_COLOUR = "#555555"


def _marker(row) -> str:
    """A triangle pointing up for a lower bound ("more than"), a dot for a count."""
    return "^" if isinstance(row["qualifier"], str) and row["qualifier"] == "more than" else "o"


@kit_chart
def downloads_chart() -> HTML:
    """The trackers' dated counts, with the undated figure as a line across them (read as app installs)."""
    dated = dated_counts()
    series = tracker_series()
    target = undated_figure()
    crossing = undated_crossing()
    ranking = ranking_event()
    one_day = pd.Timedelta(days=1)
    colour = TRACKER_COLOURS.get(tracker_name(series_tracker()), "#0072B2")

    # Narrow, with every label wrapped short, so that a phone shows the text at 11 px or more.
    fig, zoom = new_figure(figsize=(WIDTH_INCHES, 5.2))
    start, end = dated["date"].min() - 2.6 * one_day, dated["date"].max() + 3.5 * one_day
    top = max(dated["downloads"].max(), target) * 1.5 / 1e6
    zoom.axhline(target / 1e6, color=CLAIM_COLOUR, linewidth=2.5, zorder=1)
    zoom.text(start + 0.1 * one_day, target / 1e6 + top * 0.03,
              f"“over {scaled(target)}”\n(article 000):\nno date, no tracker", color=CLAIM_COLOUR,
              va="bottom", ha="left", fontweight="bold")
    zoom.axvline(ranking["date"], ymin=0.8, ymax=1, color=RANKING_COLOUR, linewidth=1.2, linestyle=":")
    zoom.text(ranking["date"] + 0.08 * one_day, top,
              wrap_label(f"{written_day(ranking['date'], False)}: No. 1 in the US App Store (a rank, not a count)", 20),
              color=RANKING_COLOUR, va="top", ha="left")
    zoom.plot(series["date"], series["downloads"] / 1e6, color=colour, linewidth=1.5, linestyle="--", zorder=2)
    for _, row in dated.iterrows():
        zoom.plot(row["date"], row["downloads"] / 1e6, _marker(row), markersize=10, zorder=3,
                  color=TRACKER_COLOURS.get(row["tracker_name"], "#000000"))
    first, last = series.iloc[0], series.iloc[-1]
    zoom.text(first["date"], first["downloads"] / 1e6 - top * 0.05,
              f"{tracker_name(first['tracker'])}:\n{count_words(first)}", color=colour, ha="center", va="top", zorder=3,
              bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    zoom.text(last["date"] - 0.1 * one_day, last["downloads"] / 1e6 + top * 0.02,
              f"{tracker_name(last['tracker'])}:\n{count_words(last)}", color=colour, ha="right", va="bottom")
    for _, row in dated[dated["tracker"] != series_tracker()].iterrows():
        zoom.text(row["date"] + 0.1 * one_day, row["downloads"] / 1e6 + top * 0.03,
                  wrap_label(f"{row['tracker_name']}: {count_words(row)}", 14),
                  color=TRACKER_COLOURS.get(row["tracker_name"], "#000000"), ha="left", va="bottom")
    if crossing is not None:
        zoom.plot([crossing, crossing], [0, target / 1e6], color=CLAIM_COLOUR, linewidth=1.2, linestyle=":")
        zoom.plot(crossing, target / 1e6, "o", markersize=8, markerfacecolor="white", markeredgecolor=CLAIM_COLOUR,
                  markeredgewidth=2, zorder=4)
        zoom.text(crossing + 0.1 * one_day, target / 1e6 - top * 0.04,
                  f"a steady rate passes it\non about {written_day(crossing, False)}", color=CLAIM_COLOUR, va="top", ha="left")
    zoom.set_xlim(start, end)
    zoom.set_ylim(0, top)
    zoom.set_title(wrap_label(f"If it meant app installs: where would {scaled(target)} fit?", 34), loc="left")
    zoom.xaxis.set_major_locator(mdates.DayLocator(interval=2))
    zoom.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    zoom.set_ylabel("downloads (millions)")
    for side in ("top", "right"):
        zoom.spines[side].set_visible(False)

    counts_text = "; ".join(f"{row['tracker']} counted {count_words(row)} on {written_day(row['date'])}"
                            for _, row in dated.iterrows())
    crossing_text = (f"a steady rate between the two counts by {tracker_name(series_tracker())} would have passed "
                     f"it on {written_day(crossing)}" if crossing is not None else "it lies outside the dated counts")
    alt = (f"A line chart of DeepSeek app downloads over time. {counts_text}. A horizontal line marks article "
           f"000's undated figure of over {scaled(target)}; if it meant app installs, {crossing_text}. The app "
           f"reached No. 1 in the US App Store on {written_day(ranking['date'])}, a ranking rather than a count.")
    when = f"around {written_day(crossing, False)}" if crossing is not None else "outside the dated counts"
    caption = (f"Trackers' dated counts of DeepSeek app downloads (dots; a triangle is a “more than” figure) and "
               f"article 000's undated “over {scaled(target)}” (line). Read as app installs, the figure crosses "
               f"the dashed line joining the only pair of counts from one tracker {when}; after that the counts "
               "would not contradict it, but they do not show where the figure came from. A count with no calendar "
               "date is left off: the sources disagree on the launch date.")
    return figure_html(fig, alt, caption)
