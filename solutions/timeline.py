"""Dated events of the DeepSeek story, each tied to a row of the fact sheet (``events.csv``).

Also the answers for the chapter "What could the writer have known, and when?": events before and after
a date, what an article with a stated date could have known, the dates written in the articles (and
which of them are the article's own date, an event's date or only a clue), and the earliest date an
undated article could have been written, going by the events it reports.

How an article is linked to events: every event row names a fact-sheet claim (``claim_id``). The fact
sheet says which articles make that claim (``seed_files``) and, where its wording can be found, in
which paragraph (:func:`solutions.facts.locate_wording`); the seed ledger adds the paragraphs of figures
judged against the same claim. An article that makes a claim reports the *first* event tied to it (the
sell-off, not the next day's rebound), so it cannot have been written before that event's date. Two
kinds of claim are not taken as evidence of what a writer knew:

- a claim the fact sheet calls **wrong** may show the opposite: article 001's "Biden administration"
  is wrong *because* the writer did not reflect Trump's order of 20 January (OTH-01);
- a claim it calls **unverifiable** cannot be tied to a dated event: "Alibaba recently unveiled new
  AI-powered tools" (OTH-08) may or may not mean the model released on 29 January.

Events of kind ``article`` (an article's own dateline) are not events a writer reports, so they are
left out of these links as well.
"""

from __future__ import annotations

import re

import pandas as pd

from .articles import article_ids, article_paragraphs, load_articles
from .datafiles import cached, read_table
from .facts import fact, locate_wording
from .ledger import seed_ledger

#: Verdicts that do not show the writer knew of the event tied to the claim (see the module's docstring).
NOT_EVIDENCE_VERDICTS = ("wrong", "unverifiable")
#: Event kinds that are not news a writer could report (an article's own dateline).
NOT_REPORTED_KINDS = ("article",)
#: What a date written in an article is: its own date, the date of an event it reports, or a clue.
STATED, EVENT, CLUE = "stated date", "event date", "clue"
#: An event's place relative to a writer's date.
BEFORE, SAME_DAY, AFTER = "before", "same day", "after"

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>\d{4})[-/](?P<m>\d{2})[-/](?P<d>\d{2})\b"),                      # 2025-01-26, 2025/01/28
    re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<month>{_MONTHS}),? (?P<y>\d{{4}})\b"),            # 26 January 2025
    re.compile(rf"\b(?P<month>{_MONTHS}) (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})\b"),            # January 27, 2025
)


@cached
def _keyed_events() -> pd.DataFrame:
    table = read_table("events.csv", dates=("date",))
    # A stable key from the file's order: the second event tied to DATE-01 is "DATE-01.2".
    table["key"] = (table["claim_id"] + "." + (table.groupby("claim_id").cumcount() + 1).astype(str)).astype("string")
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def load_events() -> pd.DataFrame:
    """Return the events in date order: ``date`` (datetime), ``event``, ``kind``, ``claim_id``."""
    return _keyed_events().drop(columns="key")


def timeline_events() -> pd.DataFrame:
    """The events in date order with a stable ``key``: the claim id and the event's number among that
    claim's events in ``events.csv`` ("MKT-03.1" is the sell-off, "MKT-03.2" the rebound)."""
    return _keyed_events().copy()


def event(key: str) -> pd.Series:
    """One event by its key, for example ``event("COST-11.1")``."""
    events = _keyed_events()
    rows = events[events["key"] == key]
    if rows.empty:
        raise KeyError(f"No event with key {key!r}; the keys are {', '.join(events['key'])}.")
    return rows.iloc[0]


def event_date(key: str) -> pd.Timestamp:
    """The date of one event, by its key."""
    return pd.Timestamp(event(key)["date"])


def events_before(date, inclusive: bool = False) -> pd.DataFrame:
    """The events dated before ``date`` (or on it too, with ``inclusive``), in date order."""
    date, events = pd.Timestamp(date), timeline_events()
    return events[(events["date"] <= date) if inclusive else (events["date"] < date)].reset_index(drop=True)


def events_after(date, inclusive: bool = False) -> pd.DataFrame:
    """The events dated after ``date`` (or on it too, with ``inclusive``), in date order."""
    date, events = pd.Timestamp(date), timeline_events()
    return events[(events["date"] >= date) if inclusive else (events["date"] > date)].reset_index(drop=True)


def days_between(earlier, later) -> int:
    """Whole days from one date to another: 26 December 2024 to 27 January 2025 is 32 days."""
    return int((pd.Timestamp(later) - pd.Timestamp(earlier)) / pd.Timedelta(days=1))


def chronological(keys) -> list[str]:
    """Event keys sorted by the events' dates; two events on the same day cannot be ordered, so that is an error."""
    keys = list(keys)
    dates = [event_date(key) for key in keys]
    if len(set(dates)) != len(dates):
        raise ValueError("Some of these events fall on the same day, so they have no single order.")
    return [key for _, key in sorted(zip(dates, keys))]


def selloff_date() -> pd.Timestamp:
    """The day of Nvidia's largest one-day fall in ``market_moves.csv`` (the sell-off of 27 January 2025)."""
    from .markets import crash_date  # imported here: the markets module imports this one

    return crash_date()


def selloff_event() -> pd.Series:
    """The market event on the day of the sell-off."""
    events = timeline_events()
    rows = events[(events["date"] == selloff_date()) & (events["kind"] == "market")]
    if rows.empty:
        raise KeyError(f"No market event is dated {selloff_date():%Y-%m-%d}.")
    return rows.iloc[0]


def stated_date(article_id: str) -> pd.Timestamp:
    """The date an article's own text states (its dateline), or NaT when it states none."""
    articles = load_articles()
    rows = articles[articles["id"] == article_id]
    if rows.empty:
        raise KeyError(f"No seed article with id {article_id!r}.")
    return pd.Timestamp(rows["date"].iloc[0]) if pd.notna(rows["date"].iloc[0]) else pd.NaT


def article_mentions() -> pd.DataFrame:
    """Which articles report which dated events, computed from claim ids.

    One row per (article, paragraph, claim) for every claim tied to an event: ``article_id``,
    ``paragraph`` (missing where the fact sheet names the article but its wording is a paraphrase),
    ``claim_id``, ``verdict``, ``event_key`` and ``event`` (the first event tied to the claim), ``date``
    (that event's date) and ``evidence`` (False for wrong and unverifiable claims: see the module's
    docstring).
    """
    return _mentions().copy()


@cached
def _mentions() -> pd.DataFrame:
    events = timeline_events()
    events = events[~events["kind"].isin(NOT_REPORTED_KINDS)]
    first = events.drop_duplicates("claim_id").set_index("claim_id")
    ledger = seed_ledger()
    rows = []
    for claim_id in first.index:
        places = locate_wording(claim_id)
        cited = ledger[ledger["claim_id"] == claim_id]
        row = fact(claim_id)
        for article_id in dict.fromkeys([*row["seed_ids"], *cited["article_id"]]):
            paragraphs = sorted(set(places.loc[places["article_id"] == article_id, "paragraph"])
                                | set(cited.loc[cited["article_id"] == article_id, "paragraph"]))
            for paragraph in paragraphs or [pd.NA]:
                verdict = str(row["verdict"])
                rows.append((article_id, paragraph, claim_id, verdict, first.loc[claim_id, "key"],
                             first.loc[claim_id, "event"], first.loc[claim_id, "date"],
                             verdict not in NOT_EVIDENCE_VERDICTS))
    table = pd.DataFrame(rows, columns=["article_id", "paragraph", "claim_id", "verdict", "event_key", "event",
                                        "date", "evidence"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    table["date"] = pd.to_datetime(table["date"])
    return table.sort_values(["article_id", "date", "paragraph"], kind="stable").reset_index(drop=True)


def earliest_possible(article_id: str) -> pd.Series | None:
    """The latest event an article reports (as evidence), which it cannot predate; None if it reports none.

    The row of :func:`article_mentions` with the latest date (the first such row on a tie).
    """
    mentions = _mentions()
    mine = mentions[(mentions["article_id"] == article_id) & mentions["evidence"]]
    if mine.empty:
        return None
    return mine.loc[mine["date"].idxmax()]


def earliest_possible_date(article_id: str) -> pd.Timestamp:
    """The earliest date an article could have been written, going by the events it reports (NaT if none)."""
    row = earliest_possible(article_id)
    return pd.NaT if row is None else pd.Timestamp(row["date"])


def paragraph_kind(text: str) -> str:
    """What a paragraph is, for saying where a date was found: an image's file path, a photo caption, or text."""
    if re.match(r"\s*!\[", text) or re.search(r"\.(png|jpe?g|gif|webp)\b", text, re.I):
        return "an image's file path"
    if re.search(r"\b(photo|photograph|getty images|reuters/)\b", text, re.I):
        return "a photo caption"
    return "the text"


def dates_in_articles() -> pd.DataFrame:
    """Every full date written in the articles, and what it is.

    Columns: ``article_id``, ``paragraph``, ``text`` (as written), ``date``, ``what``: the
    article's own ``stated date`` (it equals the date in ``articles.csv``), an ``event date`` (the date
    of an event the same paragraph reports) or a ``clue`` (any other date, such as a photo's or a file's:
    it hints at when the article was made but does not say when it was written), and ``where``: what
    the paragraph is (an image's file path, a photo caption, or text).
    """
    mentions = article_mentions()
    dates_of_claim = timeline_events().groupby("claim_id")["date"].apply(set)
    rows = []
    for article_id in article_ids():
        stated = stated_date(article_id)
        for paragraph, text in zip(*(article_paragraphs(article_id)[c] for c in ("paragraph", "text"))):
            found = []
            for pattern in _DATE_PATTERNS:
                for match in pattern.finditer(text):
                    parts = match.groupdict()
                    month = parts.get("month") or parts.get("m")
                    try:
                        date = pd.to_datetime(f"{parts['d']} {month} {parts['y']}",
                                              format="%d %B %Y" if month.isalpha() else "%d %m %Y")
                    except ValueError:
                        continue
                    found.append((match.start(), match.group(), date))
            for _, written, date in sorted(found):
                here = mentions[(mentions["article_id"] == article_id) & (mentions["paragraph"] == paragraph)]
                reported = any(date in dates_of_claim.get(claim, set()) for claim in here["claim_id"])
                what = STATED if pd.notna(stated) and date == stated else EVENT if reported else CLUE
                rows.append((article_id, int(paragraph), written, date, what, paragraph_kind(text)))
    table = pd.DataFrame(rows, columns=["article_id", "paragraph", "text", "date", "what", "where"])
    table["paragraph"] = table["paragraph"].astype("int64")
    table["date"] = pd.to_datetime(table["date"])
    return table


def date_clues(article_id: str | None = None) -> pd.DataFrame:
    """The dates in the articles that are only clues (one row per article and date, at its first paragraph)."""
    dates = dates_in_articles()
    clues = dates[dates["what"] == CLUE].drop_duplicates(["article_id", "date"])
    if article_id is not None:
        clues = clues[clues["article_id"] == article_id]
    return clues.reset_index(drop=True)


def article_dating() -> pd.DataFrame:
    """For each article: ``stated_date`` (NaT if none), ``clues`` (list of clue dates), and
    ``earliest_possible`` with the event that sets it (``event_key``, ``event``, ``claim_id``,
    ``paragraph``; missing if it reports no dated event)."""
    rows = []
    for article_id in article_ids():
        latest = earliest_possible(article_id)
        clues = date_clues(article_id)
        rows.append((article_id, stated_date(article_id), list(clues["date"]),
                     pd.NaT if latest is None else latest["date"],
                     pd.NA if latest is None else latest["event_key"],
                     pd.NA if latest is None else latest["event"],
                     pd.NA if latest is None else latest["claim_id"],
                     pd.NA if latest is None else latest["paragraph"]))
    table = pd.DataFrame(rows, columns=["article_id", "stated_date", "clues", "earliest_possible", "event_key",
                                        "event", "claim_id", "paragraph"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    for column in ("stated_date", "earliest_possible"):
        table[column] = pd.to_datetime(table[column])
    return table


def articles_shown_before(date) -> list[str]:
    """Articles whose own stated date is before ``date``: the only ones that can be shown to be earlier.

    An undated article cannot be shown to be earlier than anything; it can only be shown to be later
    than the events it reports.
    """
    date = pd.Timestamp(date)
    return [a for a in article_ids() if pd.notna(stated_date(a)) and stated_date(a) < date]


def articles_shown_not_before(date) -> list[str]:
    """Articles that cannot have been written before ``date``: a stated date or a reported event on or after it."""
    date = pd.Timestamp(date)
    later = []
    for article_id in article_ids():
        stated, earliest = stated_date(article_id), earliest_possible_date(article_id)
        if (pd.notna(stated) and stated >= date) or (pd.notna(earliest) and earliest >= date):
            later.append(article_id)
    return later


def relative_to(date, event_date_) -> str:
    """Where an event falls relative to a writer's date: ``before``, ``same day`` or ``after``."""
    date, event_date_ = pd.Timestamp(date), pd.Timestamp(event_date_)
    return BEFORE if event_date_ < date else SAME_DAY if event_date_ == date else AFTER


def knowable_events(article_id: str) -> pd.DataFrame:
    """Every event with ``status`` relative to an article's stated date: ``before`` (the writer could have
    known it), ``same day`` (it depends on the hour and the time zone) or ``after`` (they could not).

    Raises ValueError for an article that states no date: use :func:`earliest_possible_date` instead.
    """
    date = stated_date(article_id)
    if pd.isna(date):
        raise ValueError(f"Article {article_id} states no date, so what its writer could know is not fixed.")
    events = timeline_events()
    events["status"] = [relative_to(date, d) for d in events["date"]]
    return events


def could_have_known(article_id: str, keys) -> list[str]:
    """Of the events ``keys``, those dated strictly before an article's stated date."""
    events = knowable_events(article_id).set_index("key")
    return [key for key in keys if events.loc[key, "status"] == BEFORE]
