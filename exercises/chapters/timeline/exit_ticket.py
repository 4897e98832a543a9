"""The exit ticket of the chapter "What could the writer have known, and when?": is one more criticism of the dated
article fair to its writer?

The criticism rests on an event that none of the page's exercises asks about (a download count); whether it is fair
is computed from the article's stated date and the event's date (:func:`solutions.chapters.timeline.knowable_events`).
"""

from __future__ import annotations

import pandas as pd

from solutions.data.articles import stated_date
from solutions.data.events import days_between, event
from solutions.chapters.timeline import AFTER, BEFORE, SAME_DAY, knowable_events

from exercises.kinds import Option, SingleChoice, Source
from .wording import dateline_sources, day, day_count, the_dated_article

#: The event the criticism says the article leaves out.
CRITICISM_EVENT = "DL-01.2"
#: The three ways a criticism can stand against the writer's date, as the chapter's "Fair to the writer?" words them.
FAIRNESS = {
    BEFORE: "Fair: the evidence was public before the article's date",
    SAME_DAY: "Hard to judge: the evidence appeared on the article's own date",
    AFTER: "Unfair: the evidence appeared only after the article's date",
}
#: Why each answer follows from the dates.
REASONS = {
    BEFORE: "The writer could have found it, so the criticism is fair.",
    SAME_DAY: "Whether the writer could have known it depends on the hour and the time zone.",
    AFTER: "A writer cannot report what has not happened yet, so the criticism is unfair to them.",
}


def _timing(article_date: pd.Timestamp, event_date: pd.Timestamp) -> str:
    """When the evidence appeared, counted from the article's date."""
    n = days_between(article_date, event_date)
    when = (f"{day_count(n)} after" if n > 0 else "on the same day as" if n == 0 else f"{day_count(-n)} before")
    return f"The evidence dates from {day(event_date)}, {when} the article."


def exit_ticket() -> SingleChoice:
    article_id = the_dated_article()
    date = stated_date(article_id)
    evidence = event(CRITICISM_EVENT)
    answer = str(knowable_events(article_id).set_index("key").loc[CRITICISM_EVENT, "status"])
    timing = f"{_timing(date, pd.Timestamp(evidence['date']))} {REASONS[answer]}"
    return SingleChoice(
        id="timeline-exit-ticket",
        title="One more criticism",
        prompt=(f"Article {article_id} is dated {date:%A} {day(date)}. A reader today criticises it for leaving out "
                f"an event of {pd.Timestamp(evidence['date']):%A} {day(evidence['date'])}: {evidence['event']}. Is the "
                "criticism fair to the writer?"),
        options=tuple(Option(key=key, label=label, feedback=timing) for key, label in FAIRNESS.items()),
        correct=answer,
        hints=("Compare the date of the evidence with the date of the article.",),
        explanation=(f"{timing} Judge a writer by the evidence that existed when they wrote; judge an article you "
                     "are about to rely on by all the evidence that exists today."),
        sources=(*dateline_sources(article_id), Source(fact=str(evidence["claim_id"]))),
    )
