"""The exercises, figure and table of the chapter "Markets and money". Every correct answer is computed
from :mod:`solutions`."""

from __future__ import annotations

import math
import re
from html import escape

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from solutions import fact, load_articles
from solutions.data.facts import VERDICT_MEANINGS, accepted_verdicts
from solutions.data.articles import paragraph_text
from solutions.data.events import claim_event_date, event as timeline_event
from solutions.data.markets import NVIDIA, dated_moves, days_of_claim, largest_fall, selloff_date
from solutions.chapters.markets import (
    META_PLAN_CLAIM, arguable_reasons, articles_dated_before, claim_place, claim_sentence,
    close_before_largest_fall, fact_summary, market_claims, market_value_before_largest_fall, market_value_lost,
    money_figures, previous_close, unsupported_reasons,
)
from solutions.chapters.timeline import date_clues

from .charts import WIDTH_INCHES, figure_html, wrap_label
from .display import fact_link, paragraph_link, html_table
from .formatting import trim, usd, written_date
from .model import (
    ChapterExercises, Criterion, Matching, MultipleChoice, NumberQuestion, Option, Reflection, SingleChoice,
    Source, Trap,
)

#: Phrases that link a move or a spending plan to DeepSeek, or describe an effect, for the "motives" exercise
#: (INV-01b and INV-02b are the motive parts of the two sentences about Meta's plan).
REASON_CLAIMS = ("MKT-01", "MKT-02", "INV-01b", "MKT-05", "INV-02b")
#: Where article 003 says how the markets reacted: the paragraph of this claim, and its words.
REACTION_CLAIM, REACTION_WORDS = "MKT-02", "have responded sharply"
#: The events whose dates the "motives" hint compares with Meta's plan: V3's weights and R1's release.
RELEASE_CLAIMS = ("DATE-01", "DATE-02")
#: The fact row of article 002's "recently dipped".
DIPPED_CLAIM = "MKT-04"
#: The fact row of article 003's dateline.
DATELINE_CLAIM = "DATE-06"

_BLUE, _SKY, _GREEN, _VERMILION = "#0072B2", "#56B4E9", "#009E73", "#D55E00"


# --- formatting -----------------------------------------------------------------------------------------

def day(date: pd.Timestamp) -> str:
    """Fri 27 Dec 2024."""
    return written_date(date, weekday="short", month="short")


def long_day(date: pd.Timestamp) -> str:
    """Monday 27 January 2025."""
    return written_date(date, weekday="long")


def security_name(security: str) -> str:
    """Nvidia (NVDA) -> Nvidia."""
    return str(security).split(" (")[0]


def move_text(row) -> str:
    """Nvidia down 16.97%; Nvidia down over 2%; Nvidia up about 9%."""
    return f"{security_name(row.security)} {change_text(row)}"


def change_text(row) -> str:
    """down 16.97%; down over 2%; up about 9%."""
    change = float(row.change_percent)
    qualifier = "" if pd.isna(row.qualifier) else f"{row.qualifier} "
    return f"{'down' if change < 0 else 'up'} {qualifier}{trim(abs(change), 2)}%"


def dollars(value: float) -> str:
    """$118.42."""
    return f"${value:,.2f}"


def billions_range(low: float, high: float) -> str:
    """$589–593 billion."""
    if math.isclose(low, high):
        return usd(low)
    return f"${trim(low / 1e9)}–{trim(high / 1e9)} billion"


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


def _quote_label(place) -> str:
    return f"{place['article_id']} ¶{place['paragraph']}: “{place['quote']}”"


def _moves_by_day() -> dict[pd.Timestamp, list]:
    days: dict[pd.Timestamp, list] = {}
    for row in dated_moves().itertuples():
        days.setdefault(pd.Timestamp(row.date), []).append(row)
    return days


def _day_label(date: pd.Timestamp, rows) -> str:
    return f"{day(date)}: " + ", ".join(move_text(row) for row in rows)


# --- exercises ------------------------------------------------------------------------------------------

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


def price_before() -> NumberQuestion:
    fall = largest_fall()
    close, change = float(fall["close_usd"]), float(fall["change_percent"])
    before = close_before_largest_fall()
    share = abs(change) / 100
    recorded = previous_close(fall["date"])
    agrees = math.isclose(before, float(recorded["close_usd"]), abs_tol=0.01)
    check = (f"That is the close recorded for {long_day(recorded['date'])}, {dollars(recorded['close_usd'])}. The "
             "agreement shows less than it seems: a day's percentage change is worked out from that day's close and "
             "the one before, so it was bound to lead back to the earlier close. It shows that the figures were "
             "copied consistently and that the arithmetic is right; it cannot show that the closes themselves are "
             "right. For that you need a second, independent source." if agrees else
             f"The close recorded for {long_day(recorded['date'])} is {dollars(recorded['close_usd'])}: one of the "
             "figures has been copied or rounded differently, so check them against a second source.")
    return NumberQuestion(
        id="markets-price-before",
        title="Work the percentage backwards",
        prompt=(f"On {long_day(fall['date'])}, Nvidia's shares closed at {dollars(close)}, {trim(abs(change), 2)}% "
                "below the previous close. What was that previous close, in dollars per share?"),
        answer=before, tolerance=0.05, unit_words=("dollars", "usd", "us dollars"), display=dollars(before),
        traps=(
            Trap(close * (1 + share), 0.05, f"Adding {trim(abs(change), 2)}% of the new price is a common mistake: "
                                           "the percentage is a share of the price before the fall, which is larger."),
            Trap(close + abs(change), 0.05, f"That adds {trim(abs(change), 2)} dollars. The fall was "
                                            f"{trim(abs(change), 2)} per cent of the earlier price, not dollars."),
            Trap(close * (1 - share), 0.05, "That is what a second fall of the same size would leave. Work backwards "
                                            "instead."),
            Trap(close, 0.05, "That is the price after the fall. The question asks for the price before it."),
        ),
        correct_feedback=f"{dollars(close)} ÷ (1 − {trim(share, 4)}) = {dollars(before)}. {check}",
        hints=(f"A fall of {trim(abs(change), 2)}% leaves {trim(100 - abs(change), 2)}% of the earlier price.",
               f"So {dollars(close)} is {trim(100 - abs(change), 2)}% of the answer: divide by "
               f"{trim(1 - share, 4)}."),
        explanation=(f"After a fall of {trim(abs(change), 2)}%, what is left is {trim(100 - abs(change), 2)}% of the "
                     f"earlier price, so the earlier price is {dollars(close)} ÷ {trim(1 - share, 4)} = "
                     f"{dollars(before)}. {check} A percentage always needs its base: the same number of dollars "
                     "is a smaller percentage of a larger price."),
        sources=(Source(fact=str(fall["claim_id"])), Source(fact=str(recorded["claim_id"]))),
    )


def company_value() -> NumberQuestion:
    fall = largest_fall()
    change = float(fall["change_percent"])
    share = abs(change) / 100
    low, high = market_value_lost()
    before_low, before_high = market_value_before_largest_fall()
    billion = 1e9
    low_bn, high_bn = low / billion, high / billion
    first_bn, last_bn = before_low / billion, before_high / billion
    # Every value the reported range of the loss gives, and 1% either way for rounding it.
    answer_bn = (first_bn + last_bn) / 2
    rounding = answer_bn * 0.01
    tolerance = (last_bn - first_bn) / 2 + rounding
    accepted = f"{trim(answer_bn - tolerance, 0)} to {trim(answer_bn + tolerance, 0)} billion"
    after_low, after_high = first_bn - low_bn, last_bn - high_bn
    return NumberQuestion(
        id="markets-company-value",
        title="What was the whole company worth?",
        prompt=(f"On {long_day(fall['date'])}, Nvidia lost {billions_range(low, high)} of stock-market value "
                f"(reports differ slightly). That was {trim(abs(change), 2)}% of what the company was worth at the "
                "previous close. About how much was Nvidia worth before the fall? Give your answer in billions of "
                "dollars: for example, type 1,500 or 1.5 trillion for $1.5 trillion."),
        answer=answer_bn, tolerance=tolerance, scale=billion,
        unit_words=("billions", "billions of dollars", "bn dollars", "dollars", "of dollars", "usd"),
        display=(f"about {trim(first_bn, 0)}–{trim(last_bn, 0)} billion dollars (about "
                 f"${trim(answer_bn / 1000, 1)} trillion); any answer from {accepted} is accepted"),
        traps=(
            Trap(low_bn * share, low_bn * share * 0.01,
                 f"That is {trim(abs(change), 2)}% of the loss. The loss is the part; you are looking for the whole."),
            Trap(low_bn / (1 - share), low_bn / (1 - share) * 0.01,
                 f"That divides by the {trim(100 - abs(change), 2)}% that was left. Divide by the "
                 f"{trim(abs(change), 2)}% that was lost."),
            Trap((after_low + after_high) / 2, (after_high - after_low) / 2 + (after_low + after_high) / 2 * 0.005,
                 "That is what Nvidia was worth after the fall. The question asks for its value before."),
        ),
        correct_feedback=(f"{usd(low)} ÷ {trim(share, 4)} ≈ {usd(before_low, 2)}; with the high end of the range, "
                          f"{usd(high)}, it is about {usd(before_high, 2)}."),
        hints=(f"If {usd(low)} is {trim(abs(change), 2)}% of the whole, then 1% of the whole is "
               f"{usd(low)} ÷ {trim(abs(change), 2)}.",
               "Multiply 1% of the whole by 100. A trillion is a thousand billions."),
        explanation=(f"{usd(low)} ÷ {trim(share, 4)} ≈ {usd(before_low, 2)}, about {trim(first_bn, 0)} billion "
                     f"dollars, or {usd(before_high, 2)} with the {usd(high)} end of the range. Any answer from "
                     f"{accepted} dollars counts as right: that is the range the two ends of the reported loss "
                     f"give, plus 1% either way for rounding, so “${trim(answer_bn / 1000, 1)} trillion”, the range "
                     "rounded to one decimal place of a trillion, is right too. This is our arithmetic from the "
                     "reported figures, not a reported number: the number of shares did not change that day, so "
                     "the company's value fell by the same percentage as its share price. The loss was so large "
                     "because the company was so valuable."),
        sources=(Source(fact=str(fall["claim_id"])),),
    )


def _judged(claim_id: str) -> str:
    """"the fact sheet judges it misattributed (also opinion-as-fact; INV-01b)"."""
    main, *others = accepted_verdicts(claim_id)
    return f"the fact sheet judges it {main}" + (f" (also {', '.join(others)}; {claim_id})" if others else f" ({claim_id})")


def _reason_feedback(claim_id: str) -> str:
    unsupported = claim_id in unsupported_reasons([claim_id])
    arguable = claim_id in arguable_reasons([claim_id])
    verdict = ("It gives a cause or motive that no source on record gave: " if unsupported and not arguable else
               "The evidence does not settle whether a source gave this reason: " if arguable else
               "No unsourced cause or motive here: ")
    return f"{verdict}{_judged(claim_id)}. What it found: “{fact_summary(claim_id)}”"


def motives() -> MultipleChoice:
    places = [claim_place(claim_id) for claim_id in REASON_CLAIMS]
    arguable = set(arguable_reasons(REASON_CLAIMS))
    unsupported = set(unsupported_reasons(REASON_CLAIMS)) - arguable
    plan = claim_event_date(META_PLAN_CLAIM)
    releases = " and ".join(f"{day(claim_event_date(c))}" for c in RELEASE_CLAIMS)
    return MultipleChoice(
        id="markets-motives",
        title="Because of DeepSeek?",
        prompt=("Each phrase links a share move or a spending plan to DeepSeek, or describes what followed. Which "
                "ones give a cause or a motive that no source on record gave? Tick all that apply."),
        options=tuple(Option(key=place["claim_id"], label=_quote_label(place),
                             feedback=_reason_feedback(place["claim_id"])) for place in places),
        correct=frozenset(unsupported), either=frozenset(arguable),
        hints=("For each phrase, ask: who said this was the reason? Did the company, or a report on the day, "
               "say so?",
               f"Dates can rule a reason out, but never in. Meta's plan ({day(plan)}) came after DeepSeek's "
               f"releases ({releases}), so dates alone cannot rule DeepSeek out as its motive: look for what "
               "Meta itself said, and when it first planned the spending."),
        explanation=("A plan announced before an event cannot be a reaction to that event, but a plan announced "
                     "after one is not, for that reason, a reaction to it: that needs someone on record. "
                     + " ".join(f"{place['article_id']} ¶{place['paragraph']} (“{place['quote']}”): "
                                f"{_judged(place['claim_id'])}: “{fact_summary(place['claim_id'])}”"
                                for place in places if place["claim_id"] in unsupported | arguable)),
        sources=tuple(Source(fact=place["claim_id"], article=place["article_id"], paragraph=int(place["paragraph"]))
                      for place in places),
    )


def rewrite_dipped() -> Reflection:
    place = claim_place(DIPPED_CLAIM)
    fall = largest_fall()
    date = pd.Timestamp(fall["date"])
    size = abs(float(fall["change_percent"]))
    low, high = market_value_lost()
    likely, *other_days = days_of_claim(DIPPED_CLAIM)
    row = fact(DIPPED_CLAIM)
    date_words = tuple(dict.fromkeys(w.casefold() for w in (
        f"{date.day} {date:%b}", f"{date:%b} {date.day}", f"{date:%b}. {date.day}", f"{date:%B} {date.day}",
        f"{date:%A}", f"{date:%Y-%m-%d}", f"{date.day}/{date.month}", f"{date.month}/{date.day}")))
    size_words = tuple(dict.fromkeys((trim(size, 2), trim(size, 1), trim(round(size), 0))))
    loss_words = tuple(dict.fromkeys(("record", "largest", "biggest", trim(low / 1e9, 0), trim(high / 1e9, 0))))
    reading = (f"The fact sheet reads it as the fall of {long_day(likely)}" if likely == date else
               f"The fact sheet reads it as the move of {long_day(likely)}")
    return Reflection(
        id="markets-rewrite-dipped",
        title="Rewrite “recently dipped”",
        prompt=(f"Rewrite this sentence from article {place['article_id']} ¶{place['paragraph']} so that a reader "
                "learns how far Nvidia's shares fell, on which day, and how big that was. Take it, as the fact "
                f"sheet does, to mean the fall of {long_day(date)}. Keep it to one or two sentences."),
        original=claim_sentence(DIPPED_CLAIM),
        criteria=(
            Criterion("size", "You give the size of the fall.",
                      f"Give the size: Nvidia's shares fell {trim(size, 2)}% in one day.", any_of=size_words),
            Criterion("day", "You say on which day it happened.",
                      f"Give the day: {long_day(date)}. “Recently” goes out of date the moment it is printed.",
                      any_of=date_words),
            Criterion("scale", "You show how big the loss was.",
                      f"Show the scale: about {billions_range(low, high)} of market value, the largest one-day loss "
                      "for any US company.", any_of=loss_words),
            Criterion("understated", "No “dipped” or “recently”: good.",
                      "“Dipped” shrinks a record fall, and “recently” hides its date. Replace them.",
                      none_of=("dipped", "a dip", "recently", "slightly")),
        ),
        model_answer=(f"On {long_day(date)}, Nvidia's shares fell {trim(size, 2)}%, a loss of about "
                      f"{billions_range(low, high)} of stock-market value: the largest one-day loss for any US "
                      "company."),
        hints=(),
        explanation=(f"The fact sheet's verdict on “recently dipped” is {row['verdict']} "
                     f"({VERDICT_MEANINGS[str(row['verdict'])].lower().rstrip('.')}), with {row['confidence']} "
                     f"confidence, because article {place['article_id']} states no date. {reading}, the more "
                     f"likely one: “{fact_summary(DIPPED_CLAIM)}” Read that way, the simplification is a serious understatement of a {trim(size, 2)}% fall "
                     f"and a record loss of {billions_range(low, high)}. A good rewrite gives the size, the day and "
                     "the scale, and so removes the doubt that “recently” leaves."),
        sources=(Source(fact=DIPPED_CLAIM, article=place["article_id"], paragraph=int(place["paragraph"])),
                 Source(fact=str(fall["claim_id"]))),
    )


CHAPTER = ChapterExercises(
    chapter="markets", title="Markets and money",
    build=(which_day, before_the_fall, price_before, company_value, motives, rewrite_dipped),
)


# --- figure and table -----------------------------------------------------------------------------------

def _bar_colour(row, fall_date: pd.Timestamp) -> str:
    if row.security != NVIDIA:
        return _SKY
    if row.change_percent >= 0:
        return _GREEN
    return _VERMILION if pd.Timestamp(row.date) == fall_date and row.security == NVIDIA else _BLUE


def moves_chart() -> HTML:
    """Nvidia's (and the Nasdaq's) one-day moves on the dated days, with the day of Meta's spending plan noted.

    The chart does not mark article 003's date: an exercise below asks which article was written before
    the record fall."""
    moves = dated_moves()
    fall = largest_fall()
    fall_day = pd.Timestamp(fall["date"])
    low, high = market_value_lost()
    meta_plan = claim_event_date(META_PLAN_CLAIM)
    span = max(abs(moves["change_percent"].min()), moves["change_percent"].max())
    left, right = -span * 1.1, span * 1.05
    # Each row's day and security sit above its bar, so that the bars have the chart's whole width on a phone.
    fig, ax = plt.subplots(figsize=(WIDTH_INCHES, 1.1 * len(moves) + 0.8))
    for y, row in enumerate(moves.itertuples()):
        change = float(row.change_percent)
        ax.barh(y, change, color=_bar_colour(row, fall_day), height=0.66, zorder=2)
        ax.text(left, y - 0.4, f"{day(pd.Timestamp(row.date))}, {security_name(row.security)}", va="bottom",
                ha="left", color="#222222", zorder=3, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        text = change_text(row)
        if pd.Timestamp(row.date) == fall_day and row.security == NVIDIA:
            # The record bar is long enough to hold its own label (white on vermillion: contrast 4.9:1).
            text += f"\n{wrap_label(f'{billions_range(low, high)} of value', 16)}".replace("$", r"\$")
            ax.text(change + 0.5, y, text, va="center", ha="left", color="white", fontweight="bold", zorder=3,
                    linespacing=1.1)
        else:
            ax.text(change + (0.5 if change >= 0 else -0.5), y, text, va="center",
                    ha="left" if change >= 0 else "right", color="#222222")
    ax.set_yticks([])
    ax.set_ylim(len(moves) - 0.55, -0.9)
    ax.axvline(0, color="#333333", linewidth=1)
    plan_rows = [y for y, date in enumerate(moves["date"]) if date == meta_plan]
    if plan_rows:
        ax.text(0.8, plan_rows[0] + 0.05, wrap_label("Same day: Meta announces its spending plan", 14), va="center",
                ha="left", color="#333333", linespacing=1.1)
    ax.set_xlim(left, right)
    ax.set_xlabel("Change in one day (%)")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    points = "; ".join(f"{day(pd.Timestamp(r.date))}, {move_text(r)}" for r in moves.itertuples())
    alt = (f"Horizontal bar chart of one-day moves in share prices, in date order: {points}. The longest bar, "
           f"highlighted, is Nvidia on {day(fall_day)}, a loss of {billions_range(low, high)} in market value. "
           f"A note beside the {day(meta_plan)} bar says Meta announced its spending plan that day.")
    facts = ", ".join(dict.fromkeys(str(c) for c in moves["claim_id"]))
    caption = (f"One-day moves in share prices on the days the fact sheet records ({facts}). Meta announced its "
               f"spending plan on {day(meta_plan)}, before the record fall of {day(fall_day)}.")
    return figure_html(fig, alt, caption)


def money_figures_html() -> HTML:
    """Every share move, spending plan and market size in the articles, with what it is and its verdict."""
    rows = []
    for r in money_figures().itertuples():
        verdict = str(r.verdict)
        rows.append(
            f'<tr><th scope="row">{paragraph_link(r.article_id, r.paragraph)}</th><td>{escape(r.text)}</td>'
            f"<td>{escape(r.note)}</td>"
            f'<td>{fact_link(r.claim_id)}<br>'
            f'<span class="verdict verdict-{escape(verdict)}">{escape(verdict)}</span></td></tr>'
        )
    return html_table("Share moves, spending and market sizes in the five articles, with what each figure is",
                  ["Where", "Figure", "What it is", "Fact"], rows)


__all__ = ["CHAPTER", "before_the_fall", "company_value", "moves_chart", "money_figures_html",
           "motives", "price_before", "rewrite_dipped", "which_day"]
