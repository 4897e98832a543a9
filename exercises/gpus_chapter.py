"""The exercises of the chapter "How many chips?". Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

from solutions.arithmetic import DEFAULT_TOLERANCE
from solutions.facts import VERDICT_MEANINGS, load_facts
from solutions.gpus import gpu_claims, gpu_hours_ratio, gpu_verdicts, v3_count_check
from solutions.reference import reference_value

from .formatting import scaled, shorten, trim
from .model import ChapterExercises, Matching, MultipleChoice, NumberQuestion, Option, SingleChoice, Source, Trap


def _trap(value: float, feedback: str) -> Trap:
    """A wrong number recognised within 2% of ``value``."""
    return Trap(value, abs(value) * 0.02, feedback)

_CHECKS = {
    "exact": "Exact: the same number as the report.",
    "rounded": f"Rounded: within {DEFAULT_TOLERANCE:.0%} of the report, or the report's number rounded.",
    "inconsistent": "Inconsistent: too far from the report to be the same number.",
}


def rounding() -> SingleChoice:
    claims = gpu_claims()
    row = claims[claims["claim_id"] == "GPU-02"].iloc[0]
    cluster = reference_value("v3_cluster_gpus")
    answer = v3_count_check(row["value"])
    feedback = {
        "exact": f"Not the same number: {row['text']} is not {trim(cluster, 0)}.",
        "rounded": (f"{row['text']} is {trim(cluster, 0)} rounded to one significant figure, "
                    f"{abs(row['value'] - cluster) / cluster:.1%} off. Rounding is fine if readers are not told "
                    "the number is exact."),
        "inconsistent": f"It is only {abs(row['value'] - cluster) / cluster:.1%} away from the report's figure.",
    }
    return SingleChoice(
        id="gpus-rounding",
        title="Two thousand or 2,048?",
        prompt=(f"Article {row['article_id']} ¶{row['paragraph']} says DeepSeek's model \"was trained using only "
                f"{row['text']} Nvidia chips\". The V3 report says {trim(cluster, 0)} H800 GPUs. Compared with the "
                "report, the article's number is:"),
        options=tuple(Option(key=key, label=label, feedback=feedback[key]) for key, label in _CHECKS.items()),
        correct=answer,
        hints=("Work out how far apart the two numbers are, as a percentage of the report's number.",),
        explanation=f"{row['note']} The difference is {abs(row['value'] - cluster) / cluster:.1%}.",
        sources=(Source(fact=row["claim_id"], article=row["article_id"], paragraph=int(row["paragraph"])),
                 Source(fact="GPU-01")),
    )


def chip_verdicts() -> Matching:
    claims = gpu_claims()
    scale = list(load_facts()["verdict"].cat.categories)
    chosen = sorted(set(claims["verdict"].astype(str)) | {"conflated"}, key=scale.index)
    rows = tuple(Option(key=row.claim_id, short=f"{row.article_id} ¶{row.paragraph}", feedback=row.note,
                        label=f"{row.article_id} ¶{row.paragraph}: “{shorten(row.sentence, row.text, 260)}” "
                              f"(the figure {row.text})")
                 for row in claims.itertuples())
    return Matching(
        id="gpus-verdicts",
        title="Judge each chip count",
        prompt="Each sentence gives a number of chips. Which verdict does the fact sheet give its number?",
        rows=rows,
        options=tuple(Option(key=v, label=f"{v}: {VERDICT_MEANINGS[v]}") for v in chosen),
        correct=tuple((row.claim_id, str(row.verdict)) for row in claims.itertuples()),
        hints=("Check three things: the number, the kind of chip, and whose chips they were.",
               "The H100 was never legally sold to China."),
        explanation=("A number can be exactly right and still sit in the wrong sentence (2,048 under R1), rounded "
                     "(2,000), right for one company but not another (16,000 at Meta; OpenAI has not said), or "
                     "attached to the wrong chip, buyer and year (10,000 A100s, not H100s)."),
        sources=tuple(Source(fact=claim) for claim in claims["claim_id"]),
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
                     f"{trim(ratio, 0)} times as much GPU time, on different chips and with a different design, "
                     "so this compares work done, not money or efficiency."),
        sources=(Source(fact="COST-08"), Source(fact="TECH-01")),
    )


def unverified() -> MultipleChoice:
    facts = gpu_verdicts()
    options = tuple(Option(key=row.claim_id, label=f"“{shorten(row.seed_wording, '', 150)}”",
                           feedback=f"The fact sheet says {row.verdict}. {row.note}")
                    for row in facts.itertuples())
    return MultipleChoice(
        id="gpus-unverifiable",
        title="Wrong, or just unproven?",
        prompt=("Which of these claims about chips does the fact sheet call unverifiable, meaning that no source "
                "was found for them? Tick all that apply."),
        options=options,
        correct=frozenset(facts.loc[facts["verdict"] == "unverifiable", "claim_id"]),
        hints=("A claim is wrong when a source says something different; it is unverifiable when no source "
               "settles it either way.",),
        explanation=("Unverifiable does not mean false: the 50,000 figure is a claim made by others that nobody "
                     "has confirmed or refuted with a source. The 10,000 H100s, by contrast, are contradicted "
                     "by the record (they were A100s), so that claim is wrong."),
        sources=tuple(Source(fact=claim) for claim in facts["claim_id"]),
    )


CHAPTER = ChapterExercises(chapter="gpus", title="How many chips?",
                           build=(rounding, chip_verdicts, hours_ratio, unverified))
