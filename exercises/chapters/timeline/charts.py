"""The figure of the chapter "What could the writer have known, and when?": the timeline of events and date clues."""

from __future__ import annotations

import textwrap

import pandas as pd
from IPython.display import HTML

from solutions.data.articles import stated_date
from solutions.data.events import days_between, timeline_events
from solutions.chapters.timeline import date_clues

from exercises import charts
from exercises.charts import figure_html, kit_chart, new_figure
from .wording import day, day_count, short_day, the_dated_article


#: How each kind of event looks in the chart: colour (Okabe-Ito), marker and the word printed before it.
KIND_STYLES = {
    "announcement": ("#56B4E9", "o", "Announcement"),
    "release": ("#0072B2", "o", "Release"),
    "market": ("#D55E00", "v", "Market"),
    "policy": ("#555555", "s", "Policy"),
    "claim": ("#CC79A7", "D", "Claim"),
    "downloads": ("#009E73", "^", "Downloads"),
    "ranking": ("#E69F00", "^", "Ranking"),
    "disclosure": ("#000000", "o", "Disclosure"),
    "comment": ("#CC79A7", "s", "Comment"),
    "article": ("#000000", "s", ""),  # an article's own date: printed in bold, without a kind word
}
_OTHER_KIND = ("#555555", "o", "Event")


def _chart_rows() -> pd.DataFrame:
    """The events and the clues in date order: ``date``, ``kind``, ``text``, ``clue`` (bool)."""
    events = timeline_events()
    rows = [(r.date, r.kind, r.event, False, r.claim_id) for r in events.itertuples()]
    for clue in date_clues().itertuples():
        rows.append((clue.date, "clue", f"Clue, not a date: “{clue.text}” in {clue.where}, article "
                                        f"{clue.article_id} ¶{clue.paragraph}", True, ""))
    table = pd.DataFrame(rows, columns=["date", "kind", "text", "clue", "claim_id"])
    return table.sort_values(["date", "clue"], kind="stable").reset_index(drop=True)


@kit_chart
def timeline_chart() -> HTML:
    """A vertical timeline: every event, the one stated article date, and the clues in undated articles."""
    rows = _chart_rows()
    dated = the_dated_article()
    article_day = stated_date(dated)
    # Narrower than the other charts: a timeline is mostly text, which must stay legible when a phone shrinks it.
    width = min(getattr(charts, "WIDTH_INCHES", 7.2), 5.2)
    fontsize, line = 12, 12 * 1.3 / 72  # points, and the height of one line of text in inches
    spine_x, label_x = 2.35, 2.75  # in tenths of the width
    wrap = int((10 - label_x) / 10 * width * 72 / (fontsize * 0.55))
    # Lay the rows out top to bottom, in lines of text: y grows downwards.
    positions, lines, y, previous = [], [], 0.0, None
    breaks, divider, note = [], None, []
    for row in rows.itertuples():
        if divider is None and row.date > article_day:
            divider = y + 0.1
            note = textwrap.wrap(f"After article {dated}'s date: its writer could not know these", wrap)
            y += 1.25 * len(note) + 0.9
        if previous is not None and row.date != previous:
            gap = days_between(previous, row.date)
            if gap > 60:
                breaks.append((y + 0.8, gap))
                y += 2.2
            else:
                y += 0.5
        word = "" if row.clue else KIND_STYLES.get(row.kind, _OTHER_KIND)[2]
        kind_word = f"{word}: " if word else ""
        wrapped = textwrap.wrap(kind_word + row.text, wrap)
        positions.append(y)
        lines.append(wrapped)
        y += len(wrapped) * 1.25 + 0.45
        previous = row.date
    fig, ax = new_figure(figsize=(width, y * line + 0.3))
    if divider is not None:
        ax.axhspan(divider, y, color="#f0f0f0", zorder=0)
        ax.axhline(divider, color="#000000", linewidth=1.2, linestyle="--", zorder=1)
        ax.text(label_x, divider + 0.35, "\n".join(note), ha="left", va="top", fontsize=fontsize, color="#000000",
                style="italic", linespacing=1.25)
    ax.plot([spine_x, spine_x], [0.6, y - 0.6], color="#bbbbbb", linewidth=2, zorder=1)
    for top, gap in breaks:
        ax.plot([spine_x], [top], marker="s", markersize=16, color="#f0f0f0", zorder=2)
        ax.text(spine_x, top, "⋮", ha="center", va="center", fontsize=14, color="#555555", zorder=3)
        ax.text(label_x, top, f"{day_count(gap)} later", ha="left", va="center", fontsize=fontsize, color="#555555",
                style="italic")
    shown = None
    for p, text_lines, row in zip(positions, lines, rows.itertuples()):
        middle = p + 0.6  # the middle of the label's first line
        if row.date != shown:
            ax.text(spine_x - 0.35, middle, short_day(row.date), ha="right", va="center", fontsize=fontsize,
                    color="#222222")
            shown = row.date
        if row.clue:
            ax.plot(spine_x, middle, marker="D", markersize=9, markerfacecolor="white", markeredgecolor="#000000",
                    markeredgewidth=1.5, zorder=4)
        else:
            colour, marker, _ = KIND_STYLES.get(row.kind, _OTHER_KIND)
            ax.plot(spine_x, middle, marker=marker, markersize=10, color=colour, zorder=4)
        weight = "bold" if row.kind == "article" else "normal"
        ax.text(label_x, p, "\n".join(text_lines).replace("$", r"\$"), ha="left", va="top", fontsize=fontsize,
                color="#222222", weight=weight, linespacing=1.25)
    ax.set_xlim(0, 10)
    ax.set_ylim(y, 0)
    ax.axis("off")
    fig.subplots_adjust(left=0, right=1, top=1, bottom=0)
    events = rows[~rows["clue"]]
    clues = rows[rows["clue"]]
    later = events[events["date"] > article_day]
    alt = ("Vertical timeline of the DeepSeek story, earliest at the top. "
           + "; ".join(f"{day(r.date)}: {r.text}" for r in rows.itertuples())
           + f". Article {dated} states its date, {day(article_day)}; {len(later)} of the {len(events)} events "
             f"come after it, shaded grey, starting on {day(later['date'].min()) if len(later) else 'no date'}. "
           + f"{len(clues)} dates in undated articles are marked as clues, not dates.")
    caption = (f"The events of the story from {day(events['date'].min())} to {day(events['date'].max())}, with the "
               f"kind of each before its colon. Article {dated}'s dateline ({day(article_day)}, in bold) is the "
               "only date an article states; its writer could not know anything in the grey part. Hollow "
               "diamonds mark dates in undated articles: clues, not dates.")
    return figure_html(fig, alt, caption)
