"""The answers for the chapter "Markets and money".

Which day each article's phrase describes (every day the fact sheet allows, the most likely first), what
an article's date lets it know, percentages worked backwards, causes and motives that no source on record
gave, and the different kinds of money the articles put side by side. The moves themselves are loaded by
:mod:`solutions.data.markets`.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from solutions.analyser.figures import amounts
from solutions.analyser.sentences import sentence_spans
from solutions.data.articles import articles_shown_before, paragraph_text
from solutions.data.events import claim_event_date, days_between, event as timeline_event
from solutions.data.facts import accepted_verdicts, fact, fact_text, load_facts, locate_wording
from solutions.data.ledger import seed_ledger
from solutions.data.markets import NVIDIA, dated_moves, days_of_claim, largest_fall, nvidia_moves, selloff_date
from solutions.data.mentions import article_mentions
from solutions.data.quoting import quote_in_article, quote_span, spans_overlap
from solutions.data.reference import reference_value

#: Verdicts that mean a claim gives a source, cause or motive the record does not support.
UNSUPPORTED_REASON_VERDICTS = ("misattributed", "opinion-as-fact")
#: Ledger kinds of the figures this chapter discusses: share moves, spending and market sizes.
MONEY_KINDS = ("stock", "investment", "market_size")
#: The fact row of Meta's capital-spending plan (the figure part; its date is an event in ``events.csv``).
META_PLAN_CLAIM = "INV-01a"
#: The fact row of Bain's forecast of the AI market, quoted as "$990 billion".
FORECAST_CLAIM = "INV-03"


def _percent(change_percent: float) -> float:
    change = float(change_percent)
    if not math.isfinite(change) or change <= -100:
        raise ValueError(f"A price cannot change by {change_percent!r}%: a fall is always less than 100%.")
    return change


def price_before_move(close: float, change_percent: float) -> float:
    """The price before a move, from the price after it: a close of $118.42 after -16.97% was $142.62 before.

    A percentage change is a share of the price *before* the move, so the close is ``before × (1 + change/100)``.
    """
    close = float(close)
    if not math.isfinite(close) or close < 0:
        raise ValueError(f"A price must be a finite number of zero or more, not {close!r}.")
    return close / (1 + _percent(change_percent) / 100)


def value_before_move(value_change: float, change_percent: float) -> float:
    """The whole from a part: if a change of ``value_change`` dollars is ``change_percent``% of it."""
    change = _percent(change_percent)
    if change == 0:
        raise ValueError("A change of 0% says nothing about the size of the whole.")
    return float(value_change) / (change / 100)


def close_before_largest_fall() -> float:
    """Nvidia's price before its largest fall, worked back from the close and the percentage."""
    row = largest_fall()
    return price_before_move(row["close_usd"], row["change_percent"])


def previous_close(date: pd.Timestamp | str | None = None) -> pd.Series:
    """The last Nvidia move with a recorded close before ``date`` (by default the largest fall's day)."""
    date = selloff_date() if date is None else pd.Timestamp(date)
    moves = nvidia_moves()
    earlier = moves[(moves["date"] < date) & moves["close_usd"].notna()]
    if earlier.empty:
        raise KeyError(f"No Nvidia close is recorded before {date:%Y-%m-%d}.")
    return earlier.iloc[-1]


def market_value_lost() -> tuple[float, float]:
    """Nvidia's loss of market value on the day of its largest fall, as a positive range (low, high)."""
    row = largest_fall()
    low, high = abs(float(row["market_value_change_usd"])), row["market_value_change_usd_high"]
    high = low if pd.isna(high) else abs(float(high))
    return min(low, high), max(low, high)


def market_value_before_largest_fall() -> tuple[float, float]:
    """What Nvidia was worth before its largest fall, worked back from the loss and the percentage (range)."""
    change = float(largest_fall()["change_percent"])
    low, high = market_value_lost()
    return value_before_move(-low, change), value_before_move(-high, change)


def index_moves_on(date: pd.Timestamp | str) -> pd.DataFrame:
    """The moves of anything other than Nvidia (such as the Nasdaq Composite) on one day."""
    moves = dated_moves()
    return moves[(moves["date"] == pd.Timestamp(date)) & (moves["security"] != NVIDIA)].reset_index(drop=True)


def day_of_claim(claim_id: str) -> pd.Timestamp:
    """The trading day a market claim most likely describes (the first of :func:`days_of_claim`)."""
    return days_of_claim(claim_id)[0]


def _specificity(claim_id: str) -> int:
    """How many articles a fact row covers: a row about one article's words is more specific than a
    reference row that covers three."""
    return len(fact(claim_id)["seed_ids"]) or 99


def market_claims() -> pd.DataFrame:
    """The articles' phrases about the markets (fact rows on the topic "markets"), one row per phrase.

    Fact rows whose wordings overlap in the same paragraph describe the same phrase ("witnessing a stock
    downturn" and "a stock downturn that rippled across the Nasdaq" in 000 ¶10) and are merged into one
    row, quoted as the article's words from the start of the first to the end of the last.

    Columns: ``claim_id`` (the most specific row, whose reading comes first), ``claim_ids`` (every row
    found there), ``wording`` (that row's wording), ``quote`` (the article's own words), ``article_id``,
    ``paragraph``, ``verdict`` (of ``claim_id``), ``date`` (the day the phrase most likely describes),
    ``dates`` (every day it may describe, ``date`` first), ``sheet_dates`` (those the fact sheet's rows
    name) and ``bound_key``: for a phrase that gives neither a size nor a date, the event that the rest of
    the article surely reports and that sets which earlier fall it may also mean (see
    :mod:`solutions.data.mentions`; missing otherwise). In the order of the fact sheet.

    The days beyond the fact sheet's come from :func:`solutions.data.mentions.article_mentions`, so the two
    chapters read every phrase alike.
    """
    facts = load_facts()
    mentions = article_mentions()
    move_days = set(dated_moves()["date"])
    found = []
    for order, row in enumerate(facts[facts["topic"] == "markets"].itertuples()):
        places = locate_wording(row.claim_id).drop_duplicates(["article_id", "paragraph"])
        for place in places.itertuples():
            span = quote_span(place.article_id, int(place.paragraph), place.alternative)
            found.append({"order": order, "claim_id": row.claim_id, "wording": place.alternative,
                          "article_id": place.article_id, "paragraph": int(place.paragraph), "span": span})
    phrases: list[list[dict]] = []
    for item in found:
        for phrase in phrases:
            same_place = (phrase[0]["article_id"], phrase[0]["paragraph"]) == (item["article_id"], item["paragraph"])
            if same_place and item["span"] and any(spans_overlap(item["span"], other["span"]) for other in phrase):
                phrase.append(item)
                break
        else:
            phrases.append([item])
    rows = []
    for phrase in phrases:
        main = min(phrase, key=lambda item: (_specificity(item["claim_id"]), item["order"]))
        text = paragraph_text(main["article_id"], main["paragraph"])
        spans = [item["span"] for item in phrase if item["span"]]
        quote = (text[min(s for s, _ in spans):max(e for _, e in spans)] if spans
                 else quote_in_article(main["article_id"], main["paragraph"], main["wording"]))
        dates = list(days_of_claim(main["claim_id"]))
        for item in phrase:
            dates += [d for d in days_of_claim(item["claim_id"]) if d not in dates]
        sheet_dates = tuple(dates)
        claim_ids = tuple(dict.fromkeys(item["claim_id"] for item in sorted(phrase, key=lambda i: i["order"])))
        bound = pd.NA
        here = mentions[(mentions["article_id"] == main["article_id"]) & (mentions["paragraph"] == main["paragraph"])
                        & mentions["claim_ids"].map(lambda ids: bool(set(ids) & set(claim_ids)))]
        for mention in here.itertuples():
            for key in mention.alternatives:
                day = pd.Timestamp(timeline_event(key)["date"])
                if day in move_days and day not in dates:
                    dates.append(day)
            if pd.notna(mention.bound_key):
                bound = mention.bound_key
        rows.append((main["claim_id"], claim_ids, main["wording"], quote, main["article_id"], main["paragraph"],
                     str(fact(main["claim_id"])["verdict"]), dates[0], tuple(dates), sheet_dates, bound,
                     min(item["order"] for item in phrase)))
    table = pd.DataFrame(rows, columns=["claim_id", "claim_ids", "wording", "quote", "article_id", "paragraph",
                                        "verdict", "date", "dates", "sheet_dates", "bound_key", "order"])
    return table.sort_values("order", kind="stable").drop(columns="order").reset_index(drop=True)


def claim_place(claim_id: str) -> pd.Series:
    """The first place a fact's wording appears in the seeds: ``claim_id``, ``wording``, ``quote`` (the
    article's own words), ``article_id``, ``paragraph``."""
    places = locate_wording(claim_id)
    if places.empty:
        raise KeyError(f"The wording of fact {claim_id} was not found in the seeds.")
    row = places.iloc[0]
    paragraph = int(row["paragraph"])
    return pd.Series({"claim_id": claim_id, "wording": row["alternative"],
                      "quote": quote_in_article(row["article_id"], paragraph, row["alternative"]),
                      "article_id": row["article_id"], "paragraph": paragraph})


def claim_sentence(claim_id: str) -> str:
    """The whole sentence around the first place a fact's wording appears in the seeds."""
    place = claim_place(claim_id)
    text = paragraph_text(place["article_id"], place["paragraph"])
    first = place["quote"].split(" … ")[0]
    for start, end in sentence_spans(text):
        if first in text[start:end]:
            return text[start:end]
    return text


def articles_dated_before(date: pd.Timestamp | str | None = None) -> list[str]:
    """Articles whose own text gives a date before ``date`` (by default the day of Nvidia's largest fall)."""
    return articles_shown_before(selloff_date() if date is None else date)


def unsupported_reasons(claim_ids) -> list[str]:
    """Of ``claim_ids``, those whose main verdict says they give a cause or motive that no source on record
    gave (misattributed or opinion-as-fact)."""
    return [claim_id for claim_id in claim_ids if str(fact(claim_id)["verdict"]) in UNSUPPORTED_REASON_VERDICTS]


def arguable_reasons(claim_ids) -> list[str]:
    """Of ``claim_ids``, those the evidence does not settle: the main verdict and an ``also`` verdict
    disagree on whether the cause or motive has a source."""
    arguable = []
    for claim_id in claim_ids:
        unsupported = {v in UNSUPPORTED_REASON_VERDICTS for v in accepted_verdicts(claim_id)}
        if len(unsupported) == 2:
            arguable.append(claim_id)
    return arguable


def fact_summary(claim_id: str) -> str:
    """What the fact sheet found for a claim, in its own words: the "Fact:" line of its entry in
    ``facts.md``, without the Markdown emphasis."""
    match = re.search(r"^- \*\*Fact:\*\*\s*(.+)$", fact_text(claim_id), re.MULTILINE)
    if match is None:
        return str(fact(claim_id)["verified_value"])
    return re.sub(r"\*\*|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])", "", match.group(1)).strip()


def days_before_fall(claim_id: str, kind: str | None = None) -> int:
    """How many days an event came before Nvidia's largest fall (negative if it came after)."""
    return days_between(claim_event_date(claim_id, kind), selloff_date())


def meta_capex_range() -> tuple[float, float]:
    """Meta's planned capital spending for 2025, low and high end ($60-65 billion)."""
    return reference_value("meta_capex_2025_low_usd"), reference_value("meta_capex_2025_high_usd")


def forecast_range() -> tuple[float, float]:
    """Bain's forecast of the AI market by 2027, low and high end, read from the fact sheet's verified value."""
    found = []
    for _, _, reading, _ in amounts(str(fact(FORECAST_CLAIM)["verified_value"])):
        found += [v for v in (reading.value, reading.value_high) if v is not None]
    if len(found) < 2:
        raise ValueError(f"The fact sheet gives no range for {FORECAST_CLAIM}.")
    return found[0], found[1]


def money_figures() -> pd.DataFrame:
    """The ledger's share moves, spending and market-size figures (the analyser's kinds in :data:`MONEY_KINDS`)."""
    ledger = seed_ledger()
    return ledger[ledger["kind"].isin(MONEY_KINDS)].reset_index(drop=True)


def loss_to_spending_ratio() -> float:
    """How many times Meta's whole planned year of spending (high end) Nvidia's one-day loss (low end) was."""
    return market_value_lost()[0] / meta_capex_range()[1]
