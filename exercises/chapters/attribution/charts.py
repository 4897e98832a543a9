"""The figure of the chapter "Who said it?": how many attributions of each kind the articles make."""

from __future__ import annotations

from IPython.display import HTML

from solutions.chapters.sourcing import CHECKABLE, SELF_REPORTED, UNVERIFIABLE, VAGUE
from solutions.chapters.sourcing_seeds import class_counts

from exercises.charts import WIDTH_INCHES, figure_html, kit_chart, new_figure, wrap_label
from .wording import CLASS_LABELS, top_articles


#: One Okabe-Ito colour per kind of attribution (each panel of the chart also names its kind).
CLASS_COLOURS = {CHECKABLE: "#0072B2", UNVERIFIABLE: "#E69F00", VAGUE: "#D55E00", SELF_REPORTED: "#CC79A7"}


@kit_chart
def sources_chart() -> HTML:
    """Attributions per article, one small bar chart per kind of source."""
    counts = class_counts()
    kinds = [kind for kind in counts.columns]
    fig, axes = new_figure(2, 2, figsize=(WIDTH_INCHES, 5.4), sharex=True, sharey=True)
    top = max(1, int(counts.to_numpy().max()))
    labels = [f"{article_id}" for article_id in counts.index]
    for ax, kind in zip(axes.flat, kinds):
        values = counts[kind].tolist()
        ax.barh(range(len(values)), values, color=CLASS_COLOURS.get(kind, "#555555"), height=0.65)
        for y, value in enumerate(values):
            ax.text(value + top * 0.04, y, str(value), va="center", ha="left", fontsize=12, color="#222222")
        ax.set_title(wrap_label(f"{CLASS_LABELS.get(kind, kind)} ({sum(values)})"), fontsize=12, loc="left",
                     color="#222222", fontweight="bold")
        ax.set_yticks(range(len(values)), labels)
        ax.set_xlim(0, top * 1.35)
        ax.set_xticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0, labelsize=12)
    axes[0, 0].invert_yaxis()  # the axes share y: article 000 at the top of every panel
    for ax in axes.flat[len(kinds):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("Article", fontsize=12)
    fig.tight_layout()
    parts = "; ".join(f"{CLASS_LABELS.get(kind, kind)}: "
                      + ", ".join(f"article {article_id} {int(counts.loc[article_id, kind])}"
                                  for article_id in counts.index) for kind in kinds)
    alt = (f"Four small horizontal bar charts, one per kind of attribution, each with a bar for every article "
           f"and the count written beside it. {parts}.")
    caption = (f"How the five articles credit their claims. Most named sources with a statement the fact sheet "
               f"could not find: {top_articles(counts[UNVERIFIABLE])}. Most credits to sources that are not "
               f"named: {top_articles(counts[VAGUE])}.")
    return figure_html(fig, alt, caption)
