"""The exercises of the chapter "What did it cost?". Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

import random

from solutions import article_ids, fact, wall_clock_days
from solutions.chapters.arithmetic import DEFAULT_TOLERANCE
from solutions.chapters.cost import (
    articles_giving, cost_claims, cost_credits, cost_scale_items, misattributed_cost_articles, restatements_of_v3_cost,
    training_cost_claims,
    v3_cluster_days, v3_final_run_cost, v3_pre_training_days,
)
from solutions.data.facts import verdict_reasons
from solutions.data.reference import reference_value
from solutions.chapters.vocabulary import OVERSTATED_SCOPE, RUN_SCOPE, VAGUE_SOURCES

from exercises.chapters.verdict_options import also_answers, verdict_options, verdicts_text
from exercises.formatting import round_significant, scaled, shorten, trim, usd, usd_styled
from exercises.kinds import (
    CodeExercise, Criterion, Matching, MultipleChoice, NumberQuestion, Option, Ordering, Reflection, SingleChoice,
    Source, Trap,
)


#: Days in an average month, to say a number of days in months.
MONTH_DAYS = 365.25 / 12


def _claim_label(row) -> str:
    return f"{row.article_id} ¶{row.paragraph}: “{shorten(row.sentence, row.text, 320)}”"


def paper_arithmetic() -> NumberQuestion:
    hours, rate = reference_value("v3_gpu_hours_total"), reference_value("v3_usd_per_gpu_hour")
    cost = v3_final_run_cost()
    headline, close = round_significant(cost, 1), round_significant(cost, 2)
    printing = articles_giving(headline)
    return NumberQuestion(
        id="cost-paper-arithmetic",
        title="Redo the report's sum",
        prompt=(f"The DeepSeek-V3 report says training took {scaled(hours)} H800 GPU-hours, and it assumes a "
                f"rental price of {usd(rate)} per GPU-hour. What cost, in US dollars, does that give?"),
        answer=cost, tolerance=cost * 0.001, unit_words=("dollars", "usd", "us dollars"), display=usd(cost),
        traps=(
            Trap(hours, hours * 0.001, "That is the number of GPU-hours, not dollars: multiply it by the price "
                                       "per GPU-hour."),
            Trap(headline, cost * 0.001, f"{usd(headline)} is the product rounded to one figure, as "
                                         f"{len(printing)} of the {len(article_ids())} articles print it. Work out "
                                         "the exact product."),
            Trap(close, cost * 0.001, f"Close: {usd(close)} is the product rounded to two figures. Give the "
                                      "exact product."),
            Trap(2 * cost, cost * 0.001, f"That is twice the product: multiply the {scaled(hours)} GPU-hours by "
                                         f"{usd(rate)} once."),
        ),
        correct_feedback=f"{scaled(hours)} × {usd(rate)} = {usd(cost)}, the figure the report states.",
        hints=("Cost = GPU-hours × price per GPU-hour.",
               f"Work out {scaled(hours)} × {trim(rate)}, and keep the word 'million'."),
        explanation=(f"{scaled(hours)} GPU-hours × {usd(rate)} per GPU-hour = {usd(cost)}. The report's own total is "
                     f"{usd(reference_value('v3_reported_cost_usd'))}, so its sum adds up. It values one final "
                     "training run at an assumed rental price; it is not money DeepSeek says it spent."),
        sources=(Source(fact="COST-09"), Source(fact="COST-10")),
    )


def cluster_days_question() -> NumberQuestion:
    """How many days V3's GPU-hours take on DeepSeek's cluster. Not called ``cluster_days``: that is the name of
    the function the learner writes for :func:`code_days` on the same page, which must never replace this one."""
    hours, gpus = reference_value("v3_gpu_hours_total"), reference_value("v3_cluster_gpus")
    pre_hours = reference_value("v3_gpu_hours_pre_training")
    days, pre_days = v3_cluster_days(), v3_pre_training_days()
    fits = "fits" if pre_days < 2 * MONTH_DAYS else "does not fit"
    return NumberQuestion(
        id="cost-cluster-days",
        title="How long would that take?",
        prompt=(f"DeepSeek's cluster had {trim(gpus, 0)} H800 GPUs. If all of them worked on V3's "
                f"{scaled(hours)} GPU-hours at the same time, about how many days would training take?"),
        answer=days, tolerance=0.5, unit_words=("days", "day", "d"), display=f"about {trim(days, 1)} days",
        traps=(
            Trap(hours / gpus, 5, "That is a number of hours. Divide by 24 to get days."),
            Trap(hours / 24, hours / 24 * 0.01, f"That is how long one GPU alone would take. Divide by the "
                                                f"{trim(gpus, 0)} GPUs working at once."),
        ),
        correct_feedback=(f"{scaled(hours)} ÷ {trim(gpus, 0)} GPUs ÷ 24 hours ≈ {trim(days, 1)} days, about "
                          f"{trim(days / MONTH_DAYS, 1)} months."),
        hints=("First divide the GPU-hours by the number of GPUs: that gives hours on the clock.",
               "Then divide the hours by 24."),
        explanation=(f"{scaled(hours)} GPU-hours ÷ {trim(gpus, 0)} GPUs = {trim(hours / gpus, 0)} hours, and "
                     f"÷ 24 = {trim(days, 1)} days. Pre-training alone, {scaled(pre_hours)} GPU-hours, takes "
                     f"{trim(pre_days, 1)} days, which {fits} the report's 'less than two months' for pre-training. "
                     "This checks that the GPU count, the GPU-hours and the time agree with each other."),
        sources=(Source(fact="TECH-04"), Source(fact="GPU-01")),
    )


def _credit_feedback(row) -> str:
    """What one sentence credits the training-cost figure to, and whether that is where the figure comes from."""
    if not row.credit:
        return ("This sentence names no source for the figure: it states the number as a plain fact. That leaves "
                "the reader to find the source, but it does not credit the figure to anyone else.")
    who = f"It credits the figure to “{row.credit}”" + ("" if row.named else ", people it does not name")
    reasons = verdict_reasons(row.claim_id)
    if "misattributed" in reasons:
        return f"{who}. {reasons['misattributed']}"
    return f"{who}. The fact sheet ({row.claim_id}) does not fault that credit."


def who_estimated() -> SingleChoice:
    credits = cost_credits()
    (answer,) = misattributed_cost_articles()
    options = tuple(Option(key=row.article_id, label=_claim_label(row), feedback=_credit_feedback(row),
                           short=f"{row.article_id} ¶{row.paragraph}") for row in credits.itertuples())
    row = credits.set_index("article_id").loc[answer]
    others = [f"{r.article_id} ¶{r.paragraph}" for r in credits.itertuples() if not r.credit]
    return SingleChoice(
        id="cost-who-estimated",
        title="Whose number is it?",
        prompt=("The training-cost figure comes from DeepSeek's own V3 report. Which article credits it to "
                "somebody else?"),
        options=options, correct=answer,
        hints=("Look for the words that say who produced the figure in each sentence.",
               "A named document or company can be checked; a group of unnamed people cannot."),
        explanation=(f"The sentence in {answer} ¶{row['paragraph']} says “{row['credit']}”. "
                     f"{verdict_reasons(row['claim_id'])['misattributed']}"
                     + (f" The sentences of {', '.join(others)} name no source at all: a gap the reader has to fill, "
                        "not a wrong credit." if others else "")),
        sources=(Source(fact=row["claim_id"], article=answer, paragraph=int(row["paragraph"])),),
    )


def times_as_many(value: float, reference: float) -> str:
    """How many times ``reference`` fits in ``value``, rounded for reading: ``"12"``, ``"2.5"``."""
    return trim(value / reference, 0 if value / reference >= 10 else 1)


def restatements() -> MultipleChoice:
    claims = cost_claims()
    reference = v3_final_run_cost()
    restated = frozenset(restatements_of_v3_cost()["text"])
    options = []
    for row in claims.drop_duplicates("text").itertuples():
        if row.text in restated:
            feedback = (f"{row.text} is {abs(row.difference):.1%} {'above' if row.difference > 0 else 'below'} "
                        f"the report's {usd(reference)}: a rounding of the same number.")
        elif row.comparison == "not comparable":
            feedback = f"A percentage, not an amount of money. {row.note}"
        else:
            times = times_as_many(row.value, reference)
            if row.value_high == row.value_high and row.value_high != row.value:  # a range: both ends
                times += f" to {times_as_many(row.value_high, reference)}"
            feedback = f"About {times} times the report's figure: a different thing. {row.note}"
        options.append(Option(key=row.text, label=f"{row.text} (article {row.article_id} ¶{row.paragraph})",
                              feedback=feedback))
    return MultipleChoice(
        id="cost-restatements",
        title="Same number, different words",
        prompt=(f"These figures appear near the word 'cost' or 'invest' in the articles. Which of them are the "
                f"V3 report's {usd(reference)}, rounded? Tick all that apply."),
        options=tuple(options), correct=restated,
        hints=(f"Compare each figure with the report's value: is it within about {DEFAULT_TOLERANCE:.0%}?",
               "A percentage cannot be a rounding of an amount of money."),
        explanation=("Rounding to one or two figures turns the report's number into "
                     + " or ".join(sorted(restated)) + ". The other figures measure something else."),
        sources=(Source(fact="COST-09"),),
    )


def verdicts() -> Matching:
    claims = training_cost_claims()
    rows = claims[claims["comparison"].isin(["exact", "rounded"])].drop_duplicates("claim_id")
    options = verdict_options(rows["claim_id"], always=("accurate",))
    return Matching(
        id="cost-verdicts",
        title="Judge each restatement",
        prompt=("Each sentence below restates the V3 report's training cost. Which verdict does the fact sheet "
                "give it?"),
        rows=tuple(Option(key=row.claim_id, label=_claim_label(row), feedback=row.note,
                          short=f"{row.article_id} ¶{row.paragraph}") for row in rows.itertuples()),
        options=options,
        correct=tuple((row.claim_id, str(row.verdict)) for row in rows.itertuples()),
        also=also_answers([(claim, claim) for claim in rows["claim_id"]], [o.key for o in options]),
        hints=("Ask three questions of each sentence: is the number right, is it the right model and scope, "
               "and is it credited to the right source?",
               "A sentence can have more than one problem. Every verdict the fact sheet gives a sentence is "
               "accepted, and the feedback says which one it puts first."),
        explanation=("The fact sheet's verdicts: "
                     + "; ".join(f"{row.article_id} ¶{row.paragraph}, {verdicts_text(row.claim_id)}"
                                 for row in rows.itertuples())
                     + f". The number is within {DEFAULT_TOLERANCE:.0%} of the report in every one of these "
                       "sentences; the verdicts differ because of who is credited, which model is named, what the "
                       "figure is said to cover and what is concluded from it."),
        sources=tuple(Source(fact=claim) for claim in rows["claim_id"]),
    )


_STYLES = {"r1_rl_cost": "thousand", "v3_final_run": "dollars", "llama31_405b_at_same_rate": "M",
           "meta_capex_2025": "bn", "nvidia_one_day_loss": "trillion"}
_DESCRIPTIONS = {
    "r1_rl_cost": "R1's own reasoning-stage training, first disclosed in September 2025 (hindsight)",
    "v3_final_run": "V3's final training run at the report's rental price",
    "llama31_405b_at_same_rate": "Llama 3.1 405B's GPU-hours at the same rental price",
    "meta_capex_2025": "Meta's planned capital spending for 2025 (low end)",
    "nvidia_one_day_loss": "Nvidia's loss of stock-market value on 27 January 2025 (low end)",
}


def scale_order() -> Ordering:
    items = cost_scale_items()
    options = [Option(key=row.name, label=f"{_DESCRIPTIONS[row.name]}: {usd_styled(row.usd, _STYLES[row.name])}")
               for row in items.itertuples()]
    shown = sorted(options, key=lambda option: random.Random(option.key).random())
    v3 = float(items.set_index("name").loc["v3_final_run", "usd"])
    largest = items.iloc[-1]
    return Ordering(
        id="cost-scale-order",
        title="Thousand, million, billion, trillion",
        prompt=("News writes money in many styles. Put these amounts in order, from the smallest to the "
                "largest."),
        items=tuple(shown), correct=tuple(items["name"]),
        hints=("Rewrite every amount in millions of dollars first.",
               "A billion is a thousand millions; a trillion is a thousand billions."),
        explanation=("From smallest to largest: "
                     + "; ".join(f"{_DESCRIPTIONS[r.name]} ({usd(r.usd)})" for r in items.itertuples())
                     + f". The largest is about {trim(round_significant(largest['usd'] / v3, 3), 0)} times the V3 "
                       "figure. They are different kinds of money: the value of one training run, a year's "
                       "planned spending, and a change in what a company's shares were worth."),
        sources=tuple(Source(fact=claim) for claim in dict.fromkeys(items["claim_id"])),
    )


def code_days() -> CodeExercise:
    hours = [24.0, 1000.0, reference_value("v3_gpu_hours_pre_training"), reference_value("v3_gpu_hours_total"),
             reference_value("llama31_405b_gpu_hours")]
    gpus = [1, 8, int(reference_value("v3_cluster_gpus")), 16384]
    header = 'def cluster_days(gpu_hours, gpus):\n    """Wall-clock days for gpu_hours on gpus GPUs at once."""\n'
    return CodeExercise(
        id="cost-code-days",
        title="Write the plausibility check",
        prompt=("Write a function cluster_days(gpu_hours, gpus) that returns how many days of wall-clock time "
                "a training job of gpu_hours takes when gpus GPUs work on it at the same time."),
        function_name="cluster_days",
        signature=header + "    ...",
        solution=header + "    hours_on_the_clock = gpu_hours / gpus\n    return hours_on_the_clock / 24\n",
        reference=wall_clock_days,
        cases=tuple((h, g) for h in hours for g in gpus),
        hints=("Hours on the clock = GPU-hours ÷ GPUs.", "Days = hours ÷ 24."),
        explanation="Divide the GPU-hours by the number of GPUs to get hours on the clock, then divide by 24.",
        sources=(Source(fact="TECH-04"),),
    )


def rewrite() -> Reflection:
    claims = training_cost_claims()
    row = claims[claims["verdict"] == "misattributed"].iloc[0]
    cost = v3_final_run_cost()
    source_title = str(fact(row["claim_id"])["source_title"]).casefold()
    source_words = tuple(word for word in ("deepseek", "report", "paper") if word in source_title or word == "paper")
    spellings = tuple(dict.fromkeys([trim(cost / 1e6, 3), trim(cost / 1e6, 2), trim(cost / 1e6, 1),
                                     f"{trim(round_significant(cost, 1) / 1e6)} million"]))
    return Reflection(
        id="cost-rewrite",
        title="Rewrite it accurately",
        prompt=(f"Rewrite this sentence from article {row['article_id']} ¶{row['paragraph']} so that it says who "
                "produced the figure and what it covers. Keep it to one or two sentences."),
        original=row["sentence"],
        criteria=(
            Criterion("source", "You say where the figure comes from.",
                      "Say who produced the figure: DeepSeek itself, in its V3 technical report.",
                      any_of=source_words),
            Criterion("vague", "No unnamed experts: good.",
                      "Drop the unnamed experts: the figure is DeepSeek's own, from its V3 report.",
                      none_of=VAGUE_SOURCES),
            Criterion("scope", "You say what the figure covers.",
                      "Say what it covers: one final training run, valued at a rental price for GPU-hours.",
                      any_of=RUN_SCOPE),
            Criterion("overstated", "You do not stretch it into the cost of building the whole model.",
                      "'Development cost', 'to build' or 'investment' stretch one training run too far.",
                      none_of=OVERSTATED_SCOPE),
            Criterion("figure", "Your figure matches the report (rounding is fine).",
                      f"Give the figure: the report says {usd(cost)}.", any_of=spellings),
        ),
        model_answer=(f"DeepSeek's own V3 technical report puts the cost of the model's final training run at "
                      f"{usd(cost)}, valuing its GPU-hours at an assumed rental price; it leaves out earlier "
                      "research and experiments."),
        hints=(),
        explanation=row["note"],
        sources=(Source(fact=row["claim_id"], article=row["article_id"], paragraph=int(row["paragraph"])),),
    )
