"""The exercises, table and figure of the chapter "How many downloads?".

Every correct answer is computed from :mod:`solutions.chapters.downloads` when an exercise is built.
"""

from __future__ import annotations

import random
import re
from html import escape

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from solutions.chapters.downloads import (
    CONTEXT_LABELS, CONTEXT_PATTERNS, MEASURES, UNDATED_CLAIM, daily_rate, dated_counts,
    download_timeline, hindsight_month, load_download_counts, measure_reason,
    measure_rows, series_tracker, tracker_name, tracker_series, undated_claim, undated_claim_gaps,
    undated_crossing, undated_figure,
)
from solutions.data.facts import accepted_verdicts
from solutions.data.events import load_events

from .charts import WIDTH_INCHES, figure_html, wrap_label
from .display import fact_link, html_table
from .formatting import round_significant, scaled, trim, written_date
from .model import ChapterExercises, Matching, MultipleChoice, NumberQuestion, Option, Ordering, Source, Trap

#: Okabe-Ito colours for the trackers and for the undated claim.
TRACKER_COLOURS = {"Appfigures": "#0072B2", "AppMagic": "#E69F00"}
CLAIM_COLOUR = "#D55E00"
RANKING_COLOUR = "#555555"


def _day(moment: pd.Timestamp, weekday: bool = True) -> str:
    """"Friday 24 January", or "24 January" without the weekday."""
    return written_date(moment, weekday="long" if weekday else None, year=False)


def _month(later: str) -> str:
    """"2025-02" as "February 2025"."""
    return f"{pd.Timestamp(later + '-01'):%B %Y}"


def _count(row) -> str:
    """A tracker count as the sources word it: "about 1 million", "more than 2 million"."""
    qualifier = row["qualifier"] if isinstance(row["qualifier"], str) else ""
    return " ".join(filter(None, [qualifier, scaled(row["downloads"])]))


def _stores(row) -> str:
    return row["stores"] if isinstance(row["stores"], str) else "stores not stated"


def _ranking_event() -> pd.Series:
    events = load_events()
    return events[events["kind"] == "ranking"].iloc[0]


def _undated_source() -> Source:
    claim = undated_claim()
    return Source(fact=str(claim["claim_id"]), article=str(claim["article_id"]), paragraph=int(claim["paragraph"]))


def _figure_words() -> str:
    """The undated figure with the words around it, as the article writes them ("over 1.6 million downloads")."""
    claim = undated_claim()
    sentence, text = str(claim["sentence"]), str(claim["text"])
    match = re.search(r"(?:\b(?:over|more than|about|nearly|almost)\s+)?" + re.escape(text) + r"(?:\s+downloads)?",
                      sentence)
    return match.group(0) if match else text


def _verdict_words(claim_id: str) -> str:
    """"conflated, and also unverifiable": a fact's main verdict and its ``also`` verdicts."""
    main, *others = accepted_verdicts(claim_id)
    return main + (f", and also {' and '.join(others)}" if others else "")


# --- exercises -----------------------------------------------------------------------------------


#: Each piece of context in a few words, for explanations.
_CONTEXT_WORDS = {"date": "when the downloads were counted", "tracker": "who counted them",
                  "object": "whether they were downloads of the app or of the model",
                  "number": "gives a number", "place": "says where"}


def _says(keys: list[str], last: str = " and ") -> str:
    words = [_CONTEXT_WORDS[key] for key in keys]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + last + words[-1]


def missing_context() -> MultipleChoice:
    claim = undated_claim()
    sentence = str(claim["sentence"])
    gaps = undated_claim_gaps()
    stated = [key for key in CONTEXT_LABELS if key not in gaps]
    series = tracker_series()
    first, last = series.iloc[0], series.iloc[-1]
    days = (last["date"] - first["date"]) / pd.Timedelta(days=1)
    trackers = sorted(set(dated_counts()["tracker_name"]), key=str.casefold)
    missing = {
        "date": (f"{tracker_name(series_tracker())} counted {_count(first)} and, {trim(days, 0)} days later, "
                 f"{_count(last)}: in the app's first weeks the count changed from day to day, so a count without "
                 "a date cannot be checked."),
        "tracker": (f"App-analytics firms such as {' and '.join(trackers)} publish estimates of downloads, and "
                    "their figures differ. A count with no named counter cannot be traced."),
        "object": ("It credits the downloads to the R1 model’s open-source nature, yet places them on app-store "
                   "charts. The counts published in January 2025 were installs of the DeepSeek phone app; "
                   "downloads of the model’s files (its weights) are a separate count."),
        "number": "Without a number there is nothing to check.",
        "place": "A count for one country and a count for the world are different numbers.",
    }
    extra = {"number": " The number is the easy part.",
             "place": " Though “globally” still leaves open which stores were counted."}
    options = []
    for key, label in CONTEXT_LABELS.items():
        if key in gaps:
            feedback = f"The sentence does not say this. {missing[key]}"
        else:
            match = re.search(CONTEXT_PATTERNS[key], sentence.casefold())
            found = f"“{sentence[match.start():match.end()]}”" if match else "it is stated"
            if key == "number":
                found = f"“{claim['text']}”"
            feedback = f"The sentence gives this: {found}.{extra.get(key, '')}"
        options.append(Option(key=key, label=label, feedback=feedback))
    cid = str(claim["claim_id"])
    return MultipleChoice(
        id="downloads-missing",
        title="What does the number leave out?",
        prompt=(f"Article {claim['article_id']} ¶{claim['paragraph']} says: “{sentence}” Before you could check "
                f"the {claim['text']} downloads, what would you have to find out that the sentence does not tell you? "
                "Tick all that apply."),
        options=tuple(options), correct=frozenset(gaps),
        hints=("Imagine you want to look the number up. What would you type into a search box?",
               "Ask: counted when, counted by whom, and downloads of what exactly?"),
        explanation=(f"The sentence {_says(stated)}, but it does not say {_says(gaps, ' or ')}. The fact sheet "
                     f"({cid}) calls it {_verdict_words(cid)}: it mixes up the open-source model and the free app, "
                     "and no source that gives the figure was found. Unverifiable means that the figure cannot be "
                     "checked as written; it does not mean that it is wrong."),
        sources=(_undated_source(),),
    )


def _timeline_label(row: pd.Series, dated: bool = True) -> str:
    """An item of the timeline; without ``dated`` it carries no date, so the date cannot settle the order."""
    if isinstance(row["event"], str):
        text = str(row["event"])
    else:
        text = f"{row['tracker']} counts {_count(row)} downloads of the app ({_stores(row)})"
    return f"{_day(row['date'])}: {text}" if dated else text


def timeline_order() -> Ordering:
    timeline = download_timeline()
    items = [Option(key=row["key"], label=_timeline_label(row, dated=False)) for _, row in timeline.iterrows()]
    shown = sorted(items, key=lambda option: random.Random(option.key).random())
    counts = dated_counts()
    drops = [(a, b) for (_, a), (_, b) in zip(counts.iterrows(), counts.iloc[1:].iterrows())
             if b["downloads"] < a["downloads"]]
    drop_text = "".join(
        f" The counts do not simply go up: {a['tracker_name']} counted {_count(a)} on {_day(a['date'], False)}, "
        f"then {b['tracker_name']} reported “{_count(b)}” on {_day(b['date'], False)}. They come from different "
        "trackers, and a “more than” figure is a floor, not an exact count, so the two cannot be joined into one "
        "curve." for a, b in drops[:1])
    series = tracker_series()
    facts = sorted(dict.fromkeys(timeline["claim_id"]))  # sorted by id: their order must not hint at the answer
    return Ordering(
        id="downloads-timeline",
        title="The app's first weeks, in order",
        prompt=("Put these moments from the DeepSeek app's first weeks in the order they happened, earliest "
                f"first. The items carry no dates: look them up in the fact sheet (rows {', '.join(facts[:-1])} "
                f"and {facts[-1]}). Then look at the download counts: do they always go up?"),
        items=tuple(shown), correct=tuple(timeline["key"]),
        hints=(f"One tracker's running total can only grow: of the counts by {series['tracker'].iloc[0]}, the "
               "smaller one came first.",
               "The fact sheet gives a date for every item: R1's release, the No. 1 ranking and each count."),
        explanation=("In order: " + "; ".join(_timeline_label(row) for _, row in timeline.iterrows()) + "."
                     + drop_text),
        sources=tuple(Source(fact=c) for c in facts),
    )


def per_day() -> NumberQuestion:
    series = tracker_series()
    first, last = series.iloc[0], series.iloc[-1]
    days = (last["date"] - first["date"]) / pd.Timedelta(days=1)
    gained = last["downloads"] - first["downloads"]
    rate = daily_rate()
    tolerance = rate * 0.02
    rounded = round_significant(rate, 1)
    traps = [
        Trap(last["downloads"] / days, last["downloads"] / days * 0.02,
             f"That divides the whole {scaled(last['downloads'])} by {trim(days, 0)} days. Subtract the "
             f"{scaled(first['downloads'])} the app already had on {_day(first['date'], False)} first."),
        Trap(gained / (days + 1), gained / (days + 1) * 0.02,
             f"{_day(first['date'], False)} to {_day(last['date'], False)} is {trim(days, 0)} days, not "
             f"{trim(days + 1, 0)}: count the nights in between, not the dates on the calendar."),
        Trap(gained / (days - 1), gained / (days - 1) * 0.02,
             f"{_day(first['date'], False)} to {_day(last['date'], False)} is {trim(days, 0)} days, not "
             f"{trim(days - 1, 0)}: count the nights from one count to the next, not only the days strictly in "
             "between."),
        Trap(gained, gained * 0.02,
             f"That is the growth over all {trim(days, 0)} days together. Divide it by the number of days."),
        Trap(rate / 24, rate / 24 * 0.02,
             f"That is downloads an hour ({scaled(gained)} ÷ {trim(days * 24, 0)} hours). The question asks for "
             "downloads a day."),
        Trap(rounded, abs(rounded - rate) * 0.5,
             f"Close, but rounded too far: {scaled(gained)} ÷ {trim(days, 0)} is about {round(rate, -3):,.0f}. "
             "Keep one more digit."),
    ]
    kept = []
    for trap in traps:
        if abs(trap.value - rate) > tolerance + trap.tolerance and all(
                abs(trap.value - other.value) > trap.tolerance + other.tolerance for other in kept):
            kept.append(trap)
    return NumberQuestion(
        id="downloads-per-day",
        title="How many downloads a day?",
        prompt=(f"{series_tracker()} counted {_count(first)} downloads of the DeepSeek app on "
                f"{_day(first['date'])} and {_count(last)} on {_day(last['date'])} ({_stores(first)}). If the "
                "app gained the same number of downloads every day in between, how many downloads a day is that?"),
        answer=rate, tolerance=tolerance,
        unit_words=("downloads a day", "downloads per day", "a day", "per day", "downloads", "/day",
                    "downloads/day"),
        display=f"about {round(rate, -3):,.0f} downloads a day",
        traps=tuple(kept),
        correct_feedback=(f"{scaled(last['downloads'])} − {scaled(first['downloads'])} = {scaled(gained)} more "
                          f"downloads in {trim(days, 0)} days: about {round(rate, -3):,.0f} a day."),
        hints=("First work out how many downloads the app gained between the two counts.",
               "Then divide by the number of days between the two dates."),
        explanation=(f"The app gained {scaled(gained)} downloads in {trim(days, 0)} days, about "
                     f"{round(rate, -3):,.0f} a day. A steady rate is an assumption: a real app gains more on some "
                     "days than others, and the count itself is a tracker's estimate."),
        sources=(Source(fact=str(first["claim_id"])),),
    )


def crossing_day() -> NumberQuestion:
    series = tracker_series()
    first, last = series.iloc[0], series.iloc[-1]
    target = undated_figure()
    crossing = undated_crossing()
    answer = float(crossing.day)
    after = (crossing - first["date"]) / pd.Timedelta(days=1)
    ranking = _ranking_event()
    others = dated_counts()
    others = others[others["tracker"] != series_tracker()]
    release = download_timeline()
    release = release[release["key"].str.startswith("event-") & (release["date"] < first["date"])]
    same_month = lambda moment: moment.year == crossing.year and moment.month == crossing.month  # noqa: E731
    traps = [
        (first["date"], f"On {_day(first['date'], False)} the count was {_count(first)}, still short of "
                        f"{scaled(target)}."),
        (last["date"], f"By {_day(last['date'], False)} the count was already {scaled(last['downloads'])}; at a "
                       f"steady rate {scaled(target)} was passed earlier."),
        (ranking["date"], f"{_day(ranking['date'], False)} is the day the app reached No. 1 in the US App Store: "
                          "a ranking, not a download count. Work it out from the two counts."),
    ]
    traps += [(row["date"], f"On {_day(row['date'], False)} {row['tracker_name']} reported {_count(row)}: a "
                            f"different tracker. Work it out from the two counts by {tracker_name(series_tracker())}.")
              for _, row in others.iterrows()]
    traps += [(row["date"], f"{_day(row['date'], False)}: {row['event']}. The question asks when the download "
                            f"count would have passed {scaled(target)}.")
              for _, row in release.iterrows()]
    day_traps = [Trap(float(moment.day), 0.3, feedback) for moment, feedback in traps if same_month(moment)]
    day_traps.append(Trap(float(round(after)), 0.3,
                          f"That is how many days after {_day(first['date'], False)} it happened. Add it to "
                          f"{first['date'].day} to get the date."))
    kept = []
    for trap in day_traps:
        if trap.value != answer and all(trap.value != other.value for other in kept):
            kept.append(trap)
    figure = _figure_words()
    cid = UNDATED_CLAIM
    return NumberQuestion(
        id="downloads-crossing-day",
        title=f"When would it have passed {scaled(target)}?",
        prompt=(f"Article {undated_claim()['article_id']} gives no date for its “{figure}”, and does not say "
                "whether it means installs of the app. Suppose it does, and that the app gained the same number of "
                f"downloads every day between the two counts by {tracker_name(series_tracker())} ({_count(first)} on "
                f"{_day(first['date'], False)}, {_count(last)} on {_day(last['date'], False)}). On which day of "
                f"{crossing:%B} would the count have passed {scaled(target)} downloads? Type the day of the month."),
        answer=answer, tolerance=0.0, month=f"{crossing:%Y-%m}",
        display=f"{_day(crossing)} (about {trim(after, 1)} days after {_day(first['date'], False)})",
        traps=tuple(kept),
        correct_feedback=(f"The app needed {scaled(target - first['downloads'])} more downloads after "
                          f"{_day(first['date'], False)}; at about {round(daily_rate(), -3):,.0f} a day that takes "
                          f"about {trim(after, 1)} days, so on {_day(crossing, False)}. The counts carry no time "
                          "of day, so the day is as precise as this gets."),
        hints=(f"How many more downloads did the app need after {_day(first['date'], False)} to reach "
               f"{scaled(target)}?",
               "Divide that by the downloads per day from the exercise above: that is the number of days to add."),
        explanation=(f"From {_count(first)} on {_day(first['date'], False)}, the app needed "
                     f"{scaled(target - first['downloads'])} more. At a steady rate that took about "
                     f"{trim(after, 1)} days: {_day(crossing)}. That does not show the article's figure is right. "
                     f"The fact sheet ({cid}) calls the sentence {_verdict_words(cid)}: it credits the downloads to "
                     "the R1 model, and no source that gives the figure was found. It shows only that, if app "
                     "installs were meant, the trackers' counts from then on would not contradict it; and that the "
                     f"figure said less every day: by {_day(last['date'], False)} the same tracker counted "
                     f"{scaled(last['downloads'])}. Without a date, a reader cannot tell whether a figure is fresh "
                     "or weeks old."),
        sources=(_undated_source(), Source(fact=str(ranking["claim_id"]))),
    )


def _measure_names(keys) -> str:
    names = [MEASURES[key].split(" (")[0] for key in keys]
    names = [name[0].lower() + name[1:] for name in names]
    return " or ".join(names)


def _measure_feedback(row) -> str:
    text = str(row.text)
    if row.measure == "ranking":
        base = "A place in a store's chart is a ranking, not a count of downloads."
        if re.search(r"\bmodel\b", text, re.I):
            base += " And the sentence says a model climbed the chart; what climbed it was the DeepSeek app."
        return base
    if row.measure == "model-downloads":
        return "Hugging Face hosts the model's files; downloads of them are counted apart from app installs."
    if row.also_measures:
        return (f"“{_figure_words()}” is a count, not a place in a chart. Whether it counts "
                f"{_measure_names((row.measure, *row.also_measures))} the sentence does not settle, so either of "
                "those is accepted.")
    return "App-analytics firms estimate how many times the app was installed from the app stores."


def _measure_label(row) -> str:
    if row.kind == "seed":
        return f"{row.article_id} ¶{row.paragraph}: “{row.text}”"
    if row.kind == "fact sheet":
        later = hindsight_month(row.claim_id)
        when = f"; reported later, in {_month(later)}" if later else ""
        return f"Fact sheet ({row.claim_id}{when}): {row.text}"
    return f"Tracker: {row.text}"


def _measure_short(row) -> str:
    if row.kind != "seed":
        return row.kind.capitalize()
    words = str(row.text).split()
    return f"{row.article_id} ¶{row.paragraph} “{' '.join(words[:4])}…”"


def what_it_measures() -> Matching:
    rows = measure_rows()
    options = tuple(Option(key=key, label=label) for key, label in MEASURES.items())
    also = tuple(
        (row.key, measure,
         f"The evidence does not settle which count the sentence means. {measure_reason(row.claim_id)} "
         f"(fact {row.claim_id})")
        for row in rows.itertuples() for measure in row.also_measures)
    model_row = rows[rows["kind"] == "fact sheet"].iloc[0]
    later = hindsight_month(str(model_row["claim_id"]))
    return Matching(
        id="downloads-what-measures",
        title="Downloads, rankings, app or model?",
        prompt=("Each line below is a claim about DeepSeek's success or a count behind it. What does each one "
                "measure? Where the evidence leaves two readings open, either is accepted."),
        rows=tuple(Option(key=row.key, label=_measure_label(row), feedback=_measure_feedback(row),
                          short=_measure_short(row))
                   for row in rows.itertuples()),
        options=options,
        correct=tuple((row.key, row.measure) for row in rows.itertuples()),
        also=also,
        hints=("Phrases like “topping app store charts” and “the top of Apple’s App Store” describe a position "
               "in a list, not a number of downloads.",
               "A phone app is installed from an app store; a model's files (its weights) are downloaded from a "
               "site such as Hugging Face."),
        explanation=("Chart positions and download counts answer different questions: a rank compares the app "
                     "with other apps at one moment, a count adds up installs over time. And the app is not the "
                     "model: the app runs DeepSeek's models, while downloads of R1's weights are counted separately"
                     + (f" (that count was reported only in {_month(later)})" if later else "") + "."),
        sources=tuple(Source(fact=c) for c in dict.fromkeys(c for ids in rows["claim_ids"] for c in ids)),
    )


CHAPTER = ChapterExercises(
    chapter="downloads", title="How many downloads?",
    build=(missing_context, timeline_order, per_day, crossing_day, what_it_measures),
)


# --- table and figure ----------------------------------------------------------------------------


def _marker(row) -> str:
    """A triangle pointing up for a lower bound ("more than"), a dot for a count."""
    return "^" if isinstance(row["qualifier"], str) and row["qualifier"] == "more than" else "o"


def _when(row) -> str:
    """When a count was made: its date, or "the first N days after launch" marked as hindsight."""
    if pd.notna(row["date"]):
        return f'<time datetime="{row["date"]:%Y-%m-%d}">{escape(_day(row["date"]))}</time>'
    text = f"no calendar date: “in {trim(row['days_after_launch'], 0)} days”"
    if isinstance(row["later"], str):
        text += f" (reported later, {_month(row['later'])})"
    return escape(text)


def download_counts_html() -> HTML:
    """Every tracker count in the data, with its date (or days after launch, marked as hindsight) and its fact row."""
    rows = []
    for _, row in load_download_counts().iterrows():
        stores = row["stores"] if isinstance(row["stores"], str) else "not stated"
        rows.append(f'<tr><th scope="row">{_when(row)}</th><td>{escape(str(row["tracker"]))}</td>'
                    f'<td>{escape(stores)}</td><td class="number">{escape(_count(row))}</td>'
                    f'<td><span style="white-space:nowrap">{fact_link(str(row["claim_id"]))}</span></td></tr>')
    claim = undated_claim()
    rows.append(f'<tr><th scope="row">not stated</th><td>not stated (article {escape(str(claim["article_id"]))} '
                f'¶{int(claim["paragraph"])})</td><td>not stated</td>'
                f'<td class="number">{escape("over " + scaled(claim["value"]))}</td>'
                f'<td><span style="white-space:nowrap">{fact_link(str(claim["claim_id"]))}</span></td></tr>')
    return html_table("Download counts of the DeepSeek app reported by trackers, and article 000's undated figure",
                  ["When", "Counted by", "Where", "Downloads", "Fact"], rows)


def downloads_chart() -> HTML:
    """The trackers' dated counts, with the undated figure as a line across them (read as app installs)."""
    dated = dated_counts()
    series = tracker_series()
    target = undated_figure()
    crossing = undated_crossing()
    ranking = _ranking_event()
    one_day = pd.Timedelta(days=1)
    colour = TRACKER_COLOURS.get(tracker_name(series_tracker()), "#0072B2")

    # Narrow, with every label wrapped short, so that a phone shows the text at 11 px or more.
    fig, zoom = plt.subplots(figsize=(WIDTH_INCHES, 5.2))
    start, end = dated["date"].min() - 2.6 * one_day, dated["date"].max() + 3.5 * one_day
    top = max(dated["downloads"].max(), target) * 1.5 / 1e6
    zoom.axhline(target / 1e6, color=CLAIM_COLOUR, linewidth=2.5, zorder=1)
    zoom.text(start + 0.1 * one_day, target / 1e6 + top * 0.03,
              f"“over {scaled(target)}”\n(article 000):\nno date, no tracker", color=CLAIM_COLOUR,
              va="bottom", ha="left", fontweight="bold")
    zoom.axvline(ranking["date"], ymin=0.8, ymax=1, color=RANKING_COLOUR, linewidth=1.2, linestyle=":")
    zoom.text(ranking["date"] + 0.08 * one_day, top,
              wrap_label(f"{_day(ranking['date'], False)}: No. 1 in the US App Store (a rank, not a count)", 20),
              color=RANKING_COLOUR, va="top", ha="left")
    zoom.plot(series["date"], series["downloads"] / 1e6, color=colour, linewidth=1.5, linestyle="--", zorder=2)
    for _, row in dated.iterrows():
        zoom.plot(row["date"], row["downloads"] / 1e6, _marker(row), markersize=10, zorder=3,
                  color=TRACKER_COLOURS.get(row["tracker_name"], "#000000"))
    first, last = series.iloc[0], series.iloc[-1]
    zoom.text(first["date"], first["downloads"] / 1e6 - top * 0.05,
              f"{tracker_name(first['tracker'])}:\n{_count(first)}", color=colour, ha="center", va="top", zorder=3,
              bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    zoom.text(last["date"] - 0.1 * one_day, last["downloads"] / 1e6 + top * 0.02,
              f"{tracker_name(last['tracker'])}:\n{_count(last)}", color=colour, ha="right", va="bottom")
    for _, row in dated[dated["tracker"] != series_tracker()].iterrows():
        zoom.text(row["date"] + 0.1 * one_day, row["downloads"] / 1e6 + top * 0.03,
                  wrap_label(f"{row['tracker_name']}: {_count(row)}", 14),
                  color=TRACKER_COLOURS.get(row["tracker_name"], "#000000"), ha="left", va="bottom")
    if crossing is not None:
        zoom.plot([crossing, crossing], [0, target / 1e6], color=CLAIM_COLOUR, linewidth=1.2, linestyle=":")
        zoom.plot(crossing, target / 1e6, "o", markersize=8, markerfacecolor="white", markeredgecolor=CLAIM_COLOUR,
                  markeredgewidth=2, zorder=4)
        zoom.text(crossing + 0.1 * one_day, target / 1e6 - top * 0.04,
                  f"a steady rate passes it\non about {_day(crossing, False)}", color=CLAIM_COLOUR, va="top", ha="left")
    zoom.set_xlim(start, end)
    zoom.set_ylim(0, top)
    zoom.set_title(wrap_label(f"If it meant app installs: where would {scaled(target)} fit?", 34), loc="left")
    zoom.xaxis.set_major_locator(mdates.DayLocator(interval=2))
    zoom.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    zoom.set_ylabel("downloads (millions)")
    for side in ("top", "right"):
        zoom.spines[side].set_visible(False)

    counts_text = "; ".join(f"{row['tracker']} counted {_count(row)} on {_day(row['date'])}"
                            for _, row in dated.iterrows())
    crossing_text = (f"a steady rate between the two counts by {tracker_name(series_tracker())} would have passed "
                     f"it on {_day(crossing)}" if crossing is not None else "it lies outside the dated counts")
    alt = (f"A line chart of DeepSeek app downloads over time. {counts_text}. A horizontal line marks article "
           f"000's undated figure of over {scaled(target)}; if it meant app installs, {crossing_text}. The app "
           f"reached No. 1 in the US App Store on {_day(ranking['date'])}, a ranking rather than a count.")
    when = f"around {_day(crossing, False)}" if crossing is not None else "outside the dated counts"
    caption = (f"Trackers' dated counts of DeepSeek app downloads (dots; a triangle is a “more than” figure) and "
               f"article 000's undated “over {scaled(target)}” (line). Read as app installs, the figure crosses "
               f"the dashed line joining the only pair of counts from one tracker {when}; after that the counts "
               "would not contradict it, but they do not show where the figure came from. A count with no calendar "
               "date is left off: the sources disagree on the launch date.")
    return figure_html(fig, alt, caption)
