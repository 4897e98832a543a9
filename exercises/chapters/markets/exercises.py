"""The exercises of the chapter "Markets and money" on amounts and motives: a share price before the fall, a
company's value, what the articles credit the moves to, and a rewrite. Every correct answer is computed from
:mod:`solutions`."""

from __future__ import annotations

import math

import pandas as pd

from solutions import fact
from solutions.data.facts import VERDICT_MEANINGS, accepted_verdicts
from solutions.data.events import claim_event_date
from solutions.data.markets import days_of_claim, largest_fall
from solutions.chapters.markets import (
    META_PLAN_CLAIM, arguable_reasons, claim_place, claim_sentence, close_before_largest_fall, fact_summary,
    market_value_before_largest_fall, market_value_lost, previous_close, unsupported_reasons,
)

from exercises.formatting import trim, usd
from exercises.kinds import Criterion, MultipleChoice, NumberQuestion, Option, Reflection, Source, Trap
from .wording import billions_range, day, dollars, long_day, quote_label


#: Phrases that link a move or a spending plan to DeepSeek, or describe an effect, for the "motives" exercise
#: (INV-01b and INV-02b are the motive parts of the two sentences about Meta's plan).
REASON_CLAIMS = ("MKT-01", "MKT-02", "INV-01b", "MKT-05", "INV-02b")


#: The events whose dates the "motives" hint compares with Meta's plan: V3's weights and R1's release.
RELEASE_CLAIMS = ("DATE-01", "DATE-02")
#: The fact row of article 002's "recently dipped".
DIPPED_CLAIM = "MKT-04"


def price_before() -> NumberQuestion:
    fall = largest_fall()
    close, change = float(fall["close_usd"]), float(fall["change_percent"])
    before = close_before_largest_fall()
    share = abs(change) / 100
    recorded = previous_close(fall["date"])
    agrees = math.isclose(before, float(recorded["close_usd"]), abs_tol=0.01)
    check = (f"That is the close recorded for {long_day(recorded['date'])}, {dollars(recorded['close_usd'])}. The "
             "agreement shows less than it seems: a day's percentage change is worked out from that day's close and "
             "the one before, so it was bound to lead back to the earlier close. It shows that the figures were "
             "copied consistently and that the arithmetic is right; it cannot show that the closes themselves are "
             "right. For that you need a second, independent source." if agrees else
             f"The close recorded for {long_day(recorded['date'])} is {dollars(recorded['close_usd'])}: one of the "
             "figures has been copied or rounded differently, so check them against a second source.")
    return NumberQuestion(
        id="markets-price-before",
        title="Work the percentage backwards",
        prompt=(f"On {long_day(fall['date'])}, Nvidia's shares closed at {dollars(close)}, {trim(abs(change), 2)}% "
                "below the previous close. What was that previous close, in dollars per share?"),
        answer=before, tolerance=0.05, unit_words=("dollars", "usd", "us dollars"), display=dollars(before),
        traps=(
            Trap(close * (1 + share), 0.05, f"Adding {trim(abs(change), 2)}% of the new price is a common mistake: "
                                           "the percentage is a share of the price before the fall, which is larger."),
            Trap(close + abs(change), 0.05, f"That adds {trim(abs(change), 2)} dollars. The fall was "
                                            f"{trim(abs(change), 2)} per cent of the earlier price, not dollars."),
            Trap(close * (1 - share), 0.05, "That is what a second fall of the same size would leave. Work backwards "
                                            "instead."),
            Trap(close, 0.05, "That is the price after the fall. The question asks for the price before it."),
        ),
        correct_feedback=f"{dollars(close)} ÷ (1 − {trim(share, 4)}) = {dollars(before)}. {check}",
        hints=(f"A fall of {trim(abs(change), 2)}% leaves {trim(100 - abs(change), 2)}% of the earlier price.",
               f"So {dollars(close)} is {trim(100 - abs(change), 2)}% of the answer: divide by "
               f"{trim(1 - share, 4)}."),
        explanation=(f"After a fall of {trim(abs(change), 2)}%, what is left is {trim(100 - abs(change), 2)}% of the "
                     f"earlier price, so the earlier price is {dollars(close)} ÷ {trim(1 - share, 4)} = "
                     f"{dollars(before)}. {check} A percentage always needs its base: the same number of dollars "
                     "is a smaller percentage of a larger price."),
        sources=(Source(fact=str(fall["claim_id"])), Source(fact=str(recorded["claim_id"]))),
    )


def company_value() -> NumberQuestion:
    fall = largest_fall()
    change = float(fall["change_percent"])
    share = abs(change) / 100
    low, high = market_value_lost()
    before_low, before_high = market_value_before_largest_fall()
    billion = 1e9
    low_bn, high_bn = low / billion, high / billion
    first_bn, last_bn = before_low / billion, before_high / billion
    # Every value the reported range of the loss gives, and 1% either way for rounding it.
    answer_bn = (first_bn + last_bn) / 2
    rounding = answer_bn * 0.01
    tolerance = (last_bn - first_bn) / 2 + rounding
    accepted = f"{trim(answer_bn - tolerance, 0)} to {trim(answer_bn + tolerance, 0)} billion"
    after_low, after_high = first_bn - low_bn, last_bn - high_bn
    return NumberQuestion(
        id="markets-company-value",
        title="What was the whole company worth?",
        prompt=(f"On {long_day(fall['date'])}, Nvidia lost {billions_range(low, high)} of stock-market value "
                f"(reports differ slightly). That was {trim(abs(change), 2)}% of what the company was worth at the "
                "previous close. About how much was Nvidia worth before the fall? Give your answer in billions of "
                "dollars: for example, type 1,500 or 1.5 trillion for $1.5 trillion."),
        answer=answer_bn, tolerance=tolerance, scale=billion,
        unit_words=("billions", "billions of dollars", "bn dollars", "dollars", "of dollars", "usd"),
        display=(f"about {trim(first_bn, 0)}–{trim(last_bn, 0)} billion dollars (about "
                 f"${trim(answer_bn / 1000, 1)} trillion); any answer from {accepted} is accepted"),
        traps=(
            Trap(low_bn * share, low_bn * share * 0.01,
                 f"That is {trim(abs(change), 2)}% of the loss. The loss is the part; you are looking for the whole."),
            Trap(low_bn / (1 - share), low_bn / (1 - share) * 0.01,
                 f"That divides by the {trim(100 - abs(change), 2)}% that was left. Divide by the "
                 f"{trim(abs(change), 2)}% that was lost."),
            Trap((after_low + after_high) / 2, (after_high - after_low) / 2 + (after_low + after_high) / 2 * 0.005,
                 "That is what Nvidia was worth after the fall. The question asks for its value before."),
        ),
        correct_feedback=(f"{usd(low)} ÷ {trim(share, 4)} ≈ {usd(before_low, 2)}; with the high end of the range, "
                          f"{usd(high)}, it is about {usd(before_high, 2)}."),
        hints=(f"If {usd(low)} is {trim(abs(change), 2)}% of the whole, then 1% of the whole is "
               f"{usd(low)} ÷ {trim(abs(change), 2)}.",
               "Multiply 1% of the whole by 100. A trillion is a thousand billions."),
        explanation=(f"{usd(low)} ÷ {trim(share, 4)} ≈ {usd(before_low, 2)}, about {trim(first_bn, 0)} billion "
                     f"dollars, or {usd(before_high, 2)} with the {usd(high)} end of the range. Any answer from "
                     f"{accepted} dollars counts as right: that is the range the two ends of the reported loss "
                     f"give, plus 1% either way for rounding, so “${trim(answer_bn / 1000, 1)} trillion”, the range "
                     "rounded to one decimal place of a trillion, is right too. This is our arithmetic from the "
                     "reported figures, not a reported number: the number of shares did not change that day, so "
                     "the company's value fell by the same percentage as its share price. The loss was so large "
                     "because the company was so valuable."),
        sources=(Source(fact=str(fall["claim_id"])),),
    )


def _judged(claim_id: str) -> str:
    """"the fact sheet judges it misattributed (also opinion-as-fact; INV-01b)"."""
    main, *others = accepted_verdicts(claim_id)
    return f"the fact sheet judges it {main}" + (f" (also {', '.join(others)}; {claim_id})" if others else f" ({claim_id})")


def _reason_feedback(claim_id: str) -> str:
    unsupported = claim_id in unsupported_reasons([claim_id])
    arguable = claim_id in arguable_reasons([claim_id])
    verdict = ("It gives a cause or motive that no source on record gave: " if unsupported and not arguable else
               "The evidence does not settle whether a source gave this reason: " if arguable else
               "No unsourced cause or motive here: ")
    return f"{verdict}{_judged(claim_id)}. What it found: “{fact_summary(claim_id)}”"


def motives() -> MultipleChoice:
    places = [claim_place(claim_id) for claim_id in REASON_CLAIMS]
    arguable = set(arguable_reasons(REASON_CLAIMS))
    unsupported = set(unsupported_reasons(REASON_CLAIMS)) - arguable
    plan = claim_event_date(META_PLAN_CLAIM)
    releases = " and ".join(f"{day(claim_event_date(c))}" for c in RELEASE_CLAIMS)
    return MultipleChoice(
        id="markets-motives",
        title="Because of DeepSeek?",
        prompt=("Each phrase links a share move or a spending plan to DeepSeek, or describes what followed. Which "
                "ones give a cause or a motive that no source on record gave? Tick all that apply."),
        options=tuple(Option(key=place["claim_id"], label=quote_label(place),
                             feedback=_reason_feedback(place["claim_id"])) for place in places),
        correct=frozenset(unsupported), either=frozenset(arguable),
        hints=("For each phrase, ask: who said this was the reason? Did the company, or a report on the day, "
               "say so?",
               f"Dates can rule a reason out, but never in. Meta's plan ({day(plan)}) came after DeepSeek's "
               f"releases ({releases}), so dates alone cannot rule DeepSeek out as its motive: look for what "
               "Meta itself said, and when it first planned the spending."),
        explanation=("A plan announced before an event cannot be a reaction to that event, but a plan announced "
                     "after one is not, for that reason, a reaction to it: that needs someone on record. "
                     + " ".join(f"{place['article_id']} ¶{place['paragraph']} (“{place['quote']}”): "
                                f"{_judged(place['claim_id'])}: “{fact_summary(place['claim_id'])}”"
                                for place in places if place["claim_id"] in unsupported | arguable)),
        sources=tuple(Source(fact=place["claim_id"], article=place["article_id"], paragraph=int(place["paragraph"]))
                      for place in places),
    )


def rewrite_dipped() -> Reflection:
    place = claim_place(DIPPED_CLAIM)
    fall = largest_fall()
    date = pd.Timestamp(fall["date"])
    size = abs(float(fall["change_percent"]))
    low, high = market_value_lost()
    likely, *other_days = days_of_claim(DIPPED_CLAIM)
    row = fact(DIPPED_CLAIM)
    date_words = tuple(dict.fromkeys(w.casefold() for w in (
        f"{date.day} {date:%b}", f"{date:%b} {date.day}", f"{date:%b}. {date.day}", f"{date:%B} {date.day}",
        f"{date:%A}", f"{date:%Y-%m-%d}", f"{date.day}/{date.month}", f"{date.month}/{date.day}")))
    size_words = tuple(dict.fromkeys((trim(size, 2), trim(size, 1), trim(round(size), 0))))
    loss_words = tuple(dict.fromkeys(("record", "largest", "biggest", trim(low / 1e9, 0), trim(high / 1e9, 0))))
    reading = (f"The fact sheet reads it as the fall of {long_day(likely)}" if likely == date else
               f"The fact sheet reads it as the move of {long_day(likely)}")
    return Reflection(
        id="markets-rewrite-dipped",
        title="Rewrite “recently dipped”",
        prompt=(f"Rewrite this sentence from article {place['article_id']} ¶{place['paragraph']} so that a reader "
                "learns how far Nvidia's shares fell, on which day, and how big that was. Take it, as the fact "
                f"sheet does, to mean the fall of {long_day(date)}. Keep it to one or two sentences."),
        original=claim_sentence(DIPPED_CLAIM),
        criteria=(
            Criterion("size", "You give the size of the fall.",
                      f"Give the size: Nvidia's shares fell {trim(size, 2)}% in one day.", any_of=size_words),
            Criterion("day", "You say on which day it happened.",
                      f"Give the day: {long_day(date)}. “Recently” goes out of date the moment it is printed.",
                      any_of=date_words),
            Criterion("scale", "You show how big the loss was.",
                      f"Show the scale: about {billions_range(low, high)} of market value, the largest one-day loss "
                      "for any US company.", any_of=loss_words),
            Criterion("understated", "No “dipped” or “recently”: good.",
                      "“Dipped” shrinks a record fall, and “recently” hides its date. Replace them.",
                      none_of=("dipped", "a dip", "recently", "slightly")),
        ),
        model_answer=(f"On {long_day(date)}, Nvidia's shares fell {trim(size, 2)}%, a loss of about "
                      f"{billions_range(low, high)} of stock-market value: the largest one-day loss for any US "
                      "company."),
        hints=(),
        explanation=(f"The fact sheet's verdict on “recently dipped” is {row['verdict']} "
                     f"({VERDICT_MEANINGS[str(row['verdict'])].lower().rstrip('.')}), with {row['confidence']} "
                     f"confidence, because article {place['article_id']} states no date. {reading}, the more "
                     f"likely one: “{fact_summary(DIPPED_CLAIM)}” Read that way, the simplification is a serious understatement of a {trim(size, 2)}% fall "
                     f"and a record loss of {billions_range(low, high)}. A good rewrite gives the size, the day and "
                     "the scale, and so removes the doubt that “recently” leaves."),
        sources=(Source(fact=DIPPED_CLAIM, article=place["article_id"], paragraph=int(place["paragraph"])),
                 Source(fact=str(fall["claim_id"]))),
    )
