"""Which articles report which dated events: the phrases of the seeds tied to events through the fact sheet.

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

from solutions.data.articles import paragraph_text
from solutions.data.datafiles import cached
from solutions.data.events import LIKELY, NOT_REPORTED_KINDS, REPORTED, timeline_events
from solutions.data.facts import fact, load_facts, locate_wording
from solutions.data.ledger import seed_ledger
from solutions.data.markets import dated_moves, days_of_claim
from solutions.data.quoting import quote_in_article, quote_span, spans_overlap

#: Verdicts that do not show the writer knew of the event tied to the claim (see the module's docstring).
NOT_EVIDENCE_VERDICTS = ("wrong", "unverifiable")


def claim_readings(claim_id: str) -> list[tuple[str, ...]]:
    """What an article's words judged against a claim can report: a list of readings, each a tuple of
    event keys, the fact sheet's main reading first; empty if the claim ties the words to no event.

    The claim's own events marked ``yes`` or ``likely`` make one reading. A market claim without events
    of its own (MKT-04, MKT-05) has one reading per day its verified value names, each the market event
    of that day.
    """
    own = _reported_keys_by_claim().get(claim_id)
    if own:
        return [own]
    if str(fact(claim_id)["topic"]) != "markets":
        return []
    try:
        days = days_of_claim(claim_id)
    except KeyError:
        return []
    reported = _reported_events()
    market = reported[(reported["kind"] == "market") & (reported["reported"] == REPORTED)]
    readings = []
    for day in days:
        on_day = market[market["date"] == day]
        if not on_day.empty and (on_day["key"].iloc[0],) not in readings:
            readings.append((str(on_day["key"].iloc[0]),))
    return readings


@cached
def _reported_events() -> pd.DataFrame:
    """The events a writer could report: marked ``yes`` or ``likely``, and not an article's own dateline."""
    events = timeline_events()
    return events[events["reported"].isin([REPORTED, LIKELY]) & ~events["kind"].isin(NOT_REPORTED_KINDS)]


@cached
def _reported_keys_by_claim() -> dict[str, tuple[str, ...]]:
    """The keys of each claim's own reported events, in date order (read by :func:`claim_readings`)."""
    reported = _reported_events()
    keys: dict[str, tuple[str, ...]] = {}
    for claim_id, key in zip(reported["claim_id"], reported["key"]):
        if not pd.isna(claim_id):
            keys[claim_id] = keys.get(claim_id, ()) + (key,)
    return keys


def vague_fall(quote: str) -> bool:
    """Whether an article's words about a fall give neither a size nor a date: no figure in them
    ("tech stocks tumbled" is vague; "an additional 3.12%" and "on January 20" are not)."""
    return not re.search(r"\d", str(quote))


def fall_events() -> pd.DataFrame:
    """The market events a writer could report as a fall: those marked ``yes`` on a day with a fall in
    ``market_moves.csv``, in date order (27 December, 24 January and 27 January)."""
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
                    and any(spans_overlap(item["span"], other["span"]) for other in phrase)):
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


def evidence_mentions(article_id: str) -> pd.DataFrame:
    """The rows of :func:`article_mentions` for one article that count as evidence of what its writer knew."""
    mentions = _mentions()
    return mentions[(mentions["article_id"] == article_id) & mentions["evidence"]]
