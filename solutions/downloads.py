"""App-download counts reported by trackers, each tied to a row of the fact sheet (``download_counts.csv``).

Also the answers for the chapter "How many downloads?": where an undated figure fits among dated
tracker counts, what a claim about downloads leaves out, and what each claim actually measures.
"""

from __future__ import annotations

import re

import pandas as pd

from .articles import article_paragraphs
from .datafiles import cached, read_table
from .facts import fact, fact_text, find_fragments, locate_wording, wording_alternatives
from .ledger import seed_ledger
from .sentences import sentence_spans
from .timeline import load_events

#: The fact row that judges the undated "1.6 million downloads" and lists the trackers' counts.
UNDATED_CLAIM = "DL-01"
#: The fact row for the day the app reached No. 1 in the US App Store.
RANKING_DATE_CLAIM = "DATE-05"
#: The fact row for R1's release date.
R1_RELEASE_CLAIM = "DATE-02"

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
    ``days_after_launch``, ``downloads``, ``downloads_high``, ``tracker``, ``stores``, ``qualifier``
    ("about", "more than") and ``claim_id``."""
    return _counts().copy()


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

    The fact sheet records that trackers disagree on it ("Reuters Jan 10; AppMagic Jan 15" in the note
    of DL-01); the year is the year of the fact's source.
    """
    row = fact(UNDATED_CLAIM)
    year = int(row["first_source_date"].year)
    match = re.search(r"launch date\s*\(([^()]*)\)", str(row["note"]))
    if match is None:
        raise ValueError(f"The note of {UNDATED_CLAIM} names no launch dates.")
    rows = []
    for part in match.group(1).split(";"):
        found = re.match(r"\s*(.+?)[:\s]+(Jan|Feb|Dec)\w*\.?\s+(\d{1,2})\s*$", part)
        if found:
            source, month, day = found.groups()
            rows.append((source.strip(), pd.Timestamp(f"{day} {month} {year}")))
    table = pd.DataFrame(rows, columns=["source", "date"])
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def days_after_launch_window() -> pd.DataFrame:
    """Every count given only as "N days after launch", placed on each launch date the sources give.

    Columns: ``downloads``, ``days_after_launch``, ``tracker``, ``launch_source``, ``launch``, ``date``.
    """
    counts = load_download_counts()
    undated = counts[counts["date"].isna() & counts["days_after_launch"].notna()]
    rows = []
    for count in undated.itertuples():
        for launch in app_launch_dates().itertuples():
            rows.append((count.downloads, count.days_after_launch, count.tracker, launch.source, launch.date,
                         launch.date + pd.Timedelta(days=count.days_after_launch)))
    return pd.DataFrame(rows, columns=["downloads", "days_after_launch", "tracker", "launch_source", "launch",
                                       "date"])


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


def model_download_note() -> str:
    """The fact sheet's sentence about downloads of R1's weights (a metric separate from app downloads)."""
    for line in fact_text(UNDATED_CLAIM).splitlines():
        line = line.strip().lstrip("-").strip()
        if any(word in line.casefold() for word in MODEL_FILE_WORDS) and "download" in line.casefold():
            return line
    raise ValueError(f"The fact sheet says nothing about model downloads under {UNDATED_CLAIM}.")


def measure_rows() -> pd.DataFrame:
    """Claims and counts about the app's success, each with what it measures.

    Columns: ``key``, ``kind`` ("seed", "tracker" or "fact sheet"), ``text``, ``sentence`` (the whole
    sentence of a seed claim), ``article_id``, ``paragraph``, ``claim_id``, ``measure``. Seed claims are
    judged by the fact sheet (:func:`fact_measure`); tracker counts and the fact sheet's note on model
    downloads by their own description (:func:`measure_of`).
    """
    rows = []
    for claim_id in ("DL-01", "DL-02", "DL-03"):
        for place in claim_places(claim_id).itertuples():
            rows.append((f"{claim_id}-{place.article_id}-{place.paragraph}", "seed", place.wording, place.sentence,
                         place.article_id, place.paragraph, claim_id, fact_measure(claim_id)))
    latest = tracker_series().iloc[-1]
    millions = f"{latest['downloads'] / 1e6:,.3f}".rstrip("0").rstrip(".")
    tracker_text = (f"{latest['tracker']}, {latest['date'].day} {latest['date']:%B}: "
                    f"{millions} million downloads, {latest['stores']}")
    rows.append((f"count-{latest['tracker_name']}-{latest['date']:%Y-%m-%d}", "tracker", tracker_text, None, None,
                 None, str(latest["claim_id"]), measure_of(f"downloads {latest['stores']}")))
    note = model_download_note()
    rows.append(("fact-sheet-model-downloads", "fact sheet", note, None, None, None, UNDATED_CLAIM, measure_of(note)))
    table = pd.DataFrame(rows, columns=["key", "kind", "text", "sentence", "article_id", "paragraph", "claim_id",
                                        "measure"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table
