"""The report's two charts, drawn as the book draws its charts (``exercises.charts``): inline SVG, alt text, caption.

``hardest_chart`` shows which exercises the class found hardest: the share right at the first try, lowest first,
as horizontal bars each labelled with its value. ``before_after_chart`` shows each learner's discernment score
before and after as a pair of dots joined by a line, with the class mean drawn over them. Both use Okabe-Ito
colours and put every number in text as well, so that no reading depends on telling colours apart.
"""

from __future__ import annotations

import pandas as pd

from exercises.charts import WIDTH_INCHES, figure_html, kit_chart, new_figure, wrap_label

BAR_COLOUR = "#0072B2"  # Okabe-Ito blue
LEARNER_COLOUR = "#999999"  # Okabe-Ito grey
MEAN_COLOUR = "#D55E00"  # Okabe-Ito vermilion


@kit_chart
def hardest_chart(exercises: pd.DataFrame) -> str | None:
    """The exercises with a graded first try, hardest first; None when no first try was graded."""
    tried = exercises[exercises["graded_first_tries"] > 0].sort_values(
        ["right_at_first_try_share", "exercise_id"], kind="stable")
    if tried.empty:
        return None
    figure, axes = new_figure(figsize=(WIDTH_INCHES, 0.9 + 0.5 * len(tried)))
    positions = range(len(tried))
    shares = tried["right_at_first_try_share"].astype(float).tolist()
    axes.barh(positions, shares, color=BAR_COLOUR, height=0.7)
    for position, share, right, graded in zip(positions, shares, tried["right_at_first_try"],
                                              tried["graded_first_tries"]):
        axes.text(share + 0.02, position, f"{share:.0%} ({right} of {graded})", va="center")
    axes.set_yticks(list(positions), [wrap_label(title, 30) for title in tried["exercise_title"]])
    axes.invert_yaxis()
    axes.set_xlim(0, 1.45)
    axes.set_xticks([0, 0.5, 1], ["0%", "50%", "100%"])
    axes.set_xlabel("Share right at the first try")
    axes.spines[["top", "right"]].set_visible(False)
    hardest = tried.iloc[0]
    alt = (f"Horizontal bar chart of {len(tried)} exercises, sorted from the lowest share of learners right at the "
           f"first try. Hardest: {hardest['exercise_title']}, {hardest['right_at_first_try_share']:.0%} "
           f"({hardest['right_at_first_try']} of {hardest['graded_first_tries']}). Every value is also in the "
           f"exercise table.")
    caption = ("Which exercises the class found hardest: the share of learners whose first graded try was right, "
               "lowest first (reflections are not graded and are left out).")
    return figure_html(figure, alt, caption).data


@kit_chart
def before_after_chart(discernment: pd.DataFrame) -> str | None:
    """Each learner's score before and after, joined, with the mean of the learners who have both; None when no
    learner has both scores."""
    paired = discernment.dropna(subset=["before", "after"])
    if paired.empty:
        return None
    before, after = paired["before"].astype(float), paired["after"].astype(float)
    figure, axes = new_figure(figsize=(WIDTH_INCHES, 4))
    # Scores take few values, so many learners share a line: its width grows with them, and a label counts them.
    pairs = pd.DataFrame({"start": before, "end": after}).value_counts().sort_index()
    for (start, end), learners in pairs.items():
        axes.plot([0, 1], [start, end], color=LEARNER_COLOUR, linewidth=1 + 1.5 * (learners - 1) ** 0.5,
                  marker="o", markersize=5, alpha=0.8)
        if learners > 1:
            axes.text(0.5, (start + end) / 2, f"{learners} learners", ha="center", va="bottom", fontsize=8,
                      color="#444444")
    mean_before, mean_after = before.mean(), after.mean()
    axes.plot([0, 1], [mean_before, mean_after], color=MEAN_COLOUR, linewidth=3, marker="D", markersize=8)
    axes.text(-0.06, mean_before, f"mean {mean_before:.2f}", ha="right", va="center", color=MEAN_COLOUR)
    axes.text(1.06, mean_after, f"mean {mean_after:.2f}", ha="left", va="center", color=MEAN_COLOUR)
    axes.set_ylim(-1.1, 1.1)  # the score's whole range, so that reports of two classes compare
    axes.set_yticks([-1, -0.5, 0, 0.5, 1])
    axes.set_xlim(-0.9, 1.9)
    axes.set_xticks([0, 1], ["Before", "After"])
    axes.set_ylabel("Discernment score")
    axes.axhline(0, color="#000000", linewidth=0.6, linestyle=":")
    axes.spines[["top", "right"]].set_visible(False)
    rose, fell = int((after > before).sum()), int((after < before).sum())
    alt = (f"Slope chart of {len(paired)} learners' discernment scores, before and after: the mean went from "
           f"{mean_before:.2f} to {mean_after:.2f}. Learners who scored higher after: {rose}; lower: {fell}; the "
           f"same: {len(paired) - rose - fell}. Every score is also in the discernment table.")
    caption = ("Discernment before and after: a grey line per learner who did both checks (a thicker line, with a "
               "count, for several learners with the same scores), the class mean in orange-red; the dotted line "
               "marks a score of 0, which trusting or doubting everything would get.")
    return figure_html(figure, alt, caption).data
