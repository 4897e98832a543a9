"""The exercises of the chapter "Markets and money" that date the moves: which day each move happened, and which
article was written before the record fall. Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

import re

import pandas as pd

from solutions import fact, load_articles
from solutions.data.articles import paragraph_text
from solutions.data.events import event as timeline_event
from solutions.data.markets import dated_moves, largest_fall, selloff_date
from solutions.chapters.markets import articles_dated_before, claim_place, fact_summary, market_claims
from solutions.chapters.timeline import date_clues

from exercises.kinds import Matching, Option, SingleChoice, Source
from .wording import day, long_day, move_text


#: Where article 003 says how the markets reacted: the paragraph of this claim, and its words.
REACTION_CLAIM, REACTION_WORDS = "MKT-02", "have responded sharply"


#: The fact row of article 003's dateline.
DATELINE_CLAIM = "DATE-06"


def _opening(quote: str, words: int = 4) -> str:
    """The first few words of a quotation: “NVIDIA’s stock dropping by…”."""
    parts = str(quote).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _dates_in(text: str) -> list[pd.Timestamp]:
    """Calendar dates written in a text, such as "2025/01/28" or "January 27, 2025"."""
    found = re.findall(r"\b\d{4}/\d{2}/\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|"
                       r"October|November|December) \d{1,2}, \d{4}\b|\b\d{1,2} (?:January|February|March|April|May|"
                       r"June|July|August|September|October|November|December) \d{4}\b", text)
    return [pd.Timestamp(pd.to_datetime(date.replace("/", "-"))) for date in found]


def _moves_by_day() -> dict[pd.Timestamp, list]:
    days: dict[pd.Timestamp, list] = {}
    for row in dated_moves().itertuples():
        days.setdefault(pd.Timestamp(row.date), []).append(row)
    return days


def _day_label(date: pd.Timestamp, rows) -> str:
    return f"{day(date)}: " + ", ".join(move_text(row) for row in rows)

def _places_text(rows) -> str:
    return ", ".join(dict.fromkeys(f"{r.article_id} ¶{r.paragraph}" for r in rows))


def _which_day_explanation(claims: pd.DataFrame) -> str:
    days = _moves_by_day()
    with_numbers = claims[claims["quote"].str.contains(r"\d", regex=True)]
    without = claims[~claims.index.isin(with_numbers.index)]
    settled = without[without["dates"].map(len) == 1]
    open_ = without[without["dates"].map(len) > 1]
    parts = []
    if not with_numbers.empty:
        described = " and ".join(dict.fromkeys(day(pd.Timestamp(d)) for d in with_numbers["date"]))
        parts.append(f"The phrases with numbers ({_places_text(with_numbers.itertuples())}) describe {described}: "
                     "find the bar with the same number.")
    if not settled.empty:
        described = " and ".join(dict.fromkeys(day(pd.Timestamp(d)) for d in settled["date"]))
        parts.append("The phrases without numbers " + ", ".join(f"“{r.quote}” ({r.article_id} ¶{r.paragraph})"
                                                                  for r in settled.itertuples())
                     + f" describe {described}, the day of Nvidia's record fall, as the fact sheet reads them.")
    if not open_.empty:
        parts.append("A phrase that gives neither a size nor a date may mean more than one fall, so it settles "
                     "only the earliest.")
    for r in open_.itertuples():
        main, *others = [pd.Timestamp(d) for d in r.dates]
        parts.append(f"“{r.quote}” ({r.article_id} ¶{r.paragraph}) most likely describes {day(main)}, as the fact "
                     f"sheet reads it ({', '.join(r.claim_ids)}); but article {r.article_id} states no date, "
                     + _why_also(r, others, days) + "; either is accepted.")
    return " ".join(parts)


def _why_also(row, others, days) -> str:
    """Why a phrase may also mean other days: the fact sheet's own second reading, or the latest fall its
    writer could have seen on the earliest day the rest of the article settles."""
    sheet = [d for d in others if d in row.sheet_dates]
    ruled = [d for d in others if d not in row.sheet_dates]
    clauses = []
    if sheet:
        clauses.append("so the fact sheet also allows " + " or ".join(_day_label(d, days[d]) for d in sheet)
                       + f" ({row.claim_id})")
    if ruled:
        if pd.notna(row.bound_key):
            bound = timeline_event(row.bound_key)
            clauses.append(f"and the latest event the rest of it surely reports came on {long_day(bound['date'])} "
                           f"({bound['claim_id']}). Written that day, it would describe the latest fall by then, "
                           + " or ".join(f"{_day_label(d, days[d])} ({_move_claims(days[d])})" for d in ruled))
        else:
            clauses.append("and nothing else in it settles a date, so it may also mean "
                           + " or ".join(_day_label(d, days[d]) for d in ruled))
    return "; ".join(clauses)


def _move_claims(rows) -> str:
    return ", ".join(dict.fromkeys(str(r.claim_id) for r in rows))


def _other_day_feedback(row, other: pd.Timestamp) -> str:
    """Why another day is right too for a phrase that may describe more than one fall."""
    main = pd.Timestamp(row.date)
    if other in row.sheet_dates:
        claim = fact(row.claim_id)
        return (f"Article {row.article_id} states no date, so the fact sheet leaves this reading open ({row.claim_id}, "
                f"confidence {claim['confidence']}): “{fact_summary(row.claim_id)}” "
                f"{day(main)} comes first because it is the more likely.")
    days = _moves_by_day()
    if pd.isna(row.bound_key):
        since = (f"Article {row.article_id} states no date and nothing else in it settles one, and the words give "
                 "neither a size nor a date, so they may mean this fall.")
    else:
        bound = timeline_event(row.bound_key)
        since = (f"Article {row.article_id} states no date, and the latest event the rest of it surely reports came "
                 f"on {long_day(bound['date'])} ({bound['claim_id']}). Written that day, the latest fall its writer "
                 f"could have seen was this one ({_move_claims(days[other])}), and the words give neither a size nor a date, "
                 "so they may mean it.")
    return (f"{since} {day(main)} comes first because the fact sheet reads the words so ({row.claim_id}): "
            f"“{fact_summary(row.claim_id)}”")


def which_day() -> Matching:
    claims = market_claims()
    days = _moves_by_day()
    rows, pairs, also = [], [], []
    for row in claims.itertuples():
        key = f"{row.claim_id}-{row.article_id}-{row.paragraph}"
        described = [pd.Timestamp(d) for d in row.dates]
        feedback = f"It describes {_day_label(described[0], days[described[0]])}."
        if len(described) > 1:
            feedback = (f"It most likely describes {_day_label(described[0], days[described[0]])}; as article "
                        f"{row.article_id} states no date, it may also mean "
                        + " or ".join(_day_label(d, days[d]) for d in described[1:]) + ".")
        rows.append(Option(key=key, label=f"{row.article_id} ¶{row.paragraph}: “{row.quote}”",
                           short=f"{row.article_id} ¶{row.paragraph} (“{_opening(row.quote)}”)", feedback=feedback))
        pairs.append((key, f"{described[0]:%Y-%m-%d}"))
        also += [(key, f"{d:%Y-%m-%d}", _other_day_feedback(row, d)) for d in described[1:]]
    options = tuple(Option(key=f"{date:%Y-%m-%d}", label=_day_label(date, moves)) for date, moves in days.items())
    return Matching(
        id="markets-which-day",
        title="Which day is that?",
        prompt=("Each phrase from the articles describes a move in share prices. Which trading day does each one "
                "describe? Use the chart above."),
        rows=tuple(rows), options=options, correct=tuple(pairs), also=tuple(also),
        hints=("Where a phrase gives a number, find the bar with that number.",
               "A phrase without a number still describes a real day. Which day would make a writer talk about "
               "Nvidia and the whole Nasdaq? And where an article gives no date, could a phrase mean more than "
               "one day?"),
        explanation=_which_day_explanation(claims),
        sources=tuple(Source(fact=claim_id, article=row.article_id, paragraph=int(row.paragraph))
                      for row in claims.itertuples() for claim_id in row.claim_ids),
    )


def before_the_fall() -> SingleChoice:
    articles = load_articles()
    fall = selloff_date()
    (dated_before,) = articles_dated_before(fall)
    options = []
    for row in articles.itertuples():
        if pd.isna(row.date):
            feedback = "Its text gives no date of its own, so nothing in it shows that it was written before the fall."
            clues = _dates_in(str(row.provenance))
            if clues:
                clue = min(clues)
                feedback += (f" The {'only' if len(clues) == 1 else 'earliest'} date it carries, {long_day(clue)}, is "
                             f"{'on or after' if clue >= fall else 'before'} the day of the fall.")
        else:
            gap = int((fall - row.date) / pd.Timedelta(days=1))
            when = f"{abs(gap)} day{'s' if abs(gap) != 1 else ''} {'before' if gap > 0 else 'after'}"
            feedback = f"Its dateline gives {long_day(row.date)}: {when} the record fall on {long_day(fall)}."
        options.append(Option(key=row.id, label=f"Article {row.id}: {row.provenance}", feedback=feedback,
                              short=f"Article {row.id}"))
    chosen = articles.set_index("id").loc[dated_before]
    undated = articles.loc[articles["date"].isna(), "id"]
    clues = date_clues()
    clue_when = ("on or after" if (clues["date"] >= fall).all() else "some of them before") if len(clues) else ""
    reaction = claim_place(REACTION_CLAIM)
    sharp = REACTION_WORDS if REACTION_WORDS in paragraph_text(reaction["article_id"], reaction["paragraph"]) else ""
    return SingleChoice(
        id="markets-before-the-fall",
        title=f"Written before the fall of {fall.day} {fall:%B}",
        prompt=(f"Nvidia's record fall came on {long_day(fall)}. Below is what each article's text says about "
                "when it was written. Which one shows that it was written before that day?"),
        options=tuple(options), correct=dated_before,
        hints=("Look for a date in each description, and compare it with the day of the fall.",
               "A page that shows a photo cannot have been published before the photo was taken. That dates the "
               "page, not the writing: the text may be older than the photo put beside it, so a photo dated after "
               "the fall does not show when the text was written."),
        explanation=(f"Article {dated_before} is dated {long_day(chosen['date'])}, before the fall."
                     + (f" When it says that the markets “{sharp}” ({dated_before} ¶{reaction['paragraph']}), it can "
                        "only mean the smaller falls that came earlier; it cannot be reporting the fall of "
                        f"{long_day(fall)}." if sharp else "")
                     + " The other articles (" + ", ".join(sorted(undated)) + ") give no date of their own"
                     + (f"; the clues some of them carry, an image's file name or a photo caption, are dated "
                        f"{clue_when} the fall. Such a clue dates the page, not the text: a page cannot show a "
                        "photo before it was taken, but the words beside it may be older." if clue_when else ".")),
        sources=(Source(fact=DATELINE_CLAIM, article=dated_before,
                        paragraph=int(claim_place(DATELINE_CLAIM)["paragraph"])),
                 Source(fact=str(largest_fall()["claim_id"]))),
    )
