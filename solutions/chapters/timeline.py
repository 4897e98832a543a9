"""The answers for the chapter "What could the writer have known, and when?".

What an article with a stated date could have known, the dates written in the articles (and which of them
are the article's own date, an event's date or only a clue), and the earliest date an undated article could
have been written, going by the events it reports.

The events themselves are loaded by :mod:`solutions.data.events`; which phrase of which article reports
which event, and how surely, is worked out by :mod:`solutions.data.mentions` (its docstring gives the rules).
"""

from __future__ import annotations

import re

import pandas as pd

from solutions.data.articles import article_ids, article_paragraphs, articles_shown_before, stated_date
from solutions.data.events import timeline_events
from solutions.data.markets import selloff_date
from solutions.data.mentions import article_mentions, evidence_mentions

#: What a date written in an article is: its own date, the date of an event it reports, or a clue.
STATED, EVENT, CLUE = "stated date", "event date", "clue"
#: Where an article stands against a date (:func:`standing`).
DATED_BEFORE, NOT_BEFORE, LIKELY_NOT_BEFORE, NOT_SHOWN = "dated before", "not before", "likely not before", "not shown"
#: An event's place relative to a writer's date.
BEFORE, SAME_DAY, AFTER = "before", "same day", "after"

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>\d{4})[-/](?P<m>\d{2})[-/](?P<d>\d{2})\b"),                      # 2025-01-26, 2025/01/28
    re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<month>{_MONTHS}),? (?P<y>\d{{4}})\b"),            # 26 January 2025
    re.compile(rf"\b(?P<month>{_MONTHS}) (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})\b"),            # January 27, 2025
)


def selloff_event() -> pd.Series:
    """The market event on the day of the sell-off."""
    events = timeline_events()
    rows = events[(events["date"] == selloff_date()) & (events["kind"] == "market")]
    if rows.empty:
        raise KeyError(f"No market event is dated {selloff_date():%Y-%m-%d}.")
    return rows.iloc[0]


def earliest_possible(article_id: str) -> pd.Series | None:
    """The phrase that settles the earliest date an article can have been written: the one whose settled
    event (``earliest_date``) is the latest. None if no phrase settles a date.

    The row of :func:`article_mentions` (the first such row on a tie).
    """
    mine = evidence_mentions(article_id).dropna(subset=["earliest_date"])
    if mine.empty:
        return None
    return mine.loc[mine["earliest_date"].idxmax()]


def earliest_possible_date(article_id: str) -> pd.Timestamp:
    """The earliest date an article could have been written, going by the events it surely reports (NaT if none)."""
    row = earliest_possible(article_id)
    return pd.NaT if row is None else pd.Timestamp(row["earliest_date"])


def likely_earliest(article_id: str) -> pd.Series | None:
    """The phrase whose most likely reading is the latest event an article reports; None if it reports none.

    The row of :func:`article_mentions` with the latest ``date`` (the first such row on a tie).
    """
    mine = evidence_mentions(article_id)
    if mine.empty:
        return None
    return mine.loc[mine["date"].idxmax()]


def likely_earliest_date(article_id: str) -> pd.Timestamp:
    """The earliest date an article was most likely written, going by the most likely reading of what it
    reports (NaT if it reports no dated event). Never before :func:`earliest_possible_date`."""
    row = likely_earliest(article_id)
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
                reported = any(date in dates_of_claim.get(claim, set()) for claims in here["claim_ids"]
                               for claim in claims)
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
    """For each article: ``stated_date`` (NaT if none) and ``clues`` (list of clue dates); the date it
    cannot predate, ``earliest_possible``, with the phrase that settles it (``event_key``, ``event``,
    ``claim_id``, ``paragraph``, ``quote``; missing if nothing is settled); and the date it most likely
    does not predate, ``likely_earliest``, with its phrase (``likely_event_key``, ``likely_event``,
    ``likely_claim_id``, ``likely_paragraph``, ``likely_quote``; missing if it reports no dated event)."""
    rows = []
    for article_id in article_ids():
        settled, likely = earliest_possible(article_id), likely_earliest(article_id)
        clues = date_clues(article_id)

        def field(row, column):
            return pd.NA if row is None else row[column]

        rows.append((article_id, stated_date(article_id), list(clues["date"]),
                     pd.NaT if settled is None else settled["earliest_date"], field(settled, "earliest_key"),
                     field(settled, "earliest_event"), field(settled, "claim_id"), field(settled, "paragraph"),
                     field(settled, "quote"),
                     pd.NaT if likely is None else likely["date"], field(likely, "event_key"), field(likely, "event"),
                     field(likely, "claim_id"), field(likely, "paragraph"), field(likely, "quote")))
    table = pd.DataFrame(rows, columns=["article_id", "stated_date", "clues", "earliest_possible", "event_key",
                                        "event", "claim_id", "paragraph", "quote", "likely_earliest",
                                        "likely_event_key", "likely_event", "likely_claim_id", "likely_paragraph",
                                        "likely_quote"])
    for column in ("paragraph", "likely_paragraph"):
        table[column] = table[column].astype("Int64")
    for column in ("stated_date", "earliest_possible", "likely_earliest"):
        table[column] = pd.to_datetime(table[column])
    return table


def articles_shown_not_before(date) -> list[str]:
    """Articles that cannot have been written before ``date``: a stated date, or an event they surely
    report, on or after it."""
    date = pd.Timestamp(date)
    later = []
    for article_id in article_ids():
        stated, earliest = stated_date(article_id), earliest_possible_date(article_id)
        if (pd.notna(stated) and stated >= date) or (pd.notna(earliest) and earliest >= date):
            later.append(article_id)
    return later


def articles_likely_not_before(date) -> list[str]:
    """Undated articles that were most likely, but not surely, written on or after ``date``: the most
    likely reading of what they report is on or after it, and nothing they surely report is."""
    date = pd.Timestamp(date)
    shown = set(articles_shown_not_before(date))
    return [a for a in article_ids() if a not in shown and pd.isna(stated_date(a))
            and pd.notna(likely_earliest_date(a)) and likely_earliest_date(a) >= date]


def standing(date) -> dict[str, str]:
    """Where each article stands against ``date``: ``dated before`` (its stated date is earlier), ``not
    before`` (a stated date or an event it surely reports on or after it), ``likely not before`` (the most
    likely reading of what it reports is on or after it, but nothing settles it) or ``not shown``."""
    before, surely, likely = articles_shown_before(date), articles_shown_not_before(date), articles_likely_not_before(date)
    return {a: DATED_BEFORE if a in before else NOT_BEFORE if a in surely else LIKELY_NOT_BEFORE if a in likely
            else NOT_SHOWN for a in article_ids()}


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
