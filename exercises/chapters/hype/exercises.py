"""The exercises of the chapter "How loud is it?" on the words themselves: match phrases to categories, say which
phrases the hype finder flags, and rewrite a loud paragraph. Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

import re

from solutions import article_paragraphs, fact, seed_ledger
from solutions.data.facts import accepted_verdicts, verdict_reasons
from solutions.analyser.hype import find_hype, lexicon_forms
from solutions.chapters.loudness import all_finds, categories, common_phrases, phrase_finds
from solutions.data.people import load_people

from exercises.chapters.quotation_marks import curly_quotes
from exercises.formatting import trim
from exercises.kinds import Criterion, Matching, MultipleChoice, Option, Reflection, Source
from .wording import category_labels, description_examples, snippet


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


def _count_word(number: int) -> str:
    return {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}.get(number, str(number))


def _quoted_list(words: list[str]) -> str:
    quoted = [f"“{word}”" for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def match_categories() -> Matching:
    # Not the examples the table of kinds gives in its descriptions: that table sits just above the question.
    examples = common_phrases(avoid=description_examples())
    labels = category_labels()
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
    labels = category_labels()
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
