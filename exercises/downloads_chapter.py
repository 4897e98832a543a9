"""The exercises, table and figure of the chapter "How many downloads?".

Every correct answer is computed from :mod:`solutions.downloads` when an exercise is built.
"""

from __future__ import annotations

import random
import re
from html import escape

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from solutions.downloads import (
    CONTEXT_LABELS, CONTEXT_PATTERNS, MEASURES, app_launch_dates, daily_rate, dated_counts, day_of_month,
    days_after_launch_window, download_timeline, load_download_counts, measure_rows, series_tracker,
    tracker_name, tracker_series, undated_claim, undated_claim_gaps, undated_crossing, undated_figure,
)
from solutions.timeline import load_events

from .charts import figure_html
from .display import _fact_link, _table
from .formatting import scaled, trim
from .model import ChapterExercises, Matching, MultipleChoice, NumberQuestion, Option, Ordering, Source, Trap

#: Okabe-Ito colours for the trackers and for the undated claim.
TRACKER_COLOURS = {"Appfigures": "#0072B2", "AppMagic": "#E69F00"}
CLAIM_COLOUR = "#D55E00"
RANKING_COLOUR = "#555555"


def _day(moment: pd.Timestamp, weekday: bool = True) -> str:
    """"Friday 24 January", or "24 January" without the weekday."""
    return f"{moment:%A} {moment.day} {moment:%B}" if weekday else f"{moment.day} {moment:%B}"


def _count(row) -> str:
    """A tracker count as the sources word it: "about 1 million", "more than 2 million"."""
    qualifier = row["qualifier"] if isinstance(row["qualifier"], str) else ""
    return " ".join(filter(None, [qualifier, scaled(row["downloads"])]))


def _ranking_event() -> pd.Series:
    events = load_events()
    return events[events["kind"] == "ranking"].iloc[0]


def _undated_source() -> Source:
    claim = undated_claim()
    return Source(fact=str(claim["claim_id"]), article=str(claim["article_id"]), paragraph=int(claim["paragraph"]))


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
    trackers = sorted(set(dated_counts()["tracker_name"]), key=str.casefold)
    missing = {
        "date": (f"{tracker_name(series_tracker())} counted {_count(first)} on {_day(first['date'])} and "
                 f"{_count(last)} on {_day(last['date'])}: in the app's first weeks the count changed every day, "
                 "so a count without a date cannot be checked."),
        "tracker": (f"App-analytics firms such as {' and '.join(trackers)} estimate downloads, and they "
                    "publish different figures. A count with no named counter cannot be traced."),
        "object": ("It credits the downloads to the R1 model's open-source nature, but the counts "
                   "published in late January were installs of the DeepSeek phone app. Downloads of the model's "
                   "files (its weights) are a separate count."),
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
    return MultipleChoice(
        id="downloads-missing",
        title="What does the number leave out?",
        prompt=(f"Article {claim['article_id']} ¶{claim['paragraph']} says: “{sentence}” Before you could check "
                f"the {claim['text']} downloads, what would you need to know that the sentence does not tell you? "
                "Tick all that apply."),
        options=tuple(options), correct=frozenset(gaps),
        hints=("Imagine you want to look the number up. What would you type into a search box?",
               "Ask: counted when, counted by whom, and downloads of what exactly?"),
        explanation=(f"The sentence {_says(stated)}, but it does not say {_says(gaps, ' or ')}. No source for "
                     "the figure was found, so the fact sheet calls it unverifiable: not shown to be false, but "
                     "impossible to check as written."),
        sources=(_undated_source(),),
    )


def _timeline_label(row: pd.Series) -> str:
    if isinstance(row["event"], str):
        return f"{_day(row['date'])}: {row['event']}"
    return f"{_day(row['date'])}: {row['tracker']} counts {_count(row)} downloads ({row['stores']})"


def timeline_order() -> Ordering:
    timeline = download_timeline()
    items = [Option(key=row["key"], label=_timeline_label(row)) for _, row in timeline.iterrows()]
    shown = sorted(items, key=lambda option: random.Random(option.key).random())
    counts = dated_counts()
    drops = [(a, b) for (_, a), (_, b) in zip(counts.iterrows(), counts.iloc[1:].iterrows())
             if b["downloads"] < a["downloads"]]
    drop_text = "".join(
        f" The counts do not simply go up: {a['tracker_name']} counted {_count(a)} on {_day(a['date'], False)}, "
        f"then {b['tracker_name']} reported “{_count(b)}” on {_day(b['date'], False)}. Different trackers "
        "estimate in different ways, so their counts cannot be joined into one curve." for a, b in drops[:1])
    return Ordering(
        id="downloads-timeline",
        title="The app's first weeks, in order",
        prompt=("Put these moments from the DeepSeek app's first weeks in the order they happened, earliest "
                "first. Then look at the download counts: do they always go up?"),
        items=tuple(shown), correct=tuple(timeline["key"]),
        hints=("Every item starts with its date. All of them are in January 2025.",
               "Read the day of the month, not the weekday."),
        explanation=("In order: " + "; ".join(_timeline_label(row) for _, row in timeline.iterrows()) + "."
                     + drop_text),
        sources=tuple(Source(fact=c) for c in dict.fromkeys(timeline["claim_id"])),
    )


def per_day() -> NumberQuestion:
    series = tracker_series()
    first, last = series.iloc[0], series.iloc[-1]
    days = (last["date"] - first["date"]) / pd.Timedelta(days=1)
    gained = last["downloads"] - first["downloads"]
    rate = daily_rate()
    tolerance = rate * 0.02
    traps = [
        Trap(last["downloads"] / days, last["downloads"] / days * 0.02,
             f"That divides the whole {scaled(last['downloads'])} by {trim(days, 0)} days. Subtract the "
             f"{scaled(first['downloads'])} the app already had on {_day(first['date'], False)} first."),
        Trap(gained / (days + 1), gained / (days + 1) * 0.02,
             f"{_day(first['date'], False)} to {_day(last['date'], False)} is {trim(days, 0)} days, not "
             f"{trim(days + 1, 0)}: count the nights in between, not the dates on the calendar."),
        Trap(gained, gained * 0.02,
             f"That is the growth over all {trim(days, 0)} days together. Divide it by the number of days."),
    ]
    return NumberQuestion(
        id="downloads-per-day",
        title="How many downloads a day?",
        prompt=(f"{series_tracker()} counted {_count(first)} downloads of the DeepSeek app on "
                f"{_day(first['date'])} and {_count(last)} on {_day(last['date'])} ({first['stores']}). If the "
                "app gained the same number of downloads every day in between, how many downloads a day is that?"),
        answer=rate, tolerance=tolerance,
        unit_words=("downloads a day", "downloads per day", "a day", "per day", "downloads", "/day",
                    "downloads/day"),
        display=f"about {round(rate, -3):,.0f} downloads a day",
        traps=tuple(t for t in traps if abs(t.value - rate) > tolerance + t.tolerance),
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
    answer = day_of_month(crossing)
    tolerance = 0.5
    after = (crossing - first["date"]) / pd.Timedelta(days=1)
    ranking = _ranking_event()
    traps = [
        Trap(float(first["date"].day), 0.3,
             f"On {_day(first['date'], False)} the count was {_count(first)}, still short of {scaled(target)}."),
        Trap(float(last["date"].day), 0.3,
             f"By {_day(last['date'], False)} the count was already {scaled(last['downloads'])}; "
             f"{scaled(target)} was passed earlier."),
        Trap(float(ranking["date"].day), 0.3,
             f"{_day(ranking['date'], False)} is the day the app reached No. 1 in the US App Store: a ranking, "
             "not a download count. Work it out from the two counts."),
        Trap(after, 0.3, f"That is how many days after {_day(first['date'], False)} it happened. Add it to "
                         f"{first['date'].day} to get the date."),
    ]
    return NumberQuestion(
        id="downloads-crossing-day",
        title=f"When would it have passed {scaled(target)}?",
        prompt=(f"Article 000 gives no date for its “{undated_claim()['text']}” downloads. Suppose the app grew at "
                f"a steady rate between the two counts by {tracker_name(series_tracker())} ({_count(first)} on "
                f"{_day(first['date'], False)}, {_count(last)} on {_day(last['date'], False)}). On which day of "
                f"{crossing:%B} would it have passed {scaled(target)} downloads? Type the day of the month."),
        answer=answer, tolerance=tolerance,
        unit_words=tuple(dict.fromkeys(w.casefold() for w in (f"{crossing:%B}", f"{crossing:%b}", f"{crossing:%b}.",
                                                               "th", f"th {crossing:%B}", f"th {crossing:%b}"))),
        display=f"{_day(crossing)} (about {trim(after, 1)} days after {_day(first['date'], False)})",
        traps=tuple(t for t in traps if abs(t.value - answer) > tolerance + t.tolerance),
        correct_feedback=(f"The app needed {scaled(target - first['downloads'])} more downloads after "
                          f"{_day(first['date'], False)}; at about {round(daily_rate(), -3):,.0f} a day that takes "
                          f"about {trim(after, 1)} days, so early on {_day(crossing, False)}."),
        hints=(f"How many more downloads did the app need after {_day(first['date'], False)} to reach "
               f"{scaled(target)}?",
               "Divide that by the downloads per day from the exercise above: that is the number of days to add."),
        explanation=(f"From {_count(first)} on {_day(first['date'], False)}, the app needed "
                     f"{scaled(target - first['downloads'])} more. At a steady rate that took about "
                     f"{trim(after, 1)} days: {_day(crossing)}. From then on “over {scaled(target)}” was true, "
                     f"but it said less every day: by {_day(last['date'], False)} the count was "
                     f"{scaled(last['downloads'])}. Without a date, a reader cannot tell whether the figure is "
                     "fresh or weeks old."),
        sources=(_undated_source(), Source(fact=str(ranking["claim_id"]))),
    )


def _measure_feedback(row) -> str:
    text = str(row.text)
    if row.measure == "ranking":
        base = "A place in a store's chart is a ranking, not a count of downloads."
        if re.search(r"\bmodel\b", text, re.I):
            base += " And the sentence says a model climbed the chart; what climbed it was the DeepSeek app."
        return base
    if row.measure == "model-downloads":
        return "Hugging Face hosts the model's files; downloads of them are counted apart from app installs."
    if row.kind == "seed" and re.search(r"\bmodel\b", str(row.sentence), re.I):
        return ("The sentence credits the downloads to the R1 model, but every download count the fact sheet "
                "found for late January was for the app, and that is how it reads the figure.")
    return "App-analytics firms estimate how many times the app was installed from the app stores."


def _measure_label(row) -> str:
    if row.kind == "seed":
        return f"{row.article_id} ¶{row.paragraph}: “{row.text}”"
    if row.kind == "fact sheet":
        return f"Fact sheet: “{row.text}”"
    return f"Tracker: {row.text}"


def _measure_short(row) -> str:
    if row.kind != "seed":
        return row.kind.capitalize()
    words = str(row.text).split()
    return f"{row.article_id} ¶{row.paragraph} “{' '.join(words[:4])}…”"


def what_it_measures() -> Matching:
    rows = measure_rows()
    options = tuple(Option(key=key, label=label) for key, label in MEASURES.items())
    return Matching(
        id="downloads-what-measures",
        title="Downloads, rankings, app or model?",
        prompt=("Each line below is a claim about DeepSeek's success or a count behind it. What does each one "
                "measure, according to the fact sheet?"),
        rows=tuple(Option(key=row.key, label=_measure_label(row), feedback=_measure_feedback(row),
                          short=_measure_short(row))
                   for row in rows.itertuples()),
        options=options,
        correct=tuple((row.key, row.measure) for row in rows.itertuples()),
        hints=("Phrases like “topping the charts” and “the top of the App Store” describe a position in a list, "
               "not a number of downloads.",
               "A phone app is installed from an app store; a model's files (its weights) are downloaded from a "
               "site such as Hugging Face."),
        explanation=("Chart positions and download counts answer different questions: a rank compares the app "
                     "with other apps on one day, a count adds up installs over time. And the app is not the model: "
                     "the app runs DeepSeek's models, while downloads of R1's weights are counted separately."),
        sources=tuple(Source(fact=c) for c in dict.fromkeys(rows["claim_id"])),
    )


CHAPTER = ChapterExercises(
    chapter="downloads", title="How many downloads?",
    build=(missing_context, timeline_order, per_day, crossing_day, what_it_measures),
)


# --- table and figure ----------------------------------------------------------------------------


def _marker(row) -> str:
    """A triangle pointing up for a lower bound ("more than"), a dot for a count."""
    return "^" if isinstance(row["qualifier"], str) and row["qualifier"] == "more than" else "o"


def download_counts_html() -> HTML:
    """Every tracker count in the data, with its date (or days after launch) and its fact row."""
    rows = []
    for _, row in load_download_counts().iterrows():
        when = (f'<time datetime="{row["date"]:%Y-%m-%d}">{escape(_day(row["date"]))}</time>'
                if pd.notna(row["date"]) else escape(f"{trim(row['days_after_launch'], 0)} days after launch"))
        rows.append(f'<tr><th scope="row">{when}</th><td>{escape(str(row["tracker"]))}</td>'
                    f'<td>{escape(str(row["stores"]))}</td><td class="number">{escape(_count(row))}</td>'
                    f'<td><span style="white-space:nowrap">{_fact_link(str(row["claim_id"]))}</span></td></tr>')
    claim = undated_claim()
    rows.append(f'<tr><th scope="row">not stated</th><td>not stated (article {escape(str(claim["article_id"]))} '
                f'¶{int(claim["paragraph"])})</td><td>not stated</td>'
                f'<td class="number">{escape("over " + scaled(claim["value"]))}</td>'
                f'<td><span style="white-space:nowrap">{_fact_link(str(claim["claim_id"]))}</span></td></tr>')
    return _table("Download counts of the DeepSeek app reported by trackers, and article 000's undated figure",
                  ["When", "Counted by", "Where", "Downloads", "Fact"], rows)


def downloads_chart() -> HTML:
    """The trackers' counts over time, with the undated figure as a line across them; two panels."""
    dated = dated_counts()
    series = tracker_series()
    target = undated_figure()
    crossing = undated_crossing()
    window = days_after_launch_window()
    launches = app_launch_dates()
    ranking = _ranking_event()
    one_day = pd.Timedelta(days=1)
    colour = TRACKER_COLOURS.get(tracker_name(series_tracker()), "#0072B2")

    fig, (zoom, wide) = plt.subplots(2, 1, figsize=(7.2, 8.6), gridspec_kw={"height_ratios": [1.1, 1]})
    fig.subplots_adjust(hspace=0.42)

    # Top: the first week, where the undated figure crosses the one tracker with two dated counts.
    start, end = dated["date"].min() - 2.6 * one_day, dated["date"].max() + 2.5 * one_day
    top = max(dated["downloads"].max(), target) * 1.45 / 1e6
    zoom.axhline(target / 1e6, color=CLAIM_COLOUR, linewidth=2.5, zorder=1)
    zoom.text(start + 0.1 * one_day, target / 1e6 + top * 0.03,
              f"“over {scaled(target)}”\n(article 000):\nno date, no tracker", color=CLAIM_COLOUR, fontsize=11.5,
              va="bottom", ha="left", fontweight="bold")
    zoom.axvline(ranking["date"], ymin=0.8, ymax=1, color=RANKING_COLOUR, linewidth=1.2, linestyle=":")
    zoom.text(ranking["date"] + 0.08 * one_day, top, f"{_day(ranking['date'], False)}: No. 1 in the US\n"
              "App Store (a rank, not a count)", color=RANKING_COLOUR, fontsize=11, va="top", ha="left")
    zoom.plot(series["date"], series["downloads"] / 1e6, color=colour, linewidth=1.5, linestyle="--", zorder=2)
    for _, row in dated.iterrows():
        zoom.plot(row["date"], row["downloads"] / 1e6, _marker(row), markersize=10, zorder=3,
                  color=TRACKER_COLOURS.get(row["tracker_name"], "#000000"))
    first, last = series.iloc[0], series.iloc[-1]
    zoom.text(first["date"], first["downloads"] / 1e6 - top * 0.05,
              f"{tracker_name(first['tracker'])}:\n{_count(first)}", color=colour, fontsize=11, ha="center", va="top")
    zoom.text(last["date"] - 0.1 * one_day, last["downloads"] / 1e6 + top * 0.02,
              f"{tracker_name(last['tracker'])}:\n{_count(last)}", color=colour, fontsize=11, ha="right", va="bottom")
    for _, row in dated[dated["tracker"] != series_tracker()].iterrows():
        zoom.text(row["date"] + 0.1 * one_day, row["downloads"] / 1e6 + top * 0.03,
                  f"{row['tracker_name']}:\n{_count(row)}", color=TRACKER_COLOURS.get(row["tracker_name"], "#000000"),
                  fontsize=11, ha="left", va="bottom")
    if crossing is not None:
        zoom.plot([crossing, crossing], [0, target / 1e6], color=CLAIM_COLOUR, linewidth=1.2, linestyle=":")
        zoom.plot(crossing, target / 1e6, "o", markersize=8, markerfacecolor="white", markeredgecolor=CLAIM_COLOUR,
                  markeredgewidth=2, zorder=4)
        zoom.text(crossing + 0.1 * one_day, top * 0.04, f"passed on about {_day(crossing, False)},\n"
                  "if growth was steady", color=CLAIM_COLOUR, fontsize=11, va="bottom", ha="left")
    zoom.set_xlim(start, end)
    zoom.set_ylim(0, top)
    zoom.set_title(f"The first week: where does {scaled(target)} fit?", fontsize=12.5, loc="left")

    # Bottom: three weeks, with the count that is dated only by "days after launch".
    w_start = (launches["date"].min() if not launches.empty else dated["date"].min()) - 1.5 * one_day
    w_end = (window["date"].max() if not window.empty else dated["date"].max()) + 2 * one_day
    w_top = max(window["downloads"].max() if not window.empty else 0, dated["downloads"].max()) * 1.4 / 1e6
    wide.axhline(target / 1e6, color=CLAIM_COLOUR, linewidth=2.5, zorder=1)
    gap_start = launches["date"].max() if not launches.empty else w_start
    wide.text(gap_start + 0.8 * one_day, target / 1e6 + w_top * 0.02, f"“over {scaled(target)}”",
              color=CLAIM_COLOUR, fontsize=11.5, va="bottom", ha="left", fontweight="bold")
    wide.text(dated["date"].max() + 0.6 * one_day, dated["downloads"].max() / 1e6, "first-week\ncounts (above)",
              color="#333333", fontsize=11, va="bottom", ha="left")
    for _, row in dated.iterrows():
        wide.plot(row["date"], row["downloads"] / 1e6, _marker(row), markersize=7,
                  color=TRACKER_COLOURS.get(row["tracker_name"], "#000000"), zorder=3)
    for count, group in window.groupby("downloads", sort=False):
        tracker = str(group["tracker"].iloc[0])
        tcolour = TRACKER_COLOURS.get(tracker_name(tracker), "#000000")
        wide.plot([group["date"].min(), group["date"].max()], [count / 1e6] * 2, color=tcolour, linewidth=3,
                  solid_capstyle="butt")
        wide.plot(group["date"], [count / 1e6] * len(group), "|", markersize=16, markeredgewidth=2.5, color=tcolour)
        days = trim(group["days_after_launch"].iloc[0], 0)
        wide.text(group["date"].max(), count / 1e6 + w_top * 0.04,
                  f"{tracker}: {scaled(count)} after {days} days,\n"
                  + " or ".join(_day(d, False) for d in group["date"]) + "?",
                  color=tcolour, fontsize=11, ha="right", va="bottom")
        for i, row in enumerate(group.sort_values("launch").itertuples()):
            level = count / 1e6 * (0.38 + 0.28 * i)
            wide.plot(row.launch, 0, "v", markersize=9, color="#000000", clip_on=False, zorder=4)
            wide.plot([row.launch, row.launch], [0, level], color="#000000", linewidth=0.8, linestyle=":")
            wide.plot([row.date, row.date], [level, count / 1e6], color="#000000", linewidth=0.8, linestyle=":")
            wide.annotate("", xy=(row.date, level), xytext=(row.launch, level),
                          arrowprops={"arrowstyle": "->", "color": "#000000", "linewidth": 1})
            wide.text(row.launch + 0.2 * one_day, level + w_top * 0.02,
                      f"{days} days from launch on {_day(row.launch, False)} ({row.launch_source})",
                      fontsize=11, ha="left", va="bottom", color="#000000")
    wide.set_xlim(w_start, w_end)
    wide.set_ylim(0, w_top)
    wide.set_title("Three weeks: when did the app launch?", fontsize=12.5, loc="left")

    for ax in (zoom, wide):
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=2 if ax is zoom else 4))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
        ax.tick_params(labelsize=11)
        ax.set_ylabel("downloads (millions)", fontsize=11)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    counts_text = "; ".join(f"{row['tracker']} counted {_count(row)} on {_day(row['date'])}"
                            for _, row in dated.iterrows())
    window_text = "; ".join(
        f"{group['tracker'].iloc[0]} counted {scaled(count)} after {trim(group['days_after_launch'].iloc[0], 0)} "
        "days, which is " + " or ".join(f"{_day(r.date, False)} if the app launched on {_day(r.launch, False)} "
                                        f"({r.launch_source})" for r in group.itertuples())
        for count, group in window.groupby("downloads", sort=False))
    crossing_text = (f"a steady rate between the two counts by {tracker_name(series_tracker())} would have passed "
                     f"it on {_day(crossing)}" if crossing is not None else "it lies outside the dated counts")
    alt = (f"Two line charts of DeepSeek app downloads over time. {counts_text}. {window_text}. A horizontal line "
           f"marks article 000's undated figure of over {scaled(target)}; {crossing_text}. The app reached No. 1 in "
           f"the US App Store on {_day(ranking['date'])}, a ranking rather than a count.")
    when = f"around {_day(crossing, False)}" if crossing is not None else "outside the dated counts"
    caption = (f"Trackers' counts of DeepSeek app downloads (dots; a triangle is a “more than” figure) and article "
               f"000's undated “over {scaled(target)}” (line). The line crosses the only pair of counts from one "
               f"tracker {when}; after that the figure stayed true but fell further behind the count every day. "
               "The count dated only by “days after launch” cannot be placed exactly, because sources disagree "
               "on the launch date.")
    return figure_html(fig, alt, caption)


