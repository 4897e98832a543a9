"""The exercises of the chapter "What could the writer have known, and when?" on the events themselves: their
order, the days between them, what the dated article's writer could know, and which criticism is fair.

Every correct answer is computed from :mod:`solutions.chapters.timeline` when an exercise is built. The event
keys below ("MKT-03.1" is the first event tied to fact MKT-03) only choose which events to ask about.
"""

from __future__ import annotations

import random

import pandas as pd

from solutions.data.reference import reference_value
from solutions.data.articles import stated_date
from solutions.data.events import chronological, days_between, event, event_date
from solutions.data.markets import load_market_moves, selloff_date
from solutions.chapters.timeline import (
    AFTER, BEFORE, SAME_DAY, could_have_known, knowable_events, relative_to, selloff_event,
)

from exercises.formatting import trim
from exercises.kinds import Matching, MultipleChoice, NumberQuestion, Option, Ordering, Source, Trap
from .wording import dateline_sources, day, day_count, short_day, the_dated_article


#: Events to put in order (shown shuffled; the order is computed from their dates).
ORDER_KEYS = ("MKT-03.1", "INV-01a.1", "DATE-01.1", "DATE-05.1", "DATE-03.1", "DATE-02.1")
#: The key of the "none of them" option.
NONE = "none"
#: Short names for the events the ordering exercise uses, in sentences of its explanation.
SHORT_NAMES = {"MKT-03.1": "the sell-off", "INV-01a.1": "Meta's spending plan", "DATE-01.1": "V3's weights",
               "DATE-05.1": "the app's No. 1 ranking", "DATE-03.1": "OpenAI's o3 announcement",
               "DATE-02.1": "R1's release"}
#: Events to ask about for the article that states its date.
KNOWABLE_KEYS = ("DATE-01.2", "GPU-06.1", "INV-01a.1", "MKT-03.1", "OTH-06.1", "GPU-06.2", "COST-11.1")


def _named(key: str) -> str:
    """An event as the timeline words it (the kit's own words, so not in quotation marks)."""
    return str(event(key)["event"])


def _first_of(a: str, b: str) -> str:
    """How two events are ordered, from their dates: "Meta's spending plan came 3 days before the sell-off"."""
    n = days_between(event_date(a), event_date(b))
    when = f"{day_count(n)} before" if n > 0 else "on the same day as" if n == 0 else f"{day_count(-n)} after"
    return f"{SHORT_NAMES[a]} came {when} {SHORT_NAMES[b]}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(n: int) -> str:
    words = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")
    return words[n] if 0 <= n < len(words) else str(n)


def event_order() -> Ordering:
    order = chronological(ORDER_KEYS)
    months = pd.Series([f"{event_date(k):%B %Y}" for k in order]).value_counts(sort=False).to_dict()
    items = [Option(key=key, label=str(event(key)["event"])) for key in ORDER_KEYS]
    shown = sorted(items, key=lambda option: random.Random(option.key).random())
    return Ordering(
        id="timeline-event-order",
        title="Which came first?",
        prompt="Without looking anything up, put these events in the order they happened, earliest first.",
        items=tuple(shown), correct=tuple(order),
        hints=(", and ".join(f"{_count(n).lower()} in {month}" if i else f"{_count(n)} of them happened in {month}"
                             for i, (month, n) in enumerate(months.items())) + ".",
               "A company cannot react to a market fall that has not happened yet: check the spending plan "
               "against the sell-off."),
        explanation=("In order: " + "; ".join(f"{short_day(event_date(k))}, {SHORT_NAMES[k]}" for k in order)
                     + f". {_upper_first(_first_of('INV-01a.1', 'MKT-03.1'))}"
                     + (", so it cannot have been a reaction to it" if event_date("INV-01a.1") < event_date("MKT-03.1")
                        else "")
                     + f"; and {_first_of('DATE-03.1', 'DATE-01.1')}."),
        sources=tuple(Source(fact=event(key)["claim_id"]) for key in order),
    )


def days_to_selloff() -> NumberQuestion:
    weights, report, r1 = event("DATE-01.1"), event("DATE-01.2"), event("DATE-02.1")
    selloff = selloff_event()
    days = days_between(weights["date"], selloff["date"])
    from_report = days_between(report["date"], selloff["date"])
    from_r1 = days_between(r1["date"], selloff["date"])
    from_ranking = days_between(event_date("DATE-05.1"), selloff["date"])
    return NumberQuestion(
        id="timeline-days-to-selloff",
        title="How long did the markets take?",
        prompt=("Use the timeline. How many days passed between DeepSeek posting V3's weights on Hugging Face "
                "and the day of Nvidia's sell-off?"),
        answer=float(days), tolerance=0.5, unit_words=("days", "day", "d"), display=day_count(days),
        traps=(
            Trap(float(from_report), 0.5, f"That counts from the V3 report on arXiv ({day(report['date'])}). "
                                          "The weights came out the day before."),
            Trap(float(from_r1), 0.5, f"That counts from R1's release ({day(r1['date'])}). The question asks "
                                      "about V3, the model released in December."),
            Trap(float(days + 1), 0.5, "You counted both the first and the last day. Count the days from one "
                                       "date to the other, as you would count a person's age."),
        ),
        correct_feedback=(f"{day(weights['date'])} to {day(selloff['date'])} is {day_count(days)}. R1 had come out only "
                          f"{day_count(from_r1)} before the sell-off."),
        hints=("Find both dates on the timeline.",
               f"Count the days left in {weights['date']:%B} after the {weights['date'].day}th, then add the days "
               f"of {selloff['date']:%B} up to the {selloff['date'].day}th."),
        explanation=(f"From {day(weights['date'])} to {day(selloff['date'])} is {day_count(days)}. The big fall came "
                     f"{day_count(from_r1)} after R1's release and {day_count(from_ranking)} after the app reached No. 1 in "
                     "the US. Timing alone does not prove a cause: an article that links the fall to one of these "
                     "events should say who made the link."),
        sources=(Source(fact=weights["claim_id"]), Source(fact=selloff["claim_id"])),
    )


def known_on_date() -> MultipleChoice:
    article_id = the_dated_article()
    date = stated_date(article_id)
    answer = set(could_have_known(article_id, KNOWABLE_KEYS))
    statuses = knowable_events(article_id).set_index("key")
    options = []
    for key in KNOWABLE_KEYS:
        when = pd.Timestamp(statuses.loc[key, "date"])
        n = days_between(when, date)
        status = statuses.loc[key, "status"]
        note = {BEFORE: f"{day(when)}, {day_count(n)} before the article's date.",
                SAME_DAY: f"{day(when)}, the article's own date: whether the writer could know depends on the hour.",
                AFTER: f"{day(when)}, {day_count(-n)} after the article's date."}[status]
        options.append(Option(key=key, label=str(statuses.loc[key, "event"]), feedback=note))
    return MultipleChoice(
        id="timeline-known-on-date",
        title=f"What could article {article_id}'s writer know?",
        prompt=(f"Article {article_id} is dated {day(date)}. Which of these could its writer have known when "
                "writing it? Tick all that apply."),
        options=tuple(options), correct=frozenset(answer),
        hints=("Find each event on the timeline and compare its date with the article's.",
               "Anything in the grey part of the timeline had not happened yet."),
        explanation=(f"Only events before {day(date)} could be known: "
                     + "; ".join(_named(k) for k in KNOWABLE_KEYS if k in answer)
                     + ". Not yet: " + "; ".join(_named(k) for k in KNOWABLE_KEYS if k not in answer)
                     + ". A reader today knows all of these; the writer did not."),
        sources=(*dateline_sources(article_id),
                 *(Source(fact=c) for c in dict.fromkeys(str(statuses.loc[k, "claim_id"]) for k in KNOWABLE_KEYS))),
    )


def _criticisms() -> list[tuple[str, str, int | None, str]]:
    """Criticisms of the dated article: (fact it rests on, event key of the evidence, paragraph, text)."""
    moves = load_market_moves()
    fall = moves.loc[moves["date"] == selloff_date(), "change_percent"].min()
    gpus = trim(reference_value("v3_cluster_gpus"), 0)
    return [
        ("COST-04", "DATE-01.2", 9, f"It gives V3's training cost and its {gpus} GPUs to R1, as if they were R1's."),
        ("MKT-03", "MKT-03.1", None, f"It does not report that Nvidia's shares fell by about {trim(abs(fall), 0)}%."),
        ("INV-02b", "INV-01a.1", 11, "It calls Meta's spending plan a response to Chinese competition, though "
                                   "Meta's announcement does not mention China."),
        ("COST-11", "COST-11.1", None, "It does not give R1's own training cost."),
        ("MKT-01", "MKT-01.1", 7, "It ties Nvidia's small fall in December to V3's launch, though market reports "
                                  "that day gave other reasons."),
    ]


def fair_criticism() -> Matching:
    article_id = the_dated_article()
    date = stated_date(article_id)
    rows, pairs, sources = [], [], []
    criticisms = _criticisms()
    for claim_id, key, paragraph, text in criticisms:
        evidence = event(key)
        status = relative_to(date, evidence["date"])
        n = days_between(evidence["date"], date)
        timing = (f"{day_count(n)} before" if n > 0 else "on the same day as" if n == 0 else f"{day_count(-n)} after")
        where = f"{article_id} ¶{paragraph}" if paragraph else f"Missing from {article_id}"
        rows.append(Option(key=claim_id, label=f"{where}: {text}", short=where,
                           feedback=(f"The evidence ({_named(key)}) dates from {day(evidence['date'])}, {timing} "
                                     "the article.")))
        pairs.append((claim_id, status))
        sources.append(Source(fact=claim_id, article=article_id if paragraph else None, paragraph=paragraph))
    choices = (Option(key=BEFORE, label="Fair: the evidence was public before the article's date"),
               Option(key=SAME_DAY, label="Hard to judge: the evidence appeared on the article's own date"),
               Option(key=AFTER, label="Unfair: the evidence appeared only after the article's date"))
    return Matching(
        id="timeline-fair-criticism",
        title="Fair to the writer?",
        prompt=(f"Article {article_id} is dated {day(date)}. A reader today criticises it in five ways. For each, "
                "decide whether it is fair to the writer, going by when the evidence became public."),
        rows=tuple(rows), options=choices, correct=tuple(pairs),
        hints=("For each criticism, ask: which document or event shows the article is wrong, and when did it "
               "appear?",
               f"The V3 report appeared in {event_date('DATE-01.2'):%B %Y}; R1's own cost was first published in "
               f"{event_date('COST-11.1'):%B %Y}."),
        explanation=("A writer can be held to what was public when they wrote: "
                     + "; ".join(_named(k) for _, k, _, _ in criticisms if relative_to(date, event_date(k)) == BEFORE)
                     + ". They cannot be blamed for missing what came later: "
                     + "; ".join(_named(k) for _, k, _, _ in criticisms if relative_to(date, event_date(k)) == AFTER)
                     + "."),
        sources=tuple(sources),
    )
