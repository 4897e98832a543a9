"""The weight explorer of the chapter "How loud is it?" (not graded): each article's loudness score, with a slider
for each category's weight."""

from __future__ import annotations

from solutions.analyser.hype import hype_categories
from solutions.chapters.loudness import article_hype_table, categories

from exercises.explorer import ScoredItem, Weight, WeightExplorer
from exercises.formatting import trim
from .wording import article_label, mentioned


#: The range of the explorer's sliders.
LIGHTEST, HEAVIEST = 0.0, 3.0


def weight_explorer() -> WeightExplorer:
    """Sliders for the category weights (in the order of hype_categories.csv) re-ranking the five articles."""
    table = article_hype_table()
    weights = tuple(Weight(str(row.category), str(row.label), float(row.weight), mentioned(row.description))
                    for row in hype_categories().itertuples())
    items = tuple(
        ScoredItem(key=str(row["article_id"]), label=article_label(row["article_id"], row["headline"]),
                   words=int(row["words"]), counts=tuple((name, int(row[name])) for name in categories()))
        for _, row in table.iterrows())
    return WeightExplorer(
        id="hype-weights", title="Weigh the loaded words",
        prompt=(f"Each slider sets how much one kind of loaded wording counts, from {trim(LIGHTEST, 1)} (not at all) "
                f"to {trim(HEAVIEST, 1)}. The score is the weighted number of loaded phrases per 1,000 words. Move a "
                "slider and watch the ranking."),
        weights=weights, items=items, minimum=LIGHTEST, maximum=HEAVIEST)


#: The chapter's weight explorers (not graded), for the tests that compare the page with Python.
EXPLORERS = (weight_explorer,)
