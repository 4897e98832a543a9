"""The figure of the chapter "How loud is it?": hype phrases per thousand words in each article."""

from __future__ import annotations

from IPython.display import HTML

from solutions.chapters.loudness import article_hype_table

from exercises.charts import figure_html, kit_chart, new_figure
from exercises.formatting import trim


#: The chart's width in inches, and its bars' colour: Okabe-Ito blue (the highlights' colours are in
#: static/kit-hype.css).
CHART_INCHES = 4.8
_BLUE = "#0072B2"


@kit_chart
def per_thousand_chart() -> HTML:
    """Loaded phrases per 1,000 words in each article, loudest first, with counts and lengths as labels."""
    table = article_hype_table().sort_values(["per_thousand", "article_id"], ascending=[False, True])
    table = table.reset_index(drop=True)
    # Narrower than the book's other charts: the labels stay large when a phone shrinks the picture.
    fig, ax = new_figure(figsize=(CHART_INCHES, 0.7 * len(table) + 1.2))
    top = float(table["per_thousand"].max())
    for y, row in table.iterrows():
        rate = float(row["per_thousand"])
        ax.barh(y, rate, color=_BLUE, height=0.62)
        text = f"{trim(rate, 1)} ({int(row['total'])} in {int(row['words']):,})"
        if rate > top * 0.6:  # a long bar holds its own label: white on blue, contrast 5.3:1
            ax.text(rate - top * 0.03, y, text, va="center", ha="right", fontsize=12, color="white",
                    fontweight="bold")
        else:
            ax.text(rate + top * 0.03, y, text, va="center", ha="left", fontsize=12, color="#222222")
    ax.set_yticks(range(len(table)), [f"Article {i}" for i in table["article_id"]])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.05)
    ax.set_xlabel("Loaded phrases per 1,000 words")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.tight_layout()
    points = "; ".join(f"article {row.article_id}, {trim(row.per_thousand, 1)} ({row.total} loaded phrases in "
                       f"{row.words:,} words)" for row in table.itertuples())
    loudest, quietest = table.iloc[0], table.iloc[-1]
    alt = f"Horizontal bar chart of loaded phrases per 1,000 words, loudest first: {points}."
    example = f"{int(loudest['total'])} in {int(loudest['words']):,}"
    caption = (f"Loaded phrases per 1,000 words, each phrase counting once; a bar label such as {example} means "
               f"{int(loudest['total'])} loaded phrases in {int(loudest['words']):,} words. "
               f"Article {loudest['article_id']} uses "
               f"about {trim(float(loudest['per_thousand']) / float(quietest['per_thousand']), 0)} times as many as "
               f"article {quietest['article_id']}, the quietest.")
    return figure_html(fig, alt, caption)
