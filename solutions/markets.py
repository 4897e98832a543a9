"""Share-price and index moves around the DeepSeek story, each tied to a fact row (``market_moves.csv``).

Also the answers for the chapter "Markets and money": which day each article's phrase describes, what
an article's date lets it know, percentages worked backwards, causes and motives nobody on record gave,
and the different kinds of money the articles put side by side.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .articles import article_paragraphs
from .datafiles import cached, read_table
from .facts import fact, load_facts, locate_wording
from .figures import amounts
from .ledger import seed_ledger
from .reference import reference_value
from .sentences import sentence_spans
from .timeline import articles_shown_before, load_events

#: The share the chapter follows; the other securities in the data are indexes.
NVIDIA = "Nvidia (NVDA)"
#: Verdicts that mean a claim gives a source, cause or motive the record does not support.
UNSUPPORTED_REASON_VERDICTS = ("misattributed", "opinion-as-fact")
#: Ledger kinds of the figures this chapter discusses: share moves, spending and market sizes.
MONEY_KINDS = ("stock", "investment", "market_size")
#: The fact row of Meta's capital-spending plan (its date is an event in ``events.csv``).
META_PLAN_CLAIM = "INV-01"
#: The fact row of Bain's forecast of the AI market, quoted as "$990 billion".
FORECAST_CLAIM = "INV-03"
_PERCENT = re.compile(r"[-−–]?\d+(?:\.\d+)?(?=\s*%)")


@cached
def _moves() -> pd.DataFrame:
    return read_table("market_moves.csv", dates=("date",),
                      numbers=("change_percent", "close_usd", "market_value_change_usd",
                               "market_value_change_usd_high"))


def load_market_moves() -> pd.DataFrame:
    """Return the moves: ``date``, ``security``, ``change_percent`` (negative for a fall), ``close_usd``,
    ``market_value_change_usd`` and ``..._high`` (a reported range), ``qualifier`` ("over", "about")
    and ``claim_id``."""
    return _moves().copy()


def dated_moves() -> pd.DataFrame:
    """Every move in date order (a stable sort keeps the file's order on the same day)."""
    return load_market_moves().sort_values("date", kind="stable").reset_index(drop=True)


def nvidia_moves() -> pd.DataFrame:
    """Nvidia's moves only, in date order."""
    moves = dated_moves()
    return moves[moves["security"] == NVIDIA].reset_index(drop=True)


def largest_fall() -> pd.Series:
    """Nvidia's largest one-day fall in the data (27 January 2025: -16.97%)."""
    moves = nvidia_moves()
    return moves.loc[moves["change_percent"].idxmin()]


def crash_date() -> pd.Timestamp:
    """The day of Nvidia's largest fall."""
    return pd.Timestamp(largest_fall()["date"])


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
    date = crash_date() if date is None else pd.Timestamp(date)
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
    """The trading day a market claim describes.

    A claim with its own falls in ``market_moves.csv`` describes the first of them. Otherwise the fact
    sheet's verified value names the move by its percentage ("-16.97% in one day"), which is looked up
    among the moves.
    """
    moves = dated_moves()
    own = moves[(moves["claim_id"] == claim_id) & (moves["change_percent"] < 0)]
    if not own.empty:
        return pd.Timestamp(own["date"].iloc[0])
    verified = str(fact(claim_id)["verified_value"])
    stated = [float(p.replace("−", "-").replace("–", "-")) for p in _PERCENT.findall(verified)]
    for percent in stated:
        match = moves[[math.isclose(c, percent, abs_tol=1e-9) for c in moves["change_percent"]]]
        if not match.empty:
            return pd.Timestamp(match["date"].iloc[0])
    raise KeyError(f"No market move in the data matches fact {claim_id}.")


def market_claims() -> pd.DataFrame:
    """The articles' phrases about the markets (fact rows on the topic "markets"), where they appear,
    their verdict and the day each describes.

    Columns: ``claim_id``, ``wording`` (the fact sheet's), ``quote`` (the article's own words),
    ``article_id``, ``paragraph``, ``verdict``, ``date``. One row per
    place a fact's wording is found, in the order of the fact sheet.
    """
    facts = load_facts()
    rows = []
    for row in facts[facts["topic"] == "markets"].itertuples():
        places = locate_wording(row.claim_id).drop_duplicates(["article_id", "paragraph"])
        for place in places.itertuples():
            rows.append((row.claim_id, place.alternative,
                         quote_in_article(place.article_id, int(place.paragraph), place.alternative),
                         place.article_id, int(place.paragraph), str(row.verdict), day_of_claim(row.claim_id)))
    return pd.DataFrame(rows, columns=["claim_id", "wording", "quote", "article_id", "paragraph", "verdict",
                                       "date"])


def _loose_pattern(fragment: str) -> str:
    """A regular expression for a fragment of the fact sheet's wording that tolerates the article's own
    quotation marks, dashes, spacing, commas and capitals."""
    parts = []
    for piece in re.split(r"(\s*[-\u2013\u2014]\s*|\s+)", fragment):
        if not piece:
            continue
        if piece.strip() in ("-", "\u2013", "\u2014"):
            parts.append(r"\s*[-\u2013\u2014]\s*")
        elif piece.isspace():
            parts.append(r",?\s+")
        else:
            parts.append("".join("['\u2018\u2019\"\u201c\u201d]" if c in "'\u2018\u2019\"\u201c\u201d" else re.escape(c)
                                 for c in piece))
    return "".join(parts)


def quote_in_article(article_id: str, paragraph: int, wording: str) -> str:
    """The article's own words for a fact's wording in one paragraph (its quotation marks and dashes);
    elided fragments ("...") are joined with an ellipsis. Falls back to ``wording`` when not found."""
    text = str(article_paragraphs(article_id).set_index("paragraph").loc[paragraph, "text"])
    pieces, position = [], 0
    for fragment in wording.split(" ... "):
        match = re.compile(_loose_pattern(fragment.strip()), re.IGNORECASE).search(text, position)
        if match is None:
            return wording
        pieces.append(match.group())
        position = match.end()
    return " … ".join(pieces)


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
    text = str(article_paragraphs(place["article_id"]).set_index("paragraph").loc[place["paragraph"], "text"])
    first = place["quote"].split(" … ")[0]
    for start, end in sentence_spans(text):
        if first in text[start:end]:
            return text[start:end]
    return text


def articles_dated_before(date: pd.Timestamp | str | None = None) -> list[str]:
    """Articles whose own text gives a date before ``date`` (by default the day of Nvidia's largest fall)."""
    return articles_shown_before(crash_date() if date is None else date)


def unsupported_reasons(claim_ids) -> list[str]:
    """Of ``claim_ids``, those that give a cause or motive nobody on record gave (by their fact-sheet verdict)."""
    return [claim_id for claim_id in claim_ids if str(fact(claim_id)["verdict"]) in UNSUPPORTED_REASON_VERDICTS]


def event_date(claim_id: str, kind: str | None = None) -> pd.Timestamp:
    """The date of the first event in ``events.csv`` tied to a fact row (optionally of one kind)."""
    events = load_events()
    rows = events[(events["claim_id"] == claim_id) & ((events["kind"] == kind) if kind else True)]
    if rows.empty:
        raise KeyError(f"No event is tied to fact {claim_id}.")
    return pd.Timestamp(rows["date"].iloc[0])


def days_before_crash(claim_id: str, kind: str | None = None) -> int:
    """How many days an event came before Nvidia's largest fall (negative if it came after)."""
    return int((crash_date() - event_date(claim_id, kind)) / pd.Timedelta(days=1))


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
