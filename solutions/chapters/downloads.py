"""App-download counts reported by trackers, each tied to a row of the fact sheet (``download_counts.csv``).

Also the answers for the chapter "How many downloads?": where an undated figure fits among dated
tracker counts, what a claim about downloads leaves out, and what each claim actually measures.

A count first reported after January 2025 is hindsight: its ``later`` column holds the month it was
reported (YYYY-MM), as the fact sheet marks it ("later: 2025-02"). A count given only as "N days after
launch" is never turned into a calendar date here: the sources disagree on the launch date.
"""

from __future__ import annotations

import re

import pandas as pd

from solutions.data.articles import article_paragraphs
from solutions.data.datafiles import cached, read_table
from solutions.data.facts import (
    accepted_verdicts, fact, fact_parts, find_fragments, locate_wording, verdict_reasons,
    wording_alternatives,
)
from solutions.data.ledger import seed_ledger
from solutions.data.quoting import fragment_matches
from solutions.analyser.sentences import sentence_spans
from solutions.data.events import load_events

#: The fact row that judges the undated "1.6 million downloads" and lists the trackers' counts.
UNDATED_CLAIM = "DL-01"
#: The fact row for the day the app reached No. 1 in the US App Store.
RANKING_DATE_CLAIM = "DATE-05"
#: The fact row for R1's release date.
R1_RELEASE_CLAIM = "DATE-02"
#: The fact row for downloads of R1's weights (a separate metric, and hindsight).
MODEL_DOWNLOADS_CLAIM = "DL-04"
#: The fact-sheet claims about the app's success that the seeds make (version-1 ids; split rows are read as
#: their parts).
SEED_CLAIMS = ("DL-01", "DL-02", "DL-03")

#: What each kind of measurement is called in the chapter.
MEASURES = {
    "app-downloads": "Downloads of the DeepSeek app (installs from app stores)",
    "ranking": "A chart ranking of the DeepSeek app (its place in a store's list)",
    "model-downloads": "Downloads of the R1 model's files (its weights)",
}
#: Words that mark a claim about a place in a chart, not a count.
RANKING_WORDS = ("rank", "chart", "top of", "topping", "topped", "no. 1", "no.1", "number one", "climbed to")
#: Words that mark downloads of a model's files rather than of an app.
MODEL_FILE_WORDS = ("weights", "hugging face", "model files", "checkpoint")
#: Words that mark a count of downloads or installs.
DOWNLOAD_WORDS = ("download", "install")

#: What a figure about downloads needs before a reader can place it, and how to spot each in a sentence.
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan\\.|feb\\.|aug\\.|sept?\\.|oct\\.|nov\\.|dec\\.")
CONTEXT_PATTERNS = {
    "date": rf"\b(?:{_MONTHS})|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b20\d\d\b"
            r"|\b(?:yesterday|today|last week|this week|since (?:its )?launch|in its first|days? after)\b",
    "tracker": r"\b(?:according to|data from|figures from|estimates? (?:from|by)|tracked by|counted by)\b",
    "object": r"\bapp (?:downloads|installs)\b|\bdownloads of (?:the|its) (?:app|model|weights)\b|\binstalls?\b"
              r"|\bweights\b|\bhugging face\b|\bapp (?:was|has been) downloaded\b",
    "number": r"\d",
    "place": r"\b(?:globally|worldwide|around the world|in the u\.s\.|in the us|in china|countries|in \d+ markets)\b",
}
CONTEXT_LABELS = {
    "date": "When the downloads were counted (a date, or days since launch)",
    "tracker": "Who counted them (a tracker such as an app-analytics firm)",
    "object": "What was downloaded: the DeepSeek app or the R1 model's files",
    "number": "How many downloads there were (a number)",
    "place": "Where in the world they were counted",
}


@cached
def _counts() -> pd.DataFrame:
    return read_table("download_counts.csv", dates=("date",),
                      numbers=("days_after_launch", "downloads", "downloads_high"))


def load_download_counts() -> pd.DataFrame:
    """Return the tracker counts: ``date`` (missing when only "N days after launch" is known),
    ``days_after_launch``, ``downloads``, ``downloads_high``, ``tracker``, ``stores`` (missing when the
    source does not say), ``qualifier`` ("about", "more than"), ``later`` (YYYY-MM when the count was first
    reported after January 2025: hindsight) and ``claim_id``."""
    return _counts().copy()


_LATER = re.compile(r"later:\s*(\d{4}-\d{2})")


def hindsight_month(claim_id: str) -> str | None:
    """The month (YYYY-MM) a fact was first reported, when the fact sheet marks it as hindsight ("later: …")."""
    match = _LATER.search(str(fact(claim_id)["note"]))
    return match.group(1) if match else None


def tracker_name(tracker: str) -> str:
    """The tracker itself, without the outlet that reported it: "Appfigures (via TechCrunch)" -> "Appfigures"."""
    return re.sub(r"\s*\(.*\)\s*$", "", str(tracker)).strip()


def dated_counts() -> pd.DataFrame:
    """The counts that carry a calendar date, in date order (a stable sort keeps the file's order on ties)."""
    counts = load_download_counts()
    dated = counts[counts["date"].notna()].copy()
    dated["tracker_name"] = dated["tracker"].map(tracker_name)
    return dated.sort_values("date", kind="stable").reset_index(drop=True)


def series_tracker() -> str:
    """The tracker with the most dated counts: the only one whose counts can be joined into a curve."""
    dated = dated_counts()
    sizes = dated.groupby("tracker", sort=False).size()
    return str(sizes.idxmax())


def tracker_series(tracker: str | None = None) -> pd.DataFrame:
    """One tracker's dated counts, in date order (by default the tracker with the most of them)."""
    tracker = series_tracker() if tracker is None else tracker
    dated = dated_counts()
    return dated[dated["tracker"] == tracker].reset_index(drop=True)


def daily_rate(start: pd.Timestamp | None = None, end: pd.Timestamp | None = None,
               tracker: str | None = None) -> float:
    """Downloads per day between two dated counts of one tracker (by default its first and last)."""
    series = tracker_series(tracker)
    start = series["date"].iloc[0] if start is None else pd.Timestamp(start)
    end = series["date"].iloc[-1] if end is None else pd.Timestamp(end)
    first = series.loc[series["date"] == start, "downloads"]
    last = series.loc[series["date"] == end, "downloads"]
    if first.empty or last.empty:
        raise KeyError(f"No count on {start:%Y-%m-%d} or {end:%Y-%m-%d} in {series['tracker'].iloc[0]!r}.")
    days = (end - start) / pd.Timedelta(days=1)
    if days <= 0:
        raise ValueError("The end date must come after the start date.")
    return float((last.iloc[0] - first.iloc[0]) / days)


def date_reaching(target: float, dates, counts) -> pd.Timestamp | None:
    """When a running count would have reached ``target``, by linear interpolation between dated counts.

    ``dates`` and ``counts`` are paired and in date order. Returns None when ``target`` lies below the
    first count or above the last one: outside the counts, a straight line says nothing.
    """
    points = list(zip(pd.to_datetime(list(dates)), [float(c) for c in counts]))
    if not points:
        return None
    if target == points[0][1]:
        return points[0][0]
    for (d0, c0), (d1, c1) in zip(points, points[1:]):
        if c0 < target <= c1:
            return d0 + (d1 - d0) * ((target - c0) / (c1 - c0))
    return None


def undated_claim() -> pd.Series:
    """The ledger row of the undated download figure ("1.6 million" in article 000)."""
    ledger = seed_ledger()
    rows = ledger[(ledger["claim_id"] == UNDATED_CLAIM) & (ledger["kind"] == "downloads")]
    if rows.empty:
        raise KeyError(f"No download figure judged against {UNDATED_CLAIM} in the seeds.")
    return rows.iloc[0]


def undated_figure() -> float:
    """The undated download figure's value (1.6 million)."""
    return float(undated_claim()["value"])


def undated_crossing() -> pd.Timestamp | None:
    """When the series tracker's count would have passed the undated figure, at a steady rate between counts."""
    series = tracker_series()
    return date_reaching(undated_figure(), series["date"], series["downloads"])


def day_of_month(moment: pd.Timestamp) -> float:
    """A moment as a day of the month with a fraction: noon on 25 January is 25.5."""
    return moment.day + (moment - moment.normalize()) / pd.Timedelta(days=1)


def app_launch_dates() -> pd.DataFrame:
    """The app's launch date according to each source the fact sheet names: ``source``, ``date``.

    The fact sheet records that the sources disagree on it ("launch date (Reuters: 10 Jan; AppMagic: 15 Jan)"
    in the note of DL-01); the year is the year of the fact's source. "Jan 10" is read as well as "10 Jan".
    """
    row = fact(UNDATED_CLAIM)
    year = int(row["first_source_date"].year)
    match = re.search(r"launch date\s*\(([^()]*)\)", str(row["note"]))
    if match is None:
        raise ValueError(f"The note of {UNDATED_CLAIM} names no launch dates.")
    rows = []
    for part in match.group(1).split(";"):
        found = (re.match(r"\s*(.+?)[:\s]+(\d{1,2})\s+(Jan|Feb|Dec)\w*\.?\s*$", part)
                 or re.match(r"\s*(.+?)[:\s]+(Jan|Feb|Dec)\w*\.?\s+(\d{1,2})\s*$", part))
        if found:
            source, first, second = found.groups()
            day, month = (first, second) if first.isdigit() else (second, first)
            rows.append((source.strip(), pd.Timestamp(f"{day} {month} {year}")))
    if not rows:
        raise ValueError(f"The note of {UNDATED_CLAIM} names no readable launch dates: {match.group(1)!r}.")
    table = pd.DataFrame(rows, columns=["source", "date"])
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def hindsight_counts() -> pd.DataFrame:
    """The counts that carry no calendar date: ``downloads``, ``days_after_launch``, ``tracker``, ``later``,
    ``claim_id``. They are not placed on the calendar (the sources disagree on the launch date)."""
    counts = load_download_counts()
    undated = counts[counts["date"].isna()]
    return undated[["downloads", "days_after_launch", "tracker", "later", "claim_id"]].reset_index(drop=True)


def download_timeline() -> pd.DataFrame:
    """Dated moments of the app's first weeks, in date order.

    R1's release and the app's No. 1 ranking in the US (from ``events.csv``), and every dated tracker
    count. Columns: ``key``, ``date``, ``event`` (missing for a count), ``tracker``, ``downloads``,
    ``qualifier``, ``stores`` (missing for an event) and ``claim_id``.
    """
    events = load_events()
    chosen = events[events["claim_id"].isin([R1_RELEASE_CLAIM, RANKING_DATE_CLAIM])
                    & events["kind"].isin(["release", "ranking"])]
    rows = [(f"event-{row.claim_id}", row.date, str(row.event), None, None, None, None, row.claim_id)
            for row in chosen.itertuples()]
    for _, row in dated_counts().iterrows():
        rows.append((f"count-{row['tracker_name']}-{row['date']:%Y-%m-%d}", row["date"], None, row["tracker"],
                     row["downloads"], row["qualifier"], row["stores"], row["claim_id"]))
    table = pd.DataFrame(rows, columns=["key", "date", "event", "tracker", "downloads", "qualifier", "stores",
                                        "claim_id"])
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def _sentence_containing(article_id: str, paragraph: int, fragments: list[str]) -> str:
    paragraphs = article_paragraphs(article_id)
    text = str(paragraphs.loc[paragraphs["paragraph"] == paragraph, "text"].iloc[0])
    for start, end in sentence_spans(text):
        if find_fragments(fragments, text[start:end]) is not None:
            return text[start:end]
    return text


def claim_places(claim_id: str) -> pd.DataFrame:
    """Where a fact's wording appears in the seeds: ``claim_id``, ``wording``, ``article_id``, ``paragraph``,
    ``sentence`` (the whole sentence around it)."""
    places = locate_wording(claim_id).drop_duplicates(["article_id", "paragraph"])
    rows = []
    for row in places.itertuples():
        fragments = next(a for a in wording_alternatives(str(fact(claim_id)["seed_wording"]))
                         if " ... ".join(a) == row.alternative)
        rows.append((claim_id, row.alternative, row.article_id, int(row.paragraph),
                     _sentence_containing(row.article_id, int(row.paragraph), fragments)))
    return pd.DataFrame(rows, columns=["claim_id", "wording", "article_id", "paragraph", "sentence"])


def missing_context(sentence: str) -> dict[str, bool]:
    """For a sentence about downloads, whether it states each piece of context in :data:`CONTEXT_PATTERNS`.

    True means the sentence states it; False means a reader cannot tell. A tracker counts as named when
    the sentence names any tracker in ``download_counts.csv`` or uses a phrase like "according to".
    """
    lowered = sentence.casefold()
    stated = {name: re.search(pattern, lowered) is not None for name, pattern in CONTEXT_PATTERNS.items()}
    trackers = {tracker_name(t).casefold() for t in load_download_counts()["tracker"].dropna()}
    stated["tracker"] = stated["tracker"] or any(name in lowered for name in trackers)
    return stated


def undated_claim_gaps() -> list[str]:
    """What the sentence with the undated download figure leaves out, in the order of :data:`CONTEXT_LABELS`."""
    stated = missing_context(str(undated_claim()["sentence"]))
    return [name for name in CONTEXT_LABELS if not stated[name]]


def measure_of(text: str) -> str:
    """What a description measures: "ranking", "model-downloads" or "app-downloads" (see :data:`MEASURES`).

    A place in a chart is a ranking whatever else the text says; downloads of weights or from Hugging Face
    are downloads of the model's files; any other count of downloads or installs is of the app.
    """
    lowered = text.casefold()
    if any(word in lowered for word in RANKING_WORDS):
        return "ranking"
    if any(word in lowered for word in MODEL_FILE_WORDS):
        return "model-downloads"
    if any(word in lowered for word in DOWNLOAD_WORDS):
        return "app-downloads"
    raise ValueError(f"Cannot tell what this measures: {text!r}")


def fact_measure(claim_id: str) -> str:
    """What the fact sheet says a claim measures: from its unit when it has one, else its verified value."""
    row = fact(claim_id)
    unit = str(row["unit"]) if pd.notna(row["unit"]) else ""
    return measure_of(unit if unit.strip() else str(row["verified_value"]))


def claim_ids(claim_id: str) -> tuple[str, ...]:
    """A claim's fact rows: its parts when version 2 split it (``"DL-02"`` → ``("DL-02a", "DL-02b")``)."""
    return fact_parts(claim_id) or (claim_id,)


def quoted_span(sentence: str, claim_id: str) -> str | None:
    """The words of ``sentence`` that a fact's seed wording covers, exactly as the article writes them:
    from its first fragment to its last (``"like ... China"`` gives "like the U.S. and China"), or None."""
    for fragments in wording_alternatives(str(fact(claim_id)["seed_wording"])):
        matches = fragment_matches(fragments, sentence)
        if matches:
            return sentence[matches[0].start():matches[-1].end()]
    return None


def model_download_note() -> str:
    """The fact sheet's row on downloads of R1's weights (a metric separate from app downloads), in words."""
    row = fact(MODEL_DOWNLOADS_CLAIM)
    text = f"{row['seed_wording']}: {row['verified_value']}"
    if not any(word in text.casefold() for word in MODEL_FILE_WORDS) or "download" not in text.casefold():
        raise ValueError(f"{MODEL_DOWNLOADS_CLAIM} says nothing about downloads of a model's files.")
    return text


def _also_measures(claim_id: str, main: str, quote: str) -> tuple[str, ...]:
    """Other measures the evidence supports for a seed claim: a count of downloads that the sentence credits
    to a model, judged conflated (the model and the app mixed up), may be read as either."""
    if main == "app-downloads" and "conflated" in accepted_verdicts(claim_id) and re.search(r"\bmodel\b", quote, re.I):
        return ("model-downloads",)
    return ()


def measure_reason(claim_id: str) -> str:
    """Why a download count credited to a model cannot be settled as app or model downloads (the fact's note)."""
    return verdict_reasons(claim_id)["conflated"]


def measure_rows() -> pd.DataFrame:
    """Claims and counts about the app's success, each with what it measures.

    Columns: ``key``, ``kind`` ("seed", "tracker" or "fact sheet"), ``text`` (a seed claim's words exactly as
    the article writes them), ``sentence`` (the whole sentence of a seed claim), ``article_id``,
    ``paragraph``, ``claim_id`` (the first fact row), ``claim_ids`` (every fact row: a split claim's parts),
    ``measure`` (the main answer) and ``also_measures`` (other answers the evidence supports). Seed claims
    are judged by the fact sheet (:func:`fact_measure`); tracker counts and the fact sheet's row on model
    downloads by their own description (:func:`measure_of`).
    """
    rows = []
    for base in SEED_CLAIMS:
        ids = claim_ids(base)
        places = pd.concat([claim_places(i) for i in ids], ignore_index=True)
        for (article_id, paragraph), group in places.groupby(["article_id", "paragraph"], sort=False):
            sentence = str(group["sentence"].iloc[0])
            present = [i for i in ids if i in set(group["claim_id"])]
            spans = []
            for claim_id in present:
                quote = quoted_span(sentence, claim_id)
                if quote is None:
                    raise ValueError(f"The wording of {claim_id} is not in {article_id} ¶{paragraph}.")
                start = sentence.find(quote)
                spans.append((start, start + len(quote)))
            text = sentence[min(s for s, _ in spans):max(e for _, e in spans)]
            measures = list(dict.fromkeys(fact_measure(i) for i in present))
            main = measures[0]
            also = tuple(dict.fromkeys(measures[1:] + [m for i in present for m in _also_measures(i, main, text)
                                                       if m != main]))
            rows.append((f"{base}-{article_id}-{paragraph}", "seed", text, sentence, article_id, int(paragraph),
                         present[0], tuple(present), main, also))
    latest = tracker_series().iloc[-1]
    millions = f"{latest['downloads'] / 1e6:,.3f}".rstrip("0").rstrip(".")
    stores = latest["stores"] if isinstance(latest["stores"], str) else "stores not stated"
    tracker_text = (f"{latest['tracker']}, {latest['date'].day} {latest['date']:%B}: "
                    f"{millions} million downloads, {stores}")
    rows.append((f"count-{latest['tracker_name']}-{latest['date']:%Y-%m-%d}", "tracker", tracker_text, None, None,
                 None, str(latest["claim_id"]), (str(latest["claim_id"]),), measure_of(f"downloads {stores}"), ()))
    note = model_download_note()
    rows.append(("fact-sheet-model-downloads", "fact sheet", note, None, None, None, MODEL_DOWNLOADS_CLAIM,
                 (MODEL_DOWNLOADS_CLAIM,), measure_of(note), ()))
    table = pd.DataFrame(rows, columns=["key", "kind", "text", "sentence", "article_id", "paragraph", "claim_id",
                                        "claim_ids", "measure", "also_measures"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table
