"""The exit ticket of the chapter "How many downloads?": read a value off the straight line between two dated counts.

It checks the chapter's aim of reading the trackers' dated counts as points on a curve: where the line between
Appfigures' two counts puts the app on the day it reached No. 1 in the US App Store. The answer is computed from
:mod:`solutions.chapters.downloads` and the ranking's date from the events table, like the chapter's exercises.
"""

from __future__ import annotations

import pandas as pd

from solutions.chapters.downloads import daily_rate, series_tracker, tracker_name, tracker_series

from exercises.formatting import round_significant, scaled, trim
from exercises.kinds import NumberQuestion, Source, Trap, distinct_traps
from .wording import count_words, ranking_event, stores_words, written_day

#: The field's unit: the answer is asked in millions of downloads.
MILLION = 1e6


def _days(start: pd.Timestamp, end: pd.Timestamp) -> float:
    return (end - start) / pd.Timedelta(days=1)


def exit_ticket() -> NumberQuestion:
    series = tracker_series()
    first, last = series.iloc[0], series.iloc[-1]
    ranking = ranking_event()
    tracker = tracker_name(series_tracker())
    span, elapsed = _days(first["date"], last["date"]), _days(first["date"], ranking["date"])
    rate = daily_rate()
    estimate = first["downloads"] + rate * elapsed
    gained = last["downloads"] - first["downloads"]
    answer = estimate / MILLION
    # The answer to two significant figures is right ("2.1 million"), with a little rounding either way.
    tolerance = abs(round_significant(answer, 2) - answer) + answer * 0.005
    rounded = round_significant(answer, 1)
    candidates = [
        ((first["downloads"] + last["downloads"]) / 2,
         f"That is halfway between the two counts. {written_day(ranking['date'], False)} is {trim(elapsed, 0)} of the "
         f"{trim(span, 0)} days after {written_day(first['date'], False)}, not half of them."),
        (first["downloads"] + rate, f"That is one day after {written_day(first['date'], False)}. Count the days from "
                                    f"{written_day(first['date'], False)} to {written_day(ranking['date'], False)}."),
        (last["downloads"], f"That is the count of {written_day(last['date'])}, the day after the ranking."),
        (rate * elapsed, f"That is what the app gained in {trim(elapsed, 0)} days. Add the first count, "
                         f"{count_words(first)} on {written_day(first['date'], False)}."),
        (first["downloads"] + gained * elapsed, f"That adds the whole gain of {scaled(gained)} for each day. Divide "
                                                f"the gain by the {trim(span, 0)} days first."),
    ]
    traps = [Trap(rounded, (abs(rounded - answer) - tolerance) / 2,
                  f"Close, but rounded too far: the line gives about {trim(answer, 2)} million. Keep one more digit.")]
    traps = [trap for trap in traps if trap.tolerance > 0]
    traps = distinct_traps((Trap(value / MILLION, value / MILLION * 0.02, feedback) for value, feedback in candidates),
                           answer, tolerance, kept=traps)
    return NumberQuestion(
        id="downloads-exit-ticket",
        title="A point on the line",
        prompt=(f"{tracker} counted {count_words(first)} downloads of the DeepSeek app on {written_day(first['date'])} "
                f"and {count_words(last)} on {written_day(last['date'])} ({stores_words(first)}). If the app gained the "
                f"same number of downloads every day in between, about how many would it have had on "
                f"{written_day(ranking['date'])}, the day it reached No. 1 in the US App Store? Answer in millions."),
        answer=answer, tolerance=tolerance, scale=MILLION,
        unit_words=("millions", "millions of downloads", "downloads"),
        display=f"about {trim(answer, 2)} million downloads (an estimate from a straight line, not a count)",
        traps=tuple(traps),
        correct_feedback=(f"{scaled(gained)} in {trim(span, 0)} days is about {round(rate, -3):,.0f} a day; "
                          f"{trim(elapsed, 0)} days after {written_day(first['date'], False)} that makes about "
                          f"{trim(answer, 2)} million."),
        hints=("First work out how many downloads a day the app gained between the two counts.",
               f"Then count the days from {written_day(first['date'], False)} to "
               f"{written_day(ranking['date'], False)}, and add what the app gained in them to the first count."),
        explanation=(f"The app gained {scaled(gained)} in {trim(span, 0)} days, about {round(rate, -3):,.0f} a day, "
                     f"so {trim(elapsed, 0)} days after {written_day(first['date'], False)} the straight line gives "
                     f"about {trim(answer, 2)} million. That is an estimate, not a count: the fact sheet has no "
                     f"tracker's count for {written_day(ranking['date'], False)}, and real downloads are not steady. "
                     f"The No. 1 place that day is a ranking, which says which app was ahead, not how many times it "
                     "was downloaded."),
        sources=(Source(fact=str(first["claim_id"])), Source(fact=str(ranking["claim_id"]))),
    )
