"""The exercises, highlighted articles, tables, chart and weight explorer of the chapter "How loud is it?".
Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

import itertools
import re
from html import escape
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import HTML

from solutions import article_paragraphs, fact, seed_ledger
from solutions.data.facts import accepted_verdicts, verdict_reasons
from solutions.analyser.hype import find_hype, hype_categories, lexicon_forms
from solutions.chapters.loudness import (
    all_finds, article_hype_table, categories, common_phrases, counterexample, never_lower,
    paragraph_finds, phrase_finds, ranking_moves,
)
from solutions.data.people import load_people
from solutions.analyser.sentences import sentence_spans

from .attribution_chapter import curly_quotes
from .charts import figure_html
from .display import html_table
from .explorer import ScoredItem, Weight, WeightExplorer
from .formatting import trim
from .model import (
    ChapterExercises, Criterion, Matching, MultipleChoice, NumberQuestion, Option, Reflection, SingleChoice, Source,
    Trap,
)
from .static_html import score_text

#: The weight the "move one slider" exercise changes, and the fact row of the paragraph the rewrite is about.
REWEIGHED_CATEGORY = "conflict"
REWRITE_CLAIM = "DL-01"
#: The founder named in that paragraph (the register entry checked by this fact row), its app-chart claims (the
#: US part and the China part) and the row on what DeepSeek released for download.
FOUNDER_CLAIM = "ATT-08"
CHARTS_CLAIMS = ("DL-02a", "DL-02b")
WEIGHTS_CLAIM = "TECH-08"

#: Phrases from the articles for "Hype by the kit's rules?": (article, paragraph, phrase, what the phrase is, why,
#: fact row). Whether each one is flagged is computed by find_hype; "what" and "why" hold whichever way it comes
#: out, and the option's feedback and the explanation are both built from them.
FLAG_CANDIDATES = (
    ("000", 8, "at a mere $6 million", "a figure with a word that belittles it",
     ": the figure itself is DeepSeek's own, for one training run (fact COST-01).", "COST-01"),
    ("003", 7, "NVIDIA’s stock dropping by 2%", "a plain verb with the size of the move",
     ": the reader can judge it.", "MKT-01"),
    ("004", 6, "as tech stocks tumbled", "a vivid verb for a market move, with no size",
     ": “tumbled” is a common verb in market reports, and any word list has to draw its line somewhere.",
     "MKT-03"),
    ("000", 14, "may face scrutiny", "a hedge", ": “may” is careful wording that admits the writer is not sure.",
     None),
    ("004", 7, "AI's Sputnik moment", "a quoted image, credited to its speaker",
     ": these are Marc Andreessen's words, quoted and credited to him (fact ATT-01). A word list cannot tell the "
     "writer's voice from a quotation.", "ATT-01"),
    ("003", 9, "has matched OpenAI’s latest o1 model in performance", "a checkable claim, stated plainly",
     ": the benchmarks behind it are DeepSeek's own (fact TECH-06).", "TECH-06"),
    ("002", 16, "this may be a wake-up call", "a hedge before an image",
     ": “may” is careful, but the image after it is a separate question.", None),
    ("002", 3, "stunning Silicon Valley and Wall Street", "a reaction credited to two whole industries",
     ", without saying who reacted or how.", None),
)

#: Words that show a rewrite says what was downloaded (the app or the model), or that the article does not say.
OBJECT_WORDS = ("the app ", "the app,", "the app.", "the app;", "mobile app", "chatbot app", "deepseek app",
                "app downloads", "app installs", "installs", "weights", "model or the app", "app or the model",
                "model or app", "app or model", "not say what", "not say which", "unclear what", "unclear whether",
                "not clear what", "not clear whether")
#: Words that show a rewrite says where a figure comes from, or that the article does not say.
SOURCE_WORDS = ("no source", "without a source", "unsourced", "not say", "n't say", "not name", "not tell",
                "unverified", "unconfirmed", "not confirmed", "not been confirmed", "cannot be checked",
                "could not be checked", "according to", "counted by", "tracker", "appfigures", "sensor tower",
                "the article says", "the article claims", "it claims", "claimed")

#: The highlights' stylesheet, which the outputs with highlights also carry for JupyterLab (see hype_style).
HYPE_CSS = Path(__file__).parent / "static" / "kit-hype.css"

#: The range of the explorer's sliders.
LIGHTEST, HEAVIEST = 0.0, 3.0
#: The chart's width in inches, and its bars' colour: Okabe-Ito blue (the highlights' colours are in
#: static/kit-hype.css).
CHART_INCHES = 4.8
_BLUE = "#0072B2"


# --- the data, shaped for the page ----------------------------------------------------------------------

def _labels() -> dict[str, str]:
    table = hype_categories()
    return {str(c): str(label) for c, label in zip(table["category"], table["label"])}


def mentioned(description: str) -> str:
    """A category's description with its example words in quotation marks: "(staggering, panic)" becomes
    "(“staggering”, “panic”)". The examples are words the kit talks about, not words it uses."""
    def quote(match: re.Match) -> str:
        items = [item.strip() for item in match.group(1).split(",") if item.strip()]
        return "(" + ", ".join(item if item[:1] in "“‘'\"" else f"“{item}”" for item in items) + ")"
    return re.sub(r"\(([^()]*)\)", quote, str(description))


def description_examples() -> dict[str, list[str]]:
    """The example words each category's description gives in brackets: {"metaphor": ["shockwaves", …]}."""
    return {str(row.category): [item.strip(" “”‘’'\"") for group in re.findall(r"\(([^()]*)\)", str(row.description))
                                for item in group.split(",") if item.strip()]
            for row in hype_categories().itertuples()}


def tag(category: str) -> str:
    """The short tag printed after a highlighted phrase: "metaphor", "market verb"."""
    return category.replace("_", " ")


def short_headline(headline: str, width: int = 44) -> str:
    text = " ".join(str(headline).split())
    return text if len(text) <= width else text[:width - 1].rstrip(" :,;") + "…"


def article_label(article_id: str, headline: str) -> str:
    """"000: “DeepSeek's Surge: China's AI…”": the headline is the article's words, so it is quoted."""
    return f"{article_id}: “{short_headline(headline)}”"


def snippet(text: str, start: int, end: int, width: int = 100) -> str:
    """The sentence holding ``text[start:end]``, cut at spaces to about ``width`` characters around it."""
    first, last = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (0, len(text)))
    left, right = first, last
    while right - left > width:
        if start - left >= right - end and text.find(" ", left + 1, start) >= 0:
            left = text.find(" ", left + 1, start) + 1
        elif text.rfind(" ", end, right - 1) >= 0:
            right = text.rfind(" ", end, right - 1)
        else:
            break
    piece = text[left:right].strip()
    return ("…" if left > first else "") + (piece.rstrip(",;:") + "…" if right < last else piece)


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


def _count_word(number: int) -> str:
    return {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}.get(number, str(number))


def _quoted_list(words: list[str]) -> str:
    quoted = [f"“{word}”" for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


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


# --- exercises ------------------------------------------------------------------------------------------

def match_categories() -> Matching:
    # Not the examples the table of kinds gives in its descriptions: that table sits just above the question.
    examples = common_phrases(avoid=description_examples())
    labels = _labels()
    rows, pairs = [], []
    finds, shown = all_finds(), []
    for row in examples.itertuples():
        # Show it where it is read as text: not in an image's markup ("![…](…)"), if it appears anywhere else.
        places = [(place.article_id, int(place.paragraph), place.text) for place in finds[
            (finds["category"] == row.category) & (finds["phrase"] == row.phrase)].itertuples()]
        texts = {(a, p): str(article_paragraphs(a).set_index("paragraph").loc[p, "text"]) for a, p, _ in places}
        article, paragraph, written = next((place for place in places if not texts[place[:2]].startswith("![")),
                                           places[0])
        text = texts[(article, paragraph)]
        find = next(f for f in find_hype(text) if f["text"] == written)
        key = f"{row.article_id}-{row.paragraph}-{row.phrase}".replace(" ", "-")
        shown.append(Source(article=article, paragraph=paragraph))
        rows.append(Option(key=key, label=(f"“{written}” in “{snippet(text, find['start'], find['end'])}” "
                                           f"({article} ¶{paragraph})"),
                           short=f"“{row.text}”",
                           feedback=(f"The kit files it under {labels[row.category].lower()}. The word list's note "
                                     f"on it: “{row.rationale}”")))
        pairs.append((key, row.category))
    unused = len(categories()) - len(rows)
    unused_hint = [f"{_count_word(unused)} of the kinds fit{'s' if unused == 1 else ''} none of these phrases."] \
        if unused else []
    used = ", ".join(f"{labels[row.category].lower()} (“{row.phrase}”, {row.count}×)"
                     for row in examples.itertuples())
    return Matching(
        id="hype-categories",
        title="Which kind of loaded wording?",
        prompt=("Each phrase below is the most frequent loaded phrase of its kind in the five articles, leaving out "
                "the examples the table above already gives. Which kind does the kit file it under? Use the "
                "descriptions in the table."),
        rows=tuple(rows), options=tuple(Option(key=c, label=labels[c]) for c in categories()), correct=tuple(pairs),
        hints=("Ask what the phrase does: tell you how to feel, paint a picture, give the writer's verdict, turn "
               "rivals into enemies, or tease you into reading on.",
               *unused_hint),
        explanation=("The most frequent phrase of each kind, apart from the table's examples: " + used + ". A phrase "
                     "can do more than one job; the "
                     "kit files each one under a single kind, which is itself a choice."),
        sources=tuple(shown),
    )


def _flag_feedback(finds: list[dict], what: str, why: str) -> str:
    labels = _labels()
    note = f"{what[:1].upper()}{what[1:]}{why}"
    if finds:
        found = "; ".join(f"“{f['text']}” ({labels[f['category']].lower()})" for f in finds)
        return f"The kit flags {found}. {note}"
    return f"None of its words is on the kit's list. {note}"


def _phrase_list(items: list[tuple[str, str]]) -> str:
    """"“a” (x), “b” (y) and “c” (z)": phrases with what each one is."""
    parts = [f"“{phrase}” ({what})" for phrase, what in items]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def flagged_phrases() -> MultipleChoice:
    options, flagged, described = [], set(), {True: [], False: []}
    for article, paragraph, phrase, what, why, _ in FLAG_CANDIDATES:
        finds = phrase_finds(article, paragraph, phrase)
        key = f"{article}-{paragraph}"
        if finds:
            flagged.add(key)
        described[bool(finds)].append((phrase, what))
        options.append(Option(key=key, label=f"“{phrase}” ({article} ¶{paragraph})",
                              feedback=_flag_feedback(finds, what, why)))
    summary = []
    if described[True]:
        summary.append(f"Flagged: {_phrase_list(described[True])}.")
    if described[False]:
        summary.append(f"Not flagged: {_phrase_list(described[False])}.")
    return MultipleChoice(
        id="hype-flagged",
        title="Hype by the kit's rules?",
        prompt=("Which of these phrases from the articles contain wording that the kit's word list flags as "
                "loaded? Tick all that apply."),
        options=tuple(options), correct=frozenset(flagged),
        hints=("Neutral verbs with a number, hedges such as “may”, and plain statements of fact are not hype. But "
               "the question asks what the list flags, and no list holds every vivid word.",
               "A word list does not know who is speaking: it flags loaded words inside quotations too."),
        explanation=(f"{len(flagged)} of the {len(options)} phrases hold a word or phrase on the kit's list. "
                     + " ".join(summary)
                     + " A word list flags a quoted phrase just as it flags the writer's own words, and it passes "
                       "over vivid words that are not on it."),
        sources=tuple(Source(fact=claim, article=article, paragraph=paragraph)
                      for article, paragraph, _, _, _, claim in FLAG_CANDIDATES),
    )


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
    label = _labels()[REWEIGHED_CATEGORY]
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
    labels = _labels()
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


def _founder() -> str:
    people = load_people()
    rows = people[(people["claim_id"] == FOUNDER_CLAIM) & (people["kind"] == "person")]
    return str(rows.iloc[0]["name"])


def _reason(claim_id: str, verdict: str) -> str:
    """Why the fact sheet gives a claim a verdict: the first sentence of the reason in the row's note."""
    reason = verdict_reasons(claim_id)[verdict]
    first = re.match(r".+?\.(?=\s+[A-Z]|$)", reason, re.S)
    reason = first.group() if first else reason
    return curly_quotes(reason[:1].upper() + reason[1:])


def rewrite_loud() -> Reflection:
    ledger = seed_ledger()
    figure = ledger[ledger["claim_id"] == REWRITE_CLAIM].iloc[0]
    article, paragraph = str(figure["article_id"]), int(figure["paragraph"])
    original = str(article_paragraphs(article).set_index("paragraph").loc[paragraph, "text"])
    finds = find_hype(original)
    value = float(figure["value"])
    spellings = tuple(dict.fromkeys([str(figure["text"]).casefold(), trim(value / 1e6, 1), f"{value:,.0f}",
                                     f"{value:.0f}"]))
    founder = _founder()
    founder_words = tuple(dict.fromkeys([founder.casefold(), founder.split()[0].casefold()]))
    verdicts = accepted_verdicts(REWRITE_CLAIM)
    us, china = (fact(claim) for claim in CHARTS_CLAIMS)
    china_line = ("no source was found for a top place in China" if str(china["verdict"]) == "unverifiable"
                  else f"the fact sheet rates the China part {china['verdict']}")
    unverified = "unverifiable" in verdicts
    return Reflection(
        id="hype-rewrite",
        title="Turn the volume down",
        prompt=(f"Rewrite this paragraph from article {article} ¶{paragraph} in plain, neutral words. Keep the facts "
                "it states (who founded DeepSeek, the download figure) and be honest about what the figure does "
                "not tell you: who counted the downloads, when, and whether they were downloads of the model or "
                "of the app. Two or three sentences are enough."),
        original=original,
        criteria=(
            Criterion("founder", "You keep who founded DeepSeek.",
                      f"Keep the checkable fact: DeepSeek was founded by {founder}.", any_of=founder_words),
            Criterion("figure", "You keep the download figure.",
                      f"Keep the figure the article gives, {figure['text']} downloads, and say what it leaves out.",
                      any_of=spellings),
            Criterion("object", "You say what was downloaded, or that the article does not say.",
                      "Say whether the figure counts downloads of the model or installs of the free app, or that "
                      "the article does not say: the sentence credits the downloads to the model, while the app "
                      "store charts it mentions rank apps.", any_of=OBJECT_WORDS),
            Criterion("source", "You say where the figure comes from, or that the article does not say.",
                      "Say who counted the downloads, or that the article does not say: it names no tracker and no "
                      "date.", any_of=SOURCE_WORDS),
        ),
        model_answer=(f"DeepSeek was founded by {founder}, and anyone can download its R1 model's weights free of "
                      f"charge. The article gives “over {figure['text']} downloads” without saying who counted them, "
                      "when, or whether it means the model or the free DeepSeek app"
                      + ("; the fact sheet found no source for the figure" if unverified else "")
                      + (f". It was the app that reached the top of Apple's US chart; {china_line}."
                         if str(us["verdict"]) == "accurate" else f"; {china_line}.")),
        watch_words=tuple(form for form, _ in lexicon_forms()),
        hints=("For each loaded word, ask what fact is underneath it. Keep the fact and drop the feeling.",
               "Who counted the downloads, and when? Were they downloads of the model or installs of the app? If "
               "the article does not say, say so."),
        explanation=(f"The paragraph has {len(finds)} loaded phrases ({_quoted_list([f['text'] for f in finds])}), "
                     "and none of them can be checked: they tell you how impressed to be, not what happened. What "
                     "can be checked is "
                     f"plainer: {founder} founded DeepSeek (fact {FOUNDER_CLAIM}: {fact(FOUNDER_CLAIM)['verdict']}), "
                     f"and the article gives a download figure, which the fact sheet judges "
                     + " and also ".join(verdicts) + f" (fact {REWRITE_CLAIM}). "
                     + " ".join(_reason(REWRITE_CLAIM, v) for v in verdicts)
                     + f" The US chart place is {us['verdict']} (fact {CHARTS_CLAIMS[0]}); the China place is "
                       f"{china['verdict']} (fact {CHARTS_CLAIMS[1]})."),
        sources=(Source(fact=REWRITE_CLAIM, article=article, paragraph=paragraph), Source(fact=FOUNDER_CLAIM),
                 *(Source(fact=claim) for claim in CHARTS_CLAIMS), Source(fact=WEIGHTS_CLAIM)),
    )


CHAPTER = ChapterExercises(
    chapter="hype", title="How loud is it?",
    build=(match_categories, flagged_phrases, per_thousand_question, reweigh, robust_steps, rewrite_loud),
)
#: The chapter's weight explorers (not graded), for the tests that compare the page with Python.
EXPLORERS = (weight_explorer,)


# --- highlighted articles, legend, tables and chart ----------------------------------------------------

def hype_style() -> str:
    """The highlights' stylesheet (static/kit-hype.css) as a ``<style>`` element, without its comments.

    The book loads the file; JupyterLab does not, so every output with highlights carries it (it is written to
    work with either's colours, light and dark)."""
    css = re.sub(r"/\*.*?\*/", " ", HYPE_CSS.read_text(encoding="utf-8"), flags=re.S)
    return f"<style>{' '.join(css.split())}</style>"


def _mark(text: str, category: str, rationale: str, reasons: dict[str, str] | None = None) -> str:
    """One highlighted phrase, with why it is loaded as its ``title`` (a mouse pointer's tooltip). It takes
    keyboard focus (Tab, a tap or a click), which shows the same explanation under its line (drawn by the
    stylesheet). With ``reasons`` (explanation -> element id, new ones added), screen readers hear it on focus as
    the phrase's description (``aria-describedby``, which takes the place of ``title``)."""
    why = f"{_labels()[category]}: {rationale}"
    described = ""
    if reasons is not None:
        reasons.setdefault(why, f"hype-why-{len(reasons) + 1}")
        described = f' aria-describedby="{reasons[why]}"'
    return (f'<mark class="hype hype-{escape(category)}" tabindex="0" title="{escape(why)}"{described}>'
            f'{escape(text)}<span class="hype-tag"><span class="hype-bracket"> [</span>{escape(tag(category))}'
            f'<span class="hype-bracket">]</span></span></mark>')


def highlight(text: str, reasons: dict[str, str] | None = None) -> str:
    """A text as escaped HTML with every find of find_hype marked and tagged with its category (see _mark for
    ``reasons``)."""
    parts, position = [], 0
    for find in find_hype(text):
        parts.append(escape(text[position:find["start"]]))
        parts.append(_mark(find["text"], find["category"], find["rationale"], reasons))
        position = find["end"]
    parts.append(escape(text[position:]))
    return "".join(parts)


def legend_html() -> HTML:
    """The key to the highlights: each kind's tint, tag and name, and how to see why a phrase is loaded."""
    items = "".join(f'<li><mark class="hype hype-{escape(str(row.category))}"><span class="hype-tag">'
                    f"{escape(tag(str(row.category)))}</span></mark> {escape(str(row.label))}</li>"
                    for row in hype_categories().itertuples())
    return HTML(f'<div class="hype-legend-box tex2jax_ignore mathjax_ignore">{hype_style()}'
                f'<p class="hype-legend-title">Key to the highlights</p><ul class="hype-legend">{items}</ul>'
                '<p class="hype-legend-how">To see why a phrase is loaded, tap or click it, or move to it with the '
                "Tab key.</p></div>")


def highlighted_articles_html() -> HTML:
    """Every article in full, each in a collapsible box, with its loaded phrases highlighted in place; each
    phrase is described by one of the explanations listed (hidden) at the end."""
    boxes, reasons = [], {}
    for index, row in enumerate(article_hype_table().itertuples()):
        paragraphs = article_paragraphs(row.article_id)
        body = "".join(
            f'<p class="numbered-paragraph"><a class="paragraph-number" href="articles.md#a{escape(row.article_id)}'
            f'-p{number}" aria-label="Article {escape(row.article_id)}, paragraph {number} on the articles page">'
            f"{number}</a> <span>{highlight(str(text), reasons)}</span></p>"
            for number, text in zip(paragraphs["paragraph"], paragraphs["text"]))
        summary = (f'<span class="hype-article-id">Article {escape(row.article_id)}</span> '
                   f'<q class="hype-headline">{escape(str(row.headline))}</q> '
                   f'<span class="hype-count">{row.total} loaded phrase{"s" if row.total != 1 else ""} in '
                   f"{row.words:,} words</span>")
        # The inline style restores the disclosure marker that jupyterlab-myst's "details > summary" rule removes.
        boxes.append(f'<details class="hype-article"{" open" if index == 0 else ""}>'
                     f'<summary style="list-style: revert">{summary}</summary>'
                     f'<div class="article-text hype-text" lang="en">{body}</div></details>')
    explanations = "".join(f'<span id="{ident}">{escape(why)}</span>' for why, ident in reasons.items())
    return HTML(f'<div class="hype-articles tex2jax_ignore mathjax_ignore">{hype_style()}{"".join(boxes)}'
                f'<div class="hype-reasons" hidden>{explanations}</div></div>')


def categories_table_html() -> HTML:
    """The seven kinds: tag, what each is and why it is loaded, default weight, and finds in the articles."""
    finds = all_finds()
    rows = []
    for row in hype_categories().itertuples():
        found = finds[finds["category"] == row.category]
        # Counts only: the phrases themselves are the answers of the exercise just below the table.
        used = f"{len(found)}" if len(found) else "none"
        rows.append(f'<tr><th scope="row"><mark class="hype hype-{escape(str(row.category))}"><span class="hype-tag">'
                    f'{escape(tag(str(row.category)))}</span></mark><br>{escape(str(row.label))}</th>'
                    f"<td>{escape(mentioned(row.description))}</td>"
                    f'<td class="number">{trim(float(row.weight), 1)}</td><td>{used}</td></tr>')
    table = html_table("The kit's seven kinds of loaded wording, with their default weights and how often the five "
                   "articles use them", ["Kind", "What it is and why it is loaded", "Weight", "In the five articles"],
                   rows)
    return HTML(hype_style() + table.data)


def counts_table_html() -> HTML:
    """Loaded phrases of each kind in each article, with totals, words and the rate per 1,000 words."""
    table = article_hype_table()
    labels = _labels()
    ids = list(table["article_id"])
    rows = []
    for name in categories():
        cells = "".join(f'<td class="number">{int(n)}</td>' for n in table[name])
        rows.append(f'<tr><th scope="row">{escape(labels[name])}</th>{cells}'
                    f'<td class="number">{int(table[name].sum())}</td></tr>')
    total_words = int(table["words"].sum())
    total = int(table["total"].sum())
    rows.append('<tr><th scope="row">All loaded phrases</th>'
                + "".join(f'<td class="number">{int(n)}</td>' for n in table["total"])
                + f'<td class="number">{total}</td></tr>')
    rows.append('<tr><th scope="row">Words</th>'
                + "".join(f'<td class="number">{int(n):,}</td>' for n in table["words"])
                + f'<td class="number">{total_words:,}</td></tr>')
    rows.append('<tr><th scope="row">Loaded phrases per 1,000 words</th>'
                + "".join(f'<td class="number">{trim(x, 1)}</td>' for x in table["per_thousand"])
                + f'<td class="number">{trim(total / total_words * 1000, 1)}</td></tr>')
    return html_table("Loaded phrases of each kind in each article, found by the kit's word list",
                  ["Kind", *[f"Article {i}" for i in ids], "All five"], rows)


def per_thousand_chart() -> HTML:
    """Loaded phrases per 1,000 words in each article, loudest first, with counts and lengths as labels."""
    table = article_hype_table().sort_values(["per_thousand", "article_id"], ascending=[False, True])
    table = table.reset_index(drop=True)
    # Narrower than the book's other charts: the labels stay large when a phone shrinks the picture.
    fig, ax = plt.subplots(figsize=(CHART_INCHES, 0.7 * len(table) + 1.2))
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


__all__ = ["CHAPTER", "EXPLORERS", "categories_table_html", "counts_table_html", "flagged_phrases", "highlight",
           "highlighted_articles_html", "legend_html", "match_categories", "per_thousand_chart",
           "per_thousand_question", "reweigh", "rewrite_loud", "robust_steps", "weight_explorer"]
