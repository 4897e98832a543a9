"""Answers for the chapter "What did it cost?": the V3 report's arithmetic and how the articles restate it."""

from __future__ import annotations

import pandas as pd

from solutions.chapters.arithmetic import classify_against_reference, cost_from_gpu_hours, relative_difference, wall_clock_days
from solutions.data.articles import article_text
from solutions.data.ledger import seed_ledger
from solutions.data.reference import reference_claim, reference_value


def v3_final_run_cost() -> float:
    """The V3 report's cost: its total GPU-hours at its assumed rental price per GPU-hour."""
    return cost_from_gpu_hours(reference_value("v3_gpu_hours_total"), reference_value("v3_usd_per_gpu_hour"))


def v3_stage_costs() -> pd.DataFrame:
    """Cost of each V3 training stage at the assumed rental price: ``stage``, ``gpu_hours``, ``cost_usd``."""
    rate = reference_value("v3_usd_per_gpu_hour")
    stages = [("pre-training", "v3_gpu_hours_pre_training"),
              ("context extension", "v3_gpu_hours_context_extension"),
              ("post-training", "v3_gpu_hours_post_training")]
    hours = [reference_value(name) for _, name in stages]
    return pd.DataFrame({"stage": [label for label, _ in stages], "gpu_hours": hours,
                         "cost_usd": [cost_from_gpu_hours(h, rate) for h in hours]})


def v3_cluster_days() -> float:
    """Wall-clock days for V3's total GPU-hours on its whole cluster running at once."""
    return wall_clock_days(reference_value("v3_gpu_hours_total"), reference_value("v3_cluster_gpus"))


def v3_pre_training_days() -> float:
    """Wall-clock days for V3's pre-training GPU-hours alone on its whole cluster (the report: "less than two months")."""
    return wall_clock_days(reference_value("v3_gpu_hours_pre_training"), reference_value("v3_cluster_gpus"))


def figure_in_words(article_id: str, start: int, end: int, before: int = 2) -> str:
    """A figure with the ``before`` words the article prints just before it, in its own characters.

    ``figure_in_words("003", start, end)`` for the "$6 million" of 003 ¶5 is "cost under $6 million": the
    words that say whether an article gives a figure as exact, "under", "about" or "just". The words are
    taken from the figure's own line, so a quotation built from them is exact.
    """
    text = article_text(article_id)
    line_start = text.rfind("\n", 0, start) + 1
    words = text[line_start:start].split()
    lead = " ".join(words[-before:]) if before > 0 else ""
    return (lead + " " if lead else "") + text[start:end]


def cost_claims(tolerance: float = 0.10) -> pd.DataFrame:
    """Every cost-related figure in the seeds, compared with the V3 report's cost.

    One row per ledger figure judged against a ``COST-`` fact or stated in US dollars next to cost
    words, with ``comparison`` (exact, rounded or inconsistent, or "not comparable" for a percentage)
    and ``difference`` (signed fraction of the report's value).
    """
    ledger = seed_ledger()
    reference = v3_final_run_cost()
    rows = ledger[ledger["claim_id"].str.startswith("COST-") | (ledger["kind"] == "investment")].copy()
    comparable = rows["unit"] == "USD"
    rows["comparison"] = [classify_against_reference(v, reference, tolerance) if ok else "not comparable"
                          for v, ok in zip(rows["value"], comparable)]
    rows["difference"] = [relative_difference(v, reference) if ok else float("nan")
                          for v, ok in zip(rows["value"], comparable)]
    return rows.reset_index(drop=True)


def restatements_of_v3_cost() -> pd.DataFrame:
    """The cost claims whose figure is the V3 report's cost, exactly or rounded."""
    claims = cost_claims()
    return claims[claims["comparison"].isin(["exact", "rounded"])].reset_index(drop=True)


def training_cost_claims() -> pd.DataFrame:
    """The cost claims judged against a training-cost fact (``COST-`` rows), not investment figures."""
    claims = cost_claims()
    return claims[claims["claim_id"].str.startswith("COST-")].reset_index(drop=True)


def misattributed_cost_articles() -> list[str]:
    """Articles whose training-cost figure the fact sheet calls misattributed (credited to the wrong source)."""
    claims = training_cost_claims()
    return sorted(set(claims.loc[claims["verdict"] == "misattributed", "article_id"]))


def cost_scale_items() -> pd.DataFrame:
    """Dollar amounts from the story, smallest first: ``name``, ``usd``, ``claim_id``.

    Llama 3.1 405B's GPU-hours are priced at the V3 report's rental rate, to compare like with like.
    """
    rate = reference_value("v3_usd_per_gpu_hour")
    items = [
        ("r1_rl_cost", reference_value("r1_rl_cost_usd"), reference_claim("r1_rl_cost_usd")),
        ("v3_final_run", v3_final_run_cost(), reference_claim("v3_reported_cost_usd")),
        ("llama31_405b_at_same_rate", cost_from_gpu_hours(reference_value("llama31_405b_gpu_hours"), rate),
         reference_claim("llama31_405b_gpu_hours")),
        ("meta_capex_2025", reference_value("meta_capex_2025_low_usd"), reference_claim("meta_capex_2025_low_usd")),
        ("nvidia_one_day_loss", reference_value("nvidia_market_value_loss_usd"),
         reference_claim("nvidia_market_value_loss_usd")),
    ]
    table = pd.DataFrame(items, columns=["name", "usd", "claim_id"])
    return table.sort_values("usd", kind="stable").reset_index(drop=True)


def articles_giving(value: float) -> list[str]:
    """Articles that print a cost or investment figure equal to ``value`` (for example the rounded $6 million)."""
    claims = cost_claims()
    return sorted(set(claims.loc[claims["value"] == value, "article_id"]))


def cost_credits() -> pd.DataFrame:
    """Who each article credits its training-cost figure to, from the first such sentence in each article.

    Columns: ``article_id``, ``paragraph``, ``text``, ``claim_id``, ``verdict``, ``sentence``, ``credit`` (the
    words that credit the figure, or "" when the sentence names no source) and ``named`` (whether the credit
    names someone a reader could look up). The credit is read by :func:`solutions.chapters.sourcing.attributions`.
    """
    from solutions.chapters.sourcing import attributions

    first = training_cost_claims().drop_duplicates("article_id")
    rows = []
    for row in first.itertuples():
        found = attributions(str(row.sentence))
        credit = found[0] if found else None
        rows.append((row.article_id, int(row.paragraph), row.text, row.claim_id, str(row.verdict), str(row.sentence),
                     credit["credit"] if credit else "", bool(credit["named"]) if credit else False))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "text", "claim_id", "verdict", "sentence", "credit",
                                       "named"])
