"""The exit ticket of the chapter "How loud is it?": choose the rewrite of a loud sentence that keeps its checkable
fact and drops the loaded wording. Which rewrite that is, is computed: the kit's hype finder
(:func:`solutions.analyser.hype.find_hype`) finds nothing in it, and it keeps the figure that the fact sheet checks
(:func:`solutions.chapters.markets.meta_capex_range`)."""

from __future__ import annotations

from solutions import article_paragraphs, fact
from solutions.analyser.hype import find_hype
from solutions.chapters.markets import meta_capex_range
from solutions.data.facts import accepted_verdicts

from exercises.formatting import trim
from exercises.kinds import Option, SingleChoice, Source
from .wording import category_labels

#: The loud sentence: its article, paragraph and words, the fact row that checks its figure and the one that
#: checks Meta's own announcement, and the row on the motive the article gives.
TICKET_ARTICLE, TICKET_PARAGRAPH = "000", 10
TICKET_WORDS = "announced a staggering $60 billion capital influx aimed at fortifying its AI ventures"
FIGURE_CLAIM, ANNOUNCEMENT_CLAIM, MOTIVE_CLAIM = "INV-01a", "INV-02a", "INV-01b"

#: The rewrites offered: (key, text with {figure} for Meta's announced range, a note on what else the rewrite does,
#: with {motive} for the fact sheet's main verdict on the article's motive).
#: Whether each one is loaded, and whether it keeps the figure, is computed; loaded words appear only as the
#: articles' own words, in quotation marks.
TICKET_REWRITES = (
    ("kept-word", "Meta announced a “staggering” {figure} plan for its AI work in 2025.",
     "It keeps the article's word, which tells the reader how to react before they know what the money is."),
    ("plain", "Meta said it plans to spend {figure} on data centres and chips in 2025.",
     "It also says where the money goes: out of Meta, into data centres and chips."),
    ("no-figure", "Meta announced a large new investment in its AI work.",
     "A reader is left with nothing to check."),
    ("image", "Meta answered DeepSeek with a {figure} plan that “sent shockwaves” through the industry.",
     "It also repeats a motive that the fact sheet rates {motive} (" + MOTIVE_CLAIM + ")."),
)


def _figure() -> str:
    """Meta's announced range, as the book writes it: "$60–65 billion"."""
    low, high = meta_capex_range()
    return f"${trim(low / 1e9, 0)}–{trim(high / 1e9, 0)} billion"


def _verdicts(claim_id: str) -> str:
    """"rounded, also wrong": a fact row's main verdict and its other verdicts."""
    main, *also = accepted_verdicts(claim_id)
    return main + (f", also {', '.join(also)}" if also else "")


def _feedback(finds: list[dict], keeps_figure: bool, note: str) -> str:
    labels = category_labels()
    if finds:
        found = "; ".join(f"“{find['text']}” ({labels[find['category']].lower()})" for find in finds)
        return f"The kit's list flags {found}. {note}"
    if not keeps_figure:
        return f"None of its words is on the kit's list, but it drops the figure. {note}"
    return f"None of its words is on the kit's list, and it keeps the figure. {note}"


def exit_ticket() -> SingleChoice:
    paragraph = str(article_paragraphs(TICKET_ARTICLE).set_index("paragraph").loc[TICKET_PARAGRAPH, "text"])
    if TICKET_WORDS not in paragraph:
        raise ValueError(f"{TICKET_ARTICLE} ¶{TICKET_PARAGRAPH} no longer says “{TICKET_WORDS}”")
    figure = _figure()
    motive = str(fact(MOTIVE_CLAIM)["verdict"])
    options, plain = [], []
    for key, template, note in TICKET_REWRITES:
        text = template.format(figure=figure)
        finds, keeps_figure = find_hype(text), figure in text
        if keeps_figure and not finds:
            plain.append(key)
        options.append(Option(key=key, label=text,
                              feedback=_feedback(finds, keeps_figure, note.format(motive=motive))))
    if len(plain) != 1:
        raise ValueError(f"Exactly one rewrite should keep the figure with no loaded wording; these do: {plain}")
    return SingleChoice(
        id="hype-exit-ticket",
        title="Keep the fact, drop the feeling",
        prompt=(f"Article {TICKET_ARTICLE} ¶{TICKET_PARAGRAPH} says that Meta “{TICKET_WORDS}”. Meta's own "
                f"announcement gave {figure} of spending planned for 2025. Which rewrite keeps that figure and uses "
                "no wording that the kit's list flags as loaded?"),
        options=tuple(options), correct=plain[0],
        hints=("Cross out the words that tell you how to feel. Is the figure still there?",),
        explanation=(f"A plain rewrite keeps the checkable fact and drops the words that tell the reader how to feel. "
                     f"Meta's own announcement gave {figure} of capital spending for 2025 ({ANNOUNCEMENT_CLAIM}: "
                     f"{_verdicts(ANNOUNCEMENT_CLAIM)}). The fact sheet rates the article's version "
                     f"{_verdicts(FIGURE_CLAIM)} ({FIGURE_CLAIM}): it gives only the low end of the range, and it "
                     "calls money that Meta plans to spend an influx. The article's reason for the plan, a reaction "
                     f"to DeepSeek, is rated {_verdicts(MOTIVE_CLAIM)} ({MOTIVE_CLAIM})."),
        sources=(Source(fact=FIGURE_CLAIM, article=TICKET_ARTICLE, paragraph=TICKET_PARAGRAPH),
                 Source(fact=ANNOUNCEMENT_CLAIM), Source(fact=MOTIVE_CLAIM)),
    )
