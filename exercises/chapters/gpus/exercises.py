"""The exercises of the chapter "How many chips?". Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

import re

from solutions.chapters.arithmetic import DEFAULT_TOLERANCE
from solutions.data.facts import VERDICT_MEANINGS, accepted_verdicts, fact, fact_text, verdict_reasons
from solutions.chapters.gpus import (
    article_words, gpu_claim_parts, gpu_claims, gpu_hours_ratio, gpu_verdicts, unverifiable_gpu_claims, v3_count_check,
)
from solutions.data.reference import reference_value

from exercises.chapters.verdict_options import also_answers, verdict_options, verdicts_text
from exercises.formatting import scaled, shorten, trim
from exercises.kinds import Matching, MultipleChoice, NumberQuestion, Option, SingleChoice, Source, Trap


def _trap(value: float, feedback: str) -> Trap:
    """A wrong number recognised within 2% of ``value``."""
    return Trap(value, abs(value) * 0.02, feedback)


_CHECKS = {
    "exact": "Exact: the same number as the report.",
    "rounded": f"Rounded: within {DEFAULT_TOLERANCE:.0%} of the report, or the report's number rounded.",
    "inconsistent": "Inconsistent: too far from the report to be the same number.",
}


def _fact_line(claim_id: str) -> str:
    """The "Fact:" line of a claim's card in ``facts.md``, without its Markdown emphasis."""
    match = re.search(r"^- \*\*Fact:\*\* (.*)$", fact_text(claim_id), re.M)
    return match.group(1).replace("**", "").strip() if match else str(fact(claim_id)["verified_value"])


def fact_feedback(claim_id: str, note: str | None = None) -> str:
    """What the fact sheet says about a claim: its verdicts, then why.

    The why is ``note`` (the ledger's note on the figure) when there is one; else the reasons the fact's note
    gives for its verdicts; else, where the note gives no reason, the "Fact:" line of its card.
    """
    main, *also = accepted_verdicts(claim_id)
    reasons = verdict_reasons(claim_id)
    text = f"The fact sheet ({claim_id}) calls this {verdicts_text(claim_id)}."
    if note:
        return f"{text} {note}"
    text += " " + (reasons[main] if reasons[main] != VERDICT_MEANINGS[main] else _fact_line(claim_id))
    return text + "".join(f" Also {verdict}: {reasons[verdict]}" for verdict in also)


def _claim_label(claim_id: str) -> str:
    """A claim as the learner meets it: the article's own words with their paragraph, or the wording of a claim
    made outside the five articles."""
    try:
        place = article_words(claim_id)
    except KeyError:
        return f"Said outside the five articles: {str(fact(claim_id)['seed_wording']).replace(' / ', ' or ')}"
    return f"{place['article_id']} ¶{place['paragraph']}: “{place['quote']}”"


def rounding() -> SingleChoice:
    claims = gpu_claims()
    row = claims[claims["claim_id"] == "GPU-02"].iloc[0]
    quote = article_words("GPU-02")["quote"]
    cluster = reference_value("v3_cluster_gpus")
    answer = v3_count_check(row["value"])
    off = abs(row["value"] - cluster) / cluster
    feedback = {
        "exact": f"Not the same number: {row['text']} is not {trim(cluster, 0)}.",
        "rounded": (f"{row['text']} is {trim(cluster, 0)} rounded to one significant figure, {off:.1%} off. "
                    "Rounding is fine if readers are not told the number is exact."),
        "inconsistent": f"It is only {off:.1%} away from the report's figure.",
    }
    return SingleChoice(
        id="gpus-rounding",
        title="Two thousand or 2,048?",
        prompt=(f"Article {row['article_id']} ¶{row['paragraph']} says DeepSeek's model was “{quote}”. The V3 "
                f"report says {trim(cluster, 0)} H800 GPUs. Compared with the report, the article's number is:"),
        options=tuple(Option(key=key, label=label, feedback=feedback[key]) for key, label in _CHECKS.items()),
        correct=answer,
        hints=("Work out how far apart the two numbers are, as a percentage of the report's number.",),
        explanation=f"{row['note']} The difference is {off:.1%}.",
        sources=(Source(fact=row["claim_id"], article=row["article_id"], paragraph=int(row["paragraph"])),
                 Source(fact="GPU-01")),
    )


def chip_verdicts() -> Matching:
    parts = gpu_claim_parts()
    notes = gpu_claims().set_index("claim_id")["note"]
    options = verdict_options(parts["claim_id"], always=("conflated",))

    def label(row) -> str:
        if row.split:
            return f"{row.article_id} ¶{row.paragraph}: “{row.quote}” (the claim with {row.text})"
        sentence = gpu_claims().set_index("claim_id").loc[row.claim_id, "sentence"]
        return f"{row.article_id} ¶{row.paragraph}: “{shorten(sentence, row.text, 260)}” (the claim with {row.text})"

    def short(row) -> str:
        return f"{row.article_id} ¶{row.paragraph}" + (f", {row.quote.split()[0]}" if row.split else "")

    rows = tuple(Option(key=row.claim_id, short=short(row), label=label(row),
                        feedback=fact_feedback(row.claim_id, None if row.split else str(notes[row.claim_id])))
                 for row in parts.itertuples())
    return Matching(
        id="gpus-verdicts",
        title="Judge each chip count",
        prompt=("Each sentence gives a number of chips. Where one sentence makes a claim about two companies, it "
                "has a row for each. Which verdict does the fact sheet give each claim?"),
        rows=rows,
        options=options,
        correct=tuple((row.claim_id, row.verdict) for row in parts.itertuples()),
        also=also_answers([(claim, claim) for claim in parts["claim_id"]], [o.key for o in options]),
        hints=("Check four things: the number, the kind of chip, whose chips they were, and which model the "
               "sentence credits them to.",
               "A claim is unverifiable when no source for it was found; a sentence can have more than one "
               "problem, and every verdict the fact sheet gives it is accepted."),
        explanation=("The fact sheet's verdicts: "
                     + "; ".join(f"{short(row)} ({row.text}), {verdicts_text(row.claim_id)}"
                                 for row in parts.itertuples())
                     + ". A number can match its source and still sit in the wrong sentence, be rounded, hold for "
                       "one company and not be checkable for another, or be attached to the wrong chip."),
        sources=tuple(Source(fact=claim) for claim in parts["claim_id"]),
    )


def hours_ratio() -> NumberQuestion:
    llama, v3 = reference_value("llama31_405b_gpu_hours"), reference_value("v3_gpu_hours_total")
    ratio = gpu_hours_ratio()
    return NumberQuestion(
        id="gpus-hours-ratio",
        title="Counting work, not chips",
        prompt=(f"Meta's Llama 3.1 405B took {scaled(llama, 2)} H100 GPU-hours to train. DeepSeek-V3 took "
                f"{scaled(v3)} H800 GPU-hours. How many times as many GPU-hours did Llama 3.1 405B use?"),
        answer=ratio, tolerance=0.2, unit_words=("times", "x", "times as many"), display=f"about {trim(ratio, 1)} times",
        traps=(_trap(1 / ratio, "That is V3's GPU-hours as a share of Llama's: divide the other way round."),
               _trap(llama - v3, "That is the difference, not how many times as many: divide instead."),),
        correct_feedback=f"{scaled(llama, 2)} ÷ {scaled(v3)} ≈ {trim(ratio, 1)}.",
        hints=("'How many times as many' means dividing one amount by the other.",
               "Both numbers are in millions, so the millions cancel."),
        explanation=(f"{scaled(llama, 2)} ÷ {scaled(v3)} ≈ {trim(ratio, 1)}. Llama 3.1 405B used about "
                     f"{trim(ratio, 0)} times as much GPU time, on a different chip (H100s, not H800s), so this "
                     "compares work done, not money or efficiency."),
        sources=(Source(fact="COST-08"), Source(fact="TECH-01")),
    )


def unverified() -> MultipleChoice:
    facts = gpu_verdicts()
    main, also = unverifiable_gpu_claims()
    parts = gpu_claim_parts()
    notes = gpu_claims().set_index("claim_id")["note"]
    figure_notes = {claim: str(notes[claim]) for claim in parts.loc[~parts["split"], "claim_id"]}
    labels = {row.claim_id: _claim_label(row.claim_id) for row in facts.itertuples()}
    options = tuple(Option(key=claim, label=labels[claim], feedback=fact_feedback(claim, figure_notes.get(claim)))
                    for claim in labels)
    wrong = facts[facts["verdict"] == "wrong"]
    return MultipleChoice(
        id="gpus-unverifiable",
        title="Wrong, or just unproven?",
        prompt=("Which of these claims about chips does the fact sheet call unverifiable, meaning that no source "
                "was found for them? Tick all that apply."),
        options=options,
        correct=frozenset(main) | frozenset(also),
        either=frozenset(also),
        hints=("A claim is wrong when a source says something different; it is unverifiable when no source "
               "settles it either way.",),
        explanation=("No source was found for: " + "; ".join(labels[c] for c in main) + ". That leaves these "
                     "claims open: they cannot be checked, so a careful writer reports them as claims, saying who "
                     "made them."
                     + "".join(f" {labels[row.claim_id]} is different: a source says something else "
                               f"({str(row.verified_value).rstrip('.')}), so the fact sheet calls it wrong."
                               for row in wrong.itertuples())),
        sources=tuple(Source(fact=claim) for claim in facts["claim_id"]),
    )
