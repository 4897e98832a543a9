"""The exercises of the chapter "What could the writer have known, and when?" that date the articles: which were
not written before the sell-off, and the earliest date an undated article can have.

Every correct answer is computed from :mod:`solutions.chapters.timeline` when an exercise is built.
"""

from __future__ import annotations

import pandas as pd

from solutions import article_ids, load_articles
from solutions.data.articles import stated_date
from solutions.data.events import days_between, event
from solutions.data.markets import selloff_date
from solutions.data.mentions import article_mentions
from solutions.chapters.timeline import (
    DATED_BEFORE, LIKELY_NOT_BEFORE, NOT_BEFORE, NOT_SHOWN, date_clues, earliest_possible, likely_earliest,
    selloff_event, standing,
)

from exercises.kinds import Matching, Option, SingleChoice, Source
from .readings import bounded_by, event_text, fact_rows_text, what_is_said, why_not_settled
from .wording import dateline_sources, day, day_count, short_day


#: The undated article whose earliest possible date is worked out in an exercise.
CASE_ARTICLE = "000"


def _articles(ids) -> str:
    ids = list(ids)
    return f"Article {ids[0]}" if len(ids) == 1 else "Articles " + ", ".join(ids[:-1]) + f" and {ids[-1]}"


def _headline(article_id: str) -> str:
    articles = load_articles().set_index("id")
    return str(articles.loc[article_id, "headline"])


def _clue_note(article_id: str) -> str:
    """What the dates attached to an undated article show, and what they do not."""
    notes = []
    for c in date_clues(article_id).itertuples():
        where = f"{article_id} ¶{c.paragraph}"
        if c.where == "a photo caption":
            notes.append(f"Its photo caption is dated {day(c.date)} ({where}). A page cannot show a photo before the "
                         "photo was taken, so the page was put together on that day or later; the caption does not "
                         "show when the text was written, which may be earlier.")
        else:
            notes.append(f"The date {day(c.date)} in {c.where} ({where}) most likely records when the file was "
                         "saved: a clue to when the page was made, not a date for the text.")
    return " ".join(notes)


def _timing_feedback(article_id: str, date: pd.Timestamp) -> str:
    stated = stated_date(article_id)
    if pd.notna(stated):
        n = days_between(stated, date)
        where = f"{day_count(n)} before" if n > 0 else "on" if n == 0 else f"{day_count(-n)} after"
        return f"Its dateline says {day(stated)}: {where} the sell-off."
    settled, likely = earliest_possible(article_id), likely_earliest(article_id)
    clue = _clue_note(article_id)
    if likely is None:
        return ("It states no date, and nothing it reports is tied to a dated event: nothing shows when it was "
                "written, before or after the sell-off. " + clue).strip()
    if settled is not None and settled["earliest_date"] >= date:
        return (f"It states no date, but its words {what_is_said(settled, facts=True)} describe the timeline's event of "
                f"{event_text(settled['earliest_key'])}, so it cannot be older than that. " + clue).strip()
    surely = ("Nothing it reports settles a date." if settled is None else
              f"The latest event it surely reports is the timeline's event of {event_text(settled['earliest_key'])}; "
              f"in its words, {what_is_said(settled, facts=True)}.")
    if likely["date"] >= date:
        bound_said = settled is not None and bounded_by(likely, settled)
        return (f"It states no date. {surely} Its words {what_is_said(likely, facts=True)} most likely refer to the "
                f"timeline's event of {event_text(likely['event_key'])}, {why_not_settled(likely, bound_said)}. "
                "So it was most likely written after the sell-off, but the text does not settle it. " + clue).strip()
    return (f"It states no date. {surely} It could be older or newer than the sell-off: nothing shows it was "
            "written before. " + clue).strip()


#: The answers of the exercise "Not written before…?", one per way an article can stand against a date.
STANDINGS = {
    DATED_BEFORE: "Written before it: its own date says so",
    NOT_BEFORE: "Not written before it: its date is later, or it surely reports the fall or something later",
    LIKELY_NOT_BEFORE: "Most likely written on or after it, but what it reports does not settle it",
    NOT_SHOWN: "Nothing in it shows whether it was written before or after",
}


def _is_are(ids, one: str, many: str) -> str:
    return one if len(ids) == 1 else many


def not_before_selloff() -> Matching:
    date = selloff_date()
    where = standing(date)
    groups = {kind: [a for a in article_ids() if where[a] == kind] for kind in STANDINGS}
    rows = tuple(Option(key=a, label=f"Article {a}: “{_headline(a)}”", short=f"Article {a}",
                        feedback=_timing_feedback(a, date)) for a in article_ids())
    parts = []
    if groups[DATED_BEFORE]:
        ids = groups[DATED_BEFORE]
        parts.append(f"{_articles(ids)} {_is_are(ids, 'is', 'are')} dated before the fall.")
    if groups[NOT_BEFORE]:
        ids = groups[NOT_BEFORE]
        parts.append(f"{_articles(ids)} cannot have been written before it: "
                     f"{_is_are(ids, 'its date is', 'their dates are')} later, or "
                     f"{_is_are(ids, 'it surely reports', 'they surely report')} the fall or something later.")
    if groups[LIKELY_NOT_BEFORE]:
        ids = groups[LIKELY_NOT_BEFORE]
        likely = [likely_earliest(a) for a in ids]
        reasons = []
        if any(r is not None and len(r["alternatives"]) for r in likely):
            reasons.append("a phrase that could describe more than one day settles only the earlier")
        if any(r is not None and not len(r["alternatives"]) for r in likely):
            reasons.append("a step the fact sheet dates only roughly may have come earlier")
        if any(c.where == "a photo caption" for a in ids for c in date_clues(a).itertuples()):
            reasons.append("a photo dates the page it is on, not the text")
        listed = (", ".join(reasons[:-1]) + " and " + reasons[-1]) if len(reasons) > 1 else "".join(reasons)
        parts.append(f"{_articles(ids)} {_is_are(ids, 'was', 'were')} most likely written on or after it, but "
                     f"nothing {_is_are(ids, 'it reports', 'they report')} settles that"
                     + (f": {listed}." if listed else "."))
    if groups[NOT_SHOWN]:
        ids = groups[NOT_SHOWN]
        parts.append(f"Nothing in {_articles(ids).lower()} shows whether {_is_are(ids, 'it was', 'they were')} "
                     "written before or after it.")
    if not groups[NOT_BEFORE]:
        parts.append(f"So no article can be shown to have been written on or after {day(date)}: the evidence "
                     "gives a most likely date, not a certain one.")
    return Matching(
        id="timeline-not-before-selloff",
        title=f"Not written before {date.day} {date:%B}?",
        prompt=(f"Nvidia's shares fell by a record amount on {day(date)}. For each article, decide what its date, "
                "or the events it reports, show about when it was written compared with that day."),
        rows=rows, options=tuple(Option(key=k, label=label) for k, label in STANDINGS.items()),
        correct=tuple((a, where[a]) for a in article_ids()),
        hints=("Only one article states its own date. For the others, find the latest event each one reports, "
               "and ask whether its words could describe more than one day.",
               "An article cannot be older than an event it surely reports. Where a phrase could describe more "
               "than one day, it settles only the earlier; and a photo dates the page it is on, not the text."),
        explanation=" ".join(parts),
        sources=tuple(dict.fromkeys([*(s for a in article_ids() for s in _evidence_sources(a)),
                                     Source(fact=str(selloff_event()["claim_id"]))])),
    )


def _evidence_sources(article_id: str) -> tuple[Source, ...]:
    """Why an article is dated where it is: its dateline, or the fact rows (and paragraph, where the
    wording is found) of the latest events it surely and most likely reports."""
    if pd.notna(stated_date(article_id)):
        return dateline_sources(article_id)
    found = []
    for row in (earliest_possible(article_id), likely_earliest(article_id)):
        if row is None:
            continue
        located = pd.notna(row["paragraph"])
        found += [Source(fact=str(c), article=article_id if located else None,
                         paragraph=int(row["paragraph"]) if located else None) for c in row["claim_ids"]]
    return tuple(dict.fromkeys(found))


def earliest_date() -> SingleChoice:
    article_id = CASE_ARTICLE
    mentions = article_mentions()
    mine = mentions[(mentions["article_id"] == article_id) & mentions["evidence"]]
    latest = earliest_possible(article_id)
    answer_date = pd.Timestamp(latest["earliest_date"])
    options: dict[str, list[str]] = {}
    feedback: dict[str, list[str]] = {}
    clue_sources: list[Source] = []
    unsettled = []
    earlier: dict[str, list[str]] = {}  # what the article reports on days before the answer
    for _, r in mine.iterrows():
        if pd.notna(r["earliest_date"]):
            when = pd.Timestamp(r["earliest_date"])
            key = f"{when:%Y-%m-%d}"
            options.setdefault(key, []).append(f"{day(when)}: {event(r['earliest_key'])['event']}. "
                                               f"In the article: {what_is_said(r)}")
            reports = (f"It does report this ({fact_rows_text(r)})" if r["settled"] else
                       f"Its words may describe this ({fact_rows_text(r)}): they give neither a size nor a date"
                       if bool(r["vague_fall"]) else f"It may report this ({fact_rows_text(r)})")
            if when < answer_date:
                earlier.setdefault(key, []).append(reports)
            else:
                feedback.setdefault(key, []).append(
                    f"This is the latest event it surely reports ({fact_rows_text(r)}), so it cannot have been written "
                    "earlier.")
        if not r["settled"]:
            unsettled.append(r)
            when = pd.Timestamp(r["date"])
            key = f"{when:%Y-%m-%d}"
            options.setdefault(key, []).append(f"{day(when)}: {event(r['event_key'])['event']}. "
                                               f"In the article: {what_is_said(r)}")
            feedback.setdefault(key, []).append(
                f"Most likely it does report this ({fact_rows_text(r)}), {why_not_settled(r)}. So these words do not "
                f"settle {day(when)}.")
    for key, reports in earlier.items():
        feedback.setdefault(key, []).insert(
            0, ". ".join(reports) + f". But it also surely reports something later: {what_is_said(latest)} describes the "
                                    f"timeline's event of {event_text(latest['earliest_key'])}.")
    for c in date_clues(article_id).itertuples():
        key = f"{c.date:%Y-%m-%d}"
        options.setdefault(key, []).append(f"{day(c.date)} (“{c.text}”, in {c.where}, ¶{c.paragraph})")
        feedback.setdefault(key, []).append(
            f"“{c.text}” is in {c.where}: a clue, not a date the article states. It dates the file or the photo, "
            "which may have been made before or after the text was written.")
        clue_sources.append(Source(article=article_id, paragraph=int(c.paragraph)))
    keys = sorted(options)

    def sources_of(row):
        located = pd.notna(row["paragraph"])
        return tuple(Source(fact=str(c), article=article_id if located else None,
                            paragraph=int(row["paragraph"]) if located else None) for c in row["claim_ids"])

    return SingleChoice(
        id="timeline-earliest-date",
        title="The earliest possible date",
        prompt=(f"Article {article_id} states no date. Going only by the events it surely reports, what is the "
                "earliest date on which it could have been written?"),
        options=tuple(Option(key=k, label=" / ".join(options[k]), feedback=" ".join(feedback[k]),
                             short=short_day(k)) for k in keys),
        correct=f"{answer_date:%Y-%m-%d}",
        hints=("An article cannot report something that has not happened yet.",
               "Find the latest of the events it surely reports. Words that could describe more than one day "
               "settle only the earlier, and a date in a file name or caption is not an event it reports."),
        explanation=(f"Article {article_id} says {what_is_said(latest, facts=True)}, which describes the timeline's event "
                     f"of {event_text(latest['earliest_key'])}: it cannot be older than that."
                     + "".join(f" Its words {what_is_said(r, facts=True)} most likely describe the timeline's event of "
                               f"{event_text(r['event_key'])}, {why_not_settled(r)}; so they do not settle a "
                               "later date." for r in unsettled if pd.Timestamp(r["date"]) > answer_date)
                     + " A date in an image path or a caption is a clue to when the page was made, not a date the "
                       "writer gives."),
        sources=tuple(dict.fromkeys([*sources_of(latest),
                                     *(s for r in unsettled if pd.Timestamp(r["date"]) > answer_date
                                       for s in sources_of(r)),
                                     *clue_sources])),
    )
