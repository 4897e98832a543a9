"""The exercises of the chapter "How loud is it?" on the loudness score and its weights: an article's score per
thousand words, what moving one slider changes, and which rankings survive any weights. Every correct answer is
computed from :mod:`solutions`."""

from __future__ import annotations

import itertools

from solutions.chapters.loudness import article_hype_table, counterexample, never_lower, paragraph_finds, ranking_moves

from exercises.formatting import trim
from exercises.kinds import MultipleChoice, NumberQuestion, Option, SingleChoice, Source, Trap
from exercises.static_html import score_text
from .explorers import weight_explorer
from .wording import category_labels, tag


#: The weight the "move one slider" exercise changes, and the fact row of the paragraph the rewrite is about.
REWEIGHED_CATEGORY = "evaluation"


def _place(order: list[str], key: str) -> int:
    return order.index(key) + 1


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _more_than(count: int, other: int) -> str:
    """"5 loaded phrases, 1 more than", "4 loaded phrases, as many as"."""
    difference = count - other
    if difference == 0:
        return f"{count} loaded phrases, as many as"
    return f"{count} loaded phrases, {abs(difference)} {'more' if difference > 0 else 'fewer'} than"


def per_thousand_question() -> NumberQuestion:
    table = article_hype_table()
    fewest = table.sort_values(["total", "article_id"], kind="stable").iloc[0]
    article, count, words = str(fewest["article_id"]), int(fewest["total"]), int(fewest["words"])
    rate = float(fewest["per_thousand"])
    order = list(table.sort_values(["per_thousand", "article_id"], ascending=[False, True])["article_id"])
    place = _place(order, article)
    most_words = table.sort_values(["words", "article_id"], ascending=[False, True]).iloc[0]
    paragraphs = sorted({find["paragraph"] for find in paragraph_finds(article)})
    return NumberQuestion(
        id="hype-per-thousand",
        title="Per 1,000 words",
        prompt=(f"Article {article} has the fewest loaded phrases of the five: {count}, in {words:,} words. How many "
                "loaded phrases is that per 1,000 words? One decimal place is enough."),
        answer=rate, tolerance=0.06,
        unit_words=("phrases per 1,000 words", "per 1,000 words", "per 1000 words", "per thousand words",
                    "phrases", "loaded phrases"),
        display=f"{trim(rate, 2)} loaded phrases per 1,000 words",
        traps=(
            Trap(count / words, 0.0001, "That is per word. Multiply by 1,000 to get the number per 1,000 words."),
            Trap(words / count, 0.5, "That is the number of words per loaded phrase: the division is upside down."),
            Trap(count * words / 1000, 0.01, f"Divide {count} by {words:,}, then multiply by 1,000."),
            Trap(float(count), 0.01, f"{count} is the count for the whole article, and the article is not 1,000 "
                                     "words long."),
        ),
        correct_feedback=(f"{count} ÷ {words:,} × 1,000 ≈ {trim(rate, 2)}. The fewest phrases, but also the fewest "
                          f"words: per 1,000 words it is the {_ordinal(place)} loudest of the five."),
        hints=(f"First find the number of loaded phrases per word: {count} ÷ {words:,}.",
               "Then multiply by 1,000."),
        explanation=(f"{count} ÷ {words:,} × 1,000 ≈ {trim(rate, 2)} loaded phrases per 1,000 words, the "
                     f"{_ordinal(place)} highest of the five. A count means little without the length: article "
                     f"{most_words['article_id']}, the longest ({int(most_words['words']):,} words), has "
                     f"{_more_than(int(most_words['total']), count)} article {article}, but only "
                     f"{trim(float(most_words['per_thousand']), 1)} per 1,000 words. Dividing by the length lets "
                     "articles of different sizes be compared."),
        sources=tuple(Source(article=article, paragraph=paragraph) for paragraph in paragraphs),
    )


def reweigh() -> SingleChoice:
    explorer = weight_explorer()
    defaults = explorer.defaults()
    label = category_labels()[REWEIGHED_CATEGORY]
    changed = {**defaults, REWEIGHED_CATEGORY: explorer.minimum}
    before, after = explorer.ranking(), explorer.ranking(changed)
    second = after[1]
    options = []
    for item in explorer.items:
        count = dict(item.counts)[REWEIGHED_CATEGORY]
        uses = f"It has {count} {tag(REWEIGHED_CATEGORY)} phrase{'s' if count != 1 else ''}. " if count else \
            f"It has no {tag(REWEIGHED_CATEGORY)} phrases, so its score does not change. "
        options.append(Option(
            key=item.key, label=f"Article {item.label}", short=f"Article {item.key}",
            feedback=(uses + f"With the default weights it ranks {_ordinal(_place(before, item.key))} "
                      f"({score_text(explorer.scores()[item.key])}); with {label.lower()} at "
                      f"{trim(explorer.minimum, 1)} it ranks {_ordinal(_place(after, item.key))} "
                      f"({score_text(explorer.scores(changed)[item.key])}).")))
    moves = ranking_moves(before, after)
    moved = "; ".join(f"{key} from {_ordinal(old)} to {_ordinal(new)}" for key, (old, new) in moves.items())
    users = [item.key for item in explorer.items if dict(item.counts)[REWEIGHED_CATEGORY]]
    return SingleChoice(
        id="hype-reweigh",
        title="Move one slider",
        prompt=(f"In the explorer, press Reset weights, then move “{label}” down to {trim(explorer.minimum, 1)}. "
                "Which article is now second?"),
        options=tuple(options), correct=second,
        hints=(f"An article with no {tag(REWEIGHED_CATEGORY)} phrases keeps its score when that slider moves.",
               "The articles using such phrases lose points; a short article loses more per 1,000 words."),
        explanation=(f"With the default weights the order is {', '.join(before)}; with {label.lower()} at "
                     f"{trim(explorer.minimum, 1)} it is {', '.join(after)}. "
                     + (f"Places that changed: {moved}. " if moves else "No place changed. ")
                     + (f"Only articles {', '.join(users)} use {tag(REWEIGHED_CATEGORY)} phrases, so only their "
                        "scores fell. " if users else "")
                     + "Nothing in the articles changed: only what we decided to count."),
        sources=tuple(Source(article=article, paragraph=paragraph) for article in users
                      for paragraph in sorted({f["paragraph"] for f in paragraph_finds(article)
                                               if f["category"] == REWEIGHED_CATEGORY})),
    )


def _setting_text(weights: dict, defaults: dict, labels: dict) -> str:
    changed = [name for name in weights if weights[name] != defaults[name]]
    if len(changed) == 1:
        name = changed[0]
        return f"move “{labels[name]}” to {trim(weights[name], 1)}"
    top = max(weights, key=lambda name: weights[name])
    return f"set every slider to {trim(min(weights.values()), 1)} except “{labels[top]}” at {trim(weights[top], 1)}"


def robust_steps() -> MultipleChoice:
    explorer = weight_explorer()
    defaults = explorer.defaults()
    labels = category_labels()
    order = explorer.ranking()
    items = {item.key: item for item in explorer.items}
    values = [explorer.minimum + step * explorer.step
              for step in range(int(round((explorer.maximum - explorer.minimum) / explorer.step)) + 1)]
    steps = list(zip(order, order[1:]))
    robust = [(upper, lower) for upper, lower in itertools.combinations(order, 2)
              if never_lower(dict(items[upper].counts), items[upper].words, dict(items[lower].counts),
                             items[lower].words)]
    if not robust:
        raise ValueError("No article scores at least as high as another under every weighting: this exercise needs "
                         "at least one comparison that holds.")
    if not set(steps) & set(robust):
        steps.append(robust[0])  # a step of the order that holds, so that there is something to tick
    options, holds = [], set()
    for upper, lower in steps:
        a, b = items[upper], items[lower]
        key = f"{upper}-{lower}"
        if never_lower(dict(a.counts), a.words, dict(b.counts), b.words):
            holds.add(key)
            feedback = (f"It holds: per word, article {upper} has at least as many phrases as article {lower} in every "
                        f"kind, so no weights can put {lower} above it.")
        else:
            weights = counterexample(dict(a.counts), a.words, dict(b.counts), b.words, defaults, values)
            scores = explorer.scores(weights)
            feedback = (f"It depends on the weights: {_setting_text(weights, defaults, labels)}. Then article {upper} "
                        f"scores {score_text(scores[upper])}, below article {lower} at {score_text(scores[lower])}.")
        options.append(Option(key=key, label=f"Article {upper} never scores lower than article {lower}.",
                              feedback=feedback))
    return MultipleChoice(
        id="hype-robust",
        title="Which comparisons survive any weights?",
        prompt=(f"With the default weights the order is {', '.join(order)}. Which of these comparisons stay true "
                f"whatever weights you choose, from {trim(explorer.minimum, 1)} to {trim(explorer.maximum, 1)}? "
                "Tick all that apply; use the explorer and the table of counts."),
        options=tuple(options), correct=frozenset(holds),
        hints=("Compare the two articles kind by kind, per 1,000 words. If one is ahead in one kind and behind in "
               "another, some weights will favour each.",
               "Try putting all the weight on a single kind of wording."),
        explanation=("A comparison survives every choice of weights only when one article uses at least as much "
                     "of every kind of loaded wording, per word, as the other. Then no weighting can reverse it. "
                     f"Here {len(holds)} of the {len(options)} comparisons {'is' if len(holds) == 1 else 'are'} like "
                     "that; the others are decided by the weights, which is to say by what the person making the "
                     "score thinks matters most."),
        sources=tuple(Source(article=article, paragraph=paragraph_finds(article)[0]["paragraph"])
                      for article in order if paragraph_finds(article)),
    )
