"""Dated events of the DeepSeek story, each tied to a row of the fact sheet (``events.csv``).

Also the answers for the chapter "What could the writer have known, and when?": events before and after
a date, what an article with a stated date could have known, the dates written in the articles (and
which of them are the article's own date, an event's date or only a clue), and the earliest date an
undated article could have been written, going by the events it reports.

How an article is linked to events. Every event row names a fact-sheet claim (``claim_id``) and says,
in its column ``reported``, whether the articles that make that claim report the event:

- ``yes``: they do, so such an article cannot be older than the event (V3's weights, the sell-off);
- ``likely``: they most likely do, but the link is loose: the fact sheet dates only the first steps it
  found of something that may have begun earlier (Huawei and Alibaba "have begun integrating DeepSeek",
  OTH-03), so the article is most likely, not certainly, younger than the event;
- ``no``: the event is context, tied to the row only for its date (the next day's rebound, a tracker's
  count that the article's unsourced number does not come from, Qwen2.5-Max when the article names an
  older Qwen model).

The fact sheet says which articles make a claim (``seed_files``) and where its wording stands
(:func:`solutions.data.facts.locate_wording`); the seed ledger adds the paragraphs of figures judged against
the same claim. Rows whose wordings overlap in one paragraph are one *phrase*, quoted in the article's
own words. A market claim with no events of its own is tied to the market events on the days its verified
value names: "recently dipped" (MKT-04) means the fall of 27 January, or, had article 002 been written on
26 January, Friday's fall of 24 January.

A phrase with more than one reading settles only the earliest of them; the first is the most likely. One
rule adds readings the fact sheet does not spell out: a phrase about a fall that gives neither a size nor
a date ("a stock downturn", "tech stocks tumbled", "recently dipped": no figure in its words) could
describe any fall the writer had seen. The article's other phrases settle a day it cannot predate; written
on that day, its writer's latest fall was the last one on or before it. So the phrase may mean that fall or
any later one, and it settles only that earliest one (:func:`vague_fall`, the column ``bound_key``).

A reading's most likely date is its latest event marked ``yes``, or its first event marked ``likely`` if
that is later: a loose link is most likely true from the first step the fact sheet found (article 001's
"Huawei and Alibaba have begun integrating DeepSeek": Huawei's cloud, about 30 January).

Two kinds of claim are not taken as evidence of what a writer knew:

- a claim the fact sheet calls **wrong** may show the opposite: article 001's "Biden administration"
  is wrong *because* it describes the government before Trump's order of 20 January (OTH-01);
- a claim it calls **unverifiable** cannot be tied to a dated event: "Alibaba recently unveiled new
  AI-powered tools" (OTH-08) may or may not mean the model released on 29 January.

Events of kind ``article`` (an article's own dateline) are not events a writer reports, so they are
left out of these links as well.
"""

from __future__ import annotations

import re

import pandas as pd

from solutions.data.articles import article_ids, article_paragraphs, load_articles
from solutions.data.datafiles import cached, read_table
from solutions.data.facts import fact, load_facts, locate_wording
from solutions.data.ledger import seed_ledger

#: Verdicts that do not show the writer knew of the event tied to the claim (see the module's docstring).
NOT_EVIDENCE_VERDICTS = ("wrong", "unverifiable")
#: Event kinds that are not news a writer could report (an article's own dateline).
NOT_REPORTED_KINDS = ("article",)
#: Values of the column ``reported`` in ``events.csv`` (see the module's docstring).
REPORTED, LIKELY, CONTEXT = "yes", "likely", "no"
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


@cached
def _keyed_events() -> pd.DataFrame:
    table = read_table("events.csv", dates=("date",))
    unknown = set(table["reported"].dropna()) - {REPORTED, LIKELY, CONTEXT}
    if unknown or table["reported"].isna().any():
        raise ValueError(f"events.csv: 'reported' must be {REPORTED}, {LIKELY} or {CONTEXT}, not {sorted(unknown)}.")
    # A stable key from the file's order: the second event tied to DATE-01 is "DATE-01.2".
    table["key"] = (table["claim_id"] + "." + (table.groupby("claim_id").cumcount() + 1).astype(str)).astype("string")
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def load_events() -> pd.DataFrame:
    """Return the events in date order: ``date`` (datetime), ``event``, ``kind``, ``claim_id`` and
    ``reported`` (whether the articles that make the claim report the event: yes, likely or no)."""
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
    from solutions.chapters.markets import fall_date  # imported here: the markets module imports this one

    return fall_date()


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


def paragraph_text(article_id: str, paragraph: int) -> str:
    """The text of one numbered paragraph of an article."""
    return str(article_paragraphs(article_id).set_index("paragraph").loc[int(paragraph), "text"])


def quote_span(article_id: str, paragraph: int, wording: str) -> tuple[int, int] | None:
    """Where a fact's wording (one fragment, without "...") stands in a paragraph: (start, end), or None."""
    if " ... " in wording:
        return None
    pattern = re.compile(_loose_pattern(wording.strip()), re.IGNORECASE)
    match = pattern.search(paragraph_text(article_id, paragraph))
    return None if match is None else match.span()


def quote_in_article(article_id: str, paragraph: int, wording: str) -> str:
    """The article's own words for a fact's wording in one paragraph (its quotation marks and dashes);
    elided fragments ("...") are joined with an ellipsis. Falls back to ``wording`` when not found."""
    text = paragraph_text(article_id, paragraph)
    pieces, position = [], 0
    for fragment in wording.split(" ... "):
        match = re.compile(_loose_pattern(fragment.strip()), re.IGNORECASE).search(text, position)
        if match is None:
            return wording
        pieces.append(match.group())
        position = match.end()
    return " … ".join(pieces)


def claim_readings(claim_id: str) -> list[tuple[str, ...]]:
    """What an article's words judged against a claim can report: a list of readings, each a tuple of
    event keys, the fact sheet's main reading first; empty if the claim ties the words to no event.

    The claim's own events marked ``yes`` or ``likely`` make one reading. A market claim without events
    of its own (MKT-04, MKT-05) has one reading per day its verified value names, each the market event
    of that day.
    """
    events = timeline_events()
    reported = events[events["reported"].isin([REPORTED, LIKELY]) & ~events["kind"].isin(NOT_REPORTED_KINDS)]
    own = reported[reported["claim_id"] == claim_id]
    if not own.empty:
        return [tuple(own["key"])]
    if str(fact(claim_id)["topic"]) != "markets":
        return []
    from solutions.chapters.markets import days_of_claim  # imported here: the markets module imports this one

    try:
        days = days_of_claim(claim_id)
    except KeyError:
        return []
    market = reported[(reported["kind"] == "market") & (reported["reported"] == REPORTED)]
    readings = []
    for day in days:
        on_day = market[market["date"] == day]
        if not on_day.empty and (on_day["key"].iloc[0],) not in readings:
            readings.append((str(on_day["key"].iloc[0]),))
    return readings


def vague_fall(quote: str) -> bool:
    """Whether an article's words about a fall give neither a size nor a date: no figure in them
    ("tech stocks tumbled" is vague; "an additional 3.12%" and "on January 20" are not)."""
    return not re.search(r"\d", str(quote))


def fall_events() -> pd.DataFrame:
    """The market events a writer could report as a fall: those marked ``yes`` on a day with a fall in
    ``market_moves.csv``, in date order (27 December, 24 January and 27 January)."""
    from solutions.chapters.markets import dated_moves  # imported here: the markets module imports this one

    moves = dated_moves()
    fall_days = set(moves.loc[moves["change_percent"] < 0, "date"])
    events = timeline_events()
    return events[(events["kind"] == "market") & (events["reported"] == REPORTED)
                  & events["date"].isin(fall_days)].reset_index(drop=True)


def falls_a_vague_phrase_may_mean(bound) -> list[str]:
    """The falls (event keys, in date order) that a phrase giving neither size nor date may describe in an
    article that cannot predate ``bound``: the last fall on or before ``bound`` and every later one (every
    fall if ``bound`` is missing or earlier than all of them)."""
    falls = fall_events()
    if pd.notna(bound):
        earlier = falls[falls["date"] <= pd.Timestamp(bound)]
        if not earlier.empty:
            falls = falls[falls["date"] >= earlier["date"].max()]
    return list(falls["key"])


def article_mentions() -> pd.DataFrame:
    """Which articles report which dated events: one row per phrase, computed from claim ids.

    Columns: ``article_id``; ``paragraph`` (missing where the fact sheet names the article but its wording
    is not found); ``quote`` (the article's own words); ``claim_id`` (the most specific row there, whose
    reading comes first) and ``claim_ids`` (every row); ``verdict`` (of ``claim_id``); ``evidence`` (False
    for wrong and unverifiable claims: see the module's docstring); ``event_key``, ``event`` and ``date``:
    the most likely event of the most likely reading (see the module's docstring); ``earliest_key``,
    ``earliest_event`` and ``earliest_date``: the event that settles how old the article must at least be
    (the earliest of the readings' latest events, counting only events marked ``yes``; missing if nothing
    is settled); ``settled`` (the two agree); ``alternatives`` (the event keys of the other readings);
    ``sheet_alternatives`` (those the fact sheet's own rows give); ``vague_fall`` (a phrase about a fall
    with neither size nor date) and, for such a phrase, ``bound_key``: the event that the article's other
    phrases surely report and that sets which falls it may mean (missing if they report none).
    """
    return _mentions().copy()


def _places(claim_id: str, ledger: pd.DataFrame) -> list[tuple[str, object, tuple[int, int] | None, str]]:
    """Where a claim's words stand: (article, paragraph or NA, span or None, the article's words)."""
    row = fact(claim_id)
    places, seen = [], set()
    for place in locate_wording(claim_id).drop_duplicates(["article_id", "paragraph"]).itertuples():
        paragraph = int(place.paragraph)
        places.append((place.article_id, paragraph, quote_span(place.article_id, paragraph, place.alternative),
                       quote_in_article(place.article_id, paragraph, place.alternative)))
        seen.add((place.article_id, paragraph))
    for cited in ledger[ledger["claim_id"] == claim_id].itertuples():
        if (cited.article_id, int(cited.paragraph)) not in seen:
            text = paragraph_text(cited.article_id, int(cited.paragraph))
            start = text.find(cited.text)
            places.append((cited.article_id, int(cited.paragraph),
                           (start, start + len(cited.text)) if start >= 0 else None, cited.text))
            seen.add((cited.article_id, int(cited.paragraph)))
    for article_id in row["seed_ids"]:
        if not any(a == article_id for a, _ in seen):
            places.append((article_id, pd.NA, None, str(row["seed_wording"])))
    return places


def _overlap(a, b) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


@cached
def _mentions() -> pd.DataFrame:
    events = timeline_events().set_index("key")
    ledger = seed_ledger()
    facts = load_facts()
    order = {claim_id: i for i, claim_id in enumerate(facts["claim_id"])}
    items = []
    for claim_id in facts["claim_id"]:
        readings = claim_readings(claim_id)
        if not readings:
            continue
        evidence = str(fact(claim_id)["verdict"]) not in NOT_EVIDENCE_VERDICTS
        for article_id, paragraph, span, quote in _places(claim_id, ledger):
            items.append({"claim_id": claim_id, "article_id": article_id, "paragraph": paragraph, "span": span,
                          "quote": quote, "readings": readings, "evidence": evidence})
    phrases: list[list[dict]] = []
    for item in items:
        for phrase in phrases:
            first = phrase[0]
            same_place = (first["article_id"] == item["article_id"] and pd.notna(first["paragraph"])
                          and pd.notna(item["paragraph"]) and first["paragraph"] == item["paragraph"])
            if (same_place and first["evidence"] == item["evidence"]
                    and any(_overlap(item["span"], other["span"]) for other in phrase)):
                phrase.append(item)
                break
        else:
            phrases.append([item])

    def date(key):
        return events.loc[key, "date"]

    def latest_reported(keys):
        keys = [k for k in keys if events.loc[k, "reported"] == REPORTED]
        return max(keys, key=date) if keys else None

    def most_likely(keys):
        sure = [k for k in keys if events.loc[k, "reported"] == REPORTED]
        loose = [k for k in keys if events.loc[k, "reported"] == LIKELY]
        candidates = ([max(sure, key=date)] if sure else []) + ([min(loose, key=date)] if loose else [])
        return max(candidates, key=date)

    def earliest(readings):
        bounds = [latest_reported(r) for r in readings]
        return None if any(b is None for b in bounds) else min(bounds, key=date)

    built = []
    for phrase in phrases:
        main = min(phrase, key=lambda i: (len(fact(i["claim_id"])["seed_ids"]) or 99, order[i["claim_id"]]))
        claim_ids = tuple(sorted(dict.fromkeys(i["claim_id"] for i in phrase), key=order.get))
        if all(len(i["readings"]) == 1 for i in phrase):
            readings = [tuple(dict.fromkeys(k for i in phrase for k in i["readings"][0]))]
        else:
            readings = list(main["readings"])
            readings += [r for i in phrase for r in i["readings"] if r not in readings]
        spans = [i["span"] for i in phrase if i["span"]]
        article_id, paragraph = main["article_id"], main["paragraph"]
        quote = (paragraph_text(article_id, paragraph)[min(a for a, _ in spans):max(b for _, b in spans)]
                 if spans and len(phrase) > 1 else main["quote"])
        vague = (all(events.loc[k, "kind"] == "market" for r in readings for k in r) and vague_fall(quote))
        built.append({"article_id": article_id, "paragraph": paragraph, "quote": quote, "claim_id": main["claim_id"],
                      "claim_ids": claim_ids, "evidence": main["evidence"], "readings": readings,
                      "sheet_readings": list(readings), "vague": vague, "bound": None})
    # A phrase about a fall with neither size nor date may mean any fall from the last one its writer could
    # have seen on the earliest day the article's other phrases settle (see the module's docstring).
    for row in built:
        if not (row["vague"] and row["evidence"]):
            continue
        others = [earliest(o["readings"]) for o in built if o["article_id"] == row["article_id"]
                  and o["evidence"] and not o["vague"]]
        others = [k for k in others if k is not None]
        row["bound"] = max(others, key=date) if others else None
        bound = date(row["bound"]) if row["bound"] else pd.NaT
        row["readings"] += [(k,) for k in falls_a_vague_phrase_may_mean(bound)
                            if not any(k in r for r in row["readings"])]
    rows = []
    for row in built:
        readings = row["readings"]
        likely, settled_key = most_likely(readings[0]), earliest(readings)
        rows.append((row["article_id"], row["paragraph"], row["quote"], row["claim_id"], row["claim_ids"],
                     str(fact(row["claim_id"])["verdict"]), row["evidence"], likely, events.loc[likely, "event"],
                     date(likely), settled_key, None if settled_key is None else events.loc[settled_key, "event"],
                     pd.NaT if settled_key is None else date(settled_key), settled_key == likely,
                     tuple(k for r in readings[1:] for k in r if k not in readings[0]),
                     tuple(k for r in row["sheet_readings"][1:] for k in r if k not in readings[0]),
                     row["vague"], row["bound"]))
    table = pd.DataFrame(rows, columns=["article_id", "paragraph", "quote", "claim_id", "claim_ids", "verdict",
                                        "evidence", "event_key", "event", "date", "earliest_key", "earliest_event",
                                        "earliest_date", "settled", "alternatives", "sheet_alternatives",
                                        "vague_fall", "bound_key"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    for column in ("date", "earliest_date"):
        table[column] = pd.to_datetime(table[column])
    for column in ("earliest_key", "earliest_event", "bound_key"):
        table[column] = table[column].astype("string")
    table["alternatives"] = [tuple(dict.fromkeys(a)) for a in table["alternatives"]]
    table["sheet_alternatives"] = [tuple(dict.fromkeys(a)) for a in table["sheet_alternatives"]]
    return table.sort_values(["article_id", "date", "paragraph"], kind="stable").reset_index(drop=True)


def _evidence(article_id: str) -> pd.DataFrame:
    mentions = _mentions()
    return mentions[(mentions["article_id"] == article_id) & mentions["evidence"]]


def earliest_possible(article_id: str) -> pd.Series | None:
    """The phrase that settles the earliest date an article can have been written: the one whose settled
    event (``earliest_date``) is the latest. None if no phrase settles a date.

    The row of :func:`article_mentions` (the first such row on a tie).
    """
    mine = _evidence(article_id).dropna(subset=["earliest_date"])
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
    mine = _evidence(article_id)
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


def articles_shown_before(date) -> list[str]:
    """Articles whose own stated date is before ``date``: the only ones that can be shown to be earlier.

    An undated article cannot be shown to be earlier than anything; it can only be shown to be later
    than the events it reports.
    """
    date = pd.Timestamp(date)
    return [a for a in article_ids() if pd.notna(stated_date(a)) and stated_date(a) < date]


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
