"""The exercises of the chapter "How many downloads?".

Every correct answer is computed from :mod:`solutions.chapters.downloads` when an exercise is built.
"""

from __future__ import annotations

import random
import re

import pandas as pd

from solutions.chapters.downloads import (
    CONTEXT_LABELS, CONTEXT_PATTERNS, MEASURES, UNDATED_CLAIM, daily_rate, dated_counts, download_timeline,
    hindsight_month, measure_reason, measure_rows, series_tracker, tracker_name, tracker_series, undated_claim,
    undated_claim_gaps, undated_crossing, undated_figure,
)
from solutions.data.facts import accepted_verdicts

from exercises.formatting import round_significant, scaled, trim
from exercises.kinds import Matching, MultipleChoice, NumberQuestion, Option, Ordering, Source, Trap, distinct_traps
from .wording import count_words, month_name, ranking_event, stores_words, written_day


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
        "date": (f"{tracker_name(series_tracker())} counted {count_words(first)} and, {trim(days, 0)} days later, "
                 f"{count_words(last)}: in the app's first weeks the count changed from day to day, so a count without "
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
        text = f"{row['tracker']} counts {count_words(row)} downloads of the app ({stores_words(row)})"
    return f"{written_day(row['date'])}: {text}" if dated else text


def timeline_order() -> Ordering:
    timeline = download_timeline()
    items = [Option(key=row["key"], label=_timeline_label(row, dated=False)) for _, row in timeline.iterrows()]
    shown = sorted(items, key=lambda option: random.Random(option.key).random())
    counts = dated_counts()
    drops = [(a, b) for (_, a), (_, b) in zip(counts.iterrows(), counts.iloc[1:].iterrows())
             if b["downloads"] < a["downloads"]]
    drop_text = "".join(
        f" The counts do not simply go up: {a['tracker_name']} counted {count_words(a)} on {written_day(a['date'], False)}, "
        f"then {b['tracker_name']} reported “{count_words(b)}” on {written_day(b['date'], False)}. They come from different "
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
             f"{scaled(first['downloads'])} the app already had on {written_day(first['date'], False)} first."),
        Trap(gained / (days + 1), gained / (days + 1) * 0.02,
             f"{written_day(first['date'], False)} to {written_day(last['date'], False)} is {trim(days, 0)} days, not "
             f"{trim(days + 1, 0)}: count the nights in between, not the dates on the calendar."),
        Trap(gained / (days - 1), gained / (days - 1) * 0.02,
             f"{written_day(first['date'], False)} to {written_day(last['date'], False)} is {trim(days, 0)} days, not "
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
    kept = distinct_traps(traps, rate, tolerance)
    return NumberQuestion(
        id="downloads-per-day",
        title="How many downloads a day?",
        prompt=(f"{series_tracker()} counted {count_words(first)} downloads of the DeepSeek app on "
                f"{written_day(first['date'])} and {count_words(last)} on {written_day(last['date'])} ({stores_words(first)}). If the "
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
    ranking = ranking_event()
    others = dated_counts()
    others = others[others["tracker"] != series_tracker()]
    release = download_timeline()
    release = release[release["key"].str.startswith("event-") & (release["date"] < first["date"])]
    same_month = lambda moment: moment.year == crossing.year and moment.month == crossing.month  # noqa: E731
    traps = [
        (first["date"], f"On {written_day(first['date'], False)} the count was {count_words(first)}, still short of "
                        f"{scaled(target)}."),
        (last["date"], f"By {written_day(last['date'], False)} the count was already {scaled(last['downloads'])}; at a "
                       f"steady rate {scaled(target)} was passed earlier."),
        (ranking["date"], f"{written_day(ranking['date'], False)} is the day the app reached No. 1 in the US App Store: "
                          "a ranking, not a download count. Work it out from the two counts."),
    ]
    traps += [(row["date"], f"On {written_day(row['date'], False)} {row['tracker_name']} reported {count_words(row)}: a "
                            f"different tracker. Work it out from the two counts by {tracker_name(series_tracker())}.")
              for _, row in others.iterrows()]
    traps += [(row["date"], f"{written_day(row['date'], False)}: {row['event']}. The question asks when the download "
                            f"count would have passed {scaled(target)}.")
              for _, row in release.iterrows()]
    day_traps = [Trap(float(moment.day), 0.3, feedback) for moment, feedback in traps if same_month(moment)]
    day_traps.append(Trap(float(round(after)), 0.3,
                          f"That is how many days after {written_day(first['date'], False)} it happened. Add it to "
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
                f"downloads every day between the two counts by {tracker_name(series_tracker())} ({count_words(first)} on "
                f"{written_day(first['date'], False)}, {count_words(last)} on {written_day(last['date'], False)}). On which day of "
                f"{crossing:%B} would the count have passed {scaled(target)} downloads? Type the day of the month."),
        answer=answer, tolerance=0.0, month=f"{crossing:%Y-%m}",
        display=f"{written_day(crossing)} (about {trim(after, 1)} days after {written_day(first['date'], False)})",
        traps=tuple(kept),
        correct_feedback=(f"The app needed {scaled(target - first['downloads'])} more downloads after "
                          f"{written_day(first['date'], False)}; at about {round(daily_rate(), -3):,.0f} a day that takes "
                          f"about {trim(after, 1)} days, so on {written_day(crossing, False)}. The counts carry no time "
                          "of day, so the day is as precise as this gets."),
        hints=(f"How many more downloads did the app need after {written_day(first['date'], False)} to reach "
               f"{scaled(target)}?",
               "Divide that by the downloads per day from the exercise above: that is the number of days to add."),
        explanation=(f"From {count_words(first)} on {written_day(first['date'], False)}, the app needed "
                     f"{scaled(target - first['downloads'])} more. At a steady rate that took about "
                     f"{trim(after, 1)} days: {written_day(crossing)}. That does not show the article's figure is right. "
                     f"The fact sheet ({cid}) calls the sentence {_verdict_words(cid)}: it credits the downloads to "
                     "the R1 model, and no source that gives the figure was found. It shows only that, if app "
                     "installs were meant, the trackers' counts from then on would not contradict it; and that the "
                     f"figure said less every day: by {written_day(last['date'], False)} the same tracker counted "
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
        when = f"; reported later, in {month_name(later)}" if later else ""
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
                     + (f" (that count was reported only in {month_name(later)})" if later else "") + "."),
        sources=tuple(Source(fact=c) for c in dict.fromkeys(c for ids in rows["claim_ids"] for c in ids)),
    )
